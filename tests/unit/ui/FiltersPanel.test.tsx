// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DEAL_FILTERS, DEFAULT_STATUSES } from "../../../src/analysis/filterDeals.ts";
import { DEAL_STATUSES, DEAL_TYPES, EVIDENCE_TIERS } from "../../../src/domain/schema.ts";
import { selectFilteredDeals } from "../../../src/state/selectors.ts";
import { useStore } from "../../../src/state/store.ts";
import { AnalysisRunner } from "../../../src/ui/AnalysisRunner.tsx";
import { FiltersPanel, toMonthValue, toggleIn } from "../../../src/ui/panels/FiltersPanel.tsx";
import { resetWithAnalysis } from "./harness.ts";

describe("ui/panels/FiltersPanel", () => {
  beforeEach(() => resetWithAnalysis());

  describe("toggleIn", () => {
    it("should keep the canonical order when a value comes back", () => {
      expect(toggleIn(DEAL_TYPES, ["debt", "warrant"], "equity", true)).toEqual([
        "equity",
        "debt",
        "warrant",
      ]);
      expect(toggleIn(DEAL_TYPES, ["equity", "debt"], "equity", false)).toEqual(["debt"]);
    });
  });

  describe("toMonthValue", () => {
    it("should widen a year to its first or last month", () => {
      expect(toMonthValue(null, "start")).toBe("");
      expect(toMonthValue("2025", "start")).toBe("2025-01");
      expect(toMonthValue("2025", "end")).toBe("2025-12");
      expect(toMonthValue("2025-09-14", "end")).toBe("2025-09");
    });
  });

  describe("FiltersPanel", () => {
    it("should remove a deal type from the store filters when it is unchecked", async () => {
      const user = userEvent.setup();
      // NOTE: the real runner; with no Worker in Node it runs the pipeline on this thread.
      render(
        <>
          <AnalysisRunner />
          <FiltersPanel />
        </>,
      );
      const total = useStore.getState().dataset.deals.length;
      const live = useStore
        .getState()
        .dataset.deals.filter((d) => d.status !== "superseded" && d.status !== "cancelled").length;
      expect(screen.getByText(`${live} of ${total} deals counted`)).toBeInTheDocument();
      const types = screen.getByRole("group", { name: "Deal types" });
      expect(within(types).getAllByRole("checkbox")).toHaveLength(DEAL_TYPES.length);
      await user.click(within(types).getByRole("checkbox", { name: "equity" }));
      expect(useStore.getState().filters.types).toEqual(DEAL_TYPES.filter((t) => t !== "equity"));
      const shown = selectFilteredDeals(useStore.getState()).length;
      expect(shown).toBeLessThan(total);
      expect(screen.getByText(`${shown} of ${total} deals counted`)).toBeInTheDocument();
      expect(within(types).getByRole("checkbox", { name: "equity" })).not.toBeChecked();
    });

    it("should set statuses, minimum amount, undisclosed and dates, then reset them", async () => {
      const user = userEvent.setup();
      render(<FiltersPanel />);
      const statuses = screen.getByRole("group", { name: "Status" });
      expect(within(statuses).getAllByRole("checkbox")).toHaveLength(DEAL_STATUSES.length);
      await user.click(within(statuses).getByRole("checkbox", { name: "stalled" }));
      await user.type(screen.getByLabelText("Minimum amount ($ bn)"), "5");
      await user.click(screen.getByRole("checkbox", { name: "Include undisclosed amounts" }));
      const from = screen.getByLabelText("Announced from");
      expect(from).toHaveAttribute("type", "month");
      await user.type(from, "2025-09");
      await user.type(screen.getByLabelText("Announced to"), "2025-10");
      expect(useStore.getState().filters).toEqual({
        types: DEAL_TYPES,
        statuses: DEFAULT_STATUSES.filter((s) => s !== "stalled"),
        evidence: EVIDENCE_TIERS,
        minAmountUsdBn: 5,
        includeUndisclosed: false,
        dateFrom: "2025-09",
        dateTo: "2025-10",
      });
      const evidence = screen.getByRole("group", { name: "Evidence" });
      await user.click(within(evidence).getByRole("checkbox", { name: "inferred" }));
      expect(useStore.getState().filters.evidence).toEqual(["filing", "reported", "estimate"]);
      await user.click(
        screen.getByRole("checkbox", { name: "Merge vehicles into their sponsors" }),
      );
      expect(useStore.getState().viewOptions.mergeVehicles).toBe(true);
      await user.click(screen.getByRole("button", { name: "Reset filters" }));
      expect(useStore.getState().filters).toEqual(DEFAULT_DEAL_FILTERS);
      expect(within(statuses).getByRole("checkbox", { name: "superseded" })).not.toBeChecked();
      expect(screen.getByLabelText("Minimum amount ($ bn)")).toHaveValue(0);
      expect(screen.getByLabelText("Announced from")).toHaveValue("");
    });
  });
});
