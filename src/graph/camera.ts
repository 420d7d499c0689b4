/**
 * Camera targets: where sigma's camera goes to frame a group of nodes or to
 * focus on one company.
 *
 * Sigma's camera works in "framed graph" coordinates, where the whole graph's
 * bounding box maps to [0, 1] and ratio 1 shows all of it. So the box around
 * some nodes' framed positions, scaled up by a margin, is the ratio that shows
 * them all; a floor keeps a 2-company loop from zooming in absurdly. O(k) for
 * k nodes. NOTE: positions are framed from the graph's attributes through
 * sigma's public conversions, not read from `getNodeDisplayData`, which holds
 * raw graph coordinates between a refresh and the next render.
 *
 * Reference: @sigma/utils `getCameraStateToFitViewportToNodes` (same idea,
 * without the aspect correction, which the margin covers).
 */
import { nodeKey } from "./nodeKeys.ts";
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";

/** Share of the framed box added around the nodes. */
export const FIT_MARGIN = 1.5;
/** The camera never zooms in further than this ratio to fit a group. */
export const MIN_FIT_RATIO = 0.2;
/** Ratio used to focus on a single company. */
export const FOCUS_RATIO = 0.35;

/** The parts of sigma the camera targets need. */
export type CameraSigma = Pick<Sigma, "getGraph" | "graphToViewport" | "viewportToFramedGraph">;

/** A company's position in framed-graph coordinates, or null when the graph lacks it. */
export function framedPosition(
  sigma: CameraSigma,
  company: string,
): { x: number; y: number } | null {
  const graph = sigma.getGraph();
  const node = nodeKey(company);
  if (!graph.hasNode(node)) return null;
  const { x, y } = graph.getNodeAttributes(node) as { x: number; y: number };
  return sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
}

/** A camera state that frames `nodes`, or null when none of them is drawn. */
export function cameraStateToFit(
  sigma: CameraSigma,
  nodes: readonly string[],
): Pick<CameraState, "x" | "y" | "ratio"> | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const data = framedPosition(sigma, node);
    if (!data) continue;
    minX = Math.min(minX, data.x);
    maxX = Math.max(maxX, data.x);
    minY = Math.min(minY, data.y);
    maxY = Math.max(maxY, data.y);
  }
  if (minX === Infinity) return null;
  const span = Math.max(maxX - minX, maxY - minY);
  return {
    x: (minX + maxX) / 2,
    y: (minY + maxY) / 2,
    ratio: Math.min(1, Math.max(MIN_FIT_RATIO, span * FIT_MARGIN)),
  };
}

/** A camera state centred on one node at FOCUS_RATIO, or null when it is not drawn. */
export function cameraStateToFocus(
  sigma: CameraSigma,
  node: string,
): Pick<CameraState, "x" | "y" | "ratio"> | null {
  const data = framedPosition(sigma, node);
  return data ? { x: data.x, y: data.y, ratio: FOCUS_RATIO } : null;
}
