/**
 * Node and edge label drawing for sigma's canvas layers, themed.
 *
 * Names and amounts go where the frame's label plan (`screenLabels.ts`) put
 * them, so on screen, as in the exports, no label overlaps another or sits on
 * a company; a label left out of the plan is not drawn. Each is drawn with a
 * halo of the background colour, legible over flows. Before the first plan
 * (and in tests) a name is drawn right of its disc. The hover box is drawn
 * around the disc with the name at its right, in the theme's panel colours.
 * O(1) per label.
 *
 * Reference: sigma.js `drawDiscNodeLabel` / `drawDiscNodeHover` /
 * `drawStraightEdgeLabel` (v3), which these replace.
 */
import type { EdgeLabelDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "./buildGraph.ts";
import type { GraphThemeColors } from "./palette.ts";
import { type ScreenLabelPlan, drawPlacedLabel } from "./screenLabels.ts";

type LabelDrawer = NodeLabelDrawingFunction<FlowNodeAttributes, FlowEdgeAttributes>;
type EdgeLabelDrawer = EdgeLabelDrawingFunction<FlowNodeAttributes, FlowEdgeAttributes>;
type FlowSigmaSettings = Settings<FlowNodeAttributes, FlowEdgeAttributes>;

/**
 * What the drawers read at draw time: the current frame's plan (set by the
 * label plan controller before each render) and the theme's colours (set by
 * `resolveGraphSettings`), so a theme change needs no new edge programs.
 */
export interface LabelPlanRef {
  current: ScreenLabelPlan | null;
  colors: GraphThemeColors;
}

const PADDING = 3;

export function labelFont(
  settings: Pick<FlowSigmaSettings, "labelWeight" | "labelSize" | "labelFont">,
): string {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

export function edgeLabelFont(
  settings: Pick<FlowSigmaSettings, "edgeLabelWeight" | "edgeLabelSize" | "edgeLabelFont">,
): string {
  return `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
}

/** Draws a name right of its disc, with a halo in the background colour. */
function drawBesideDisc(
  context: CanvasRenderingContext2D,
  data: { x: number; y: number; size: number; label?: string | null },
  settings: FlowSigmaSettings,
  colors: GraphThemeColors,
): void {
  if (!data.label) return;
  context.font = labelFont(settings);
  const x = data.x + data.size + PADDING;
  const y = data.y + settings.labelSize / 3;
  context.lineJoin = "round";
  context.lineWidth = 3;
  context.strokeStyle = colors.labelHalo;
  context.strokeText(data.label, x, y);
  context.fillStyle = colors.label;
  context.fillText(data.label, x, y);
}

/** Draws a node's name where the plan put it (or beside its disc before any plan). */
export function createDrawNodeLabel(plan: LabelPlanRef): LabelDrawer {
  return (context, data, settings) => {
    if (!data.label) return;
    const { colors, current } = plan;
    if (!current) return drawBesideDisc(context, data, settings, colors);
    const box = typeof data.key === "string" ? current.nodes.get(data.key) : undefined;
    if (box) drawPlacedLabel(context, data.label, box, labelFont(settings), colors, colors.label);
  };
}

/** Draws a flow's amount where the plan put it; an unplanned amount is not drawn. */
export function createDrawEdgeLabel(plan: LabelPlanRef): EdgeLabelDrawer {
  return (context, edgeData, _source, _target, settings) => {
    const { colors } = plan;
    const box =
      typeof edgeData.key === "string" ? plan.current?.edges.get(edgeData.key) : undefined;
    if (!box || !edgeData.label) return;
    drawPlacedLabel(
      context,
      edgeData.label,
      box,
      edgeLabelFont(settings),
      colors,
      colors.edgeLabel,
    );
  };
}

/**
 * Draws the hovered / highlighted node: a themed, outlined box around disc and
 * name; when the plan put the name elsewhere than right of the disc, around the
 * disc alone (the planned name stays readable where it is).
 */
export function createDrawNodeHover(plan: LabelPlanRef): LabelDrawer {
  return (context, data, settings) => {
    const { colors } = plan;
    context.font = labelFont(settings);
    const box = typeof data.key === "string" ? plan.current?.nodes.get(data.key) : undefined;
    const beside = !box || box.cx - box.width / 2 > data.x;
    const label = beside && typeof data.label === "string" ? data.label : "";
    const textWidth = label ? context.measureText(label).width : 0;
    const radius = Math.max(data.size, settings.labelSize / 2) + PADDING;
    const boxHeight = settings.labelSize + 2 * PADDING;
    const left = data.x - radius;
    const width = label ? radius * 2 + textWidth + PADDING * 2 : radius * 2;
    const height = Math.max(boxHeight, radius * 2);
    context.beginPath();
    context.roundRect(left, data.y - height / 2, width, height, Math.min(radius, height / 2));
    context.fillStyle = colors.hoverBoxBg;
    context.shadowColor = "#00000055";
    context.shadowBlur = 6;
    context.fill();
    context.shadowBlur = 0;
    context.lineWidth = 1;
    context.strokeStyle = colors.hoverBoxBorder;
    context.stroke();
    // NOTE: no disc here: sigma redraws hovered nodes in WebGL above this canvas.
    if (label) drawBesideDisc(context, data, settings, colors);
  };
}
