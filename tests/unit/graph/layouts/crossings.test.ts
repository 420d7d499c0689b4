import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countRingCrossings,
  countSegmentCrossings,
} from "../../../../src/graph/layouts/crossings.ts";
import type { LayoutInput } from "../../../../src/graph/layouts/layoutInput.ts";
import { inputOf, randomInput } from "./helpers.ts";

/** Brute force: chords (a, b) and (c, d) with four distinct ends cross when they interleave. */
function ringOracle(input: LayoutInput, order: readonly number[]): number {
  const at = new Map(order.map((node, p) => [node, p]));
  let count = 0;
  const m = input.pairA.length;
  for (let e = 0; e < m; e++) {
    for (let f = e + 1; f < m; f++) {
      const [a, b] = [at.get(input.pairA[e]!)!, at.get(input.pairB[e]!)!].sort((x, y) => x - y);
      const [c, d] = [at.get(input.pairA[f]!)!, at.get(input.pairB[f]!)!].sort((x, y) => x - y);
      if (new Set([a, b, c, d]).size < 4) continue;
      if ((a! < c! && c! < b! && b! < d!) || (c! < a! && a! < d! && d! < b!)) count++;
    }
  }
  return count;
}

describe("graph/layouts/crossings", () => {
  describe("countRingCrossings", () => {
    it("should refuse an order that is not a permutation of the nodes", () => {
      const input = inputOf(["a", "b", "c"], [["a", "b"]]);
      expect(() => countRingCrossings(input, [0, 1])).toThrow(
        "graph/layouts/crossings: order must hold every node exactly once",
      );
      expect(() => countRingCrossings(input, [0, 1, 1])).toThrow("exactly once");
      expect(() => countRingCrossings(input, [0, 1, 3])).toThrow("exactly once");
    });

    it("should count the one crossing of a square's diagonals, and none for its sides", () => {
      const square = inputOf(
        ["a", "b", "c", "d"],
        [
          ["a", "c"],
          ["b", "d"],
          ["a", "b"],
          ["c", "d"],
        ],
      );
      expect(countRingCrossings(square, [0, 1, 2, 3])).toBe(1);
      expect(countRingCrossings(square, [0, 2, 1, 3])).toBe(1);
      expect(countRingCrossings(square, [0, 2, 3, 1])).toBe(0);
    });

    it("should agree with the brute-force count on random graphs and orders", () => {
      fc.assert(
        fc.property(
          randomInput.chain((input) =>
            fc.tuple(
              fc.constant(input),
              fc.shuffledSubarray(
                Array.from({ length: input.order }, (_, i) => i),
                { minLength: input.order, maxLength: input.order },
              ),
            ),
          ),
          ([input, order]) => {
            expect(countRingCrossings(input, order)).toBe(ringOracle(input, order));
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe("countSegmentCrossings", () => {
    it("should refuse positions that do not cover every node", () => {
      expect(() => countSegmentCrossings(inputOf(["a", "b"], []), [0], [0])).toThrow(
        "graph/layouts/crossings: one position per node is needed",
      );
    });

    it("should count crossing segments but not touching or adjacent ones", () => {
      const input = inputOf(
        ["a", "b", "c", "d", "e"],
        [
          ["a", "b"],
          ["c", "d"],
          ["a", "e"],
        ],
      );
      // a(0,0)-b(2,2) crosses c(0,2)-d(2,0); a-e shares a with a-b and ends on c-d's line.
      expect(countSegmentCrossings(input, [0, 2, 0, 2, 1], [0, 2, 2, 0, 1])).toBe(1);
      expect(countSegmentCrossings(input, [0, 2, 0, 2, 5], [0, 2, 3, 5, 0])).toBe(0);
    });
  });
});
