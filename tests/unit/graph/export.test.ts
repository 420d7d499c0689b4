import { buildFlowGraph } from "../../../src/graph/buildGraph.ts";
import {
  describeHops,
  evidenceNote,
  foldHops,
  formatRoundTrip,
} from "../../../src/analysis/hops.ts";
import { analyzeDataset } from "../../../src/analysis/pipeline.ts";
import { describe, expect, it } from "vitest";
import {
  describeExport,
  exportFileName,
  formatAsOf,
  slugify,
} from "../../../src/graph/export/describe.ts";
import {
  MAX_EXPORT_AREA_PX,
  MAX_EXPORT_SIDE_PX,
  effectivePixelRatio,
} from "../../../src/graph/export/options.ts";
import type { EXPORT_PRESETS } from "../../../src/graph/export/presets.ts";
import {
  DEFAULT_EXPORT_SETTINGS,
  pngPixels,
  presetSize,
  resolveExportSettings,
  validateExportSettings,
} from "../../../src/graph/export/presets.ts";
import { countExportEdges, selectExportSubgraph } from "../../../src/graph/export/subgraph.ts";
import { loopDataset, realDataset, flowGraphOf } from "./fixtures.ts";

const LOOP = { kind: "loop", companies: ["a", "b", "c"] } as const;

function graph() {
  const d = loopDataset();
  return flowGraphOf(d, d.deals);
}

describe("graph/export/presets", () => {
  describe("validateExportSettings", () => {
    it("should refuse an unknown preset, density, background, print width and a non-object", () => {
      expect(() => validateExportSettings(null)).toThrow(
        "graph/export: settings must be an object",
      );
      expect(() => validateExportSettings({ preset: "poster" })).toThrow(
        "graph/export: preset must be one of web, full, social-wide, social-square, print, got poster",
      );
      expect(() => validateExportSettings({ density: 3 })).toThrow("graph/export: density");
      expect(() => validateExportSettings({ background: "black" })).toThrow(
        "graph/export: background",
      );
      expect(() => validateExportSettings({ printWidthMm: 20 })).toThrow(
        "graph/export: printWidthMm must be a number from 40 to 500, got 20",
      );
    });
  });

  describe("presetSize", () => {
    it("should give each preset its nominal size, and print 300 dpi at its width in mm", () => {
      const size = (preset: (typeof EXPORT_PRESETS)[number], extra = {}) =>
        presetSize(resolveExportSettings({ preset, ...extra }));
      expect(size("web")).toMatchObject({ width: 640, height: null, pixelRatio: 2 });
      expect(size("web", { density: 1 })).toMatchObject({ width: 640, pixelRatio: 1 });
      expect(size("full")).toMatchObject({ width: 1200, height: null });
      expect(size("social-wide")).toMatchObject({ width: 1200, height: 675, pixelRatio: 1 });
      expect(size("social-square")).toMatchObject({ width: 1080, height: 1080, pixelRatio: 1 });
      const print = size("print", { printWidthMm: 180 });
      expect(print.widthMm).toBe(180);
      // 180 mm at 300 dpi is 2,126 px; laid out at 96 px to the inch.
      expect(pngPixels(print, print.width, 100).width).toBe(
        Math.round((180 / 25.4) * 96 * (300 / 96)),
      );
      expect(DEFAULT_EXPORT_SETTINGS.preset).toBe("web");
    });
  });

  describe("effectivePixelRatio", () => {
    it("should refuse an empty size, keep the scale when it fits and lower it past the limits", () => {
      expect(() => effectivePixelRatio(2, 0, 10)).toThrow("graph/export: size must be positive");
      expect(effectivePixelRatio(2, 800, 600)).toBe(2);
      const wide = effectivePixelRatio(4, 4000, 100);
      expect(wide * 4000).toBeLessThanOrEqual(MAX_EXPORT_SIDE_PX + 1e-6);
      const big = effectivePixelRatio(4, 2000, 2000);
      expect(big * big * 2000 * 2000).toBeLessThanOrEqual(MAX_EXPORT_AREA_PX + 1);
    });
  });
});

