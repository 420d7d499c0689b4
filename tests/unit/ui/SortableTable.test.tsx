// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type SortableColumn, SortableTable } from "../../../src/ui/components/SortableTable.tsx";
import "./harness.ts";

interface Row {
  readonly name: string;
  readonly usdBn: number | null;
}
const rows: Row[] = [
  { name: "b", usdBn: 5 },
  { name: "a", usdBn: null },
  { name: "c", usdBn: 40 },
];
const columns: SortableColumn<Row>[] = [
  { key: "name", header: "Name", sortValue: (r) => r.name, cell: (r) => r.name },
  {
    key: "amount",
    header: "Amount",
    numeric: true,
    firstDirection: "descending",
    sortValue: (r) => r.usdBn,
    cell: (r) => (r.usdBn === null ? "undisclosed" : `$${r.usdBn} bn`),
  },
  { key: "note", header: "Note", cell: () => "—" },
];
const names = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[0]!.textContent);

describe("ui/components/SortableTable", () => {
  it("should keep the given order until a header is pressed, then toggle the direction", async () => {
    const user = userEvent.setup();
    render(<SortableTable caption="Things" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    expect(screen.getByRole("table", { name: "Things" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Things" })).toHaveAttribute("tabindex", "0");
    expect(names()).toEqual(["b", "a", "c"]);
    await user.click(screen.getByRole("button", { name: "Amount" }));
    expect(names()).toEqual(["c", "b", "a"]);
    expect(screen.getByRole("columnheader", { name: /Amount/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await user.click(screen.getByRole("button", { name: "Amount" }));
    expect(names()).toEqual(["b", "c", "a"]);
    await user.click(screen.getByRole("button", { name: "Name" }));
    expect(names()).toEqual(["a", "b", "c"]);
    expect(screen.getByRole("columnheader", { name: /Amount/ })).not.toHaveAttribute("aria-sort");
    expect(within(screen.getByRole("columnheader", { name: "Note" })).queryByRole("button")).toBe(
      null,
    );
  });

  it("should render at most maxRows rows and say how many are left out", () => {
    render(
      <SortableTable
        caption="Capped"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        initialSort={{ key: "name", direction: "ascending" }}
        maxRows={2}
      />,
    );
    expect(screen.getByText(/^1 more rows not shown/)).toBeInTheDocument();
    expect(screen.queryByText("c")).not.toBeInTheDocument();
  });
});
