import { describe, expect, it } from "vitest";
import { DEFAULT_DEAL_FILTERS } from "../../../src/analysis/filterDeals.ts";
import { announcedByIdOf, lineageAsOf } from "../../../src/analysis/lineage.ts";
import { DEFAULT_LOOP_OPTIONS } from "../../../src/analysis/loops.ts";
import { runPipeline } from "../../../src/analysis/pipeline.ts";
import { buildTimeline } from "../../../src/analysis/timeline.ts";
import { company, dataset, deal } from "../graph/fixtures.ts";

/** A letter of intent (Sep 2025) replaced by a smaller stake (Feb 2026), and money coming back. */
function lineageDataset() {
  return dataset(
    [company("a"), company("b")],
    [
      deal("loi", "a", "b", 100, {
        announced: "2025-09",
        status: "superseded",
        supersededBy: "stake",
      }),
      deal("stake", "a", "b", 30, { announced: "2026-02" }),
      deal("back", "b", "a", 50, { announced: "2025-06" }),
    ],
  );
}

describe("analysis/lineage", () => {
  describe("lineageAsOf", () => {
    it("should refuse a month that is not YYYY-MM", () => {
      expect(() => lineageAsOf([], "2025", new Map())).toThrow(
        "analysis/lineage: month must be YYYY-MM",
      );
    });

    it("should read a superseded deal as live until its replacement is announced", () => {
      const d = lineageDataset();
      const dates = announcedByIdOf(d.deals);
      const status = (month: string) =>
        lineageAsOf(d.deals, month, dates).find((x) => x.id === "loi")!.status;
      expect(status("2025-10")).toBe("announced");
      expect(status("2026-01")).toBe("announced");
      expect(status("2026-02")).toBe("superseded");
      expect(d.deals[0]!.status).toBe("superseded");
    });
  });

  describe("the pipeline and the timeline", () => {
    it("should count the letter of intent in a view of the past and the stake today", () => {
      const d = lineageDataset();
      const run = (dateTo: string | null) =>
        runPipeline({
          dataset: d,
          filters: { ...DEFAULT_DEAL_FILTERS, dateTo },
          view: { mergeVehicles: false, timeline: true },
          loops: DEFAULT_LOOP_OPTIONS,
        });
      expect(run("2025-12").loops[0]!.roundTripUsdBn).toBe(50);
      expect(run("2025-12").hops.find((h) => h.key === "a>b")!.dealIds).toEqual(["loi"]);
      expect(run(null).loops[0]!.roundTripUsdBn).toBe(30);
      const points = run(null).timeline!.points;
      const at = (m: string) => points.find((p) => p.month === m)!;
      expect(at("2025-09").loopsClosed).toEqual([["a", "b"]]);
      expect(at("2025-12").cumulativeUsdBnByType.equity).toBe(150);
      // The stake replaces the letter: dollars go down, the loop stays.
      expect(at("2026-02").cumulativeUsdBnByType.equity).toBe(80);
      expect(at("2026-02").loopCount).toBe(1);
    });

    it("should read a superseded deal as live in the past when its replacement has no date", () => {
      const d = lineageDataset();
      d.deals[1] = { ...d.deals[1]!, announced: undefined };
      const points = buildTimeline(d.deals, 6, ["a", "b"], false, announcedByIdOf(d.deals));
      expect(points.at(-1)!.loopCount).toBe(1);
    });
  });
});
