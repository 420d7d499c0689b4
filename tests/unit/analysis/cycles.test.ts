import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCycles, findCycles, resolveCycleOptions } from "../../../src/analysis/cycles.ts";
import { type FlowEdge, buildFlowIndex } from "../../../src/analysis/flowIndex.ts";

const edge = (from: string, to: string, amountUsdBn: number | null = 1): FlowEdge => ({
  from,
  to,
  amountUsdBn,
});

/** Brute force: every simple path that returns to its start, canonicalised by rotation. */
function bruteForceCycles(n: number, pairs: [number, number][], maxLength: number): Set<string> {
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const [a, b] of pairs) if (a !== b) adj[a]!.add(b);
  const found = new Set<string>();
  const walk = (start: number, path: number[]) => {
    const last = path[path.length - 1]!;
    for (const next of adj[last]!) {
      if (next === start && path.length >= 2 && path.length <= maxLength) {
        const min = Math.min(...path);
        const i = path.indexOf(min);
        found.add([...path.slice(i), ...path.slice(0, i)].join(","));
      } else if (!path.includes(next) && path.length < maxLength) {
        walk(start, [...path, next]);
      }
    }
  };
  for (let s = 0; s < n; s++) walk(s, [s]);
  return found;
}

const graphArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 22 }),
  }),
);

function ourCycles(n: number, pairs: [number, number][], maxLength: number): Set<string> {
  const ids = Array.from({ length: n }, (_, i) => String(i));
  const index = buildFlowIndex(
    pairs.map(([a, b]) => edge(String(a), String(b))),
    ids,
  );
  const { cycles, truncated } = findCycles(index, { maxLength, limit: 0 });
  expect(truncated).toBe(false);
  const keys = cycles.map((c) => c.nodes.map((v) => index.nodeIds[v]).join(","));
  expect(new Set(keys).size).toBe(keys.length);
  return new Set(keys);
}

describe("analysis/cycles", () => {
  describe("resolveCycleOptions", () => {
    it("should refuse a maxLength below 2 with a namespaced message", () => {
      expect(() => resolveCycleOptions({ maxLength: 1 })).toThrow(
        "analysis/cycles: maxLength must be an integer >= 2",
      );
      expect(() => resolveCycleOptions({ limit: -1 })).toThrow("analysis/cycles: limit");
      expect(() => resolveCycleOptions({ maxLength: 2.5 })).toThrow("analysis/cycles");
    });
    it("should default to length 6 and a 10,000 cap", () => {
      expect(resolveCycleOptions()).toEqual({ maxLength: 6, limit: 10_000 });
    });
  });

  describe("findCycles", () => {
    it("should return nothing on an empty graph", () => {
      expect(findCycles(buildFlowIndex([]))).toEqual({ cycles: [], truncated: false });
    });

    it("should find a triangle and a two-cycle once each, rooted at the lowest node", () => {
      const index = buildFlowIndex(
        [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("b", "a"), edge("a", "b", 5)],
        ["a", "b", "c"],
      );
      const { cycles } = findCycles(index);
      const names = cycles.map((c) => c.nodes.map((v) => index.nodeIds[v]).join(""));
      expect(names.sort()).toEqual(["ab", "abc"]);
    });

    it("should respect maxLength", () => {
      const ring = ["a", "b", "c", "d", "e"].map((x, i, all) => edge(x, all[(i + 1) % 5]!));
      const index = buildFlowIndex(ring);
      expect(findCycles(index, { maxLength: 4 }).cycles).toHaveLength(0);
      expect(findCycles(index, { maxLength: 5 }).cycles).toHaveLength(1);
    });

    it("should set truncated only when more cycles exist than the limit", () => {
      // Complete digraph on 4 nodes: 6 two-cycles + 8 three-cycles + 6 four-cycles = 20.
      const ids = ["a", "b", "c", "d"];
      const all = ids.flatMap((x) => ids.filter((y) => y !== x).map((y) => edge(x, y)));
      const index = buildFlowIndex(all);
      expect(countCycles(index, { limit: 0 })).toEqual({ count: 20, truncated: false });
      expect(countCycles(index, { limit: 20 })).toEqual({ count: 20, truncated: false });
      expect(countCycles(index, { limit: 19 })).toEqual({ count: 19, truncated: true });
    });

    it("should match a brute-force enumerator on random small graphs (bounded)", () => {
      fc.assert(
        fc.property(graphArb, fc.integer({ min: 2, max: 5 }), ({ n, pairs }, maxLength) => {
          expect(ourCycles(n, pairs, maxLength)).toEqual(bruteForceCycles(n, pairs, maxLength));
        }),
        { numRuns: 2500 },
      );
    });

    it("should match a brute-force enumerator on random small graphs (unbounded)", () => {
      fc.assert(
        fc.property(graphArb, ({ n, pairs }) => {
          const ids = Array.from({ length: n }, (_, i) => String(i));
          const index = buildFlowIndex(
            pairs.map(([a, b]) => edge(String(a), String(b))),
            ids,
          );
          const { cycles } = findCycles(index, { maxLength: Infinity, limit: 0 });
          const keys = new Set(cycles.map((c) => c.nodes.map((v) => index.nodeIds[v]).join(",")));
          expect(keys.size).toBe(cycles.length);
          expect(keys).toEqual(bruteForceCycles(n, pairs, n));
        }),
        { numRuns: 2500 },
      );
    });

    it("should give hops that connect consecutive nodes", () => {
      fc.assert(
        fc.property(graphArb, ({ n, pairs }) => {
          const index = buildFlowIndex(pairs.map(([a, b]) => edge(String(a), String(b))));
          for (const c of findCycles(index, { limit: 0 }).cycles) {
            c.nodes.forEach((v, i) => {
              const h = c.hops[i]!;
              expect(index.hopSource[h]).toBe(v);
              expect(index.hopTarget[h]).toBe(c.nodes[(i + 1) % c.nodes.length]);
            });
          }
          return n >= 1;
        }),
        { numRuns: 500 },
      );
    });
  });
});
