import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FlowEdge, type FlowIndex, buildFlowIndex } from "../../../src/analysis/flowIndex.ts";
import { describeHops, foldHops } from "../../../src/analysis/hops.ts";
import { indexHops } from "../../../src/analysis/flowIndex.ts";
import {
  rankSystemicImportance,
  resolveStressOptions,
  runStress,
  stressBuffers,
} from "../../../src/analysis/stress.ts";

const e = (from: string, to: string, amountUsdBn: number): FlowEdge => ({ from, to, amountUsdBn });
/** Hops paid once, in full: the yearly amount is the amount. */
const oneOff = (index: FlowIndex) =>
  Array.from(index.hopKnownUsdBn, (annualUsdBn) => ({ annualUsdBn, assumedHorizonDeals: 0 }));
const setup = (edges: FlowEdge[]) => {
  const index = buildFlowIndex(edges);
  return { index, buffers: stressBuffers(index, oneOff(index)) };
};
const byId = (r: ReturnType<typeof runStress>) => new Map(r.companies.map((c) => [c.company, c]));

describe("analysis/stress", () => {
  describe("resolveStressOptions", () => {
    it("should refuse a shortfall or threshold outside 0..1", () => {
      expect(() => resolveStressOptions({ shortfall: 1.5 })).toThrow(
        "analysis/stress: shortfall must be a number from 0 to 1",
      );
      expect(() => resolveStressOptions({ threshold: -0.1 })).toThrow("analysis/stress: threshold");
      expect(() => resolveStressOptions({ shortfall: NaN })).toThrow("analysis/stress");
    });
    it("should default to a 25% threshold", () => {
      expect(resolveStressOptions({ shocked: ["a"] }).threshold).toBe(0.25);
    });
  });

  describe("runStress", () => {
    it("should spread a shock down a 3-company chain, round by round", () => {
      // A owes B 100, B owes C 50; buffers are inflows: B 100, C 50.
      const { index, buffers } = setup([e("a", "b", 100), e("b", "c", 50)]);
      const r = runStress(index, buffers, { shocked: ["a"], shortfall: 0.5 });
      const c = byId(r);
      expect(c.get("b")).toMatchObject({
        lossUsdBn: 50,
        lossShare: 0.5,
        distressedRound: 1,
        cutShare: 0.5,
      });
      expect(c.get("c")).toMatchObject({ lossUsdBn: 25, lossShare: 0.5, distressedRound: 2 });
      expect(c.get("a")).toMatchObject({ lossUsdBn: 0, distressedRound: 0 });
      expect(r.totalLossUsdBn).toBe(75);
      expect(r.distressedCount).toBe(2);
      expect(r.failedHops).toEqual(["a>b", "b>c"]);
      expect(c.get("c")!.contributions).toEqual([{ from: "b", unpaidUsdBn: 25, owedUsdBn: 50 }]);
      // DebtRank: W_ab = 1, W_bc = 1, so stress 0.5 flows on, once.
      expect(c.get("b")!.debtRankStress).toBe(0.5);
      expect(c.get("c")!.debtRankStress).toBe(0.5);
    });

    it("should go round a loop and come back to the shocked company", () => {
      const { index, buffers } = setup([e("a", "b", 100), e("b", "c", 100), e("c", "a", 100)]);
      const r = runStress(index, buffers, { shocked: ["a"], shortfall: 0.3 });
      const c = byId(r);
      expect(c.get("b")!.lossUsdBn).toBeCloseTo(30);
      expect(c.get("c")!.lossUsdBn).toBeCloseTo(30);
      expect(c.get("a")!.lossUsdBn).toBeCloseTo(30);
      expect(r.totalLossUsdBn).toBeCloseTo(90);
    });

    it("should stop the cascade where a loss stays within the threshold", () => {
      // B's buffer is its inflows, 400: losing A's 100 is exactly 25%, not above it.
      const { index, buffers } = setup([e("a", "b", 100), e("d", "b", 300), e("b", "c", 100)]);
      const r = runStress(index, buffers, { shocked: ["a"], shortfall: 1 });
      const c = byId(r);
      expect(c.get("b")).toMatchObject({
        lossUsdBn: 100,
        lossShare: 0.25,
        distressedRound: null,
        cutShare: 0,
      });
      expect(c.has("c")).toBe(false);
      expect(r.totalLossUsdBn).toBe(100);
      const lower = runStress(index, buffers, { shocked: ["a"], shortfall: 1, threshold: 0.2 });
      expect(byId(lower).get("c")!.lossUsdBn).toBeCloseTo(25);
    });

    it("should refuse hops that do not match the index", () => {
      const index = buildFlowIndex([e("a", "b", 100)]);
      expect(() => stressBuffers(index, [])).toThrow(
        "analysis/stress: hops must list every hop of the index",
      );
    });

    it("should take equity, then cash, then annual revenue, then in-data inflows as the buffer", () => {
      const fact = (
        id: string,
        company: string,
        metric: "equity" | "cash" | "revenue",
        valueUsdBn: number,
        period: string,
      ) => ({
        id,
        company,
        metric,
        valueUsdBn,
        period,
        description: "x",
        notes: [],
        sources: [{ sourceId: "s", quote: "q" }],
      });
      const index = buildFlowIndex([
        e("z", "a", 1),
        e("z", "b", 1),
        e("z", "c", 1),
        e("z", "d", 4),
      ]);
      const buffers = stressBuffers(index, oneOff(index), [
        fact("a-rev", "a", "revenue", 50, "2025"),
        fact("a-eq", "a", "equity", 20, "2025-09-30"),
        fact("a-cash", "a", "cash", 9, "2025-09-30"),
        fact("b-cash", "b", "cash", 7, "2025-12-31"),
        fact("b-rev", "b", "revenue", 70, "2025"),
        fact("c-rev-q", "c", "revenue", 30, "2025-Q3"),
        fact("c-rev", "c", "revenue", 100, "FY2025"),
      ]);
      const at = (id: string) => index.nodeIndexById.get(id)!;
      expect([buffers.source[at("a")], buffers.bufferUsdBn[at("a")]]).toEqual(["equity", 20]);
      expect([buffers.source[at("b")], buffers.bufferUsdBn[at("b")]]).toEqual(["cash", 7]);
      // A quarter is not a year's revenue unless its notes say it is annualised.
      expect([buffers.source[at("c")], buffers.bufferUsdBn[at("c")]]).toEqual(["revenue", 100]);
      expect(buffers.bufferPeriod[at("c")]).toBe("FY2025");
      expect([buffers.source[at("d")], buffers.bufferUsdBn[at("d")]]).toEqual(["inflows", 4]);
    });

    it("should count a multi-year contract a year at a time, with 5 years when no term is stated", () => {
      const deals = [
        {
          id: "c",
          from: "a",
          to: "b",
          amountUsdBn: 300,
          type: "cloud-contract" as const,
          amountQualifier: "exact" as const,
          horizonYears: 5,
        },
        {
          id: "d",
          from: "a",
          to: "c",
          amountUsdBn: 50,
          type: "cloud-contract" as const,
          amountQualifier: "exact" as const,
        },
        {
          id: "x",
          from: "a",
          to: "d",
          amountUsdBn: 10,
          type: "equity" as const,
          amountQualifier: "exact" as const,
        },
      ];
      const index = indexHops(foldHops(deals));
      const buffers = stressBuffers(index, describeHops(index, deals));
      expect(Array.from(buffers.exposureUsdBn)).toEqual([60, 10, 10]);
      expect(buffers.assumedHorizonHops).toBe(1);
      const r = runStress(index, buffers, { shocked: ["a"], shortfall: 1 });
      expect(byId(r).get("b")!.contributions[0]).toMatchObject({ unpaidUsdBn: 60, owedUsdBn: 60 });
      expect(r.failedHopsWithAssumedHorizon).toBe(1);
    });

    it("should use reported revenue as the buffer when a fact gives one", () => {
      const index = buildFlowIndex([e("a", "b", 100)]);
      const buffers = stressBuffers(index, oneOff(index), [
        {
          id: "f",
          company: "b",
          metric: "revenue",
          valueUsdBn: 1000,
          period: "2025",
          description: "x",
          notes: [],
          sources: [{ sourceId: "s", quote: "q" }],
        },
      ]);
      const r = runStress(index, buffers, { shocked: ["a"], shortfall: 1 });
      expect(byId(r).get("b")).toMatchObject({
        bufferUsdBn: 1000,
        bufferSource: "revenue",
        lossShare: 0.1,
      });
    });

    const graphArb = fc
      .array(
        fc.record({
          from: fc.integer({ min: 0, max: 6 }),
          to: fc.integer({ min: 0, max: 6 }),
          amount: fc.double({ min: 0, max: 500, noNaN: true }),
        }),
        { maxLength: 25 },
      )
      .map((xs) =>
        xs.filter((x) => x.from !== x.to).map((x) => e(`n${x.from}`, `n${x.to}`, x.amount)),
      );

    it("should change nothing with a 0% shortfall", () => {
      fc.assert(
        fc.property(graphArb, fc.subarray(["n0", "n1", "n2"]), (edges, shocked) => {
          const { index, buffers } = setup(edges);
          const r = runStress(index, buffers, { shocked, shortfall: 0 });
          expect(r.totalLossUsdBn).toBe(0);
          expect(r.failedHops).toEqual([]);
          expect(r.debtRank).toBe(0);
        }),
      );
    });

    it("should make losses monotonic in the shortfall and never above the money owed", () => {
      fc.assert(
        fc.property(
          graphArb,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (edges, s1, s2, threshold) => {
            const { index, buffers } = setup(edges);
            const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
            const a = runStress(index, buffers, { shocked: ["n0"], shortfall: lo, threshold });
            const b = runStress(index, buffers, { shocked: ["n0"], shortfall: hi, threshold });
            expect(a.totalLossUsdBn).toBeLessThanOrEqual(b.totalLossUsdBn + 1e-9);
            const owed = new Map<string, number>();
            for (const x of edges) owed.set(x.to, (owed.get(x.to) ?? 0) + (x.amountUsdBn ?? 0));
            for (const c of b.companies) {
              expect(c.lossUsdBn).toBeLessThanOrEqual((owed.get(c.company) ?? 0) + 1e-9);
              expect(
                a.companies.find((x) => x.company === c.company)?.lossUsdBn ?? 0,
              ).toBeLessThanOrEqual(c.lossUsdBn + 1e-9);
            }
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe("rankSystemicImportance", () => {
    it("should rank the company whose default costs most first", () => {
      const { index, buffers } = setup([e("a", "b", 100), e("b", "c", 50), e("c", "a", 1)]);
      const ranking = rankSystemicImportance(index, buffers);
      expect(ranking[0]!.company).toBe("a");
      expect(ranking.map((x) => x.company).sort()).toEqual(["a", "b", "c"]);
    });
  });
});
