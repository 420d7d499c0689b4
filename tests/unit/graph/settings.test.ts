import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as SettingsModule from "../../../src/graph/settings.ts";

// NOTE: sigma's WebGL programs read WebGLRenderingContext constants when their
// modules load; Node has none, so the few used are stubbed before importing.
let settings: typeof SettingsModule;
beforeAll(async () => {
  const gl = {
    BOOL: 0x8b56,
    BYTE: 0x1400,
    FLOAT: 0x1406,
    UNSIGNED_BYTE: 0x1401,
    TRIANGLES: 0x0004,
    LINES: 0x0001,
    POINTS: 0x0000,
  };
  vi.stubGlobal("WebGLRenderingContext", gl);
  vi.stubGlobal("WebGL2RenderingContext", gl);
  settings = await import("../../../src/graph/settings.ts");
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("graph/settings", () => {
  describe("resolveGraphSettings", () => {
    it("should refuse an unknown theme with the accepted ones", () => {
      expect(() => settings.resolveGraphSettings("sepia" as never)).toThrow(
        "graph/settings: theme must be one of light, dark, got sepia",
      );
    });

    it("should offer every name and amount to the plan's drawers, curved arrows by default", () => {
      const s = settings.resolveGraphSettings("light");
      expect(s.renderEdgeLabels).toBe(true);
      expect(s.enableEdgeEvents).toBe(true);
      expect(s.defaultEdgeType).toBe("curved");
      expect(Object.keys(s.edgeProgramClasses ?? {}).sort()).toEqual(["arrow", "curved"]);
      expect(s.labelDensity).toBe(Infinity);
      expect(s.labelRenderedSizeThreshold).toBe(0);
      expect(s.zIndex).toBe(true);
    });

    it("should set the label state's colours to the theme's, for the drawers to read", () => {
      const labels = settings.createLabelState("light");
      const s = settings.resolveGraphSettings("dark", labels);
      expect(s.labelColor).toEqual({ color: "#e2e8f0" });
      expect(labels.colors.label).toBe("#e2e8f0");
    });
  });

  describe("sizeDependentSettings", () => {
    it("should hide edges and labels while moving on large graphs only", () => {
      expect(settings.sizeDependentSettings(25)).toEqual({
        hideEdgesOnMove: false,
        hideLabelsOnMove: false,
      });
      const large = settings.sizeDependentSettings(settings.LARGE_GRAPH_NODES + 1);
      expect(large).toEqual({ hideEdgesOnMove: true, hideLabelsOnMove: true });
    });
  });
});
