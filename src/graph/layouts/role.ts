/**
 * Role layout: companies in columns by what they do, so money mostly flows
 * left to right: lenders and investors, then AI labs, then clouds and data
 * centres, then chipmakers. A loop shows as an arc coming back leftwards.
 *
 * Columns come from the company `kind`. Vehicles (SPVs, joint ventures, funds)
 * join the clouds and data centres, which is what the vehicles of this data
 * hold. A company of kind `other` joins the column where its flows go most
 * forwards: each candidate column costs 1 per flow that would run backwards
 * (right to left), 0.5 per flow inside the column, plus 0.25 per column of
 * distance to each counterparty; the cheapest wins, leftmost on ties. Their
 * first place is guessed from their own flows (a company that only pays starts
 * left, one that is only paid starts right), so a dataset whose companies are
 * all `other` (a CSV edge list) still reads in the money's direction.
 *
 * Within each column the order cuts crossings by barycentre sweeps (Sugiyama
 * et al.): columns are visited left to right, then right to left, and each
 * company moves to the weighted mean height of its counterparties in other
 * columns (weight 1 / column distance); the order with fewest crossing
 * straight edges is kept (counted while E ≤ ROLE_COUNT_MAX_EDGES). The
 * columns span the layout extent; a column is as tall as its companies need
 * (radii plus NODE_MARGIN), and one taller than ROLE_MAX_COLUMN_HEIGHT times
 * the width is split into staggered lanes, so discs never overlap.
 * O(R · (N log N + E)) for R sweeps, plus O(R · E²) for the crossing counts.
 *
 * Reference: K. Sugiyama, S. Tagawa, M. Toda, "Methods for visual
 * understanding of hierarchical system structures", IEEE SMC 11(2), 1981.
 */
import { COMPANY_KINDS, type CompanyKind } from "../../domain/schema.ts";
import { NODE_MARGIN, layoutExtent } from "../layout.ts";
import type { Positions } from "../positions.ts";
import { countSegmentCrossings } from "./crossings.ts";
import { type LayoutInput, neighboursOf } from "./layoutInput.ts";

/** The columns, left to right, with the company kinds each holds. */
export const ROLE_COLUMNS = [
  { label: "Lenders and investors", kinds: ["lender", "investor"] },
  { label: "AI labs", kinds: ["ai-lab"] },
  {
    label: "Clouds and data centres",
    kinds: ["hyperscaler", "neocloud", "datacenter-developer", "vehicle"],
  },
  { label: "Chipmakers", kinds: ["chipmaker"] },
] as const satisfies readonly { label: string; kinds: readonly CompanyKind[] }[];

/** Barycentre sweeps (each one left to right or right to left). */
export const ROLE_SWEEPS = 12;
/** Above this many edges the sweeps run without counting crossings (O(E²) each). */
export const ROLE_COUNT_MAX_EDGES = 1500;

/**
 * A column may grow to this many times the picture's width before it splits
 * into lanes. NOTE: on the default dataset the clouds and data centres column
 * holds 44 companies; in one lane, ~1.2 × the width, the view shows each
 * label on its own line, where two lanes halved the spacing.
 */
export const ROLE_MAX_COLUMN_HEIGHT = 1.5;

const KIND_COLUMN = new Map<CompanyKind, number>(
  ROLE_COLUMNS.flatMap((column, c) => column.kinds.map((kind) => [kind, c] as const)),
);
const KIND_RANK = new Map<CompanyKind, number>(COMPANY_KINDS.map((k, i) => [k, i]));

/** The column of a kind, or null for a kind placed by its flows (`other`). */
export function roleColumnOfKind(kind: CompanyKind): number | null {
  return KIND_COLUMN.get(kind) ?? null;
}

/** Each company's column, 0 (left) to ROLE_COLUMNS.length − 1. */
export function roleColumns(input: LayoutInput): Int32Array {
  const n = input.nodes.length;
  const column = new Int32Array(n).fill(-1);
  input.nodes.forEach((node, i) => {
    column[i] = roleColumnOfKind(node.kind) ?? -1;
  });
  const payees: number[][] = Array.from({ length: n }, () => []);
  const payers: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < input.from.length; e++) {
    payees[input.from[e]!]!.push(input.to[e]!);
    payers[input.to[e]!]!.push(input.from[e]!);
  }
  const free = [...column.keys()].filter((i) => column[i] === -1);
  // A first guess from the company's own flows (payers left, payees right), so a
  // dataset of `other` companies alone is still laid out in the money's direction.
  const last = ROLE_COLUMNS.length - 1;
  for (const i of free) {
    const ins = payers[i]!.length;
    const outs = payees[i]!.length;
    column[i] = ins + outs > 0 ? Math.round((last * ins) / (ins + outs)) : 1;
  }
  // Two passes: the second sees the free companies placed by the first.
  const placed = Int32Array.from(column);
  for (let pass = 0; pass < 2; pass++) {
    for (const i of free) {
      let best = -1;
      let bestCost = Infinity;
      for (let c = 0; c < ROLE_COLUMNS.length; c++) {
        let cost = 0;
        for (const j of payers[i]!) {
          const cj = placed[j]!;
          if (cj !== -1) cost += (cj > c ? 1 : cj === c ? 0.5 : 0) + 0.25 * Math.abs(cj - c);
        }
        for (const j of payees[i]!) {
          const cj = placed[j]!;
          if (cj !== -1) cost += (cj < c ? 1 : cj === c ? 0.5 : 0) + 0.25 * Math.abs(cj - c);
        }
        if (cost < bestCost) {
          best = c;
          bestCost = cost;
        }
      }
      column[i] = best;
    }
    for (const i of free) placed[i] = column[i]!;
  }
  return column;
}

