/**
 * Export subgraph: what an export draws, from the selection.
 *
 * The selected loop (its companies and hops), or the selected company with its
 * direct counterparties and every flow touching it, or a selected flow with
 * its two companies; with nothing selected (or a selection no longer drawn),
 * the whole filtered graph. The ids come from `computeHighlight`, the same
 * function that highlights the selection on screen, and the result is copied
 * into a fresh graph with the same attributes: O(k) for k items, O(N + E)
 * for the whole graph.
 *
 * Reference: graphology `subgraph` (graphology-operators), done by hand to
 * keep edge keys and attributes.
 */
import { DirectedGraph } from "graphology";
import { type Hop, hopKey } from "../../analysis/hops.ts";
import type { FlowEdgeAttributes, FlowGraph, FlowNodeAttributes } from "../buildGraph.ts";
import { nodeKey } from "../nodeKeys.ts";
import {
  type Highlight,
  type HighlightSelection,
  NO_HIGHLIGHT,
  computeHighlight,
} from "../reducers.ts";

export const EXPORT_SUBJECT_KINDS = ["loop", "company", "edge", "graph"] as const;
export type ExportSubjectKind = (typeof EXPORT_SUBJECT_KINDS)[number];

export interface ExportSubgraph {
  readonly kind: ExportSubjectKind;
  /** A copy holding only the exported companies and flows. */
  readonly graph: FlowGraph;
  /** Highlight for the shared reducers, adjusted for an export (see `exportHighlight`). */
  readonly highlight: Highlight;
  /** The loop's companies in money-flow order, the company, the flow's two ends, or []. */
  readonly companies: readonly string[];
}

/**
 * The on-screen highlight as an export draws it. NOTE: an export shows only
 * the highlighted items, so a mark that covers all of them (accent colour on
 * every loop hop, a box on every loop member) contrasts with nothing and would
 * hide the deal-type colours the legend explains; such marks are dropped.
 * Forced labels and the selected company's box stay.
 */
export function exportHighlight(highlight: Highlight): Highlight {
  if (!highlight.active) return highlight;
  const focusAll = highlight.focusNodes.size >= highlight.nodes.size;
  return {
    ...highlight,
    accentEdges: new Set(),
    focusNodes: focusAll ? new Set() : highlight.focusNodes,
  };
}

/** The subgraph an export of `selection` draws, from the drawn (filtered) graph. */
export function selectExportSubgraph(
  graph: FlowGraph,
  selection: HighlightSelection,
): ExportSubgraph {
  if (!graph || typeof graph.forEachNode !== "function") {
    throw new Error("graph/export: graph must be a graphology graph");
  }
  const highlight = computeHighlight(graph, selection, null);
  if (!highlight.active || selection.kind === "none") {
    return {
      kind: "graph",
      graph: copyOf(graph, null, null),
      highlight: NO_HIGHLIGHT,
      companies: [],
    };
  }
  const companies =
    selection.kind === "loop"
      ? selection.companies.filter((c) => graph.hasNode(nodeKey(c)))
      : selection.kind === "company"
        ? [selection.id]
        : [selection.from, selection.to];
  return {
    kind: selection.kind,
    graph: copyOf(graph, highlight.nodes, highlight.edges),
    highlight: exportHighlight(highlight),
    companies,
  };
}

function copyOf(
  graph: FlowGraph,
  nodes: ReadonlySet<string> | null,
  edges: ReadonlySet<string> | null,
): FlowGraph {
  const copy: FlowGraph = new DirectedGraph<FlowNodeAttributes, FlowEdgeAttributes>();
  graph.forEachNode((id, attr) => {
    if (!nodes || nodes.has(id)) copy.addNode(id, { ...attr });
  });
  graph.forEachEdge((key, attr, source, target) => {
    if (edges && !edges.has(key)) return;
    if (!copy.hasNode(source) || !copy.hasNode(target)) return;
    copy.addDirectedEdgeWithKey(key, source, target, { ...attr, dealIds: [...attr.dealIds] });
  });
  return copy;
}

/**
 * How many flows (hops) an export of `selection` would draw, from the
 * analysis's hops alone, so the UI can warn before building anything. O(H).
 */
export function countExportEdges(hops: readonly Hop[], selection: HighlightSelection): number {
  switch (selection.kind) {
    case "loop":
      return selection.companies.length;
    case "company": {
      let n = 0;
      for (const h of hops) if (h.from === selection.id || h.to === selection.id) n++;
      return n > 0 ? n : hops.length;
    }
    case "edge": {
      const key = hopKey(selection.from, selection.to);
      return hops.some((h) => h.key === key) ? 1 : hops.length;
    }
    default:
      return hops.length;
  }
}
