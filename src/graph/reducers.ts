/**
 * Highlighting: which nodes and edges stand out for the current selection or
 * hover, and sigma reducers that draw them so.
 *
 * `computeHighlight` turns the selection (a loop, a company, an edge) or the
 * hovered node into id Sets once, in O(k) for a loop of k hops or O(degree)
 * for a company; the reducers then answer each node and edge in O(1), so a
 * hover never rebuilds the graph. A hovered node wins over the selection while
 * the pointer is on it. Highlighted items keep their colours (loop hops and the
 * selected edge turn accent and thicker); everything else is dimmed to grey and
 * loses its label.
 *
 * Reference: sigma.js `nodeReducer` / `edgeReducer` ("use-reducers" example); sigma 4
 * reducers (`settings.ts` adapts these to them).
 */
import { hopKey, loopHopKeys } from "../analysis/hops.ts";
import type { FlowEdgeAttributes, FlowGraph, FlowNodeAttributes } from "./buildGraph.ts";
import { companyOf, nodeKey } from "./nodeKeys.ts";
import { type GraphTheme, THEME_COLORS, UNDISCLOSED_EDGE_ALPHA, withAlpha } from "./palette.ts";
import { FAILED_FLOW_COLOR, STRESS_COLORS, type StressOverlay } from "./stressStyle.ts";

/** Optional layers drawn over the highlight: a stress result, and flows flashed by the timeline. */
export interface ReducerOverlays {
  readonly stress?: StressOverlay | null;
  readonly flashEdges?: ReadonlySet<string>;
}

/** What the graph can highlight; the store's Selection fits this shape. */
export type HighlightSelection =
  | { readonly kind: "none" }
  | {
      readonly kind: "loop";
      readonly companies: readonly string[];
      /** The loop report's hop keys; derived from the companies when absent (a bare link). */
      readonly hopKeys?: readonly string[];
    }
  | { readonly kind: "company"; readonly id: string }
  | { readonly kind: "edge"; readonly from: string; readonly to: string };

export interface Highlight {
  /** False when nothing is highlighted: the graph draws as is. */
  readonly active: boolean;
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** Edges drawn in the accent colour and thicker: loop hops, the selected edge. */
  readonly accentEdges: ReadonlySet<string>;
  /** Nodes drawn with the hover box: the selected company, the hovered node, loop members. */
  readonly focusNodes: ReadonlySet<string>;
}

/**
 * Above this many edges, hovering a node does not dim the rest. NOTE: dimming
 * redraws every edge, which in software WebGL takes about a second at 7,000
 * edges; sigma still draws the hovered node's label box on its own layer.
 */
export const HOVER_HIGHLIGHT_MAX_EDGES = 2000;

export const NO_HIGHLIGHT: Highlight = {
  active: false,
  nodes: new Set(),
  edges: new Set(),
  accentEdges: new Set(),
  focusNodes: new Set(),
};

/** The ids to highlight for a selection and a hovered node. */
export function computeHighlight(
  graph: FlowGraph,
  selection: HighlightSelection,
  hoveredNode: string | null,
): Highlight {
  if (selection.kind === "loop" && selection.companies.length < 2) {
    throw new Error("graph/reducers: a loop needs at least 2 companies");
  }
  if (!["none", "loop", "company", "edge"].includes(selection.kind)) {
    throw new Error(`graph/reducers: unknown selection kind "${String(selection.kind)}"`);
  }
  if (hoveredNode !== null && graph.hasNode(nodeKey(hoveredNode))) {
    return neighbourhood(graph, nodeKey(hoveredNode));
  }
  switch (selection.kind) {
    case "loop":
      return loopHighlight(
        graph,
        selection.companies,
        selection.hopKeys ?? loopHopKeys(selection.companies),
      );
    case "company":
      return graph.hasNode(nodeKey(selection.id))
        ? neighbourhood(graph, nodeKey(selection.id))
        : NO_HIGHLIGHT;
    case "edge": {
      const key = hopKey(selection.from, selection.to);
      if (!graph.hasEdge(key)) return NO_HIGHLIGHT;
      const ends = new Set([nodeKey(selection.from), nodeKey(selection.to)]);
      const edges = new Set([key]);
      return { active: true, nodes: ends, edges, accentEdges: edges, focusNodes: new Set() };
    }
    default:
      return NO_HIGHLIGHT;
  }
}

