import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRoundTrip } from "../../../src/analysis/hops.ts";
import { analyzeLoops, compareLoops, rankLoops } from "../../../src/analysis/loops.ts";
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
      expect(formatRoundTrip(loop)).toBe("$40 bn");
      expect(loop.hopKeys).toEqual(["nvidia>openai", "openai>oracle", "oracle>nvidia"]);
      expect(loop.hops.map((h) => h.key)).toEqual(loop.hopKeys);
    });

    it("should count an undisclosed hop as 0 and keep the ceiling", () => {
      const d = tinyDataset();
      d.deals[2] = { ...d.deals[2]!, amountUsdBn: null, amountQualifier: "undisclosed" };
      const loop = analyzeLoops(d.deals).loops[0]!;
      expect(loop.roundTripUsdBn).toBe(0);
      expect(loop.roundTripCeilingUsdBn).toBe(100);
      expect(loop.hasUnknownAmount).toBe(true);
      expect(formatRoundTrip(loop)).toBe("undisclosed, at most $100 bn");
    });

    it("should order by round trip, largest first, deterministically", () => {
      const e = (from: string, to: string, amountUsdBn: number, id: string) => ({
        from,
        to,
        amountUsdBn,
        id,
        type: "other" as const,
        amountQualifier: "exact" as const,
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

    it("should refuse a negative or fractional cap or limit", () => {
      expect(() => analyzeLoops([], { cap: -1 })).toThrow(
        "analysis/loops: cap must be an integer >= 0 (0 means no cap)",
      );
      expect(() => analyzeLoops([], { limit: 1.5 })).toThrow("analysis/loops: limit must be");
    });

    it("should keep the largest loops when cut to a limit, in the full list's order", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              from: fc.integer({ min: 0, max: 6 }),
              to: fc.integer({ min: 0, max: 6 }),
              amount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
            }),
            { maxLength: 30 },
          ),
          fc.integer({ min: 1, max: 8 }),
          (raw, limit) => {
            const edges = raw.map((r, i) => ({
              id: `d${i}`,
              from: `c${r.from}`,
              to: `c${r.to}`,
              amountUsdBn: r.amount,
              type: "other" as const,
              amountQualifier: r.amount === null ? ("undisclosed" as const) : ("exact" as const),
            }));
            const all = analyzeLoops(edges, { limit: 0, maxLength: 4 });
            const top = analyzeLoops(edges, { limit, maxLength: 4 });
            expect(top.found).toBe(all.found);
            expect(top.loops.map((l) => l.id)).toEqual(all.loops.slice(0, limit).map((l) => l.id));
          },
        ),
        { numRuns: 300 },
      );
    });

    it("should rank the same reports in the same order when each is made as it is read", () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.nat(4)), { maxLength: 40 }),
          fc.nat(6),
          (raw, limit) => {
            const edges = raw.map(([from, to, amount], i) => ({
              id: `d${i}`,
              from: `c${from}`,
              to: `c${to}`,
              amountUsdBn: amount,
              type: "other" as const,
              amountQualifier: "exact" as const,
            }));
            const ranked = rankLoops(edges, { limit, maxLength: 5 });
            const { loops, found } = analyzeLoops(edges, { limit, maxLength: 5 });
            expect(ranked.found).toBe(found);
            expect(ranked.length).toBe(loops.length);
            for (let i = 0; i < ranked.length; i++) {
              const report = ranked.at(i);
              expect(report).toEqual(loops[i]);
              expect(ranked.at(i)).not.toBe(report);
              if (i > 0) expect(compareLoops(loops[i - 1]!, report)).toBeLessThan(0);
            }
          },
        ),
        { numRuns: 200 },
      );
    });

    it("should say truncated only when the search stops at its cap", () => {
      const e = (from: string, to: string) => ({
        id: `${from}${to}`,
        from,
        to,
        amountUsdBn: 1,
        type: "other" as const,
        amountQualifier: "exact" as const,
      });
      const edges = [e("a", "b"), e("b", "a"), e("b", "c"), e("c", "b"), e("a", "c"), e("c", "a")];
      expect(analyzeLoops(edges).truncated).toBe(false);
      const capped = analyzeLoops(edges, { cap: 2 });
      expect(capped.truncated).toBe(true);
      expect(capped.found).toBe(2);
    });

    it("should leave superseded deals out of hops, round trips and loops", () => {
      const d = tinyDataset();
      d.deals.push({
        ...d.deals[0]!,
        id: "nv-oai-old",
        amountUsdBn: 500,
        status: "superseded",
        supersededBy: "nv-oai",
      });
      const loop = analyzeLoops(d.deals).loops[0]!;
      expect(loop.hops[0]!.dealIds).toEqual(["nv-oai"]);
      expect(loop.totalUsdBn).toBe(440);
      expect(loop.nonLiveDeals).toBe(0);
    });
  });
});