export interface RoleOptions {
  /** Width of the picture (first to last column) in graph units; 0 for the layout extent. */
  readonly extent: number;
  readonly sweeps: number;
}

export const DEFAULT_ROLE_OPTIONS: RoleOptions = { extent: 0, sweeps: ROLE_SWEEPS };

/** Checks a partial options bag; throws a namespaced message on the first bad value. */
export function validateRoleOptions(options: Partial<RoleOptions>): void {
  const { extent, sweeps } = options;
  if (extent !== undefined && !(Number.isFinite(extent) && extent >= 0)) {
    throw new Error("graph/layouts/role: extent must be a finite number >= 0");
  }
  if (sweeps !== undefined && !(Number.isInteger(sweeps) && sweeps >= 0)) {
    throw new Error("graph/layouts/role: sweeps must be an integer >= 0");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveRoleOptions(options: Partial<RoleOptions> = {}): RoleOptions {
  validateRoleOptions(options);
  return { ...DEFAULT_ROLE_OPTIONS, ...options };
}

/** Positions in columns, keyed by node key, centred on 0. */
export function roleLayout(input: LayoutInput, options: Partial<RoleOptions> = {}): Positions {
  const { extent: wanted, sweeps } = resolveRoleOptions(options);
  const n = input.nodes.length;
  const positions: Positions = Object.create(null) as Positions;
  if (n === 0) return positions;
  const extent = wanted || layoutExtent(n);
  const column = roleColumns(input);
  const columnCount = ROLE_COLUMNS.length;
  const columnGap = extent / (columnCount - 1);
  // Start order in each column: by kind, then dataset order.
  const members: number[][] = Array.from({ length: columnCount }, () => []);
  for (let i = 0; i < n; i++) members[column[i]!]!.push(i);
  for (const list of members) {
    list.sort(
      (a, b) =>
        (KIND_RANK.get(input.nodes[a]!.kind) ?? 0) - (KIND_RANK.get(input.nodes[b]!.kind) ?? 0) ||
        a - b,
    );
  }
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const place = (c: number) =>
    placeColumn(input, members[c]!, c * columnGap, extent * ROLE_MAX_COLUMN_HEIGHT, xs, ys);
  for (let c = 0; c < columnCount; c++) place(c);

  const count = input.pairA.length <= ROLE_COUNT_MAX_EDGES;
  let best = members.map((list) => [...list]);
  let bestCrossings = count ? countSegmentCrossings(input, xs, ys) : Infinity;
  const key = new Float64Array(n);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const forward = sweep % 2 === 0;
    for (let k = 0; k < columnCount; k++) {
      const c = forward ? k : columnCount - 1 - k;
      const list = members[c]!;
      for (const i of list) {
        let sum = 0;
        let weight = 0;
        for (const j of neighboursOf(input, i)) {
          const distance = Math.abs(column[j]! - c);
          if (distance === 0) continue;
          sum += ys[j]! / distance;
          weight += 1 / distance;
        }
        key[i] = weight > 0 ? sum / weight : ys[i]!;
      }
      const rank = new Map(list.map((i, r) => [i, r]));
      list.sort((a, b) => key[b]! - key[a]! || rank.get(a)! - rank.get(b)!);
      place(c);
    }
    if (count) {
      const crossings = countSegmentCrossings(input, xs, ys);
      if (crossings < bestCrossings) {
        bestCrossings = crossings;
        best = members.map((list) => [...list]);
      }
    } else best = members.map((list) => [...list]);
  }
  for (let c = 0; c < columnCount; c++) {
    members[c] = best[c]!;
    place(c);
  }
  for (let i = 0; i < n; i++) {
    positions[input.nodes[i]!.key] = { x: xs[i]! - extent / 2, y: ys[i]! };
  }
  return positions;
}

/**
 * Places one column's companies top to bottom (rank 0 highest), in as many
 * staggered lanes as keep the column within `height`. Consecutive companies
 * sit in different lanes, a lane gap apart; companies in the same lane keep
 * their radii plus NODE_MARGIN apart.
 */
function placeColumn(
  input: LayoutInput,
  list: readonly number[],
  x: number,
  height: number,
  xs: Float64Array,
  ys: Float64Array,
): void {
  if (list.length === 0) return;
  let sizeSum = 0;
  let maxSize = 0;
  for (const i of list) {
    sizeSum += input.nodes[i]!.size;
    maxSize = Math.max(maxSize, input.nodes[i]!.size);
  }
  const pitch = (2 * sizeSum) / list.length + NODE_MARGIN;
  const lanes = Math.max(1, Math.ceil((list.length * pitch) / height));
  const laneGap = 2 * maxSize + NODE_MARGIN;
  const step = pitch / lanes;
  const y = new Float64Array(list.length);
  for (let r = 0; r < list.length; r++) {
    const size = input.nodes[list[r]!]!.size;
    let at = r === 0 ? 0 : y[r - 1]! + step;
    if (r >= lanes) {
      const above = r - lanes;
      at = Math.max(at, y[above]! + input.nodes[list[above]!]!.size + size + NODE_MARGIN);
    }
    y[r] = at;
  }
  const middle = y[list.length - 1]! / 2;
  list.forEach((i, r) => {
    xs[i] = x + ((r % lanes) - (lanes - 1) / 2) * laneGap;
    // Graph y points up: rank 0 at the top.
    ys[i] = middle - y[r]!;
  });
}
