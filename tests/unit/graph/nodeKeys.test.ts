import { describe, expect, it } from "vitest";
import { companyOf, nodeKey } from "../../../src/graph/nodeKeys.ts";
import { computeHighlight } from "../../../src/graph/reducers.ts";
import { company, dataset, deal, flowGraphOf } from "./fixtures.ts";

describe("graph/nodeKeys", () => {
  describe("nodeKey and companyOf", () => {
    it("should give Object.prototype names a key of their own and read it back", () => {
      expect(nodeKey("nvidia")).toBe("nvidia");
      expect(nodeKey("constructor")).toBe("constructor~");
      expect(nodeKey("__proto__")).toBe("__proto__~");
      for (const id of ["constructor", "__proto__", "tostring", "valueof", "a-b"]) {
        expect(companyOf(nodeKey(id))).toBe(id);
      }
    });
  });

  describe("a graph with hostile ids", () => {
    it("should draw, highlight and walk a company called constructor", () => {
      const d = dataset(
        [company("a"), company("constructor"), company("b")],
        [
          deal("x", "a", "constructor", 1),
          deal("y", "constructor", "b", 2),
          deal("z", "b", "a", 3),
        ],
      );
      const g = flowGraphOf(d, d.deals);
      expect(g.order).toBe(3);
      expect(g.size).toBe(3);
      expect(g.outNeighbors("a")).toEqual([nodeKey("constructor")]);
      const h = computeHighlight(g, { kind: "company", id: "constructor" }, null);
      expect([...h.nodes].map(companyOf).sort()).toEqual(["a", "b", "constructor"]);
      const loop = computeHighlight(
        g,
        { kind: "loop", companies: ["a", "constructor", "b"] },
        null,
      );
      expect(loop.edges.size).toBe(3);
    });
  });
});
