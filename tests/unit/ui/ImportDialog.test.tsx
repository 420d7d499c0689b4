// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/domain/problems.ts";
import {
  type DatasetImport,
  ImportDialog,
  PROBLEMS_PER_PAGE,
  summarizeProblems,
} from "../../../src/ui/components/ImportDialog.tsx";
import "./harness.ts";

const many = (n: number): Problem[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `line ${i + 2}, ${i % 10 === 0 ? "from" : "amount_usd_bn"}`,
    line: i + 2,
    message: "is wrong",
  }));

const importer = (problems: Problem[]): DatasetImport => ({
  state: {
    phase: "done",
    fileName: "huge.csv",
    format: "csv",
    result: { ok: false, problems, partial: null, skipped: problems.length },
  },
  start() {},
  importPartial() {},
  remap() {},
  acceptMapping() {},
  close() {},
});

describe("ui/components/ImportDialog", () => {
  describe("summarizeProblems", () => {
    it("should count problems by field, most first", () => {
      expect(summarizeProblems(many(100))).toBe("amount_usd_bn: 90; from: 10");
    });
  });

  it("should show a million problems a page at a time, with a summary", async () => {
    const user = userEvent.setup();
    render(<ImportDialog importer={importer(many(1_000_000))} />);
    // NOTE: jsdom has no showModal, so the dialog's content is reached with hidden: true.
    const hidden = { hidden: true } as const;
    const list = screen.getByRole("list", { name: "Problems", ...hidden });
    expect(within(list).getAllByRole("listitem", hidden)).toHaveLength(PROBLEMS_PER_PAGE);
    expect(
      screen.getByText(/^By field: amount_usd_bn: 900,000; from: 100,000/),
    ).toBeInTheDocument();
    const pages = screen.getByRole("group", { name: "Problem pages", ...hidden });
    expect(within(pages).getByRole("status", hidden)).toHaveTextContent(
      "Problems 1–200 of 1,000,000",
    );
    await user.click(within(pages).getByRole("button", { name: "Next 200", ...hidden }));
    expect(within(pages).getByRole("status", hidden)).toHaveTextContent(
      "Problems 201–400 of 1,000,000",
    );
    expect(within(list).getAllByRole("listitem", hidden)[0]).toHaveTextContent("line 202,");
  });
});
