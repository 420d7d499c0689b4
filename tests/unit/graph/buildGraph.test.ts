import { describe, expect, it } from "vitest";
import {
  LONE_EDGE_CURVATURE,
  MIN_NODE_SIZE,
  STRAIGHT_EDGES_ABOVE_HOPS,
  UNDISCLOSED_EDGE_SIZE,
  buildFlowGraph,
  buildLayoutGraph,
  curveControlPoint,
  edgeSizeForUsdBn,
  nodeSizeForUsdBn,
  sizeScaleFor,
} from "../../../src/graph/buildGraph.ts";
import { COMPANY_KIND_COLORS, DEAL_TYPE_COLORS } from "../../../src/graph/palette.ts";
import { generateDataset } from "../../bench/generators.ts";
import { hopKey } from "../../../src/analysis/hops.ts";
import { company, dataset, deal, flowGraphOf, loopDataset, realDataset } from "./fixtures.ts";

/** Which side of the line from p to q the point r lies on: the sign of the cross product. */
function side(
  p: { x: number; y: number },
  q: { x: number; y: number },
  r: { x: number; y: number },
) {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

describe("graph/buildGraph", () => {
  describe("buildFlowGraph", () => {
    it("should refuse a hop with an unknown company, naming both", () => {
      const d = dataset([company("a")], [deal("ax", "a", "x", 1)]);
      expect(() => flowGraphOf(d, d.deals)).toThrow(
        'graph/buildGraph: hop "a>x" references unknown company "x"',
      );
    });

    it("should refuse a missing company list, missing hops and an unknown edge type", () => {
      expect(() => buildFlowGraph({} as never, [])).toThrow("dataset.companies must be an array");
      expect(() => buildFlowGraph(loopDataset(), null as never)).toThrow("hops must be an array");
      expect(() => buildFlowGraph(loopDataset(), [], { edgeType: "zigzag" as never })).toThrow(
        "edgeType must be auto, curved or arrow",
      );
    });

    it("should fold the deals of one hop into one edge with its total, types and label", () => {
      const d = loopDataset();
      const g = flowGraphOf(d, d.deals);
      expect(g.size).toBe(5);
      const ab = g.getEdgeAttributes(hopKey("a", "b"));
      expect(ab.dealIds).toEqual(["ab", "ab2"]);
      expect(ab.totalUsdBn).toBe(120);
      expect(ab.types).toEqual(["equity", "warrant"]);
      expect(ab.dominantType).toBe("equity");
      expect(ab.color).toBe(DEAL_TYPE_COLORS.equity);
      expect(ab.label).toBe("$120 bn");
      expect(ab.undisclosed).toBe(false);
      expect(g.getEdgeAttribute(hopKey("b", "c"), "label")).toBe("$300 bn");
    });

    it("should keep both edges of a reciprocal pair, bending to opposite sides", () => {
      const d = loopDataset();
      const g = flowGraphOf(d, d.deals);
      const a = { x: 0, y: 0 };
      const b = { x: 10, y: 0 };
      const ab = g.getEdgeAttribute("a>b", "curvature");
      const ba = g.getEdgeAttribute("b>a", "curvature");
      expect(ab).toBeGreaterThan(LONE_EDGE_CURVATURE);
      expect(ba).toBeGreaterThan(LONE_EDGE_CURVATURE);
      // Each control point is computed on its own edge's direction, as the shader does.
      expect(side(a, b, curveControlPoint(a, b, ab))).toBe(
        -side(a, b, curveControlPoint(b, a, ba)),
      );
      expect(g.getEdgeAttribute("b>c", "curvature")).toBe(LONE_EDGE_CURVATURE);
    });

    it("should draw an undisclosed hop thin and faded", () => {
      const d = loopDataset();
      const g = flowGraphOf(d, d.deals);
      const ad = g.getEdgeAttributes("a>d");
      expect(ad.undisclosed).toBe(true);
      expect(ad.label).toBe("undisclosed");
      expect(ad.size).toBe(UNDISCLOSED_EDGE_SIZE);
      expect(ad.size).toBeLessThan(g.getEdgeAttribute("b>a", "size"));
      expect(ad.color.startsWith("#")).toBe(true);
      expect(ad.color).toHaveLength(9);
      expect(ad.color).not.toBe(DEAL_TYPE_COLORS.debt);
    });

    it("should label a hop mixing disclosed and undisclosed deals", () => {
      const d = dataset(
        [company("a"), company("b")],
        [deal("x", "a", "b", 5), deal("y", "a", "b", null)],
      );
      const e = flowGraphOf(d, d.deals).getEdgeAttributes("a>b");
      expect(e.label).toBe("$5 bn + undisclosed");
      expect(e.undisclosed).toBe(false);
      expect(e.hasUndisclosed).toBe(true);
    });

    it("should size nodes by total flow and colour them by kind", () => {
      const d = loopDataset();
      const g = flowGraphOf(d, d.deals);
      const a = g.getNodeAttributes("a");
      expect(a.outflowUsdBn).toBe(120);
      expect(a.inflowUsdBn).toBe(41);
      expect(a.size).toBeCloseTo(nodeSizeForUsdBn(161));
      expect(a.color).toBe(COMPANY_KIND_COLORS.chipmaker);
      expect(a.kind).toBe("chipmaker");
      expect(a.label).toBe("A");
      expect(g.getNodeAttribute("d", "size")).toBe(MIN_NODE_SIZE);
      expect(g.getNodeAttribute("b", "size")).toBeGreaterThan(g.getNodeAttribute("a", "size"));
    });

    it("should leave out companies with no visible deal", () => {
      const d = loopDataset();
      const g = flowGraphOf(
        d,
        d.deals.filter((x) => x.id !== "ad"),
      );
      expect(g.nodes()).toEqual(["a", "b", "c"]);
      expect(g.hasNode("e")).toBe(false);
    });

    it("should draw straight arrows above the hop threshold, curves below", () => {
      const big = generateDataset(1500, 6000, 7);
      const g = flowGraphOf(big, big.deals);
      expect(g.size).toBeGreaterThan(STRAIGHT_EDGES_ABOVE_HOPS);
      expect(new Set(g.mapEdges((_e, a) => a.type))).toEqual(new Set(["arrow"]));
      const d = loopDataset();
      expect(flowGraphOf(d, d.deals).getEdgeAttribute("a>b", "type")).toBe("curved");
      expect(flowGraphOf(d, d.deals, { edgeType: "arrow" }).getEdgeAttribute("a>b", "type")).toBe(
        "arrow",
      );
    });

    it("should carry every live deal of the shipped dataset on exactly one edge", () => {
      const d = realDataset();
      const g = flowGraphOf(d, d.deals);
      const carried = g.mapEdges((_e, a) => a.dealIds).flat();
      const live = d.deals.filter((x) => x.status !== "superseded" && x.status !== "cancelled");
      expect(carried.sort()).toEqual(live.map((x) => x.id).sort());
      g.forEachNode((_id, a) => expect(a.color).toBe(COMPANY_KIND_COLORS[a.kind]));
    });

    it("should leave superseded deals out, and draw a hop of only history faint when asked", () => {
      const d = dataset(
        [company("a"), company("b"), company("c")],
        [
          deal("ab-old", "a", "b", 100, { status: "superseded", supersededBy: "ab-new" }),
          deal("ab-new", "a", "b", 30),
          deal("bc-off", "b", "c", 5, { status: "cancelled" }),
        ],
      );
      const live = flowGraphOf(d, d.deals);
      expect(live.getEdgeAttribute("a>b", "totalUsdBn")).toBe(30);
      expect(live.hasEdge("b>c")).toBe(false);
      const all = flowGraphOf(d, d.deals, { countNonLive: true });
      expect(all.getEdgeAttribute("a>b", "totalUsdBn")).toBe(130);
      expect(all.getEdgeAttribute("a>b", "nonLive")).toBe(false);
      expect(all.getEdgeAttribute("b>c", "nonLive")).toBe(true);
      expect(all.getEdgeAttribute("b>c", "size")).toBe(UNDISCLOSED_EDGE_SIZE);
    });
  });

  describe("buildLayoutGraph", () => {
    it("should hold every deal of the dataset, history included, so positions survive any filter", () => {
      const d = realDataset();
      const g = buildLayoutGraph(d);
      const carried = g.mapEdges((_e, a) => a.dealIds).flat();
      expect(carried.sort()).toEqual(d.deals.map((x) => x.id).sort());
    });
  });

  describe("edgeSizeForUsdBn", () => {
    it("should treat a negative amount as zero", () => {
      expect(edgeSizeForUsdBn(-5)).toBe(edgeSizeForUsdBn(0));
    });

    it("should grow on a log scale: each tenfold adds about the same", () => {
      const step1 = edgeSizeForUsdBn(1000) - edgeSizeForUsdBn(100);
      const step2 = edgeSizeForUsdBn(10000) - edgeSizeForUsdBn(1000);
      expect(step1).toBeGreaterThan(0);
      expect(step2).toBeCloseTo(step1, 1);
      expect(edgeSizeForUsdBn(0.1)).toBeGreaterThan(UNDISCLOSED_EDGE_SIZE);
    });
  });

  describe("sizeScaleFor", () => {
    it("should be 1 for small datasets and shrink, floored, for big ones", () => {
      expect(sizeScaleFor(0)).toBe(1);
      expect(sizeScaleFor(200)).toBe(1);
      expect(sizeScaleFor(800)).toBeCloseTo(0.5);
      expect(sizeScaleFor(1_000_000)).toBe(0.3);
    });
  });
});
