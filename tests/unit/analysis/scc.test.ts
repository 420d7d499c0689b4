import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FlowEdge, buildFlowIndex } from "../../../src/analysis/flowIndex.ts";
import { listComponents, stronglyConnectedComponents } from "../../../src/analysis/scc.ts";

const edge = (from: string, to: string): FlowEdge => ({ from, to, amountUsdBn: 1 });

/** Oracle: u and v share a component iff each reaches the other. */
function reach(n: number, pairs: [number, number][]): boolean[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [a, b] of pairs) r[a]![b] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (r[i]![k] && r[k]![j]) r[i]![j] = true;
  return r;
}

describe("analysis/scc", () => {
  describe("stronglyConnectedComponents", () => {
    it("should handle an empty index", () => {
      const scc = stronglyConnectedComponents(buildFlowIndex([]));
      expect(scc.componentCount).toBe(0);
    });

    it("should group a loop and leave a tail apart", () => {
      const index = buildFlowIndex([edge("a", "b"), edge("b", "a"), edge("b", "c")]);
      const scc = stronglyConnectedComponents(index);
      expect(scc.componentCount).toBe(2);
      expect(listComponents(index, scc)).toEqual([["a", "b"]]);
    });

    it("should agree with mutual reachability on random graphs", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 9 }).chain((n) =>
            fc.record({
              n: fc.constant(n),
              pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 25 }),
            }),
          ),
          ({ n, pairs }) => {
            const ids = Array.from({ length: n }, (_, i) => String(i));
            const index = buildFlowIndex(
              pairs.map(([a, b]) => edge(String(a), String(b))),
              ids,
            );
            const { componentOf } = stronglyConnectedComponents(index);
            const r = reach(n, pairs);
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++)
                expect(componentOf[i] === componentOf[j]).toBe(r[i]![j]! && r[j]![i]!);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it("should not overflow the stack on a 1,000,000-node ring", () => {
      const n = 1_000_000;
      const edges: FlowEdge[] = new Array(n);
      for (let i = 0; i < n; i++) edges[i] = edge(`n${i}`, `n${(i + 1) % n}`);
      const scc = stronglyConnectedComponents(buildFlowIndex(edges));
      expect(scc.componentCount).toBe(1);
      expect(scc.componentSize[0]).toBe(n);
    });

    it("should not overflow the stack on a 1,000,000-node path", () => {
      const n = 1_000_000;
      const edges: FlowEdge[] = new Array(n - 1);
      for (let i = 0; i < n - 1; i++) edges[i] = edge(`n${i}`, `n${i + 1}`);
      expect(stronglyConnectedComponents(buildFlowIndex(edges)).componentCount).toBe(n);
    });
  });
});
