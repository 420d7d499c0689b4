import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeLoops } from "../../../src/analysis/loops.ts";
import {
  type DatedDeal,
  formatSpan,
  isTimeRespecting,
  monthIndex,
  sortByMonth,
  timeOrderOfLoop,
} from "../../../src/analysis/timeOrder.ts";

/** Every choice of one deal a hop, from every start, kept when months never go back. */
function bruteForce(hops: readonly (readonly DatedDeal[])[]): {
  span: number | null;
  firstMonth: number | null;
} {
  const n = hops.length;
  let best: { span: number; first: number } | null = null;
  for (let start = 0; start < n; start++) {
    const walk = (step: number, prev: number, first: number) => {
      if (step === n) {
        const span = prev - first;
        if (!best || span < best.span || (span === best.span && first < best.first)) {
          best = { span, first };
        }
        return;
      }
      for (const d of hops[(start + step) % n]!) {
        if (step > 0 && d.month < prev) continue;
        walk(step + 1, d.month, step === 0 ? d.month : first);
      }
    };
    walk(0, -Infinity, 0);
  }
  const b = best as { span: number; first: number } | null;
  return { span: b?.span ?? null, firstMonth: b?.first ?? null };
}

const dated = (id: string, date: string): DatedDeal => ({
  id,
  month: monthIndex(date)!,
  yearOnly: date.length === 4,
});

describe("analysis/timeOrder", () => {
  describe("timeOrderOfLoop", () => {
    it("should refuse a loop of fewer than two hops", () => {
      expect(() => timeOrderOfLoop([[]])).toThrow(
        "analysis/timeOrder: a loop needs at least 2 hops",
      );
    });

    it("should find the chain that came back fastest, from any start", () => {
      // Nvidia → OpenAI (Sep 2025), OpenAI → Oracle (Oct 2025), Oracle → Nvidia (May 2025):
      // in order only from Oracle: May → Sep → Oct is 5 months.
      const order = timeOrderOfLoop([
        [dated("nv-oai", "2025-09")],
        [dated("oai-orcl", "2025-10"), dated("oai-orcl-2", "2025-12")],
        [dated("orcl-nv", "2025-05")],
      ]);
      expect(order).toEqual({
        spanMonths: 5,
        chainDealIds: ["orcl-nv", "nv-oai", "oai-orcl"],
        chainStart: 2,
        orderApproximate: false,
      });
      expect(formatSpan(order)).toBe("came back in 5 months");
    });

    it("should say when no choice is in order, and when a year-only date makes it approximate", () => {
      const none = timeOrderOfLoop([
        [dated("a", "2025-01")],
        [dated("b", "2024-01")],
        [dated("c", "2025-06")],
        [dated("d", "2023-01")],
      ]);
      expect(none.spanMonths).toBeNull();
      expect(formatSpan(none)).toBe("not in time order");
      const approx = timeOrderOfLoop([[dated("a", "2025")], [dated("b", "2025-03")]]);
      expect(approx.orderApproximate).toBe(true);
      expect(formatSpan(approx)).toBe("came back in 2 months (order approximate)");
    });

    it("should match a brute-force search on random loops with parallel deals (property)", () => {
      const deal = fc.record({ month: fc.integer({ min: 0, max: 40 }), yearOnly: fc.boolean() });
      fc.assert(
        fc.property(
          fc.array(fc.array(deal, { maxLength: 4 }), { minLength: 2, maxLength: 5 }),
          (raw) => {
            const hops = raw.map((list, h) =>
              sortByMonth(list.map((d, i) => ({ id: `h${h}d${i}`, ...d }))),
            );
            const order = timeOrderOfLoop(hops);
            const oracle = bruteForce(hops);
            expect(order.spanMonths).toBe(oracle.span);
            if (order.spanMonths === null) return;
            // The chain is in order, one deal a hop from its start, and achieves the span.
            const months = order.chainDealIds.map(
              (id) => hops.flat().find((d) => d.id === id)!.month,
            );
            for (let i = 1; i < months.length; i++)
              expect(months[i]!).toBeGreaterThanOrEqual(months[i - 1]!);
            expect(months.at(-1)! - months[0]!).toBe(order.spanMonths);
            expect(months[0]).toBe(oracle.firstMonth);
            order.chainDealIds.forEach((id, step) => {
              const hop = (order.chainStart + step) % hops.length;
              expect(hops[hop]!.some((d) => d.id === id)).toBe(true);
            });
          },
        ),
        { numRuns: 3000 },
      );
    });
  });

  describe("isTimeRespecting and monthIndex", () => {
    it("should compare the span with the window, any time being Infinity", () => {
      expect(isTimeRespecting(7, 24)).toBe(true);
      expect(isTimeRespecting(30, 24)).toBe(false);
      expect(isTimeRespecting(30, Infinity)).toBe(true);
      expect(isTimeRespecting(null, Infinity)).toBe(false);
      expect(monthIndex("2025")).toBe(2025 * 12 + 1);
      expect(monthIndex("2025-09-22")).toBe(2025 * 12 + 9);
      expect(monthIndex(undefined)).toBeNull();
    });
  });

  describe("analyzeLoops", () => {
    it("should report order, span and chain on every loop of random multigraphs (property)", () => {
      const dealArb = fc.record({
        from: fc.integer({ min: 0, max: 4 }),
        to: fc.integer({ min: 0, max: 4 }),
        month: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      });
      fc.assert(
        fc.property(
          fc.array(dealArb, { maxLength: 25 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 2, max: 5 }),
          (raw, window, maxLength) => {
            const edges = raw.map((r, i) => ({
              id: `d${i}`,
              from: `c${r.from}`,
              to: `c${r.to}`,
              amountUsdBn: 1,
              type: "other" as const,
              amountQualifier: "exact" as const,
              ...(r.month === null
                ? {}
                : {
                    announced: `${2020 + Math.floor(r.month / 12)}-${String((r.month % 12) + 1).padStart(2, "0")}`,
                  }),
            }));
            const { loops } = analyzeLoops(edges, { maxLength, windowMonths: window, limit: 0 });
            for (const loop of loops) {
              const hops = loop.hops.map((h) =>
                sortByMonth(
                  h.dealIds.flatMap((id) => {
                    const e = edges.find((x) => x.id === id)!;
                    return e.announced
                      ? [{ id, month: monthIndex(e.announced)!, yearOnly: false }]
                      : [];
                  }),
                ),
              );
              const oracle = bruteForce(hops);
              expect(loop.spanMonths).toBe(oracle.span);
              expect(loop.timeRespecting).toBe(oracle.span !== null && oracle.span <= window);
              expect(loop.chainDealIds.length).toBe(oracle.span === null ? 0 : loop.hops.length);
            }
          },
        ),
        { numRuns: 1500 },
      );
    });
  });
});
