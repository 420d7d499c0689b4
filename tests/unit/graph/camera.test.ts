import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  type CameraSigma,
  FIT_MARGIN,
  FOCUS_RATIO,
  MIN_FIT_RATIO,
  cameraStateToFit,
  cameraStateToFocus,
} from "../../../src/graph/camera.ts";

/** A sigma stand-in whose framing maps graph x, y in [0, 100] onto [0, 1]. */
function fakeSigma(positions: Record<string, [number, number]>): CameraSigma {
  const graph = new DirectedGraph();
  for (const [id, [x, y]] of Object.entries(positions)) graph.addNode(id, { x, y });
  return {
    getGraph: () => graph,
    graphToViewport: (p: { x: number; y: number }) => ({ x: p.x / 100, y: p.y / 100 }),
    viewportToFramedGraph: (p: { x: number; y: number }) => p,
  } as unknown as CameraSigma;
}

describe("graph/camera", () => {
  describe("cameraStateToFit", () => {
    it("should answer null when none of the nodes is in the graph", () => {
      expect(cameraStateToFit(fakeSigma({ a: [0, 0] }), ["x", "y"])).toBeNull();
      expect(cameraStateToFit(fakeSigma({}), [])).toBeNull();
    });

    it("should centre on the nodes' box and zoom to its larger side plus the margin", () => {
      const sigma = fakeSigma({ a: [10, 20], b: [30, 30], c: [90, 90] });
      const state = cameraStateToFit(sigma, ["a", "b", "missing"]);
      expect(state).not.toBeNull();
      expect(state!.x).toBeCloseTo(0.2);
      expect(state!.y).toBeCloseTo(0.25);
      expect(state!.ratio).toBeCloseTo(0.2 * FIT_MARGIN);
    });

    it("should not zoom in past the floor, nor out past the whole graph", () => {
      const sigma = fakeSigma({ a: [50, 50], b: [51, 50], c: [0, 0], d: [100, 100] });
      expect(cameraStateToFit(sigma, ["a", "b"])!.ratio).toBe(MIN_FIT_RATIO);
      expect(cameraStateToFit(sigma, ["c", "d"])!.ratio).toBe(1);
    });
  });

  describe("cameraStateToFocus", () => {
    it("should centre on the node at the focus ratio, or answer null for an absent node", () => {
      const sigma = fakeSigma({ a: [40, 60] });
      expect(cameraStateToFocus(sigma, "zz")).toBeNull();
      const state = cameraStateToFocus(sigma, "a")!;
      expect(state.x).toBeCloseTo(0.4);
      expect(state.y).toBeCloseTo(0.6);
      expect(state.ratio).toBe(FOCUS_RATIO);
    });
  });
});
