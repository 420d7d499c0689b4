/**
 * The browser side of the layout cache: a guarded localStorage handle and the
 * force layout's own positions (never the dragged ones, which are saved with
 * the dataset), so a reload need not run ForceAtlas2 again.
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

/** The cached force positions of the graph, or null. */
export function loadLayout(graph: FlowGraph): Positions | null {
  return loadCachedPositions(browserStorage(), cacheKeyOf(graph), graph.nodes());
}

/** Caches the graph's current positions as its force layout. */
export function saveLayout(graph: FlowGraph): void {
  saveCachedPositions(browserStorage(), cacheKeyOf(graph), readPositions(graph));
}

/** Drops the graph's cached force layout (a re-run computes it afresh). */
export function forgetLayout(graph: FlowGraph): void {
  try {
    browserStorage()?.removeItem(cacheKeyOf(graph));
  } catch {
    // A storage that refuses only means the cache stays.
  }
}
