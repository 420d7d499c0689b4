// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { describeExport } from "../../../src/graph/export/describe.ts";
import { edgeShape } from "../../../src/graph/export/edgeGeometry.ts";
import { composeExport } from "../../../src/graph/export/compose.ts";
import { boxesIntersect, boxIntersectsDisc } from "../../../src/graph/export/placeLabels.ts";
import {
  DEFAULT_WORDING,
  EXPORT_PRESETS,
  type ExportSettings,
  MIN_TEXT_PX,
  resolveExportSettings,
} from "../../../src/graph/export/presets.ts";
import { escapeXml, serializeSvg, svgPaint } from "../../../src/graph/export/svg.ts";
import { selectExportSubgraph } from "../../../src/graph/export/subgraph.ts";
import {
  approximateTextWidth,
  fontSizeOf,
  wrapText,
} from "../../../src/graph/export/textMeasure.ts";
import { withAlpha } from "../../../src/graph/palette.ts";
import type { HighlightSelection } from "../../../src/graph/reducers.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { company, dataset, deal, loopDataset, flowGraphOf, realDataset } from "./fixtures.ts";

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

/** The export of `selection` on `data` for `settings`, companies spread on a circle. */
function exportOf(
  data: Dataset,
  selection: HighlightSelection,
  settings: Partial<ExportSettings> = {},
  wording = DEFAULT_WORDING,
) {
  const graph = flowGraphOf(data, data.deals);
  graph.forEachNode((id, _a) => {
    const i = graph.nodes().indexOf(id);
    graph.mergeNodeAttributes(id, { x: 100 * Math.cos(i), y: 100 * Math.sin(i) });
  });
  const sub = selectExportSubgraph(graph, selection);
  const description = describeExport(sub, data);
  const composition = composeExport({
    subgraph: sub,
    description,
    settings: resolveExportSettings(settings),
    wording,
    measure: approximateTextWidth,
    shareUrl: "https://example.org/?loop=a.b.c",
  });
  return { description, composition, svg: serializeSvg(composition) };
}

/** The box a centred label text covers, as the composition placed it. */
function labelBox(t: { text: string; x: number; y: number; font: string; angle: number }) {
  const size = fontSizeOf(t.font);
  const lines = t.text.split("\n");
  return {
    cx: t.x,
    cy: t.y,
    width: Math.max(...lines.map((l) => approximateTextWidth(l, t.font))),
    height: size * 1.1 * lines.length,
    angle: (t.angle * Math.PI) / 180,
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.nodeName).toBe("svg");
  return doc;
}

const texts = (doc: Document) => [...doc.getElementsByTagName("text")].map((t) => t.textContent);

