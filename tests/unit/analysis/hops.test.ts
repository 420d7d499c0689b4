import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeHops,
  evidenceNote,
  foldHops,
  formatHopTotal,
  formatRoundTrip,
  hopKey,
  isLiveDeal,
  loopHopKeys,
} from "../../../src/analysis/hops.ts";
import type { DescribedEdge } from "../../../src/analysis/hops.ts";
import { DEAL_TYPES, type DealType } from "../../../src/domain/schema.ts";

const edge = (
  id: string,
  from: string,
  to: string,
  amountUsdBn: number | null,
  extra: Partial<DescribedEdge> = {},
): DescribedEdge => ({
  id,
  from,
  to,
  amountUsdBn,
  type: "equity",
  amountQualifier: amountUsdBn === null ? "undisclosed" : "exact",
  evidence: "reported",
  status: "signed",
  ...extra,
});

describe("analysis/hops", () => {
  describe("foldHops", () => {
    it("should refuse edges that are not a list and a non-boolean option", () => {
      expect(() => foldHops(null as never)).toThrow("analysis/hops: edges must be an array");
      expect(() => foldHops([], [], { countNonLive: "yes" as never })).toThrow(
        "analysis/hops: countNonLive must be a boolean",
      );
    });

    it("should fold a pair's live deals into one hop and leave history and self-loops out", () => {
      const edges = [
        edge("new", "nvidia", "openai", 30),
        edge("loi", "nvidia", "openai", 100, { status: "superseded", amountQualifier: "up-to" }),
        edge("off", "nvidia", "openai", 7, { status: "cancelled" }),
        edge("chips", "nvidia", "openai", null),
        edge("self", "nvidia", "nvidia", 5),
      ];
      const [hop] = describeHops(foldHops(edges), edges);
      expect(hop).toMatchObject({
        key: "nvidia>openai",
        dealIds: ["new", "chips"],
        totalUsdBn: 30,
        undisclosedDeals: 1,
        nonLiveDeals: 0,
        qualifier: "exact",
        label: "$30 bn + undisclosed",
      });
    });

    it("should count superseded and cancelled deals only when asked, and say how many", () => {
      const edges = [
        edge("new", "a", "b", 30),
        edge("loi", "a", "b", 100, { status: "superseded", amountQualifier: "up-to" }),
      ];
      const [hop] = describeHops(foldHops(edges, [], { countNonLive: true }), edges);
      expect(hop).toMatchObject({ totalUsdBn: 130, nonLiveDeals: 1, label: "up to $130 bn" });
    });

    it("should keep types, the dominant type and the evidence tiers of a hop", () => {
      const edges = [
        edge("x", "a", "b", 2, { type: "warrant", evidence: "inferred" }),
        edge("y", "a", "b", 10, { type: "chip-purchase", evidence: "filing" }),
        edge("z", "a", "b", null, { type: "warrant", evidence: "inferred" }),
      ];
      const [hop] = describeHops(foldHops(edges), edges);
      expect(hop!.types).toEqual(["chip-purchase", "warrant"]);
      expect(hop!.dominantType).toBe("chip-purchase");
      expect(hop!.evidence).toEqual({ inferred: 2, filing: 1 });
      expect(evidenceNote([hop!])).toBe("rests on 2 inferred deals");
    });

    it("should treat ids such as __proto__ and constructor as plain ids", () => {
      const edges = [edge("p", "__proto__", "constructor", 1)];
      const fold = foldHops(edges);
      expect(fold.nodeIds).toEqual(["__proto__", "constructor"]);
      expect(describeHops(fold, edges)[0]!.key).toBe("__proto__>constructor");
    });

    it("should agree with a plain fold of live deals, for any deals (property)", () => {
      const statuses = ["signed", "superseded", "cancelled", "revised"] as const;
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              from: fc.integer({ min: 0, max: 4 }),
              to: fc.integer({ min: 0, max: 4 }),
              amount: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
              status: fc.constantFrom(...statuses),
              type: fc.constantFrom("equity", "warrant", "chip-purchase"),
            }),
            { maxLength: 40 },
          ),
          fc.boolean(),
          (raw, countNonLive) => {
            const edges = raw.map((r, i) =>
              edge(`d${i}`, `c${r.from}`, `c${r.to}`, r.amount, {
                status: r.status,
                type: r.type,
              }),
            );
            const hops = describeHops(foldHops(edges, [], { countNonLive }), edges);
            type Oracle = { total: number; undisclosed: number; ids: string[]; types: DealType[] };
            const oracle = new Map<string, Oracle>();
            for (const e of edges) {
              if (e.from === e.to || (!countNonLive && !isLiveDeal(e))) continue;
              const k = hopKey(e.from, e.to);
              const o = oracle.get(k) ?? { total: 0, undisclosed: 0, ids: [], types: [] };
              if (e.amountUsdBn === null) o.undisclosed++;
              else o.total += e.amountUsdBn;
              o.ids.push(e.id);
              o.types.push(e.type);
              oracle.set(k, o);
            }
            // The dominant type: most disclosed dollars, then most deals, then DEAL_TYPES order.
            const dominantOf = (h: (typeof hops)[number]) => {
              const score = (t: DealType) => {
                const deals = h.dealIds.map((id) => edges.find((e) => e.id === id)!);
                const ofType = deals.filter((d) => d.type === t);
                return [ofType.reduce((s, d) => s + (d.amountUsdBn ?? 0), 0), ofType.length];
              };
              return [...h.types].sort((a, b) => {
                const [ua, ca] = score(a);
                const [ub, cb] = score(b);
                return ub! - ua! || cb! - ca! || DEAL_TYPES.indexOf(a) - DEAL_TYPES.indexOf(b);
              })[0];
            };
            expect(hops.length).toBe(oracle.size);
            for (const h of hops) {
              const o = oracle.get(h.key)!;
              expect(h.totalUsdBn).toBe(o.total);
              expect(h.undisclosedDeals).toBe(o.undisclosed);
              expect(h.dealIds).toEqual(o.ids);
              expect(h.types).toEqual(DEAL_TYPES.filter((t) => o.types.includes(t)));
              expect(h.dominantType).toBe(dominantOf(h));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe("hopKey and loopHopKeys", () => {
    it("should key a hop by its payer and payee, and close a loop back to its start", () => {
      expect(hopKey("a", "b")).toBe("a>b");
      expect(loopHopKeys(["a", "b", "c"])).toEqual(["a>b", "b>c", "c>a"]);
    });
  });

  describe("formatHopTotal and formatRoundTrip", () => {
    it("should word a hop's total with its qualifier and undisclosed part", () => {
      const base = {
        totalUsdBn: 8.3,
        undisclosedDeals: 0,
        dealCount: 2,
        qualifier: "exact",
      } as const;
      expect(formatHopTotal(base)).toBe("$8.3 bn");
      expect(formatHopTotal({ ...base, undisclosedDeals: 1 })).toBe("$8.3 bn + undisclosed");
      expect(formatHopTotal({ ...base, qualifier: "up-to" })).toBe("up to $8.3 bn");
      expect(formatHopTotal({ ...base, undisclosedDeals: 2 })).toBe("undisclosed");
    });

    it("should word a round trip the same way everywhere", () => {
      const rt = (roundTripUsdBn: number, ceiling: number | null, unknown: boolean) =>
        formatRoundTrip({
          roundTripUsdBn,
          roundTripCeilingUsdBn: ceiling,
          hasUnknownAmount: unknown,
        });
      expect(rt(40, 40, false)).toBe("$40 bn");
      expect(rt(0, 120, true)).toBe("undisclosed, at most $120 bn");
      expect(rt(0, null, true)).toBe("undisclosed");
      expect(rt(8.3, 40, true)).toBe("at least $8.3 bn");
    });
  });

  describe("evidenceNote", () => {
    it("should be empty for reported or filed deals and name weaker tiers", () => {
      expect(evidenceNote([{ evidence: { reported: 3, filing: 1 } }])).toBe("");
      expect(evidenceNote([{ evidence: { inferred: 1 } }, { evidence: { estimate: 2 } }])).toBe(
        "rests on 2 estimated deals and 1 inferred deal",
      );
    });
  });
});
