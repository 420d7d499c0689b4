/**
 * Elementary cycles with a length bound.
 *
 * Enumerates every simple directed loop of companies, each exactly once, rooted
 * at its lowest-numbered node s: a depth-first search from s that only visits
 * nodes numbered above s inside s's strongly connected component. Before each
 * search, a reverse breadth-first search gives every node's distance back to s,
 * and a branch is cut as soon as it cannot close within `maxLength` hops (the
 * pruning of bounded-cycle search). Time is O((N + E)·(C + 1)) in the worst case
 * for C cycles found; memory is O(N + E). Fully iterative.
 *
 * Reference: D. B. Johnson, "Finding all the elementary circuits of a directed
 * graph", SIAM J. Computing 4(1), 1975 (root-at-least-vertex scheme); and
 * Gupta & Suzumura, "Finding All Bounded-Length Simple Cycles in a Directed
 * Graph", arXiv:2105.10094, 2021 (length-bounded pruning).
 */
import type { FlowIndex } from "./flowIndex.ts";
import { type SccResult, stronglyConnectedComponents } from "./scc.ts";

export interface CycleOptions {
  /** Longest loop to report, in hops (>= 2); `Infinity` for no bound. */
  readonly maxLength: number;
  /** Most loops to report; 0 for no cap. */
  readonly limit: number;
}

export const DEFAULT_CYCLE_OPTIONS: CycleOptions = { maxLength: 6, limit: 10_000 };

/** Checks a partial options bag and throws a namespaced message on the first bad value. */
export function validateCycleOptions(options: Partial<CycleOptions>): void {
  const { maxLength, limit } = options;
  if (
    maxLength !== undefined &&
    maxLength !== Infinity &&
    (!Number.isInteger(maxLength) || maxLength < 2)
  ) {
    throw new Error("analysis/cycles: maxLength must be an integer >= 2, or Infinity");
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new Error("analysis/cycles: limit must be an integer >= 0 (0 means no cap)");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveCycleOptions(options: Partial<CycleOptions> = {}): CycleOptions {
  validateCycleOptions(options);
  return { ...DEFAULT_CYCLE_OPTIONS, ...options };
}

/**
 * Called once per cycle. `nodes[i] → nodes[i+1]` (and last → first) is the loop,
 * `hops[i]` the hop leaving `nodes[i]`. Both arrays are reused: copy to keep.
 * Return `false` to stop.
 */
export type CycleCallback = (nodes: Int32Array, hops: Int32Array) => boolean | void;

/**
 * Calls `callback` for each elementary cycle, up to `limit`.
 * Returns `true` when the enumeration was cut short by the limit or the callback.
 */
export function forEachCycle(
  index: FlowIndex,
  options: Partial<CycleOptions>,
  callback: CycleCallback,
  scc: SccResult = stronglyConnectedComponents(index),
): boolean {
  const { maxLength, limit } = resolveCycleOptions(options);
  const n = index.nodeCount;
  if (n === 0 || index.hopCount === 0) return false;
  const { outOffsets, hopTarget, hopSource, inOffsets, inHops } = index;
  const { componentOf, componentSize } = scc;
  const bound = Math.min(maxLength, n);

  const mark = new Int32Array(n).fill(-1);
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const onPath = new Uint8Array(n);
  const pathNodes = new Int32Array(bound + 1);
  const pathHops = new Int32Array(bound + 1);
  const cursor = new Int32Array(bound + 1);
  const ends = new Int32Array(bound + 1);
  let found = 0;

  for (let s = 0; s < n; s++) {
    const comp = componentOf[s]!;
    if (componentSize[comp]! < 2) continue;

    // Distances back to s over nodes above s in its component, up to bound - 1.
    mark[s] = s;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      const du = dist[u]!;
      if (du >= bound - 1) continue;
      for (let i = inOffsets[u]!, end = inOffsets[u + 1]!; i < end; i++) {
        const w = hopSource[inHops[i]!]!;
        if (w > s && mark[w] !== s && componentOf[w] === comp) {
          mark[w] = s;
          dist[w] = du + 1;
          queue[tail++] = w;
        }
      }
    }
    if (tail === 1) continue;

    let depth = 0;
    pathNodes[0] = s;
    cursor[0] = outOffsets[s]!;
    ends[0] = outOffsets[s + 1]!;
    while (depth >= 0) {
      const v = pathNodes[depth]!;
      const e = cursor[depth]!;
      if (e >= ends[depth]!) {
        onPath[v] = 0;
        depth--;
        continue;
      }
      cursor[depth] = e + 1;
      const w = hopTarget[e]!;
      if (w === s) {
        pathHops[depth] = e;
        if (limit !== 0 && found >= limit) return true;
        found++;
        const len = depth + 1;
        if (callback(pathNodes.subarray(0, len), pathHops.subarray(0, len)) === false) {
          return true;
        }
        continue;
      }
      if (w < s || mark[w] !== s || onPath[w] === 1 || depth + 1 + dist[w]! > bound) continue;
      pathHops[depth] = e;
      depth++;
      pathNodes[depth] = w;
      // Out-hops are sorted by target: skip the ones below s with a binary search,
      // and at the last level only the hop back to s can matter.
      const first = firstHopAtLeast(hopTarget, outOffsets[w]!, outOffsets[w + 1]!, s);
      cursor[depth] = first;
      if (depth === bound - 1) {
        // A hop to s, if any, is the first one at or above s.
        ends[depth] = first < outOffsets[w + 1]! && hopTarget[first] === s ? first + 1 : first;
      } else ends[depth] = outOffsets[w + 1]!;
      onPath[w] = 1;
    }
  }
  return false;
}

/** First position in `targets[lo..hi)` whose value is >= `min` (hi when none). */
function firstHopAtLeast(targets: Int32Array, lo: number, hi: number, min: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (targets[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A cycle as node numbers (starting at its lowest) and the hops between them. */
export interface RawCycle {
  readonly nodes: readonly number[];
  readonly hops: readonly number[];
}

/** Collects the cycles up to `limit`, with a flag when more exist. */
export function findCycles(
  index: FlowIndex,
  options: Partial<CycleOptions> = {},
  scc?: SccResult,
): { cycles: RawCycle[]; truncated: boolean } {
  const cycles: RawCycle[] = [];
  const truncated = forEachCycle(
    index,
    options,
    (nodes, hops) => {
      cycles.push({ nodes: Array.from(nodes), hops: Array.from(hops) });
    },
    scc,
  );
  return { cycles, truncated };
}

/** Counts the cycles up to `limit` without keeping them. */
export function countCycles(
  index: FlowIndex,
  options: Partial<CycleOptions> = {},
  scc?: SccResult,
): { count: number; truncated: boolean } {
  let count = 0;
  const truncated = forEachCycle(
    index,
    options,
    () => {
      count++;
    },
    scc,
  );
  return { count, truncated };
}
