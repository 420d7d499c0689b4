/**
 * The browser side of the layout cache: a guarded localStorage handle and a
 * save helper shared by the layout and drag controllers.
 */
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { type Positions, readPositions } from "../../graph/positions.ts";
import {
  type LayoutStorage,
  layoutKey,
  loadCachedPositions,
  saveCachedPositions,
} from "../../graph/layoutCache.ts";

/** localStorage, or null where reading it throws (privacy modes, sandboxed frames). */
export function browserStorage(): LayoutStorage | null {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

const keys = new WeakMap<FlowGraph, string>();

/** The cache key of a graph, computed once per graph instance. */
export function cacheKeyOf(graph: FlowGraph): string {
  let key = keys.get(graph);
  if (key === undefined) {
    key = layoutKey(graph.nodes(), graph.edges());
    keys.set(graph, key);
  }
  return key;
}

/** The cached positions of the graph, or null. */
export function loadLayout(graph: FlowGraph): Positions | null {
  return loadCachedPositions(browserStorage(), cacheKeyOf(graph), graph.nodes());
}

/** Caches the graph's current positions. */
export function saveLayout(graph: FlowGraph): void {
  saveCachedPositions(browserStorage(), cacheKeyOf(graph), readPositions(graph));
}
