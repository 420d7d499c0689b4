// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { describeExport } from "../../../src/graph/export/describe.ts";
import { edgeShape } from "../../../src/graph/export/edgeGeometry.ts";
import { layoutExport, wrapText } from "../../../src/graph/export/frame.ts";
import { buildExportScene } from "../../../src/graph/export/scene.ts";
import { escapeXml, serializeSvg, svgPaint } from "../../../src/graph/export/svg.ts";
import { selectExportSubgraph } from "../../../src/graph/export/subgraph.ts";
import { approximateTextWidth } from "../../../src/graph/export/textMeasure.ts";
import { withAlpha } from "../../../src/graph/palette.ts";
import type { HighlightSelection } from "../../../src/graph/reducers.ts";
import { resolveGraphSettings } from "../../../src/graph/settings.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { company, dataset, deal, loopDataset, flowGraphOf } from "./fixtures.ts";

// NOTE: sigma's WebGL programs read WebGLRenderingContext constants when their
// modules load (settings.ts imports them); Node has none, so the few used are
// stubbed before any import runs.
vi.hoisted(() => {
  const gl = { BOOL: 0x8b56, BYTE: 0x1400, FLOAT: 0x1406, UNSIGNED_BYTE: 0x1401 };
  const constants = { ...gl, TRIANGLES: 4, LINES: 1, POINTS: 0 };
  Object.assign(globalThis, {
    WebGLRenderingContext: constants,
    WebGL2RenderingContext: constants,
  });
});

/** The export of `selection` on `data`, companies spread on a circle. */
function exportOf(data: Dataset, selection: HighlightSelection) {
  const graph = flowGraphOf(data, data.deals);
  graph.forEachNode((id, _a) => {
    const i = graph.nodes().indexOf(id);
    graph.mergeNodeAttributes(id, { x: 100 * Math.cos(i), y: 100 * Math.sin(i) });
  });
  const sub = selectExportSubgraph(graph, selection);
  const scene = buildExportScene({
    graph: sub.graph,
    highlight: sub.highlight,
    theme: "light",
    settings: resolveGraphSettings("light", true),
    project: (p) => ({ x: 300 + 2 * p.x, y: 300 - 2 * p.y }),
    sizeRatio: 1,
    measure: approximateTextWidth,
  });
  const description = describeExport(sub, data);
  const layout = layoutExport(scene, description, approximateTextWidth);
  return { scene, description, layout, svg: serializeSvg(layout, description, "white") };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.nodeName).toBe("svg");
  return doc;
}

const texts = (doc: Document) => [...doc.getElementsByTagName("text")].map((t) => t.textContent);

