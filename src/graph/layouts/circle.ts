/**
 * Circle layout: companies evenly spaced on a ring, ordered to cut the number
 * of crossing edges.
 *
 * Finding the ring order with fewest crossings is NP-hard, so the order is a
 * heuristic, deterministic in every tie: two starts (the dataset order, and a
 * greedy order that appends next the company with most neighbours already
 * placed, then fewest still unplaced), each improved by circular sifting
 * (every company in turn is moved to the ring position where it crosses
 * least, the change in crossings computed swap by swap), and the start with
 * fewer crossings is kept, so the result never has more crossings than the
 * dataset order. When a loop is selected its members are one block, in loop
 * order, placed as a single company and then opened at the rotation that
 * crosses least; the block is centred at the top of the ring and spread over
 * about a quarter of it. Sifting costs O(E²) a pass; passes stop when nothing
 * improves or a work budget is spent. The ring goes clockwise from the top,
 * with its diameter the layout extent (wider when the companies would not fit
 * side by side).
 *
 * Reference: M. Baur, U. Brandes, "Crossing Reduction in Circular Layouts",
 * WG 2004 (greedy order and circular sifting).
 */
import { NODE_MARGIN, layoutExtent } from "../layout.ts";
import type { Positions } from "../positions.ts";
import { countRingCrossings } from "./crossings.ts";
import { type Adjacency, type LayoutInput, buildAdjacency, neighboursOf } from "./layoutInput.ts";

export interface CircleOptions {
  /** Node keys of the selected loop, in loop order; they are drawn side by side. Empty for none. */
  readonly loop: readonly string[];
  /** Ring diameter in graph units; 0 for the layout extent of the graph's size. */
  readonly extent: number;
  /** Most sifting passes over all companies. */
  readonly maxPasses: number;
}

export const DEFAULT_CIRCLE_OPTIONS: CircleOptions = { loop: [], extent: 0, maxPasses: 8 };

/**
 * A selected loop takes about 1 / (1 + this) of the ring (a quarter), however
 * many companies the rest holds. NOTE: on the default dataset's 77-company
 * ring, three loop members in plain slots sit 41 units apart, and their label
 * boxes cover each other when the loop is framed.
 */
export const LOOP_SHARE_DIVISOR = 3;

/**
 * Swap evaluations a sifting run may spend in all (≈ 4·E² a pass). NOTE: a
 * pass over 2,500 edges costs about 25 million, a few hundred ms in Chromium,
 * so large graphs get one pass and the default dataset gets all of them.
 */
export const SIFTING_WORK_BUDGET = 40_000_000;