function neighbourhood(graph: FlowGraph, id: string): Highlight {
  const nodes = new Set([id]);
  const edges = new Set<string>();
  graph.forEachEdge(id, (edge, _attr, source, target) => {
    edges.add(edge);
    nodes.add(source === id ? target : source);
  });
  return { active: true, nodes, edges, accentEdges: new Set(), focusNodes: new Set([id]) };
}

function loopHighlight(
  graph: FlowGraph,
  companies: readonly string[],
  hopKeys: readonly string[],
): Highlight {
  const nodes = new Set(companies.map(nodeKey).filter((k) => graph.hasNode(k)));
  if (nodes.size === 0) return NO_HIGHLIGHT;
  const edges = new Set(hopKeys.filter((k) => graph.hasEdge(k)));
  return { active: true, nodes, edges, accentEdges: edges, focusNodes: nodes };
}

/** What a reducer says of a node: its attributes, recoloured, with the drawing's marks. */
export interface NodeDisplay extends FlowNodeAttributes {
  /** Drawn with the hover box (a focused company). */
  highlighted?: boolean;
  /** Its name is offered to the label plan first. */
  forceLabel?: boolean;
  zIndex?: number;
  hidden?: boolean;
}
/** What a reducer says of a flow. */
export interface EdgeDisplay extends FlowEdgeAttributes {
  /** Its amount is offered to the label plan. */
  forceLabel?: boolean;
  zIndex?: number;
  hidden?: boolean;
}
export type NodeReducer = (node: string, data: FlowNodeAttributes) => NodeDisplay;
export type EdgeReducer = (edge: string, data: FlowEdgeAttributes) => EdgeDisplay;

// NOTE: sigma hands reducers a shallow copy of the attributes, so they can be
// changed in place; this keeps a refresh of 10,000 edges free of allocations.

/** Node reducer: highlighted nodes on top with their labels forced, the rest dimmed. */
export function createNodeReducer(
  highlight: Highlight,
  theme: GraphTheme,
  overlays: ReducerOverlays = {},
): NodeReducer {
  const dim = THEME_COLORS[theme].dimNode;
  const stress = overlays.stress ?? null;
  return (node, data) => {
    const display: NodeDisplay = data;
    if (stress) {
      const band = stress.bandOf.get(companyOf(node)) ?? "untouched";
      display.color = STRESS_COLORS[band];
      if (band !== "untouched") display.forceLabel = true;
    }
    if (!highlight.active) return display;
    if (highlight.nodes.has(node)) {
      display.zIndex = 1;
      display.forceLabel = true;
      display.highlighted = highlight.focusNodes.has(node);
    } else {
      display.color = dim;
      display.label = "";
      display.zIndex = 0;
    }
    return display;
  };
}

/** Edge reducer: highlighted edges on top (accent and thicker for loops), the rest dimmed. */
export function createEdgeReducer(
  highlight: Highlight,
  theme: GraphTheme,
  overlays: ReducerOverlays = {},
): EdgeReducer {
  const { accent, dimEdge } = THEME_COLORS[theme];
  const accentFaded = withAlpha(accent, Math.min(1, UNDISCLOSED_EDGE_ALPHA + 0.25));
  const stress = overlays.stress ?? null;
  const flash = overlays.flashEdges;
  return (edge, data) => {
    const display: EdgeDisplay = data;
    if (flash?.has(edge)) {
      display.color = accent;
      display.size = Math.max(3, data.size * 2);
      display.zIndex = 2;
      return display;
    }
    if (stress) {
      if (stress.failedEdges.has(edge)) {
        display.color = FAILED_FLOW_COLOR;
        display.size = Math.max(2, data.size * 1.3);
        display.zIndex = 1;
      } else display.color = dimEdge;
    }
    if (!highlight.active) return display;
    // NOTE: a highlighted flow offers its amount to the label plan; the dimmed ones none.
    if (highlight.accentEdges.has(edge)) {
      display.color = data.undisclosed ? accentFaded : accent;
      display.size = Math.max(2.5, data.size * 1.5);
      display.zIndex = 1;
      display.forceLabel = !data.undisclosed;
    } else if (highlight.edges.has(edge)) {
      display.zIndex = 1;
      display.forceLabel = !data.undisclosed;
    } else {
      display.color = dimEdge;
      display.zIndex = 0;
      display.label = "";
    }
    return display;
  };
}