describe("graph/export/svg", () => {
  describe("composeExport", () => {
    it("should lay every preset out at its size, with text of at least 12 px", () => {
      for (const preset of EXPORT_PRESETS) {
        const { composition: c } = exportOf(realDataset(), { kind: "none" }, { preset });
        const expected = { web: 640, full: 1200, "social-wide": 1200, "social-square": 1080 };
        if (preset !== "print") expect(c.width).toBe(expected[preset]);
        if (preset === "social-wide") expect(c.height).toBe(675);
        if (preset === "social-square") expect(c.height).toBe(1080);
        for (const t of c.texts) expect(fontSizeOf(t.font)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
        for (const t of c.texts) {
          expect(t.x).toBeGreaterThanOrEqual(0);
          expect(t.y).toBeLessThanOrEqual(c.height);
        }
      }
    });

    it("should place no label over another label or over a company's disc", () => {
      for (const preset of EXPORT_PRESETS) {
        const { composition: c } = exportOf(realDataset(), { kind: "none" }, { preset });
        const boxes = c.texts.filter((t) => t.role === "label").map(labelBox);
        expect(boxes.length).toBeGreaterThan(3);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false);
          }
          for (const n of c.nodes) {
            expect(boxIntersectsDisc(boxes[i]!, { x: n.x, y: n.y, radius: n.radius })).toBe(false);
          }
        }
      }
    });

    it("should dash a flow with no disclosed amount and never label it, and note weak evidence", () => {
      const { composition: c } = exportOf(loopDataset(), { kind: "none" });
      const labels = c.texts.filter((t) => t.role === "label").map((t) => t.text);
      expect(labels).not.toContain("undisclosed");
      expect(c.edges.some((e) => e.dashed)).toBe(true);
      expect(c.texts.map((t) => t.text)).toContain("Amount undisclosed");
    });

    it("should list every source at the flexible presets and end a social one with the link", () => {
      const full = exportOf(realDataset(), { kind: "none" }, { preset: "full" }).composition;
      expect(full.sourcesListed).toBe(full.sourcesCited);
      expect(full.sourcesCited).toBeGreaterThan(20);
      const social = exportOf(realDataset(), { kind: "none" }, { preset: "social-wide" });
      const c = social.composition;
      expect(c.sourcesListed).toBeLessThan(c.sourcesCited);
      const words = c.texts.map((t) => t.text).join(" ");
      expect(words).toContain(`${c.sourcesCited - c.sourcesListed} more sources at`);
      expect(words.replace(/ /g, "")).toContain("https://example.org/?loop=a.b.c");
    });

    it("should use the user's headline, subtitle and caption", () => {
      const { composition: c, svg } = exportOf(
        loopDataset(),
        { kind: "none" },
        {},
        { headline: "Money goes round", subtitle: "A test", caption: "Written by a desk" },
      );
      const words = c.texts.map((t) => t.text);
      expect(words).toContain("Money goes round");
      expect(words).toContain("A test");
      expect(words).toContain("Written by a desk");
      expect(svg).toContain("<title>Money goes round</title>");
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
      for (const amount of ["$120 bn", "$300 bn", "$40 bn"]) expect(all).toContain(amount);
      expect(doc.querySelector("title")?.textContent).toBe(description.title);
      expect(all).toContain("Graph fixture");
      for (const entry of ["Equity", "Debt", "Cloud contract", "Chip purchase", "Chipmaker"]) {
        expect(all).toContain(entry);
      }
      expect(all).toContain("Amount undisclosed");
      expect(all.some((t) => t?.includes("Data as of 1 October 2025"))).toBe(true);
      expect(all).toContain("Source");
      expect(all.some((t) => t?.startsWith("1. "))).toBe(true);
      expect(doc.documentElement.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    });

    it("should title a loop export and draw only its hops", () => {
      const { svg } = exportOf(loopDataset(), { kind: "loop", companies: ["a", "b", "c"] });
      const doc = parse(svg);
      expect(texts(doc)).toContain("A → B → C → A");
      expect(doc.querySelectorAll("#flows path[stroke-width]")).toHaveLength(3);
      expect(texts(doc)).not.toContain("D");
    });

    it("should state a print export's physical width in millimetres", () => {
      const { svg } = exportOf(
        loopDataset(),
        { kind: "none" },
        { preset: "print", printWidthMm: 120 },
      );
      const root = parse(svg).documentElement;
      expect(root.getAttribute("width")).toBe("120mm");
      expect(root.getAttribute("height")).toMatch(/^\d+(\.\d+)?mm$/);
    });

    it("should escape names that are not XML-safe and omit the background when transparent", () => {
      const data = dataset(
        [{ ...company("a"), name: `Q&A <"Labs">` }, company("b")],
        [deal("ab", "a", "b", 5)],
      );
      const { svg } = exportOf(data, { kind: "none" }, { background: "transparent" });
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
    it("should refuse a malformed colour and split a translucent one into colour and opacity", () => {
      expect(() => svgPaint("red", false)).toThrow("graph/export: colour must be #rrggbb");
      const { color, opacity } = svgPaint(withAlpha("#0072b2", 0.7), false);
      expect(opacity).toBeCloseTo(0.7, 2);
      expect(color).toBe("#0072b2");
      expect(svgPaint("#ffffffcc", false)).toEqual({ color: "#ffffff", opacity: 0.8 });
      // Premultiplied channels (a WebGL buffer's) are divided back.
      expect(svgPaint("#00395980", true).color).toMatch(/^#0072b[12]$/);
    });
  });

  describe("wrapText", () => {
    it("should wrap on spaces and end a cut last line with an ellipsis", () => {
      const lines = wrapText("one two three four five", "10px x", 60, approximateTextWidth, 2);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/…$/);
      expect(wrapText("", "10px x", 60, approximateTextWidth, 2)).toEqual([]);
    });

    it("should cut a word wider than a line, such as a link, so that no line overflows", () => {
      const url = "https://example.org/?v=1&loop=nvidia.openai.oracle&cam=0.4727,0.6839,0.5537";
      const lines = wrapText(`more at ${url}`, "10px x", 120, approximateTextWidth, 99);
      expect(lines.join("").replace(/ /g, "")).toBe(`moreat${url}`);
      for (const l of lines) expect(approximateTextWidth(l, "10px x")).toBeLessThanOrEqual(120);
    });
  });
});