describe("graph/export/svg", () => {
  describe("buildExportScene", () => {
    it("should refuse a size ratio that is not positive", () => {
      const d = loopDataset();
      expect(() =>
        buildExportScene({
          graph: flowGraphOf(d, d.deals),
          highlight: selectExportSubgraph(flowGraphOf(d, d.deals), { kind: "none" }).highlight,
          theme: "light",
          settings: resolveGraphSettings("light", true),
          project: (p) => p,
          sizeRatio: 0,
          measure: approximateTextWidth,
        }),
      ).toThrow("graph/export: sizeRatio must be positive, got 0");
    });

    it("should give every node a label and every flow an amount, inside the bounds", () => {
      const { scene } = exportOf(loopDataset(), { kind: "none" });
      expect(scene.nodes.map((n) => n.label?.text).sort()).toEqual(["A", "B", "C", "D"]);
      expect(scene.edges.every((e) => e.label !== null)).toBe(true);
      for (const n of scene.nodes) {
        const right = n.label!.x + approximateTextWidth(n.label!.text, scene.style.labelFont);
        expect(right).toBeLessThanOrEqual(scene.bounds.maxX);
        expect(n.x - n.radius).toBeGreaterThanOrEqual(scene.bounds.minX);
      }
    });
  });

  describe("edgeShape", () => {
    it("should end the arrow head's tip on the target's disc, 2.5 × the thickness long", () => {
      const shape = edgeShape({ x: 0, y: 0 }, { x: 200, y: 0 }, 0.12, 10, 4);
      const [tip] = shape.head!;
      expect(Math.hypot(tip.x - 200, tip.y)).toBeCloseTo(10, 1);
      const base = shape.shaft.p2;
      expect(Math.hypot(base.x - 200, base.y)).toBeCloseTo(20, 1);
      // Screen y points down: a positive curvature bends the curve to y < 0 going right.
      expect(shape.shaft.p1.y).toBeLessThan(0);
    });
  });

  describe("serializeSvg", () => {
    it("should write well-formed XML with every label, amount, the title, legend, date and sources", () => {
      const { svg, description } = exportOf(loopDataset(), { kind: "none" });
      const doc = parse(svg);
      const all = texts(doc);
      for (const name of ["A", "B", "C", "D"]) expect(all).toContain(name);
      for (const amount of ["$120 bn", "$300 bn", "$40 bn", "$1 bn", "undisclosed"]) {
        expect(all).toContain(amount);
      }
      expect(doc.querySelector("title")?.textContent).toBe(description.title);
      expect(all).toContain("Graph fixture");
      for (const entry of ["Equity", "Debt", "Cloud contract", "Chip purchase", "Chipmaker"]) {
        expect(all).toContain(entry);
      }
      expect(all).toContain("Amount undisclosed");
      expect(all.some((t) => t?.includes("Data as of 1 October 2025"))).toBe(true);
      expect(all).toContain("Source: Seed.");
      expect(doc.documentElement.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    });

    it("should title a loop export and draw only its hops", () => {
      const { svg } = exportOf(loopDataset(), { kind: "loop", companies: ["a", "b", "c"] });
      const doc = parse(svg);
      expect(texts(doc)).toContain("A → B → C → A");
      expect(doc.querySelectorAll("#flows path[stroke-width]")).toHaveLength(3);
      expect(texts(doc)).not.toContain("D");
    });

    it("should escape names that are not XML-safe and omit the background when transparent", () => {
      const data = dataset(
        [{ ...company("a"), name: `Q&A <"Labs">` }, company("b")],
        [deal("ab", "a", "b", 5)],
      );
      const { layout, description } = exportOf(data, { kind: "none" });
      const svg = serializeSvg(layout, description, "transparent");
      expect(texts(parse(svg))).toContain(`Q&A <"Labs">`);
      expect(svg).not.toContain('fill="#ffffff"/>');
      expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
      // Control characters would make the SVG invalid XML (issue 11, item 14).
      expect(escapeXml("Nv\u0000id\u0007ia\u001b[31m")).toBe("Nvidia[31m");
      const doc = new DOMParser().parseFromString(
        `<svg xmlns="http://www.w3.org/2000/svg"><text>${escapeXml("a\u0001b\ud800c")}</text></svg>`,
        "image/svg+xml",
      );
      expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    });
  });

  describe("svgPaint", () => {
    it("should refuse a malformed colour and undo WebGL's premultiplied alpha", () => {
      expect(() => svgPaint("red", false)).toThrow("graph/export: colour must be #rrggbb");
      const { color, opacity } = svgPaint(withAlpha("#0072b2", 0.7), true);
      expect(opacity).toBeCloseTo(0.7, 2);
      expect(color).toMatch(/^#0[01]7[12]b[12]$/);
      expect(svgPaint("#ffffffcc", false)).toEqual({ color: "#ffffff", opacity: 0.8 });
    });
  });

  describe("wrapText", () => {
    it("should wrap on spaces and end a cut last line with an ellipsis", () => {
      const lines = wrapText("one two three four five", "10px x", 60, approximateTextWidth, 2);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/…$/);
      expect(wrapText("", "10px x", 60, approximateTextWidth, 2)).toEqual([]);
    });
  });
});
