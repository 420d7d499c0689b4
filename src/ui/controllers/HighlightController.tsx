/**
 * Highlight controller (renders nothing): turns the selection, the hovered
 * node, the stress-test result and the timeline's new deals into sigma
 * reducers. The highlight Sets are computed once per change; the reducers
 * answer in O(1) per item, and the graph itself is never rebuilt.
 * On very large graphs hovering does not dim (see HOVER_HIGHLIGHT_MAX_EDGES).
 */
import { useEffect, useMemo, useState } from "react";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import {
  HOVER_HIGHLIGHT_MAX_EDGES,
  computeHighlight,
  createEdgeReducer,
  createNodeReducer,
} from "../../graph/reducers.ts";
import { buildStressOverlay } from "../../graph/stressStyle.ts";
import { selectStressResult } from "../../state/stressSelectors.ts";
import { useStore } from "../../state/store.ts";
import { GRAPH_STATES } from "./LabelPlanController.tsx";
import { useSigma } from "./sigmaContext.ts";

/** How long flows added by the timeline stay highlighted. */
const FLASH_MS = 1200;

/** Edge keys of the flows carrying the deals the timeline just added, for a moment. */
function useFlashEdges(graph: FlowGraph): ReadonlySet<string> | undefined {
  const flash = useStore((s) => s.flash);
  const [expiredSeq, setExpiredSeq] = useState(0);
  const keys = useMemo(() => {
    if (!flash) return undefined;
    const wanted = new Set(flash.dealIds);
    const found = new Set<string>();
    graph.forEachEdge((edge, attrs) => {
      if (attrs.dealIds.some((id) => wanted.has(id))) found.add(edge);
    });
    return found;
  }, [flash, graph]);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setExpiredSeq(flash.seq), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);
  return flash && flash.seq !== expiredSeq ? keys : undefined;
}

export function HighlightController({ graph }: { graph: FlowGraph }) {
  const sigma = useSigma();
  const selection = useStore((s) => s.selection);
  const hoverHighlights = graph.size <= HOVER_HIGHLIGHT_MAX_EDGES;
  const hoveredNode = useStore((s) => (hoverHighlights ? s.hoveredNode : null));
  const theme = useStore((s) => s.theme);
  const stressResult = useStore(selectStressResult);
  const stress = useMemo(
    () => (stressResult ? buildStressOverlay(stressResult) : null),
    [stressResult],
  );
  const flashEdges = useFlashEdges(graph);
  useEffect(() => {
    const highlight = computeHighlight(graph, selection, hoveredNode);
    const on = highlight.active || stress !== null || (flashEdges?.size ?? 0) > 0;
    const overlays = { stress, flashEdges };
    const state = GRAPH_STATES.get(sigma);
    if (!state) return;
    // NOTE: sigma 4 takes its reducers once; they read this slot, and a refresh applies it.
    state.reducers.node = on ? createNodeReducer(highlight, theme, overlays) : null;
    state.reducers.edge = on ? createEdgeReducer(highlight, theme, overlays) : null;
    // NOTE: positions did not move: the spatial index stays.
    sigma.refresh({ skipIndexation: true });
  }, [sigma, graph, selection, hoveredNode, theme, stress, flashEdges]);
  return null;
}
