/**
 * Sigma settings for the flow graph, for the screen and for image export.
 *
 * One function resolves them from the theme and an `isExporting` flag, so the
 * on-screen view and a PNG export share one drawing code path. On screen,
 * labels are thinned by sigma's grid (one label per cell, small nodes first to
 * go) and amounts show on hover; in an export every label and every edge
 * amount is drawn, since nobody can hover a PNG.
 *
 * Reference: sigma.js v3 `settings.ts`; @sigma/export-image options.
 */
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { EdgeArrowProgram, type EdgeProgramType } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "./buildGraph.ts";
import { createDrawNodeHover, createDrawNodeLabel } from "./labels.ts";
import { GRAPH_THEMES, type GraphTheme, THEME_COLORS } from "./palette.ts";
import { CAMERA_RATIO_RANGE } from "./cameraLimits.ts";

export type FlowSettings = Settings<FlowNodeAttributes, FlowEdgeAttributes>;
type FlowEdgeProgram = EdgeProgramType<FlowNodeAttributes, FlowEdgeAttributes>;

export const GRAPH_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Settings that do not depend on the theme or on exporting. */
export const DEFAULT_GRAPH_SETTINGS: Partial<FlowSettings> = {
  defaultEdgeType: "curved",
  edgeProgramClasses: {
    curved: EdgeCurvedArrowProgram as unknown as FlowEdgeProgram,
    arrow: EdgeArrowProgram as unknown as FlowEdgeProgram,
  },
  zIndex: true,
  labelFont: GRAPH_FONT,
  labelSize: 13,
  labelWeight: "500",
  edgeLabelFont: GRAPH_FONT,
  edgeLabelSize: 11,
  edgeLabelWeight: "normal",
  // NOTE: thinner than sigma's 1.7 so undisclosed (thin) hops stay visibly thinner.
  minEdgeThickness: 1,
  stagePadding: 40,
  labelDensity: 1.5,
  labelGridCellSize: 70,
  labelRenderedSizeThreshold: 3,
  enableCameraRotation: false,
  minCameraRatio: CAMERA_RATIO_RANGE[0],
  maxCameraRatio: CAMERA_RATIO_RANGE[1],
  nodeReducer: null,
  edgeReducer: null,
};

/** Above this many nodes the view thins labels harder and hides edges while panning. */
export const LARGE_GRAPH_NODES = 500;

/**
 * Settings that depend on the graph's size: on large graphs only the bigger
 * nodes get labels, and edges are hidden while the camera moves.
 */
export function sizeDependentSettings(
  nodeCount: number,
): Pick<FlowSettings, "hideEdgesOnMove" | "labelDensity" | "labelRenderedSizeThreshold"> {
  const large = nodeCount > LARGE_GRAPH_NODES;
  return {
    hideEdgesOnMove: large,
    labelDensity: large ? 0.4 : (DEFAULT_GRAPH_SETTINGS.labelDensity ?? 1),
    labelRenderedSizeThreshold: large
      ? 4
      : (DEFAULT_GRAPH_SETTINGS.labelRenderedSizeThreshold ?? 3),
  };
}

/** Throws a namespaced error when the theme is unknown. */
export function validateGraphTheme(theme: unknown): asserts theme is GraphTheme {
  if (!GRAPH_THEMES.includes(theme as GraphTheme)) {
    throw new Error(
      `graph/settings: theme must be one of ${GRAPH_THEMES.join(", ")}, got ${String(theme)}`,
    );
  }
}

/** Sigma settings for a theme; `isExporting` turns label thinning off and edge amounts on. */
export function resolveGraphSettings(
  theme: GraphTheme,
  isExporting = false,
): Partial<FlowSettings> {
  validateGraphTheme(theme);
  const colors = THEME_COLORS[theme];
  return {
    ...DEFAULT_GRAPH_SETTINGS,
    labelColor: { color: colors.label },
    edgeLabelColor: { color: colors.edgeLabel },
    defaultDrawNodeLabel: createDrawNodeLabel(colors),
    defaultDrawNodeHover: createDrawNodeHover(colors),
    renderEdgeLabels: isExporting,
    enableEdgeEvents: !isExporting,
    ...(isExporting ? { labelDensity: Infinity, labelRenderedSizeThreshold: 0 } : {}),
  };
}
