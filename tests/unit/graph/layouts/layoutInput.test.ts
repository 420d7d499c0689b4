import { describe, expect, it } from "vitest";
import {
  buildAdjacency,
  makeLayoutInput,
  neighboursOf,
} from "../../../../src/graph/layouts/layoutInput.ts";
import { inputOf, realInput } from "./helpers.ts";

describe("graph/layouts/layoutInput", () => {
  describe("makeLayoutInput", () => {
    it("should refuse unknown and duplicate nodes with a clear message", () => {
      expect(() => inputOf(["a"], [["a", "b"]])).toThrow(
        "graph/layouts: edge a → b names an unknown node",
      );
      expect(() => inputOf(["a", "a"], [])).toThrow('graph/layouts: duplicate node "a"');
      expect(() => makeLayoutInput(null as never, [])).toThrow("nodes must be an array");
      expect(() => buildAdjacency(2, [[0, 2]])).toThrow("outside the graph");
    });

    it("should fold reciprocal and repeated pairs into one undirected edge and drop self-loops", () => {
      const input = inputOf(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "a"],
          ["a", "b"],
          ["c", "c"],
          ["c", "a"],
        ],
      );
      expect([...input.from]).toEqual([0, 1, 2]);
      expect([...input.to]).toEqual([1, 0, 0]);
      expect([...input.pairA]).toEqual([0, 0]);
      expect([...input.pairB]).toEqual([1, 2]);
      expect([...neighboursOf(input, 0)]).toEqual([1, 2]);
      expect([...neighboursOf(input, 1)]).toEqual([0]);
    });

    it("should treat keys such as __proto__ and constructor as plain keys", () => {
      const input = inputOf(["__proto__", "constructor"], [["__proto__", "constructor"]]);
      expect(input.pairA.length).toBe(1);
      expect(input.nodes.map((n) => n.key)).toEqual(["__proto__", "constructor"]);
    });

    it("should read the default dataset's layout graph with every node and symmetric adjacency", () => {
      const input = realInput();
      expect(input.nodes.length).toBeGreaterThan(50);
      for (let i = 0; i < input.order; i++) {
        for (const j of neighboursOf(input, i)) expect([...neighboursOf(input, j)]).toContain(i);
      }
    });
  });
});
