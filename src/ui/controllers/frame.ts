/**
 * Sigma's frame (the graph box it normalises to) and the cameras that show
 * nodes in the part of the view the overlays leave free, shared by the
 * controllers. Overlays floating on the graph (legend, buttons, layout
 * chooser, notes) carry `data-graph-overlay`; their boxes are read from the
 * DOM when a camera is computed, so the legend's open or closed state counts.
 */
import type { CameraState } from "sigma/types";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import {
  type FitTarget,
  type ViewGeometry,
  type ViewportRect,
  FOCUS_RATIO,
  MIN_FIT_RATIO,
  cameraToFitAround,
  reframedCamera,
} from "../../graph/camera.ts";
import { CAMERA_RATIO_RANGE } from "../../graph/cameraLimits.ts";
import { LABEL_STYLE } from "../../graph/settings.ts";
import { positionsExtent, readPositions } from "../../graph/positions.ts";
import type { FlowSigma } from "./sigmaContext.ts";

/** The attribute that marks an element floating over the graph as something not to draw under. */
export const OVERLAY_ATTRIBUTE = "data-graph-overlay";
/** Room kept between an overlay and the nodes, in pixels. */
const OVERLAY_MARGIN_PX = 6;
/**
 * Most room a fit keeps for one label, in pixels. NOTE: a vehicle's name can
 * run to 400 px ("The Barn campus, Saline Township, Michigan (…)"); making room
 * for all of it would shrink the whole picture for one label.
 */
const LABEL_ROOM_MAX_PX = 120;
/** Share of the view's width a label may take in a fit (a phone's view is narrow). */
const LABEL_ROOM_SHARE = 0.15;

type Box = { x: [number, number]; y: [number, number] };

/** The full graph's extent, or null when every node sits on one point. */
function extentOf(fullGraph: FlowGraph): Box | null {
  const box = positionsExtent(readPositions(fullGraph));
  const flat = box.x[1] - box.x[0] === 0 && box.y[1] - box.y[0] === 0;
  return flat ? null : box;
}

/**
 * Frames sigma on the full graph's extent, so filtering (which draws a subset)
 * never moves the nodes that stay on screen.
 */
export function frameFullGraph(sigma: FlowSigma, fullGraph: FlowGraph): void {
  sigma.setCustomBBox(extentOf(fullGraph));
}

function geometryOf(sigma: FlowSigma, bbox: Box): ViewGeometry {
  const { width, height } = sigma.getDimensions();
  return { bbox, width, height, padding: sigma.getStagePadding() };
}

/**
 * Frames sigma on the full graph's extent without moving the picture: the
 * camera is adjusted to the new frame (after a drag past the drawing's edge).
 */
export function reframeKeepingView(sigma: FlowSigma, fullGraph: FlowGraph): void {
  const before = sigma.getCustomBBox();
  const after = extentOf(fullGraph);
  if (!before || !after) {
    sigma.setCustomBBox(after);
    return;
  }
  const same =
    before.x[0] === after.x[0] &&
    before.x[1] === after.x[1] &&
    before.y[0] === after.y[0] &&
    before.y[1] === after.y[1];
  if (same) return;
  const camera = sigma.getCamera();
  const next = reframedCamera(
    geometryOf(sigma, before),
    geometryOf(sigma, after),
    camera.getState(),
  );
  sigma.setCustomBBox(after);
  camera.setState(next);
}

/** The boxes of the overlays floating on the graph, in the graph's viewport pixels. */
export function overlayRects(sigma: FlowSigma): ViewportRect[] {
  const container = sigma.getContainer();
  const root = container.parentElement;
  if (!root) return [];
  const origin = container.getBoundingClientRect();
  const rects: ViewportRect[] = [];
  for (const element of root.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    rects.push({
      x: r.left - origin.left - OVERLAY_MARGIN_PX,
      y: r.top - origin.top - OVERLAY_MARGIN_PX,
      width: r.width + 2 * OVERLAY_MARGIN_PX,
      height: r.height + 2 * OVERLAY_MARGIN_PX,
    });
  }
  return rects;
}

/** Measures the room a fit keeps for labels, with sigma's label font; one canvas per call. */
function labelMeasurer(sigma: FlowSigma): (label: string) => number {
  const most = Math.min(LABEL_ROOM_MAX_PX, sigma.getDimensions().width * LABEL_ROOM_SHARE);
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return (label) => Math.min(most, label.length * 7.5);
  context.font = LABEL_STYLE.labelFont;
  return (label) => Math.min(most, context.measureText(label).width);
}

/**
 * The camera that shows the given nodes of the full graph (all of them when
 * `nodes` is null), discs and labels, as large as fits in the free part of
 * the view; null when none of them exists.
 */
export function cameraToShow(
  sigma: FlowSigma,
  fullGraph: FlowGraph,
  nodes: readonly string[] | null,
): Pick<CameraState, "x" | "y" | "ratio"> | null {
  const bbox = extentOf(fullGraph);
  if (!bbox) return { x: 0.5, y: 0.5, ratio: 1 };
  const measure = labelMeasurer(sigma);
  const drawn = sigma.getGraph();
  const targets: FitTarget[] = [];
  const add = (node: string) => {
    if (!fullGraph.hasNode(node)) return;
    const { x, y, size, label } = fullGraph.getNodeAttributes(node);
    // Only nodes sigma labels get room for a label; the drawn graph knows which are drawn.
    const labelled = (nodes !== null || drawn.hasNode(node)) && label;
    targets.push({ x, y, radius: size, labelWidth: labelled ? measure(label) : 0 });
  };
  if (nodes) for (const node of nodes) add(node);
  else fullGraph.forEachNode(add);
  return cameraToFitAround(geometryOf(sigma, bbox), targets, overlayRects(sigma), {
    // NOTE: a selection of two companies close together would otherwise zoom in
    // fivefold, their discs filling the view and every other company gone.
    minRatio: nodes ? FOCUS_RATIO : MIN_FIT_RATIO,
    maxRatio: CAMERA_RATIO_RANGE[1],
  });
}

/** The camera that shows the whole drawing in the free part of the view. */
export function fittedCamera(
  sigma: FlowSigma,
  fullGraph: FlowGraph,
): Pick<CameraState, "x" | "y" | "ratio"> {
  return cameraToShow(sigma, fullGraph, null) ?? { x: 0.5, y: 0.5, ratio: 1 };
}
