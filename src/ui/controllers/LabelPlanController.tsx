/**
 * Label plan controller (renders nothing): after each sigma frame, plans where
 * names and highlighted amounts go (`graph/screenLabels.ts`) from the nodes'
 * and flows' positions in viewport pixels and the highlight reducers' marks,
 * and draws them on a canvas layer of its own (`graph/labels.ts`). Also holds
 * each sigma's shared state: the reducer slot and the label state. O(N + E) a
 * frame plus the placement.
 */
import { useEffect } from "react";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "../../graph/buildGraph.ts";
import { type LabelPlanRef, drawLabelLayer } from "../../graph/labels.ts";
import type { NodeDisplay } from "../../graph/reducers.ts";
import { type ScreenEdge, type ScreenNode, planScreenLabels } from "../../graph/screenLabels.ts";
import { LABEL_STYLE, type ReducerSlot } from "../../graph/settings.ts";
import { createCanvasMeasurer } from "../../graph/export/textMeasure.ts";
import { overlayRects } from "./frame.ts";
import { type FlowSigma, useSigma } from "./sigmaContext.ts";

/** Each sigma's reducer slot and label state, shared by its controllers. */
export const GRAPH_STATES = new WeakMap<
  FlowSigma,
  { reducers: ReducerSlot; labels: LabelPlanRef }
>();

const LAYER_ID = "ouroboros-labels";

export function LabelPlanController() {
  const sigma = useSigma();
  useEffect(() => {
    const state = GRAPH_STATES.get(sigma);
    if (!state) return;
    const { reducers, labels } = state;
    const canvas = sigma.createCanvas(LAYER_ID, { style: { pointerEvents: "none" } });
    const context = canvas.getContext("2d");
    const measure = createCanvasMeasurer();
    const draw = () => {
      if (!context) return;
      const graph = sigma.getGraph();
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (
        canvas.width !== Math.round(width * ratio) ||
        canvas.height !== Math.round(height * ratio)
      ) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const nodes: ScreenNode[] = [];
      const names = new Map<string, string>();
      graph.forEachNode((key, attributes: FlowNodeAttributes) => {
        const d: NodeDisplay = reducers.node ? reducers.node(key, { ...attributes }) : attributes;
        if (d.hidden) return;
        const v = sigma.graphToViewport(attributes);
        const label = d.label ?? "";
        if (label) names.set(key, label);
        nodes.push({
          key,
          x: v.x,
          y: v.y,
          // NOTE: a focused company's backdrop ring takes a few pixels more.
          size: sigma.scaleSize(d.size) + (d.highlighted ? 8 : 1),
          label,
          forced: Boolean(d.forceLabel || d.highlighted),
        });
      });
      const edges: ScreenEdge[] = [];
      const amounts = new Map<string, string>();
      graph.forEachEdge((key, attributes: FlowEdgeAttributes, source, target) => {
        const d = reducers.edge ? reducers.edge(key, { ...attributes }) : null;
        if (!d || d.hidden || !d.forceLabel || !d.label) return;
        amounts.set(key, d.label);
        edges.push({
          key,
          source: sigma.graphToViewport(graph.getNodeAttributes(source)),
          target: sigma.graphToViewport(graph.getNodeAttributes(target)),
          curvature: attributes.type === "curved" ? attributes.curvature : null,
          label: d.label,
          usdBn: attributes.totalUsdBn,
        });
      });
      labels.current = planScreenLabels(
        { width, height, nodes, edges, covered: overlayRects(sigma) },
        LABEL_STYLE,
        measure,
      );
      drawLabelLayer(context, width, height, labels, { names, amounts }, LABEL_STYLE);
    };
    sigma.on("afterRender", draw);
    sigma.scheduleRender();
    return () => {
      sigma.removeListener("afterRender", draw);
      sigma.killLayer(LAYER_ID);
      labels.current = null;
    };
  }, [sigma]);
  return null;
}
