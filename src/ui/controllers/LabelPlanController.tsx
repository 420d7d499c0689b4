/**
 * Label plan controller (renders nothing): before each sigma frame, plans
 * where names and highlighted amounts go (`graph/screenLabels.ts`), from the
 * nodes' and flows' display data in viewport pixels, and hands the plan to the
 * label drawers through the shared label state. O(N + E) a frame plus the
 * placement.
 */
import { useEffect } from "react";
import type { FlowEdgeAttributes } from "../../graph/buildGraph.ts";
import { type LabelPlanRef, edgeLabelFont, labelFont } from "../../graph/labels.ts";
import { type ScreenEdge, type ScreenNode, planScreenLabels } from "../../graph/screenLabels.ts";
import { createCanvasMeasurer } from "../../graph/export/textMeasure.ts";
import { overlayRects } from "./frame.ts";
import { type FlowSigma, useSigma } from "./sigmaContext.ts";

/** Each sigma's label state (plan and colours), shared by its drawers and its controllers. */
export const LABEL_STATES = new WeakMap<FlowSigma, LabelPlanRef>();

export function LabelPlanController() {
  const sigma = useSigma();
  useEffect(() => {
    const labels = LABEL_STATES.get(sigma);
    if (!labels) return;
    const measure = createCanvasMeasurer();
    const plan = () => {
      const graph = sigma.getGraph();
      const settings = sigma.getSettings();
      const { width, height } = sigma.getDimensions();
      const nodes: ScreenNode[] = [];
      graph.forEachNode((key) => {
        const d = sigma.getNodeDisplayData(key);
        if (!d || d.hidden) return;
        const v = sigma.framedGraphToViewport(d);
        nodes.push({
          key,
          x: v.x,
          y: v.y,
          size: sigma.scaleSize(d.size),
          label: d.label ?? "",
          forced: d.forceLabel || d.highlighted,
        });
      });
      const edges: ScreenEdge[] = [];
      graph.forEachEdge((key, attr: FlowEdgeAttributes, source, target) => {
        const d = sigma.getEdgeDisplayData(key);
        if (!d || d.hidden || !d.forceLabel || !d.label) return;
        const s = sigma.getNodeDisplayData(source);
        const t = sigma.getNodeDisplayData(target);
        if (!s || !t || s.hidden || t.hidden) return;
        edges.push({
          key,
          source: sigma.framedGraphToViewport(s),
          target: sigma.framedGraphToViewport(t),
          curvature: d.type === "curved" ? attr.curvature : null,
          label: d.label,
          usdBn: attr.totalUsdBn,
        });
      });
      labels.current = planScreenLabels(
        { width, height, nodes, edges, covered: overlayRects(sigma) },
        {
          labelFont: labelFont(settings),
          labelSize: settings.labelSize,
          edgeLabelFont: edgeLabelFont(settings),
          edgeLabelSize: settings.edgeLabelSize,
        },
        measure,
      );
    };
    sigma.on("beforeRender", plan);
    return () => {
      sigma.removeListener("beforeRender", plan);
      labels.current = null;
    };
  }, [sigma]);
  return null;
}
