import { describe, expect, it } from "vitest";
import { buildFlowIndex, findHop } from "../../../src/analysis/flowIndex.ts";

describe("analysis/flowIndex", () => {
  describe("buildFlowIndex", () => {
    it("should fold parallel deals into one hop with their total and unknown flag", () => {
      const index = buildFlowIndex(
        [
          { from: "b", to: "a", amountUsdBn: 2 },
          { from: "a", to: "b", amountUsdBn: 100 },
          { from: "a", to: "b", amountUsdBn: null },
          { from: "a", to: "b", amountUsdBn: 5 },
          { from: "a", to: "a", amountUsdBn: 9 },
        ],
        ["a", "b"],
      );
      expect(index.nodeCount).toBe(2);
      expect(index.hopCount).toBe(2);
      const ab = findHop(index, 0, 1);
      expect(index.hopKnownUsdBn[ab]).toBe(105);
      expect(index.hopUndisclosedDeals[ab]).toBe(1);
      const edges = Array.from(
        index.hopEdges.subarray(index.hopEdgeOffsets[ab], index.hopEdgeOffsets[ab + 1]),
      );
      expect(edges).toEqual([1, 2, 3]);
      expect(findHop(index, 1, 0)).not.toBe(-1);
      expect(findHop(index, 0, 0)).toBe(-1);
    });

    it("should keep given node order and append unknown ids", () => {
      const index = buildFlowIndex([{ from: "z", to: "y", amountUsdBn: 1 }], ["y", "x"]);
      expect(index.nodeIds).toEqual(["y", "x", "z"]);
      expect(index.inOffsets[1]! - index.inOffsets[0]!).toBe(1);
      // A repeated given id keeps its first number.
      const repeated = buildFlowIndex([{ from: "x", to: "y", amountUsdBn: 1 }], ["y", "x", "y"]);
      expect(repeated.nodeIds).toEqual(["y", "x"]);
      expect([...repeated.nodeIndexById]).toEqual([
        ["y", 0],
        ["x", 1],
      ]);
      expect([repeated.hopSource[0], repeated.hopTarget[0]]).toEqual([1, 0]);
    });

    it("should treat ids like __proto__ as plain ids", () => {
      const index = buildFlowIndex([{ from: "__proto__", to: "constructor", amountUsdBn: 1 }]);
      expect(index.nodeIds).toEqual(["__proto__", "constructor"]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
