// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { formatDealAmount, formatUsdBn } from "../../../src/domain/money.ts";
import { selectFilteredDeals } from "../../../src/state/selectors.ts";
import { actions, useStore } from "../../../src/state/store.ts";
import { DealsTable } from "../../../src/ui/panels/DealsTable.tsx";
import { analyseNow, resetWithAnalysis } from "./harness.ts";

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);
const amountsShown = () => bodyRows().map((r) => within(r).getAllByRole("cell")[3]!.textContent);

describe("ui/panels/DealsTable", () => {
  beforeEach(() => resetWithAnalysis());

  it("should list every filtered deal under a 'Deals (N)' caption", () => {
    render(<DealsTable />);
    const deals = useStore
      .getState()
      .dataset.deals.filter((d) => d.status !== "superseded" && d.status !== "cancelled");
    expect(screen.getByRole("table", { name: `Deals (${deals.length})` })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(deals.length);
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers.map((h) => h!.replace(/[▲▼↕]/, ""))).toEqual([
      "Payer",
      "Payee",
      "Type",
      "Amount",
      "Announced",
      "Status",
      "Evidence",
      "Sources",
    ]);
    for (const h of screen.getAllByRole("columnheader")) expect(h).toHaveAttribute("scope", "col");

    act(() => {
      actions.setFilters({ minAmountUsdBn: 50, includeUndisclosed: false });
      analyseNow();
    });
    const filtered = selectFilteredDeals(useStore.getState());
    expect(filtered.length).toBeLessThan(deals.length);
    expect(screen.getByRole("table", { name: `Deals (${filtered.length})` })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(filtered.length);
  });

  it("should sort by amount, largest first then smallest first, undisclosed last", async () => {
    const user = userEvent.setup();
    render(<DealsTable />);
    const deals = selectFilteredDeals(useStore.getState());
    const known = deals.filter((d) => d.amountQualifier !== "undisclosed");
    const sortedDesc = [...known].sort((a, b) => b.amountUsdBn! - a.amountUsdBn!);
    const header = screen.getByRole("columnheader", { name: /Amount/ });
    expect(header).not.toHaveAttribute("aria-sort");

    await user.click(screen.getByRole("button", { name: "Amount" }));
    expect(header).toHaveAttribute("aria-sort", "descending");
    let shown = amountsShown();
    expect(shown[0]).toBe(
      formatDealAmount(sortedDesc[0]!.amountUsdBn, sortedDesc[0]!.amountQualifier),
    );
    expect(shown.slice(known.length).every((a) => a === "undisclosed")).toBe(true);
    expect(shown.slice(0, known.length)).not.toContain("undisclosed");

    await user.click(screen.getByRole("button", { name: "Amount" }));
    expect(header).toHaveAttribute("aria-sort", "ascending");
    shown = amountsShown();
    const smallest = sortedDesc.at(-1)!;
    // NOTE: equal amounts may be exact or "about"; the smallest amount comes first either way.
    expect(shown[0]!.endsWith(formatUsdBn(smallest.amountUsdBn!))).toBe(true);
    expect(shown.at(-1)).toBe("undisclosed");
  });

  it("should narrow the rows with the text filter", async () => {
    const user = userEvent.setup();
    render(<DealsTable />);
    await user.type(screen.getByLabelText("Filter deals"), "oracle");
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(useStore.getState().dataset.deals.length);
    expect(screen.getByRole("table", { name: /^Deals \(\d+ of \d+\)$/ })).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Filter deals"));
    await user.type(screen.getByLabelText("Filter deals"), "no such deal anywhere");
    expect(screen.getByText("No deals match.")).toBeInTheDocument();
  });

  it("should open a flow's details from its payer → payee button", async () => {
    const user = userEvent.setup();
    render(<DealsTable />);
    await user.click(screen.getAllByRole("button", { name: "OpenAI → Oracle" })[0]!);
    const state = useStore.getState();
    expect(state.selection).toEqual({ kind: "edge", from: "openai", to: "oracle" });
    expect(state.tab).toBe("details");
  });
});
