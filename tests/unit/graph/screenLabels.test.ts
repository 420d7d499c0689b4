import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxIntersectsDisc, boxesIntersect } from "../../../src/graph/export/placeLabels.ts";
import { approximateTextWidth } from "../../../src/graph/export/textMeasure.ts";
import { type ScreenNode, planScreenLabels } from "../../../src/graph/screenLabels.ts";

const STYLE = {
  labelFont: "500 13px sans-serif",
  labelSize: 13,
  edgeLabelFont: "400 11px sans-serif",
  edgeLabelSize: 11,
};

const node = (key: string, x: number, y: number, forced = false, size = 6): ScreenNode => ({
  key,
  x,
  y,
  size,
  label: `Company ${key}`,
  forced,
});

describe("graph/screenLabels", () => {
  describe("planScreenLabels", () => {
    it("should give a highlighted company its name before a bigger one nearby", () => {
      const plan = planScreenLabels(
        {
          width: 300,
          height: 200,
          nodes: [node("big", 100, 100, false, 12), node("lit", 100, 118, true, 4)],
          edges: [],
        },
        STYLE,
        approximateTextWidth,
      );
      expect(plan.nodes.has("lit")).toBe(true);
    });

    it("should name a highlighted company hemmed in by grey ones, over their discs, never over a label", () => {
      // A ring of grey companies close around the highlighted one: no clear place is left.
      const ring = Array.from({ length: 12 }, (_, i) => {
        const a = (i / 12) * 2 * Math.PI;
        return node(`g${i}`, 150 + 22 * Math.cos(a), 100 + 22 * Math.sin(a), false, 9);
      });
      const plan = planScreenLabels(
        { width: 300, height: 200, nodes: [node("lit", 150, 100, true, 8), ...ring], edges: [] },
        STYLE,
        approximateTextWidth,
      );
      const box = plan.nodes.get("lit");
      expect(box).toBeDefined();
      expect(boxIntersectsDisc(box!, { x: 150, y: 100, radius: 8 })).toBe(false);
      for (const [key, other] of plan.nodes) {
        if (key !== "lit") expect(boxesIntersect(box!, other)).toBe(false);
      }
    });

    it("should place a highlighted flow's amount and leave names off-screen unplanned", () => {
      const plan = planScreenLabels(
        {
          width: 400,
          height: 300,
          nodes: [node("a", 50, 150), node("b", 350, 150), node("far", 2000, 150)],
          edges: [
            {
              key: "a->b",
              source: { x: 50, y: 150 },
              target: { x: 350, y: 150 },
              curvature: 0.12,
              label: "$40 bn",
              usdBn: 40,
            },
          ],
        },
        STYLE,
        approximateTextWidth,
      );
      expect(plan.edges.has("a->b")).toBe(true);
      expect(plan.nodes.has("far")).toBe(false);
      expect([...plan.nodes.keys()].sort()).toEqual(["a", "b"]);
    });

    it("should put no label under an overlay such as the legend", () => {
      const covered = [{ x: 0, y: 0, width: 200, height: 300 }];
      const plan = planScreenLabels(
        { width: 400, height: 300, nodes: [node("a", 210, 150)], edges: [], covered },
        STYLE,
        approximateTextWidth,
      );
      const box = plan.nodes.get("a")!;
      expect(box.cx - box.width / 2).toBeGreaterThanOrEqual(200);
      const hidden = planScreenLabels(
        { width: 400, height: 300, nodes: [node("b", 100, 150)], edges: [], covered },
        STYLE,
        approximateTextWidth,
      );
      expect(hidden.nodes.has("b")).toBe(false);
    });

    it("should never let two planned labels overlap, nor a label cover a highlighted company, nor a grey name any company (property)", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 600 }),
              fc.integer({ min: 0, max: 400 }),
              fc.boolean(),
            ),
            { maxLength: 40 },
          ),
          (raw) => {
            const nodes = raw.map(([x, y, forced], i) => node(String(i), x, y, forced));
            const edges = nodes.slice(1).map((n, i) => ({
              key: `e${i}`,
              source: { x: nodes[i]!.x, y: nodes[i]!.y },
              target: { x: n.x, y: n.y },
              curvature: 0.12,
              label: `$${i} bn`,
              usdBn: i,
            }));
            const plan = planScreenLabels(
              { width: 600, height: 400, nodes, edges },
              STYLE,
              approximateTextWidth,
            );
            const labelled = [
              ...[...plan.nodes].map(([key, box]) => ({
                box,
                highlighted: nodes.find((n) => n.key === key)!.forced,
              })),
              ...[...plan.edges.values()].map((box) => ({ box, highlighted: false })),
            ];
            for (let i = 0; i < labelled.length; i++) {
              const { box, highlighted } = labelled[i]!;
              for (let j = i + 1; j < labelled.length; j++) {
                expect(boxesIntersect(box, labelled[j]!.box)).toBe(false);
              }
              // A highlighted name may cover a grey company's disc, never a highlighted one's.
              for (const n of nodes) {
                if (highlighted && !n.forced) continue;
                expect(boxIntersectsDisc(box, { x: n.x, y: n.y, radius: n.size })).toBe(false);
              }
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
