/**
 * Drag controller (renders nothing): the drag pattern of sigma's examples. Pressing a node
 * and moving the pointer moves the node (the camera does not pan meanwhile);
 * on release the position is recorded as dragged in the current layout (the
 * layout controller lays it over the layout; it is saved with the dataset and
 * goes in the link). Dragging is off while a layout runs.
 */
import { useEffect } from "react";
import type { SigmaNodeEventPayload, SigmaStageEventPayload } from "sigma/types";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { companyOf } from "../../graph/nodeKeys.ts";
import { actions, useStore } from "../../state/store.ts";
import { useSigma } from "./sigmaContext.ts";

export function DragController({ fullGraph }: { fullGraph: FlowGraph }) {
  const sigma = useSigma();
  useEffect(() => {
    let dragged: string | null = null;
    let moved = false;
    const down = ({ node }: SigmaNodeEventPayload) => {
      if (useStore.getState().layoutRunning || useStore.getState().embed) return;
      dragged = node;
      moved = false;
      // NOTE: a fixed frame, or sigma would re-frame the graph under the pointer.
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    };
    const move = ({ event }: SigmaStageEventPayload) => {
      if (dragged === null) return;
      const { x, y } = sigma.viewportToGraph(event);
      sigma.getGraph().mergeNodeAttributes(dragged, { x, y });
      moved = true;
      // NOTE: preventing sigma's default keeps the camera still, but also skips
      // the captor's drag count, so the release would fire a click; count it here.
      sigma.getMouseCaptor().draggedEvents++;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    };
    const up = () => {
      if (dragged === null) return;
      const node = dragged;
      dragged = null;
      if (!moved || !fullGraph.hasNode(node)) return;
      const { x, y } = sigma.getGraph().getNodeAttributes(node);
      actions.dragCompany(useStore.getState().layout, companyOf(node), { x, y });
    };
    sigma.on("downNode", down);
    sigma.on("moveBody", move);
    sigma.on("upNode", up);
    sigma.on("upStage", up);
    sigma.on("leaveStage", up);
    return () => {
      sigma.off("downNode", down);
      sigma.off("moveBody", move);
      sigma.off("upNode", up);
      sigma.off("upStage", up);
      sigma.off("leaveStage", up);
    };
  }, [sigma, fullGraph]);
  return null;
}
