import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  dealsAsOf,
  isPartialPeriod,
  monthOf,
  monthRange,
  timelineMonths,
} from "../../../src/analysis/timeline.ts";
import { filterDeals, DEFAULT_DEAL_FILTERS } from "../../../src/analysis/filterDeals.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("analysis/timeline", () => {
  describe("monthRange", () => {
    it("should refuse months that are not YYYY-MM", () => {
      expect(() => monthRange("2025", "2025-02")).toThrow(
        "analysis/timeline: months must be YYYY-MM",
      );
    });
    it("should list months across a year end", () => {
      expect(monthRange("2024-11", "2025-02")).toEqual([
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
      ]);
    });
  });

  describe("monthOf", () => {
    it("should put partial dates at the start of their period", () => {
      expect(monthOf("2025")).toBe("2025-01");
      expect(monthOf("2025-09")).toBe("2025-09");
      expect(monthOf("2025-09-22")).toBe("2025-09");
      expect(monthOf(undefined)).toBeNull();
      expect(isPartialPeriod("2025")).toBe(true);
      expect(isPartialPeriod("2025-09-22")).toBe(false);
    });
  });

  describe("dealsAsOf", () => {
    it("should keep deals announced in or before the month", () => {
      const deals = tinyDataset().deals;
      // nv-oai 2025-09, oai-orcl 2025-09-10, orcl-nv 2025 (→ 2025-01), nv-intel 2025-09
      expect(dealsAsOf(deals, "2025-08").map((d) => d.id)).toEqual(["orcl-nv"]);
      expect(dealsAsOf(deals, "2025-09")).toHaveLength(4);
      expect(dealsAsOf(deals, "2024-12")).toEqual([]);
    });

    it("should agree with the date-range filter", () => {
      const deals = tinyDataset().deals;
      const viaFilter = filterDeals(deals, { ...DEFAULT_DEAL_FILTERS, dateTo: "2025-08" });
      expect(viaFilter.map((d) => d.id)).toEqual(dealsAsOf(deals, "2025-08").map((d) => d.id));
    });
  });

  describe("buildTimeline", () => {
    it("should accumulate dollars by type and announce the loop when it closes", () => {
      const d = tinyDataset();
      expect(timelineMonths(d.deals)).toHaveLength(9);
      const points = buildTimeline(
        d.deals,
        6,
        d.companies.map((c) => c.id),
      );
      const jan = points[0]!;
      expect(jan).toMatchObject({ month: "2025-01", loopCount: 0, newDealIds: ["orcl-nv"] });
      expect(jan.cumulativeUsdBnByType).toEqual({ "chip-purchase": 40 });
      const sep = points.at(-1)!;
      expect(sep.month).toBe("2025-09");
      expect(sep.loopCount).toBe(1);
      expect(sep.loopsClosed).toEqual([["nvidia", "openai", "oracle"]]);
      expect(sep.cumulativeUsdBnByType).toEqual({
        "chip-purchase": 40,
        equity: 105,
        "cloud-contract": 300,
      });
    });
  });
});
