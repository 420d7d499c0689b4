/**
 * Highlight controller (renders nothing): turns the selection and the hovered
 * node into sigma reducers. The highlight Sets are computed once per change;
 * the reducers answer in O(1) per item, and the graph itself is never rebuilt.
 * On very large graphs hovering does not dim (see HOVER_HIGHLIGHT_MAX_EDGES).
 */
import { useEffect } from "react";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import {
  HOVER_HIGHLIGHT_MAX_EDGES,
  computeHighlight,
  createEdgeReducer,
  createNodeReducer,
} from "../../graph/reducers.ts";
import { useStore } from "../../state/store.ts";
import { useSigma } from "./sigmaContext.ts";

export function HighlightController({ graph }: { graph: FlowGraph }) {
  const sigma = useSigma();
  const selection = useStore((s) => s.selection);
  const hoverHighlights = graph.size <= HOVER_HIGHLIGHT_MAX_EDGES;
  const hoveredNode = useStore((s) => (hoverHighlights ? s.hoveredNode : null));
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const highlight = computeHighlight(graph, selection, hoveredNode);
    sigma.setSettings({
      nodeReducer: highlight.active ? createNodeReducer(highlight, theme) : null,
      edgeReducer: highlight.active ? createEdgeReducer(highlight, theme) : null,
    });
  }, [sigma, graph, selection, hoveredNode, theme]);
  return null;
}
