import { describe, expect, it } from "vitest";
import { analyzeLoops, roundTripText } from "../../../src/analysis/loops.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("analysis/loops", () => {
  describe("analyzeLoops", () => {
    it("should refuse bad options with the cycles message", () => {
      expect(() => analyzeLoops([], { maxLength: 0 })).toThrow("analysis/cycles: maxLength");
    });

    it("should report a loop's companies, hops, round trip, total and type mix", () => {
      const d = tinyDataset();
      const { loops, truncated } = analyzeLoops(
        d.deals,
        {},
        undefined,
        d.companies.map((c) => c.id),
      );
      expect(truncated).toBe(false);
      expect(loops).toHaveLength(1);
      const loop = loops[0]!;
      expect(loop.companies).toEqual(["nvidia", "openai", "oracle"]);
      expect(loop.id).toBe("nvidia>openai>oracle");
      expect(loop.hops.map((h) => h.dealIds)).toEqual([["nv-oai"], ["oai-orcl"], ["orcl-nv"]]);
      expect(loop.roundTripUsdBn).toBe(40);
      expect(loop.totalUsdBn).toBe(440);
      expect(loop.typeMix).toEqual({ equity: 1, "cloud-contract": 1, "chip-purchase": 1 });
      expect(loop.hasUnknownAmount).toBe(false);
      expect(roundTripText(loop)).toBe("$40 bn round trip");
    });

    it("should count an undisclosed hop as 0 and keep the ceiling", () => {
      const d = tinyDataset();
      d.deals[2] = { ...d.deals[2]!, amountUsdBn: null, amountQualifier: "undisclosed" };
      const loop = analyzeLoops(d.deals).loops[0]!;
      expect(loop.roundTripUsdBn).toBe(0);
      expect(loop.roundTripCeilingUsdBn).toBe(100);
      expect(loop.hasUnknownAmount).toBe(true);
      expect(roundTripText(loop)).toBe("round trip undisclosed, at most $100 bn");
    });

    it("should order by round trip, largest first, deterministically", () => {
      const e = (from: string, to: string, amountUsdBn: number, id: string) => ({
        from,
        to,
        amountUsdBn,
        id,
        type: "other",
      });
      const edges = [
        e("a", "b", 5, "1"),
        e("b", "a", 5, "2"),
        e("c", "d", 50, "3"),
        e("d", "c", 9, "4"),
        e("e", "f", 9, "5"),
        e("f", "e", 9, "6"),
      ];
      const ids = analyzeLoops(edges).loops.map((l) => l.id);
      expect(ids).toEqual(["c>d", "e>f", "a>b"]);
      expect(analyzeLoops([...edges].reverse()).loops.map((l) => l.id)).toEqual([
        "d>c",
        "f>e",
        "b>a",
      ]);
    });
  });
});
