/**
 * Node label and hover drawing for sigma's canvas layers, themed.
 *
 * Sigma's defaults draw labels in one flat colour and the hover box in white,
 * which is unreadable on the dark theme. These draw the label with a halo of
 * the background colour (legible over edges) and the hover box in the theme's
 * panel colours. O(1) per label.
 *
 * Reference: sigma.js `drawDiscNodeLabel` / `drawDiscNodeHover` (v3).
 */
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "./buildGraph.ts";
import type { GraphThemeColors } from "./palette.ts";

type LabelDrawer = NodeLabelDrawingFunction<FlowNodeAttributes, FlowEdgeAttributes>;

const PADDING = 3;

function font(settings: Settings<FlowNodeAttributes, FlowEdgeAttributes>): string {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

/** Draws a node label right of its disc, with a halo in the background colour. */
export function createDrawNodeLabel(colors: GraphThemeColors): LabelDrawer {
  return (context, data, settings) => {
    if (!data.label) return;
    context.font = font(settings);
    const x = data.x + data.size + PADDING;
    const y = data.y + settings.labelSize / 3;
    context.lineJoin = "round";
    context.lineWidth = 3;
    context.strokeStyle = colors.labelHalo;
    context.strokeText(data.label, x, y);
    context.fillStyle = colors.label;
    context.fillText(data.label, x, y);
  };
}

/** Draws the hovered / highlighted node: a themed, outlined box around disc and label. */
export function createDrawNodeHover(colors: GraphThemeColors): LabelDrawer {
  const drawLabel = createDrawNodeLabel(colors);
  return (context, data, settings) => {
    context.font = font(settings);
    const label = typeof data.label === "string" ? data.label : "";
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
    drawLabel(context, data, settings);
  };
}
