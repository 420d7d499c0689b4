import { describe, expect, it } from "vitest";
import { THEME_COLORS } from "../../../src/graph/palette.ts";
import {
  NO_HIGHLIGHT,
  computeHighlight,
  createEdgeReducer,
  createNodeReducer,
} from "../../../src/graph/reducers.ts";
import { loopHopKeys } from "../../../src/analysis/hops.ts";
import { loopDataset, flowGraphOf } from "./fixtures.ts";

const NONE = { kind: "none" } as const;
const LOOP = { kind: "loop", companies: ["a", "b", "c"] } as const;

function graph() {
  const d = loopDataset();
  return flowGraphOf(d, d.deals);
}

describe("graph/reducers", () => {
  describe("computeHighlight", () => {
    it("should refuse a loop of fewer than two companies and an unknown selection", () => {
      expect(() => computeHighlight(graph(), { kind: "loop", companies: ["a"] }, null)).toThrow(
        "graph/reducers: a loop needs at least 2 companies",
      );
      expect(() => computeHighlight(graph(), { kind: "bogus" } as never, null)).toThrow(
        'graph/reducers: unknown selection kind "bogus"',
      );
    });

    it("should highlight nothing with no selection and no hover", () => {
      expect(computeHighlight(graph(), NONE, null)).toBe(NO_HIGHLIGHT);
    });

    it("should highlight exactly a loop's companies and hops, in the accent", () => {
      const h = computeHighlight(graph(), LOOP, null);
      expect(h.active).toBe(true);
      expect([...h.nodes].sort()).toEqual(["a", "b", "c"]);
      expect([...h.edges].sort()).toEqual(["a>b", "b>c", "c>a"]);
      expect(h.accentEdges).toEqual(h.edges);
      expect(h.edges.has("b>a")).toBe(false);
    });

    it("should highlight a hovered node's in- and out-neighbours, over the selection", () => {
      const h = computeHighlight(graph(), LOOP, "d");
      expect([...h.nodes].sort()).toEqual(["a", "d"]);
      expect([...h.edges]).toEqual(["a>d"]);
      const a = computeHighlight(graph(), NONE, "a");
      expect([...a.nodes].sort()).toEqual(["a", "b", "c", "d"]);
      expect([...a.edges].sort()).toEqual(["a>b", "a>d", "b>a", "c>a"]);
      expect(a.accentEdges.size).toBe(0);
      expect([...a.focusNodes]).toEqual(["a"]);
    });

    it("should highlight a selected company with its counterparties", () => {
      const h = computeHighlight(graph(), { kind: "company", id: "c" }, null);
      expect([...h.nodes].sort()).toEqual(["a", "b", "c"]);
      expect([...h.edges].sort()).toEqual(["b>c", "c>a"]);
    });

    it("should highlight a selected edge and its two ends", () => {
      const h = computeHighlight(graph(), { kind: "edge", from: "b", to: "a" }, null);
      expect([...h.nodes].sort()).toEqual(["a", "b"]);
      expect([...h.accentEdges]).toEqual(["b>a"]);
    });

    it("should highlight nothing when the selection is filtered out of the graph", () => {
      const g = graph();
      expect(computeHighlight(g, { kind: "company", id: "e" }, null)).toBe(NO_HIGHLIGHT);
      expect(computeHighlight(g, { kind: "edge", from: "c", to: "b" }, null)).toBe(NO_HIGHLIGHT);
      expect(computeHighlight(g, { kind: "loop", companies: ["x", "y"] }, null)).toBe(NO_HIGHLIGHT);
      expect(computeHighlight(g, NONE, "nobody")).toBe(NO_HIGHLIGHT);
    });
  });

  describe("loopHopKeys", () => {
    it("should close the loop back to the first company", () => {
      expect(loopHopKeys(["a", "b", "c"])).toEqual(["a>b", "b>c", "c>a"]);
    });
  });

  describe("createNodeReducer / createEdgeReducer", () => {
    it("should pass items through unchanged when nothing is highlighted", () => {
      const g = graph();
      const attrs = { ...g.getNodeAttributes("a") };
      expect(createNodeReducer(NO_HIGHLIGHT, "light")("a", { ...attrs })).toEqual(attrs);
    });

    it("should dim everything off the loop and put the loop on top, accented", () => {
      const g = graph();
      const h = computeHighlight(g, LOOP, null);
      const theme = THEME_COLORS.dark;
      const node = createNodeReducer(h, "dark");
      const edge = createEdgeReducer(h, "dark");
      for (const id of g.nodes()) {
        const out = node(id, { ...g.getNodeAttributes(id) });
        if (h.nodes.has(id)) {
          expect(out).toMatchObject({ zIndex: 1, forceLabel: true, highlighted: true });
          expect(out.color).toBe(g.getNodeAttribute(id, "color"));
        } else {
          expect(out).toMatchObject({ color: theme.dimNode, label: "", zIndex: 0 });
        }
      }
      for (const id of g.edges()) {
        const attrs = g.getEdgeAttributes(id);
        const out = edge(id, { ...attrs });
        if (h.edges.has(id)) {
          expect(out.color).toBe(theme.accent);
          expect(out.size).toBeGreaterThan(attrs.size);
          expect(out.zIndex).toBe(1);
        } else {
          expect(out).toMatchObject({ color: theme.dimEdge, zIndex: 0 });
        }
      }
    });

    it("should keep a hovered neighbourhood's own edge colours", () => {
      const g = graph();
      const h = computeHighlight(g, NONE, "d");
      const out = createEdgeReducer(h, "light")("a>d", { ...g.getEdgeAttributes("a>d") });
      expect(out.color).toBe(g.getEdgeAttribute("a>d", "color"));
      expect(out.zIndex).toBe(1);
    });
  });
});
