/**
 * Edge crossings: how many pairs of edges cross, for a ring order and for
 * straight segments at given positions. The orderings use them to keep the
 * better of several candidates; the tests use them as the measure.
 *
 * On a ring, two chords with four distinct ends cross exactly when their ends
 * interleave (a < c < b < d). Counted with a Fenwick tree over ring positions,
 * chords taken by their first end: O(E log N). Straight segments are tested
 * pairwise with orientation signs: O(E²), for the column layout's few hundred
 * edges. Edges sharing a company never count as crossing.
 *
 * Reference: Baur & Brandes, "Crossing Reduction in Circular Layouts", WG
 * 2004 (chord interleaving); Fenwick, "A new data structure for cumulative
 * frequency tables", Software: Practice and Experience 24(3), 1994.
 */
import type { Adjacency, LayoutInput } from "./layoutInput.ts";

/**
 * Crossings of the undirected edges when node `order[p]` sits at ring position p.
 * `order` must be a permutation of the node indices.
 */
export function countRingCrossings(input: Adjacency, order: ArrayLike<number>): number {
  const n = input.order;
  if (order.length !== n) {
    throw new Error("graph/layouts/crossings: order must hold every node exactly once");
  }
  const position = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    const node = order[p]!;
    if (!(node >= 0 && node < n) || position[node] !== -1) {
      throw new Error("graph/layouts/crossings: order must hold every node exactly once");
    }
    position[node] = p;
  }
  const m = input.pairA.length;
  if (m < 2) return 0;
  const first = new Int32Array(m);
  const second = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const p = position[input.pairA[e]!]!;
    const q = position[input.pairB[e]!]!;
    first[e] = Math.min(p, q);
    second[e] = Math.max(p, q);
  }
  const byFirst = Int32Array.from({ length: m }, (_, e) => e).sort((x, y) => first[x]! - first[y]!);
  // Fenwick tree over the chords' second ends (1-based).
  const tree = new Int32Array(n + 1);
  const add = (i: number) => {
    for (let k = i + 1; k <= n; k += k & -k) tree[k]!++;
  };
  const prefix = (i: number) => {
    let sum = 0;
    for (let k = i + 1; k > 0; k -= k & -k) sum += tree[k]!;
    return sum;
  };
  let crossings = 0;
  let start = 0;
  while (start < m) {
    // Chords starting at the same position share that end: query the group, then add it.
    let end = start;
    const p = first[byFirst[start]!]!;
    while (end < m && first[byFirst[end]!] === p) end++;
    for (let k = start; k < end; k++) {
      const q = second[byFirst[k]!]!;
      // Earlier chords (a < p) whose second end lies strictly between p and q.
      if (q - 1 > p) crossings += prefix(q - 1) - prefix(p);
    }
    for (let k = start; k < end; k++) add(second[byFirst[k]!]!);
    start = end;
  }
  return crossings;
}

/** Crossings of the undirected edges drawn as straight segments at positions (xs, ys). */
export function countSegmentCrossings(
  input: LayoutInput,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): number {
  const n = input.nodes.length;
  if (xs.length !== n || ys.length !== n) {
    throw new Error("graph/layouts/crossings: one position per node is needed");
  }
  const { pairA, pairB } = input;
  const m = pairA.length;
  let crossings = 0;
  for (let e = 0; e < m; e++) {
    const a = pairA[e]!;
    const b = pairB[e]!;
    for (let f = e + 1; f < m; f++) {
      const c = pairA[f]!;
      const d = pairB[f]!;
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsCross(xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!, xs[d]!, ys[d]!)) {
        crossings++;
      }
    }
  }
  return crossings;
}

/** Whether segments ab and cd cross at a point inside both (touching or collinear: no). */
function segmentsCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  const d2 = Math.sign((bx - ax) * (dy - ay) - (by - ay) * (dx - ax));
  const d3 = Math.sign((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx));
  const d4 = Math.sign((dx - cx) * (by - cy) - (dy - cy) * (bx - cx));
  return d1 * d2 < 0 && d3 * d4 < 0;
}
