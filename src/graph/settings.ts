/**
 * Sigma 4 options for the flow graph on screen: primitives (disc nodes;
 * straight and curved flows with arrow heads, dashed when no amount is
 * disclosed), styles read from the graph's attributes, and
 * reducers that apply the current highlight (`reducers.ts`) from a slot the
 * controllers fill, since sigma 4 takes its reducers once, at construction.
 *
 * Sigma draws discs and flows; names and amounts are drawn by the label plan
 * controller on a canvas layer of its own, where `screenLabels.ts` placed them
 * (no overlap, no label on a company), so sigma's own labels are off.
 *
 * Reference: sigma.js 4 "Migrating from v3 to v4" (primitives, styles,
 * reducers); `sigma/rendering` `pathCurved`, `extremityArrow`, `layerDashed`.
 */
import { DEFAULT_STYLES } from "sigma";
import {
  extremityArrow,
  layerDashed,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  sdfCircle,
} from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { SigmaOptions } from "sigma/types";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "./buildGraph.ts";
import type { LabelPlanRef } from "./labels.ts";
import { GRAPH_THEMES, type GraphTheme, THEME_COLORS } from "./palette.ts";
import type { EdgeDisplay, EdgeReducer, NodeReducer } from "./reducers.ts";
import { CAMERA_RATIO_RANGE } from "./cameraLimits.ts";

export type FlowSettings = Settings;
export type FlowSigmaOptions = SigmaOptions<FlowNodeAttributes, FlowEdgeAttributes>;

export const GRAPH_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Names and amounts on screen: drawn by the label plan controller in these fonts. */
export const LABEL_STYLE = {
  labelFont: `500 13px ${GRAPH_FONT}`,
  labelSize: 13,
  edgeLabelFont: `400 11px ${GRAPH_FONT}`,
  edgeLabelSize: 11,
} as const;

/** Settings that do not depend on the theme or the graph. */
export const DEFAULT_GRAPH_SETTINGS: Partial<FlowSettings> = {
  // NOTE: thinner than sigma's default so undisclosed (thin) hops stay visibly thinner.
  minEdgeThickness: 1,
  stagePadding: 40,
  renderLabels: false,
  renderEdgeLabels: false,
  enableEdgeEvents: true,
  enableCameraRotation: false,
  minCameraRatio: CAMERA_RATIO_RANGE[0],
  maxCameraRatio: CAMERA_RATIO_RANGE[1],
  allowInvalidContainer: true,
  // NOTE: sigma 4 scales sizes with the positions by default; discs keep their screen size, as in sigma 3.
  itemSizesReference: "screen",
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

/** Dash pattern, in pixels, of a flow with no disclosed amount. */
const DASH = { dash: 4, gap: 3 } as const;

/** The highlight reducers in force; the highlight controller sets them and refreshes sigma. */
export interface ReducerSlot {
  node: NodeReducer | null;
  edge: EdgeReducer | null;
}

/**
 * Sigma 4 options: primitives, styles, settings, and reducers that read
 * `slot`; a focused or hovered company gets a backdrop in `labels.colors`.
 */
export function createSigmaOptions(slot: ReducerSlot, labels: LabelPlanRef): FlowSigmaOptions {
  return {
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: {
        paths: [pathLine(), pathCurved({ curvature: { attribute: "curvature", default: 0.12 } })],
        extremities: [extremityArrow()],
        // NOTE: one program draws every flow: a dashed flow's plain layer is transparent,
        // a solid flow's dashes have no length.
        layers: [
          layerPlain({ color: { attribute: "plainColor", default: "#00000000" } }),
          layerDashed({
            dashColor: { attribute: "color" },
            dashSize: { attribute: "dashSize", default: 0 },
            gapSize: { attribute: "gapSize", default: 0 },
          }),
        ],
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          labelVisibility: "hidden",
          backdropVisibility: { whenState: "isHovered", then: "visible", else: "hidden" },
          backdropArea: "node",
        },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        {
          path: { attribute: "type", dict: { curved: "curved", arrow: "straight" } },
          head: "arrow",
        },
      ],
    },
    settings: DEFAULT_GRAPH_SETTINGS,
    nodeReducer: (key, data, attributes) => {
      const { colors } = labels;
      const themed = {
        backdropColor: colors.hoverBoxBg,
        backdropBorderColor: colors.hoverBoxBorder,
        backdropBorderWidth: 1,
      };
      const reduce = slot.node;
      if (!reduce) return themed;
      const d = reduce(key, { ...attributes });
      return {
        ...themed,
        color: d.color,
        size: d.size,
        zIndex: d.zIndex ?? 0,
        depth: (d.zIndex ?? 0) > 0 ? "topNodes" : "nodes",
        visibility: d.hidden ? "hidden" : "visible",
        highlighted: Boolean(d.highlighted),
        backdropVisibility: d.highlighted ? "visible" : data.backdropVisibility,
      };
    },
    edgeReducer: (key, _data, attributes) => {
      const reduce = slot.edge;
      const d: EdgeDisplay = reduce ? reduce(key, { ...attributes }) : attributes;
      const dashed = attributes.undisclosed || attributes.nonLive;
      return {
        color: d.color,
        size: d.size,
        zIndex: d.zIndex ?? 0,
        depth: (d.zIndex ?? 0) > 0 ? "topEdges" : "edges",
        visibility: d.hidden ? "hidden" : "visible",
        // A flow with no disclosed amount (or only superseded deals, when shown) is dashed.
        ...(dashed
          ? { plainColor: "#00000000", dashSize: DASH.dash, gapSize: DASH.gap }
          : { plainColor: d.color, dashSize: 0, gapSize: 0 }),
      };
    },
  };
}
