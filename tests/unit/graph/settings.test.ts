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
  describe("createSigmaOptions", () => {
    it("should refuse an unknown theme with the accepted ones", () => {
      expect(() => settings.createLabelState("sepia" as never)).toThrow(
        "graph/settings: theme must be one of light, dark, got sepia",
      );
    });

    it("should leave names and amounts to the label layer, and draw discs at screen size", () => {
      const o = settings.createSigmaOptions(
        { node: null, edge: null },
        settings.createLabelState("light"),
      );
      expect(o.settings?.renderLabels).toBe(false);
      expect(o.settings?.renderEdgeLabels).toBe(false);
      expect(o.settings?.enableEdgeEvents).toBe(true);
      expect(o.settings?.itemSizesReference).toBe("screen");
      expect(o.primitives?.edges?.paths?.map((p) => p.name).sort()).toEqual(["curved", "straight"]);
    });

    it("should apply the slot's reducers, and the theme's backdrop colours", () => {
      const labels = settings.createLabelState("dark");
      const slot: SettingsModule.ReducerSlot = { node: null, edge: null };
      const o = settings.createSigmaOptions(slot, labels);
      const attrs = {
        label: "A",
        x: 0,
        y: 0,
        size: 5,
        color: "#ff0000",
        kind: "other",
        inflowUsdBn: 0,
        outflowUsdBn: 0,
      } as const;
      const reduce = o.nodeReducer!;
      expect(
        reduce("a", {} as never, { ...attrs }, {} as never, {} as never, {} as never),
      ).toMatchObject({
        backdropColor: "#1e293b",
      });
      slot.node = (_key, d) => ({ ...d, color: "#00ff00", zIndex: 1, highlighted: true });
      expect(
        reduce("a", {} as never, { ...attrs }, {} as never, {} as never, {} as never),
      ).toMatchObject({
        color: "#00ff00",
        depth: "topNodes",
        backdropVisibility: "visible",
      });
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
