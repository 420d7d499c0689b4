/**
 * Flow index: the hops of `hops.ts` as a compact adjacency structure.
 *
 * The fold (deals → hops, live deals only unless asked) is `foldHops`; this
 * adds what graph algorithms need on top of it: out-adjacency (hops are already
 * sorted by payer, so it is one prefix sum) and in-adjacency (hops ordered by
 * payee with one stable counting sort). O(N + D) for N companies and D deals.
 *
 * Reference: compressed sparse row format, e.g. Saad, "Iterative Methods for
 * Sparse Linear Systems" (2003), §3.4.
 */
import { type HopEdge, type HopFold, type HopFoldOptions, foldHops } from "./hops.ts";

/** The least an edge must say for the index: who pays whom, and how much if known. */
export type FlowEdge = HopEdge;

export interface FlowIndex extends HopFold {
  /** Out-adjacency: hops of node v are `outOffsets[v] .. outOffsets[v+1]-1`. */
  readonly outOffsets: Int32Array;
  /** In-adjacency: `inHops[inOffsets[v] .. inOffsets[v+1]-1]` are the hops into v. */
  readonly inOffsets: Int32Array;
  readonly inHops: Int32Array;
}

/** Adds adjacency to a fold. */
export function indexHops(fold: HopFold): FlowIndex {
  const n = fold.nodeCount;
  const { hopCount, hopSource, hopTarget } = fold;
  const outOffsets = new Int32Array(n + 1);
  for (let h = 0; h < hopCount; h++) outOffsets[hopSource[h]! + 1]!++;
  for (let v = 0; v < n; v++) outOffsets[v + 1]! += outOffsets[v]!;
  const inOffsets = new Int32Array(n + 1);
  for (let h = 0; h < hopCount; h++) inOffsets[hopTarget[h]! + 1]!++;
  for (let v = 0; v < n; v++) inOffsets[v + 1]! += inOffsets[v]!;
  // Hops ordered by payee, stable in payer: a counting sort on the targets.
  const cursor = inOffsets.slice(0, n);
  const inHops = new Int32Array(hopCount);
  for (let h = 0; h < hopCount; h++) inHops[cursor[hopTarget[h]!]!++] = h;
  return { ...fold, outOffsets, inOffsets, inHops };
}

/**
 * Folds the edges into hops and indexes them. `nodeIds` fixes the node order
 * (e.g. the dataset's company order); ids met only in edges are appended.
 */
export function buildFlowIndex(
  edges: readonly FlowEdge[],
  nodeIds: readonly string[] = [],
  options: Partial<HopFoldOptions> = {},
): FlowIndex {
  return indexHops(foldHops(edges, nodeIds, options));
}

/** The hop from `s` to `t`, or -1. Binary search in s's sorted out-list. */
export function findHop(index: FlowIndex, s: number, t: number): number {
  let lo = index.outOffsets[s]!;
  let hi = index.outOffsets[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = index.hopTarget[mid]!;
    if (x === t) return mid;
    if (x < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
