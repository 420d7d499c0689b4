/**
 * Flow index: a compact, typed-array view of the company graph.
 *
 * Every deal from A to B is folded into one *hop* A → B, so analyses see a
 * simple directed graph. Hops are stored as CSR adjacency (out and in), sorted by
 * (source, target), with the dollars each hop carries and the deals behind it.
 * Built in O(N + E) with two stable counting sorts (an LSD radix sort on
 * (source, target)); self-loops are left out, as no money can go "around" them.
 *
 * Reference: compressed sparse row format, e.g. Saad, "Iterative Methods for
 * Sparse Linear Systems" (2003), §3.4.
 */

/** The least an edge must say for the index: who pays whom, and how much if known. */
export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly amountUsdBn: number | null;
}

export interface FlowIndex {
  /** Node ids; a node's number is its position here. */
  readonly nodeIds: readonly string[];
  readonly nodeIndexById: ReadonlyMap<string, number>;
  readonly nodeCount: number;
  readonly hopCount: number;
  /** Out-adjacency: hops of node v are `outOffsets[v] .. outOffsets[v+1]-1`. */
  readonly outOffsets: Int32Array;
  /** Source and target node of each hop, hops sorted by (source, target). */
  readonly hopSource: Int32Array;
  readonly hopTarget: Int32Array;
  /** In-adjacency: `inHops[inOffsets[v] .. inOffsets[v+1]-1]` are the hops into v. */
  readonly inOffsets: Int32Array;
  readonly inHops: Int32Array;
  /** Sum of the disclosed amounts on each hop. */
  readonly hopKnownUsdBn: Float64Array;
  /** 1 when at least one deal on the hop has no disclosed amount. */
  readonly hopHasUnknown: Uint8Array;
  /** Edges of hop h are `hopEdges[hopEdgeOffsets[h] .. hopEdgeOffsets[h+1]-1]` (input positions). */
  readonly hopEdgeOffsets: Int32Array;
  readonly hopEdges: Int32Array;
}

function stableCountingSort(keys: Int32Array, order: Int32Array, buckets: number): Int32Array {
  const counts = new Int32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) counts[keys[order[i]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[counts[keys[e]!]!++] = e;
  }
  return out;
}

/**
 * Builds the index. `nodeIds` fixes the node order (e.g. the dataset's company
 * order); ids met only in edges are appended in order of first appearance.
 */
export function buildFlowIndex(
  edges: readonly FlowEdge[],
  nodeIds: readonly string[] = [],
): FlowIndex {
  const nodeIndexById = new Map<string, number>();
  const ids: string[] = [];
  const intern = (id: string): number => {
    let i = nodeIndexById.get(id);
    if (i === undefined) {
      i = ids.length;
      nodeIndexById.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const id of nodeIds) intern(id);

  const m = edges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  // NOTE: amounts are copied here, in input order, because the fold below reads
  // edges in sorted order, and chasing 1M objects at random costs ~0.5 s.
  const amounts = new Float64Array(m);
  let kept = 0;
  const keptEdges = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const edge = edges[e]!;
    const s = intern(edge.from);
    const t = intern(edge.to);
    src[e] = s;
    dst[e] = t;
    amounts[e] = edge.amountUsdBn ?? NaN;
    if (s !== t) keptEdges[kept++] = e;
  }
  const n = ids.length;
  const byTarget = stableCountingSort(dst, keptEdges.subarray(0, kept), n);
  const sorted = stableCountingSort(src, byTarget, n);

  // Fold runs of equal (source, target) into hops.
  let hopCount = 0;
  for (let i = 0; i < kept; i++) {
    const e = sorted[i]!;
    const p = i === 0 ? -1 : sorted[i - 1]!;
    if (i === 0 || src[e] !== src[p] || dst[e] !== dst[p]) hopCount++;
  }
  const hopSource = new Int32Array(hopCount);
  const hopTarget = new Int32Array(hopCount);
  const hopKnownUsdBn = new Float64Array(hopCount);
  const hopHasUnknown = new Uint8Array(hopCount);
  const hopEdgeOffsets = new Int32Array(hopCount + 1);
  const outOffsets = new Int32Array(n + 1);
  let h = -1;
  for (let i = 0; i < kept; i++) {
    const e = sorted[i]!;
    const p = i === 0 ? -1 : sorted[i - 1]!;
    if (i === 0 || src[e] !== src[p] || dst[e] !== dst[p]) {
      h++;
      hopSource[h] = src[e]!;
      hopTarget[h] = dst[e]!;
      hopEdgeOffsets[h] = i;
      outOffsets[src[e]! + 1]!++;
    }
    const amount = amounts[e]!;
    if (!Number.isFinite(amount)) hopHasUnknown[h] = 1;
    else hopKnownUsdBn[h]! += amount;
  }
  hopEdgeOffsets[hopCount] = kept;
  for (let v = 0; v < n; v++) outOffsets[v + 1]! += outOffsets[v]!;

  // In-adjacency: hops ordered by target, stable in source.
  const hopIds = new Int32Array(hopCount);
  for (let i = 0; i < hopCount; i++) hopIds[i] = i;
  const inHops = stableCountingSort(hopTarget, hopIds, n);
  const inOffsets = new Int32Array(n + 1);
  for (let i = 0; i < hopCount; i++) inOffsets[hopTarget[i]! + 1]!++;
  for (let v = 0; v < n; v++) inOffsets[v + 1]! += inOffsets[v]!;

  return {
    nodeIds: ids,
    nodeIndexById,
    nodeCount: n,
    hopCount,
    outOffsets,
    hopSource,
    hopTarget,
    inOffsets,
    inHops,
    hopKnownUsdBn,
    hopHasUnknown,
    hopEdgeOffsets,
    hopEdges: sorted.slice(0, kept),
  };
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
