/**
 * Sigma settings for the flow graph on screen, resolved from the theme and the
 * frame's label plan. Sigma offers every name and every highlighted amount to
 * the label drawers (`labels.ts`), which draw what the plan placed
 * (`screenLabels.ts`): no overlap, no label on a company. Amounts show for
 * highlighted flows (a selected loop or company); the rest on hover.
 *
 * Reference: sigma.js v3 `settings.ts`; @sigma/edge-curve `createEdgeCurveProgram`.
 */
import { createEdgeCurveProgram } from "@sigma/edge-curve";
import {
  DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
  EdgeArrowProgram,
  type EdgeProgramType,
} from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "./buildGraph.ts";
import {
  type LabelPlanRef,
  createDrawEdgeLabel,
  createDrawNodeHover,
  createDrawNodeLabel,
} from "./labels.ts";
import { GRAPH_THEMES, type GraphTheme, THEME_COLORS } from "./palette.ts";
import { CAMERA_RATIO_RANGE } from "./cameraLimits.ts";

export type FlowSettings = Settings<FlowNodeAttributes, FlowEdgeAttributes>;
type FlowEdgeProgram = EdgeProgramType<FlowNodeAttributes, FlowEdgeAttributes>;

export const GRAPH_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Settings that do not depend on the theme or on exporting. */
export const DEFAULT_GRAPH_SETTINGS: Partial<FlowSettings> = {
  defaultEdgeType: "curved",
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
  // NOTE: every name is offered to the drawers; the plan decides which fit.
  labelDensity: Infinity,
  labelRenderedSizeThreshold: 0,
  enableCameraRotation: false,
  minCameraRatio: CAMERA_RATIO_RANGE[0],
  maxCameraRatio: CAMERA_RATIO_RANGE[1],
  nodeReducer: null,
  edgeReducer: null,
};

/** Above this many nodes edges and labels are hidden while the camera moves. */
export const LARGE_GRAPH_NODES = 500;

/** Settings that depend on the graph's size: a large graph hides edges and labels while panning. */
export function sizeDependentSettings(
  nodeCount: number,
): Pick<FlowSettings, "hideEdgesOnMove" | "hideLabelsOnMove"> {
  const large = nodeCount > LARGE_GRAPH_NODES;
  return { hideEdgesOnMove: large, hideLabelsOnMove: large };
}

/** Throws a namespaced error when the theme is unknown. */
export function validateGraphTheme(theme: unknown): asserts theme is GraphTheme {
  if (!GRAPH_THEMES.includes(theme as GraphTheme)) {
    throw new Error(
      `graph/settings: theme must be one of ${GRAPH_THEMES.join(", ")}, got ${String(theme)}`,
    );
  }
}

/** A label state for a new sigma: no plan yet, the theme's colours. */
export function createLabelState(theme: GraphTheme): LabelPlanRef {
  validateGraphTheme(theme);
  return { current: null, colors: THEME_COLORS[theme] };
}

/**
 * Sigma settings for a theme, drawing labels where `labels.current` places
 * them; sets `labels.colors` to the theme's (the drawers read it as they draw).
 */
export function resolveGraphSettings(
  theme: GraphTheme,
  labels: LabelPlanRef = createLabelState(theme),
): Partial<FlowSettings> {
  validateGraphTheme(theme);
  const colors = THEME_COLORS[theme];
  labels.colors = colors;
  const drawLabel = createDrawEdgeLabel(labels);
  return {
    ...DEFAULT_GRAPH_SETTINGS,
    edgeProgramClasses: {
      curved: createEdgeCurveProgram<FlowNodeAttributes, FlowEdgeAttributes>({
        arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
        drawLabel,
      }) as unknown as FlowEdgeProgram,
      arrow: EdgeArrowProgram as unknown as FlowEdgeProgram,
    },
    labelColor: { color: colors.label },
    edgeLabelColor: { color: colors.edgeLabel },
    defaultDrawNodeLabel: createDrawNodeLabel(labels),
    defaultDrawNodeHover: createDrawNodeHover(labels),
    defaultDrawEdgeLabel: drawLabel,
    renderEdgeLabels: true,
    enableEdgeEvents: true,
  };
}
