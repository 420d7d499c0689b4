import { describe, expect, it } from "vitest";
import type { FlowGraph } from "../../../src/graph/buildGraph.ts";
import { runForceLayout } from "../../../src/graph/forceLayoutRun.ts";
import {
  LAYOUT_EXTENT,
  NODE_MARGIN,
  assignInitialPositions,
  computeLayoutSync,
  layoutExtent,
  normalizeExtent,
  removeOverlaps,
} from "../../../src/graph/layout.ts";
import {
  applyPositions,
  copyPositions,
  positionsExtent,
  readPositions,
} from "../../../src/graph/positions.ts";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { generateDataset } from "../../bench/generators.ts";
import { loopDataset, realDataset, flowGraphOf } from "./fixtures.ts";

function realGraph(): FlowGraph {
  const d = realDataset();
  return flowGraphOf(d, d.deals);
}

/** Pairs of nodes whose discs (plus a small tolerance) intersect. */
function overlaps(g: FlowGraph, tolerance = 0.5): string[] {
  const nodes = g.mapNodes((id, a) => ({ id, ...a }));
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const p = nodes[i]!;
      const q = nodes[j]!;
      if (Math.hypot(p.x - q.x, p.y - q.y) + tolerance < p.size + q.size)
        found.push(`${p.id}/${q.id}`);
    }
  }
  return found;
}

describe("graph/layout", () => {
  describe("computeLayoutSync", () => {
    it("should refuse an iteration count that is not a positive integer", () => {
      expect(() => computeLayoutSync(realGraph(), 0)).toThrow(
        "graph/layout: iterations must be an integer >= 1",
      );
      expect(() => computeLayoutSync(realGraph(), 2.5)).toThrow("iterations must be an integer");
    });

    it("should give the same positions on every run", () => {
      const first = realGraph();
      const second = realGraph();
      computeLayoutSync(first);
      computeLayoutSync(second);
      expect(readPositions(second)).toEqual(readPositions(first));
    });

    it("should leave no two node discs overlapping", () => {
      const g = realGraph();
      computeLayoutSync(g);
      expect(overlaps(g)).toEqual([]);
    });

    it("should push apart the discs of a crowded drawing", () => {
      // One FA2 iteration leaves 150 companies crowded on their start circle.
      const d = generateDataset(150, 600, 3);
      const crowded = flowGraphOf(d, d.deals);
      assignInitialPositions(crowded);
      forceAtlas2.assign(crowded, 1);
      normalizeExtent(crowded);
      const before = overlaps(crowded).length;
      expect(before).toBeGreaterThan(10);
      removeOverlaps(crowded);
      // NOTE: noverlap stops after its iteration budget; discs may still graze by a pixel or two.
      expect(overlaps(crowded, 2)).toEqual([]);
    });

    it("should spread nodes over about the fixed extent, centred on 0", () => {
      const g = realGraph();
      computeLayoutSync(g);
      const box = positionsExtent(readPositions(g));
      const span = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]);
      // noverlap only pushes outwards a little after normalisation.
      expect(span).toBeGreaterThanOrEqual(LAYOUT_EXTENT * 0.95);
      expect(span).toBeLessThan(LAYOUT_EXTENT * 1.5);
      expect(Math.abs(box.x[0] + box.x[1])).toBeLessThan(LAYOUT_EXTENT * 0.25);
    });

    it("should lay out an empty graph and a single hop without failing", () => {
      const d = loopDataset();
      const empty = flowGraphOf(d, []);
      expect(() => computeLayoutSync(empty)).not.toThrow();
      const one = flowGraphOf(d, d.deals.slice(0, 1));
      computeLayoutSync(one);
      expect(overlaps(one)).toEqual([]);
    });
  });

  describe("assignInitialPositions", () => {
    it("should place companies of one kind next to each other on the circle", () => {
      const g = realGraph();
      assignInitialPositions(g);
      const angle = (id: string) => {
        const { x, y } = g.getNodeAttributes(id);
        return (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
      };
      const chipmakers = g.filterNodes((_id, a) => a.kind === "chipmaker").map(angle);
      const step = (2 * Math.PI) / g.order;
      const sorted = chipmakers.sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(step);
    });
  });

  describe("normalizeExtent", () => {
    it("should scale the larger side to the extent for the graph's size", () => {
      const g = realGraph();
      assignInitialPositions(g);
      normalizeExtent(g);
      const box = positionsExtent(readPositions(g));
      expect(Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0])).toBeCloseTo(layoutExtent(g.order));
      expect(layoutExtent(10_000)).toBe(10_000);
    });
  });

  describe("applyPositions / copyPositions", () => {
    it("should place a node without a position near its neighbours, apart from them", () => {
      const d = loopDataset();
      const g = flowGraphOf(d, d.deals);
      const missing = applyPositions(g, {
        a: { x: 0, y: 0 },
        b: { x: 100, y: 0 },
        c: { x: 0, y: 100 },
      });
      expect(missing).toEqual(["d"]);
      const p = g.getNodeAttributes("d");
      expect(Math.hypot(p.x, p.y)).toBeGreaterThan(NODE_MARGIN);
      expect(Math.hypot(p.x, p.y)).toBeLessThan(100);
    });

    it("should copy positions onto the nodes the target has", () => {
      const d = loopDataset();
      const full = flowGraphOf(d, d.deals);
      computeLayoutSync(full);
      const part = flowGraphOf(d, d.deals.slice(0, 3));
      copyPositions(full, part);
      part.forEachNode((id, a) => {
        expect(a.x).toBe(full.getNodeAttribute(id, "x"));
        expect(a.y).toBe(full.getNodeAttribute(id, "y"));
      });
    });
  });

  describe("runForceLayout", () => {
    it("should refuse a bad iteration cap, and say so when workers are unavailable", () => {
      const g = realGraph();
      expect(() => runForceLayout(g, { maxIterations: 0, maxMs: 100 })).toThrow(
        "graph/forceLayoutRun: maxIterations must be an integer >= 1",
      );
      expect(() => runForceLayout(g, { maxIterations: 10, maxMs: 100 })).toThrow(
        "graph/forceLayoutRun: web workers are unavailable; use computeLayoutSync",
      );
    });
  });
});
