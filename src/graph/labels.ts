/**
 * Names and amounts on screen, drawn on a 2D canvas layer over sigma's WebGL
 * drawing, where the frame's label plan (`screenLabels.ts`) put them: as in
 * the exports, no label overlaps another or sits on a company, and a label
 * left out of the plan is not drawn. Each is drawn with a halo of the
 * background colour, legible over flows. O(L) a frame for L planned labels.
 *
 * Reference: sigma.js 4 `createCanvas` (custom layers); HTML canvas 2D text.
 */
import type { GraphThemeColors } from "./palette.ts";
import { type ScreenLabelPlan, drawPlacedLabel } from "./screenLabels.ts";

/**
 * What the label layer reads at draw time: the current frame's plan (set by
 * the label plan controller after each render) and the theme's colours.
 */
export interface LabelPlanRef {
  current: ScreenLabelPlan | null;
  colors: GraphThemeColors;
}

export interface LabelLayerText {
  /** Names by node key and amounts by edge key, of the planned labels. */
  readonly names: ReadonlyMap<string, string>;
  readonly amounts: ReadonlyMap<string, string>;
}

export interface LabelFonts {
  readonly labelFont: string;
  readonly edgeLabelFont: string;
}

/** Clears `context` (of `width` × `height` CSS px) and draws the planned labels. */
export function drawLabelLayer(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  state: LabelPlanRef,
  text: LabelLayerText,
  fonts: LabelFonts,
): void {
  context.clearRect(0, 0, width, height);
  const plan = state.current;
  if (!plan) return;
  for (const [key, box] of plan.edges) {
    const amount = text.amounts.get(key);
    if (amount) {
      drawPlacedLabel(
        context,
        amount,
        box,
        fonts.edgeLabelFont,
        state.colors,
        state.colors.edgeLabel,
      );
    }
  }
  for (const [key, box] of plan.nodes) {
    const name = text.names.get(key);
    if (name)
      drawPlacedLabel(context, name, box, fonts.labelFont, state.colors, state.colors.label);
  }
}