describe("graph/export/subgraph", () => {
  describe("selectExportSubgraph", () => {
    it("should refuse something that is not a graph", () => {
      expect(() => selectExportSubgraph({} as never, { kind: "none" })).toThrow(
        "graph/export: graph must be a graphology graph",
      );
    });

    it("should keep a loop's companies and hops only, without the on-screen accent", () => {
      const sub = selectExportSubgraph(graph(), LOOP);
      expect(sub.kind).toBe("loop");
      expect(sub.companies).toEqual(["a", "b", "c"]);
      expect(sub.graph.nodes().sort()).toEqual(["a", "b", "c"]);
      expect(sub.graph.edges().sort()).toEqual(["a>b", "b>c", "c>a"]);
      expect(sub.highlight.active).toBe(true);
      expect(sub.highlight.accentEdges.size).toBe(0);
      expect(sub.highlight.focusNodes.size).toBe(0);
    });

    it("should keep a company with its direct counterparties and every flow touching it", () => {
      const sub = selectExportSubgraph(graph(), { kind: "company", id: "a" });
      expect(sub.kind).toBe("company");
      expect(sub.graph.nodes().sort()).toEqual(["a", "b", "c", "d"]);
      expect(sub.graph.edges().sort()).toEqual(["a>b", "a>d", "b>a", "c>a"]);
      expect([...sub.highlight.focusNodes]).toEqual(["a"]);
    });

    it("should keep a flow's two companies and the flow", () => {
      const sub = selectExportSubgraph(graph(), { kind: "edge", from: "b", to: "c" });
      expect(sub.graph.nodes().sort()).toEqual(["b", "c"]);
      expect(sub.graph.edges()).toEqual(["b>c"]);
    });

    it("should copy the whole graph with nothing selected, or a selection no longer drawn", () => {
      const g = graph();
      const sub = selectExportSubgraph(g, { kind: "none" });
      expect(sub.kind).toBe("graph");
      expect(sub.highlight.active).toBe(false);
      expect(sub.graph.order).toBe(g.order);
      expect(sub.graph.size).toBe(g.size);
      sub.graph.setNodeAttribute("a", "x", 123);
      expect(g.getNodeAttribute("a", "x")).toBe(0);
      expect(selectExportSubgraph(g, { kind: "company", id: "zz" }).kind).toBe("graph");
    });
  });

  describe("countExportEdges", () => {
    it("should count the flows an export would draw", () => {
      const d = loopDataset();
      const hops = describeHops(foldHops(d.deals), d.deals);
      expect(countExportEdges(hops, { kind: "none" })).toBe(5);
      expect(countExportEdges(hops, LOOP)).toBe(3);
      expect(countExportEdges(hops, { kind: "company", id: "a" })).toBe(4);
      expect(countExportEdges(hops, { kind: "edge", from: "a", to: "b" })).toBe(1);
    });
  });
});

describe("graph/export/describe", () => {
  const real = realDataset();
  const realGraph = flowGraphOf(real, real.deals);

  describe("describeExport", () => {
    it("should refuse a dataset without companies or deals", () => {
      const sub = selectExportSubgraph(graph(), LOOP);
      expect(() => describeExport(sub, {} as never)).toThrow(
        "graph/export: dataset must have companies and deals",
      );
    });

    it("should title and name a loop export after its companies", () => {
      const loop = { kind: "loop", companies: ["nvidia", "openai", "oracle"] } as const;
      const d = describeExport(selectExportSubgraph(realGraph, loop), real);
      expect(d.title).toBe("Nvidia → OpenAI → Oracle → Nvidia");
      expect(exportFileName(d, "png")).toBe("nvidia-openai-oracle-loop.png");
      // Without its loop report the export never invents a round trip.
      expect(d.subtitle).toMatch(/^Loop of 3 hops · round trip not computed · \d+ deals$/);
      expect(d.asOf).toBe("29 November 2026");
      expect(d.sources.length).toBeGreaterThan(0);
    });

    it("should state the round trip and evidence the Loops panel states, for every loop", () => {
      const analysis = analyzeDataset(real);
      const drawn = buildFlowGraph(real, analysis.hops);
      expect(analysis.loops.length).toBeGreaterThan(10);
      for (const loop of analysis.loops) {
        const selection = {
          kind: "loop",
          companies: loop.companies,
          hopKeys: loop.hopKeys,
        } as const;
        const d = describeExport(selectExportSubgraph(drawn, selection), real, loop);
        expect(d.subtitle).toContain(` · round trip ${formatRoundTrip(loop)} · `);
        const evidence = evidenceNote(loop.hops);
        if (evidence) expect(d.subtitle).toContain(evidence);
        // The export draws the hops the report names, keyed the same way.
        expect(selectExportSubgraph(drawn, selection).graph.edges().sort()).toEqual(
          [...loop.hopKeys].sort(),
        );
      }
    });

    it("should name a company export, a flow export and a whole-graph export", () => {
      const company = describeExport(
        selectExportSubgraph(realGraph, { kind: "company", id: "oracle" }),
        real,
      );
      expect(company.title).toBe("Oracle");
      expect(exportFileName(company, "png")).toBe("oracle-counterparties.png");
      const flow = describeExport(
        selectExportSubgraph(realGraph, { kind: "edge", from: "openai", to: "oracle" }),
        real,
      );
      expect(flow.title).toBe("OpenAI → Oracle");
      expect(exportFileName(flow, "svg")).toBe("openai-oracle-flow.svg");
      const whole = describeExport(selectExportSubgraph(realGraph, { kind: "none" }), real);
      expect(whole.title).toBe("AI circular deals");
      expect(exportFileName(whole, "png")).toBe("ai-circular-deals-graph.png");
    });

    it("should list the deal types by drawn colour, the company kinds and undisclosed flows", () => {
      const d = describeExport(selectExportSubgraph(graph(), { kind: "company", id: "a" }), {
        ...loopDataset(),
      });
      expect(d.dealTypes.map((e) => e.label)).toEqual(["Equity", "Debt", "Chip purchase"]);
      expect(d.companyKinds.map((e) => e.label)).toEqual([
        "Chipmaker",
        "Hyperscaler",
        "AI lab",
        "Lender",
      ]);
      expect(d.hasUndisclosed).toBe(true);
    });
  });

  describe("formatAsOf and slugify", () => {
    it("should write dates out and keep what it cannot read", () => {
      expect(formatAsOf("2026-02-15")).toBe("15 February 2026");
      expect(formatAsOf("2025-11")).toBe("November 2025");
      expect(formatAsOf("2025")).toBe("2025");
      expect(formatAsOf("2025-13")).toBe("2025-13");
    });

    it("should make lowercase ASCII slugs", () => {
      expect(slugify("Société Générale & Co.")).toBe("societe-generale-co");
      expect(slugify("  --  ")).toBe("");
    });
  });
});