/** Checks a partial options bag; throws a namespaced message on the first bad value. */
export function validateCircleOptions(options: Partial<CircleOptions>): void {
  const { loop, extent, maxPasses } = options;
  if (loop !== undefined && (!Array.isArray(loop) || loop.some((k) => typeof k !== "string"))) {
    throw new Error("graph/layouts/circle: loop must be an array of node keys");
  }
  if (loop !== undefined && new Set(loop).size !== loop.length) {
    throw new Error("graph/layouts/circle: loop must not repeat a node");
  }
  if (extent !== undefined && !(Number.isFinite(extent) && extent >= 0)) {
    throw new Error("graph/layouts/circle: extent must be a finite number >= 0");
  }
  if (maxPasses !== undefined && !(Number.isInteger(maxPasses) && maxPasses >= 0)) {
    throw new Error("graph/layouts/circle: maxPasses must be an integer >= 0");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveCircleOptions(options: Partial<CircleOptions> = {}): CircleOptions {
  validateCircleOptions(options);
  return { ...DEFAULT_CIRCLE_OPTIONS, ...options };
}

/** The ring order: the node index at each position, clockwise from the top. */
export function circleOrder(input: LayoutInput, options: Partial<CircleOptions> = {}): Int32Array {
  const { loop, maxPasses } = resolveCircleOptions(options);
  const n = input.nodes.length;
  if (n <= 2) return Int32Array.from({ length: n }, (_, i) => i);
  const index = new Map(input.nodes.map((node, i) => [node.key, i]));
  const members = loop.map((k) => index.get(k)).filter((i): i is number => i !== undefined);
  const block = members.length >= 2 ? members : [];
  // Units: the loop's members are one unit, every other company its own.
  const unitOf = new Int32Array(n).fill(-1);
  let units = 0;
  for (let i = 0; i < n; i++) {
    if (unitOf[i] !== -1) continue;
    if (block.includes(i)) for (const m of block) unitOf[m] = units;
    else unitOf[i] = units;
    units++;
  }
  const unitGraph = buildAdjacency(
    units,
    Array.from(input.pairA, (a, e) => [unitOf[a]!, unitOf[input.pairB[e]!]!] as const),
  );
  const passes = Math.min(
    maxPasses,
    Math.max(1, Math.floor(SIFTING_WORK_BUDGET / (4 * unitGraph.pairA.length ** 2 + 1))),
  );
  const starts = [Int32Array.from({ length: units }, (_, u) => u), greedyOrder(unitGraph)];
  let best: Int32Array | null = null;
  let bestCrossings = Infinity;
  for (const start of starts) {
    const sifted = sift(unitGraph, start, passes);
    const crossings = countRingCrossings(unitGraph, sifted);
    if (crossings < bestCrossings) {
      best = sifted;
      bestCrossings = crossings;
    }
  }
  const blockUnit = block.length > 0 ? unitOf[block[0]!]! : -1;
  return expandBlock(input, best!, unitOf, blockUnit, block);
}

/** Positions on the ring, keyed by node key; a selected loop is centred at the top. */
export function circleLayout(input: LayoutInput, options: Partial<CircleOptions> = {}): Positions {
  const resolved = resolveCircleOptions(options);
  const n = input.nodes.length;
  const positions: Positions = Object.create(null) as Positions;
  if (n === 0) return positions;
  if (n === 1) {
    positions[input.nodes[0]!.key] = { x: 0, y: 0 };
    return positions;
  }
  const order = circleOrder(input, resolved);
  const extent = resolved.extent || layoutExtent(n);
  const loopKeys = new Set(resolved.loop);
  const marked = Array.from(order, (node) => loopKeys.has(input.nodes[node]!.key));
  // A loop of fewer than two drawn companies is no block: nothing is set apart.
  const inLoop = marked.filter(Boolean).length >= 2 ? marked : marked.map(() => false);
  const k = inLoop.filter(Boolean).length;
  // A selected loop gets about a quarter of the ring, so its labels have room.
  const loopWeight = k > 0 ? Math.max(1, (n - k) / (LOOP_SHARE_DIVISOR * k)) : 1;
  const weights = inLoop.map((member) => (member ? loopWeight : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  // Wide enough for the discs side by side in each of the two arcs.
  let loopAround = 0;
  let restAround = 0;
  order.forEach((node, p) => {
    const room = 2 * input.nodes[node]!.size + NODE_MARGIN;
    if (inLoop[p]) loopAround += room;
    else restAround += room;
  });
  const arc = (share: number) => 2 * Math.PI * share;
  const radius = Math.max(
    extent / 2,
    k < n ? restAround / arc((n - k) / total) : 0,
    k > 0 ? loopAround / arc((k * loopWeight) / total) : 0,
  );
  const before = new Float64Array(n);
  for (let p = 1; p < n; p++) before[p] = before[p - 1]! + weights[p - 1]!;
  // The slot at the top: the loop block's middle (expandBlock keeps it from wrapping), or slot 0.
  const first = inLoop.indexOf(true);
  const last = inLoop.lastIndexOf(true);
  const centre = k > 0 ? (before[first]! + before[last]! + weights[last]!) / 2 : weights[0]! / 2;
  order.forEach((node, p) => {
    const middle = before[p]! + weights[p]! / 2;
    const angle = Math.PI / 2 - (2 * Math.PI * (middle - centre)) / total;
    positions[input.nodes[node]!.key] = {
      x: radius * Math.cos(angle),
      y: radius * Math.sin(angle),
    };
  });
  return positions;
}

/**
 * Baur–Brandes greedy start: begin with the unit of highest degree, then
 * append the unit with most placed neighbours (ties: fewest unplaced
 * neighbours, then lowest index). O(U² + E).
 */
function greedyOrder(graph: Adjacency): Int32Array {
  const u = graph.order;
  const placedNeighbours = new Int32Array(u);
  const placed = new Uint8Array(u);
  const order = new Int32Array(u);
  const degree = (v: number) => graph.offsets[v + 1]! - graph.offsets[v]!;
  for (let k = 0; k < u; k++) {
    let pick = -1;
    for (let v = 0; v < u; v++) {
      if (placed[v]) continue;
      if (pick === -1) {
        pick = v;
        continue;
      }
      const a = placedNeighbours[v]!;
      const b = placedNeighbours[pick]!;
      if (a > b) pick = v;
      else if (a === b) {
        // With nothing placed nearby (a new component), the busiest unit starts it.
        const better = a === 0 ? degree(v) > degree(pick) : degree(v) - a < degree(pick) - b;
        if (better) pick = v;
      }
    }
    order[k] = pick;
    placed[pick] = 1;
    for (const w of neighboursOf(graph, pick)) placedNeighbours[w]!++;
  }
  return order;
}

/**
 * Circular sifting: each unit in turn (in the order of the pass's start) is
 * taken out and put back where it crosses least. Moving v past its clockwise
 * neighbour u flips every pair of edges (v,w), (u,z) with w ≠ z from crossing
 * to not crossing and back, so the change is (pairs not crossing) − (pairs
 * crossing), found in O(deg v · deg u).
 */
function sift(graph: Adjacency, start: Int32Array, passes: number): Int32Array {
  const u = graph.order;
  let order = Int32Array.from(start);
  if (u < 4 || graph.pairA.length < 2) return order;
  const rank = new Int32Array(u);
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    const sequence = Int32Array.from(order);
    for (const v of sequence) {
      if (graph.offsets[v + 1] === graph.offsets[v]) continue;
      // The others, clockwise from the one after v.
      const at = order.indexOf(v);
      const others = new Int32Array(u - 1);
      for (let k = 0; k < u - 1; k++) others[k] = order[(at + 1 + k) % u]!;
      for (let k = 0; k < u - 1; k++) rank[others[k]!] = k;
      const nv = neighboursOf(graph, v);
      let cumulative = 0;
      let best = 0;
      let bestGap = 0;
      for (let g = 0; g < u - 1; g++) {
        const w0 = others[g]!;
        const nu = neighboursOf(graph, w0);
        // Ranks relative to w0: positions after w0, clockwise, among the others.
        let crossing = 0;
        let apart = 0;
        for (const w of nv) {
          if (w === w0) continue;
          const rw = (rank[w]! - g - 1 + (u - 1)) % (u - 1);
          for (const z of nu) {
            if (z === v || z === w) continue;
            const rz = (rank[z]! - g - 1 + (u - 1)) % (u - 1);
            if (rw < rz) crossing++;
            else apart++;
          }
        }
        cumulative += apart - crossing;
        if (cumulative < best) {
          best = cumulative;
          bestGap = g + 1;
        }
      }
      if (best < 0) {
        const next = new Int32Array(u);
        next.set(others.subarray(0, bestGap), 0);
        next[bestGap] = v;
        next.set(others.subarray(bestGap), bestGap + 1);
        order = next;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return order;
}

/**
 * Replaces the loop's unit by its members in loop order, at the rotation of
 * the loop with fewest crossings, and turns the ring so the block does not
 * wrap past position 0.
 */
function expandBlock(
  input: LayoutInput,
  unitOrder: Int32Array,
  unitOf: Int32Array,
  blockUnit: number,
  block: readonly number[],
): Int32Array {
  const n = input.nodes.length;
  const representative = new Int32Array(unitOrder.length);
  for (let i = n - 1; i >= 0; i--) representative[unitOf[i]!] = i;
  if (blockUnit === -1) return Int32Array.from(unitOrder, (unit) => representative[unit]!);
  const at = unitOrder.indexOf(blockUnit);
  // Start the ring just after the block's unit... then the block closes it: no wrap.
  const rest: number[] = [];
  for (let k = 1; k < unitOrder.length; k++) {
    rest.push(representative[unitOrder[(at + k) % unitOrder.length]!]!);
  }
  let best: Int32Array | null = null;
  let bestCrossings = Infinity;
  for (let r = 0; r < block.length; r++) {
    const rotated = [...block.slice(r), ...block.slice(0, r)];
    const candidate = Int32Array.from([...rest, ...rotated]);
    const crossings = countRingCrossings(input, candidate);
    if (crossings < bestCrossings) {
      best = candidate;
      bestCrossings = crossings;
    }
  }
  return best!;
}
