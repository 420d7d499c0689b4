import { flowGraphOf } from "./fixtures.ts";
import { describe, expect, it } from "vitest";
import { buildFlowIndex } from "../../../src/analysis/flowIndex.ts";
import { runStress, stressBuffers } from "../../../src/analysis/stress.ts";
import { THEME_COLORS } from "../../../src/graph/palette.ts";
import { NO_HIGHLIGHT, createEdgeReducer, createNodeReducer } from "../../../src/graph/reducers.ts";
import {
  FAILED_FLOW_COLOR,
  STRESS_COLORS,
  buildStressOverlay,
} from "../../../src/graph/stressStyle.ts";
import { describeHops } from "../../../src/analysis/hops.ts";
import { tinyDataset } from "../domain/fixtures.ts";

function scenario(shortfall: number) {
  const d = tinyDataset();
  const index = buildFlowIndex(
    d.deals,
    d.companies.map((c) => c.id),
  );
  const result = runStress(index, stressBuffers(index, describeHops(index, d.deals), d.facts), {
    shocked: ["openai"],
    shortfall,
  });
  return { d, result, overlay: buildStressOverlay(result) };
}

describe("graph/stressStyle", () => {
  describe("buildStressOverlay", () => {
    it("should band the shocked, distressed and untouched companies", () => {
      // OpenAI owes Oracle 300, Oracle's buffer is its inflows (300): distressed in round 1.
      // The loss goes round the loop back to OpenAI (revenue 13) and on to Intel.
      const { overlay, result } = scenario(0.5);
      expect(overlay.bandOf.get("openai")).toBe("shocked");
      expect(overlay.bandOf.get("oracle")).toBe("distressed");
      expect(overlay.bandOf.get("intel")).toBe("distressed");
      expect(result.companies.find((c) => c.company === "intel")!.lossUsdBn).toBeCloseTo(5);
      expect(overlay.failedEdges.has("openai>oracle")).toBe(true);
    });

    it("should mark nothing failed with a 0% shortfall", () => {
      const { overlay } = scenario(0);
      expect(overlay.failedEdges.size).toBe(0);
      expect(overlay.bandOf.get("oracle")).toBeUndefined();
    });
  });

  describe("reducers with a stress overlay", () => {
    it("should colour nodes by band and failed flows in red, dimming the rest", () => {
      const { d, overlay } = scenario(0.5);
      const graph = flowGraphOf(d, d.deals);
      const node = createNodeReducer(NO_HIGHLIGHT, "light", { stress: overlay });
      const edge = createEdgeReducer(NO_HIGHLIGHT, "light", { stress: overlay });
      expect(node("openai", { ...graph.getNodeAttributes("openai") }).color).toBe(
        STRESS_COLORS.shocked,
      );
      expect(node("oracle", { ...graph.getNodeAttributes("oracle") }).color).toBe(
        STRESS_COLORS.distressed,
      );
      expect(edge("openai>oracle", { ...graph.getEdgeAttributes("openai>oracle") }).color).toBe(
        FAILED_FLOW_COLOR,
      );
      const calm = createEdgeReducer(NO_HIGHLIGHT, "light", {
        stress: { bandOf: new Map(), failedEdges: new Set() },
      });
      expect(calm("nvidia>intel", { ...graph.getEdgeAttributes("nvidia>intel") }).color).toBe(
        THEME_COLORS.light.dimEdge,
      );
    });

    it("should draw flashed flows in the accent on top", () => {
      const d = tinyDataset();
      const graph = flowGraphOf(d, d.deals);
      const edge = createEdgeReducer(NO_HIGHLIGHT, "light", {
        flashEdges: new Set(["nvidia>intel"]),
      });
      const shown = edge("nvidia>intel", { ...graph.getEdgeAttributes("nvidia>intel") });
      expect(shown.color).toBe(THEME_COLORS.light.accent);
      expect(shown.zIndex).toBe(2);
    });
  });
});
