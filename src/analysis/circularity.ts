/**
 * Circularity index: how much of the money flowing through these companies
 * comes back round (Finn's cycling index).
 *
 * On live disclosed dollars: f_ij is what i pays j; T_i = max(inflow_i,
 * outflow_i) is i's throughflow (the difference enters or leaves the network);
 * Q_ij = f_ij / T_i; N = (I − Q)⁻¹. The cycled share of company i is
 * (N_ii − 1) / N_ii, the part of its throughflow that comes back to it, and the
 * index is Σ_i share_i · T_i / Σ_i T_i: a share of throughflow, not of the sum
 * of deals. A walk from i back to i never leaves i's strongly connected
 * component, so N_ii is computed per component: a company outside every loop
 * has share 0. Where I − Q is singular for a component (nothing enters or
 * leaves it), its companies' share is 1. Each component of k companies is a
 * sparse elimination (see `inverseDiagonal`), O(k³) at worst; components above
 * `maxExactSize` companies are not estimated, and the index then says it was
 * not computed, and why.
 *
 * Reference: J. T. Finn, "Measures of ecosystem structure and function derived
 * from analysis of flows", J. Theor. Biol. 56:363–380 (1976); the cycling index
 * as computed by the NetIndices package (K. Soetaert, J. Kones, 2006).
 */
import type { FlowIndex } from "./flowIndex.ts";
import type { SccResult } from "./scc.ts";

export interface CircularityOptions {
  /** Largest component computed exactly (an O(k³) factorisation). */
  readonly maxExactSize: number;
}

export const DEFAULT_CIRCULARITY_OPTIONS: CircularityOptions = { maxExactSize: 2000 };

/** Checks a partial options bag and throws a namespaced message on the first bad value. */
export function validateCircularityOptions(options: Partial<CircularityOptions>): void {
  const m = options.maxExactSize;
  if (m !== undefined && (!Number.isInteger(m) || m < 1)) {
    throw new Error("analysis/circularity: maxExactSize must be an integer >= 1");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveCircularityOptions(
  options: Partial<CircularityOptions> = {},
): CircularityOptions {
  validateCircularityOptions(options);
  return { ...DEFAULT_CIRCULARITY_OPTIONS, ...options };
}

export type Circularity =
  | {
      readonly computed: true;
      /** Share of all throughflow that comes back round, 0..1. */
      readonly index: number;
      /** Each company's cycled share, 0..1, by company id (companies with throughflow). */
      readonly byCompany: ReadonlyMap<string, number>;
      /** Sum of throughflows, US$ bn. */
      readonly throughflowUsdBn: number;
    }
  | { readonly computed: false; readonly reason: string };

/** Pivots this small (relative to the unit diagonal) mean I − Q is singular. */
const SINGULAR = 1e-10;

/**
 * Diagonal of (I − Q)⁻¹ for one component, or null when I − Q is singular.
 * `a` is the k×k matrix I − Q, row-major; it is overwritten.
 *
 * I − Q is a row diagonally dominant Z-matrix (each row of Q sums to at most
 * 1), so Gaussian elimination needs no pivoting and may take the companies in
 * any order: it takes them by minimum degree, which keeps the fill of a sparse
 * network of deals small. The diagonal of the inverse is then read off the
 * factors by the Takahashi recurrences, touching only the filled pattern:
 * O(Σ|Pᵢ|²) for the fill pattern Pᵢ of each company, instead of O(k³).
 *
 * References: K. Takahashi, J. Fagan, M.-S. Chin, "Formation of a sparse bus
 * impedance matrix and its application to short circuit study" (1973);
 * A. George, J. W. H. Liu, "The evolution of the minimum degree ordering
 * algorithm", SIAM Review 31:1–19 (1989).
 */
function inverseDiagonal(a: Float64Array, k: number): Float64Array | null {
  // A symmetric structural pattern (fill included), off the diagonal.
  const struct = new Uint8Array(k * k);
  const degree = new Int32Array(k);
  const link = (r: number, c: number) => {
    if (struct[r * k + c] === 1) return;
    struct[r * k + c] = 1;
    struct[c * k + r] = 1;
    degree[r]!++;
    degree[c]!++;
  };
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) if (r !== c && a[r * k + c] !== 0) link(r, c);
  }
  const done = new Uint8Array(k);
  const order = new Int32Array(k);
  const patterns: Int32Array[] = new Array(k);
  const scratch = new Int32Array(k);
  for (let step = 0; step < k; step++) {
    let p = -1;
    for (let v = 0; v < k; v++) if (done[v] === 0 && (p < 0 || degree[v]! < degree[p]!)) p = v;
    let size = 0;
    for (let v = 0; v < k; v++) if (done[v] === 0 && struct[p * k + v] === 1) scratch[size++] = v;
    const pattern = scratch.slice(0, size);
    const pivot = a[p * k + p]!;
    if (!(pivot >= SINGULAR)) return null;
    for (const r of pattern) {
      const factor = a[r * k + p]! / pivot;
      a[r * k + p] = factor;
      if (factor === 0) continue;
      for (const c of pattern) a[r * k + c]! -= factor * a[p * k + c]!;
    }
    for (const r of pattern) {
      degree[r]!--;
      for (const c of pattern) if (r < c) link(r, c);
    }
    done[p] = 1;
    order[step] = p;
    patterns[p] = pattern;
  }
  // Z = (I − Q)⁻¹ on the pattern, last company eliminated first, in place of the factors.
  const diag = new Float64Array(k);
  const upper = new Float64Array(k);
  const lower = new Float64Array(k);
  for (let step = k - 1; step >= 0; step--) {
    const p = order[step]!;
    const pattern = patterns[p]!;
    const pivot = a[p * k + p]!;
    for (const m of pattern) {
      upper[m] = a[p * k + m]! / pivot;
      lower[m] = a[m * k + p]!;
    }
    for (const r of pattern) {
      let z = 0;
      for (const m of pattern) z -= a[r * k + m]! * lower[m]!;
      a[r * k + p] = z;
    }
    for (const c of pattern) {
      let z = 0;
      for (const m of pattern) z -= upper[m]! * a[m * k + c]!;
      a[p * k + c] = z;
    }
    let zpp = 1 / pivot;
    for (const m of pattern) zpp -= upper[m]! * a[m * k + p]!;
    a[p * k + p] = zpp;
    diag[p] = zpp;
  }
  return diag;
}

/** Finn's cycling index of the index's disclosed live flows. */
export function circularityIndex(
  index: FlowIndex,
  scc: SccResult,
  options: Partial<CircularityOptions> = {},
): Circularity {
  const { maxExactSize } = resolveCircularityOptions(options);
  const n = index.nodeCount;
  const inflow = new Float64Array(n);
  const outflow = new Float64Array(n);
  for (let h = 0; h < index.hopCount; h++) {
    const usdBn = index.hopKnownUsdBn[h]!;
    outflow[index.hopSource[h]!]! += usdBn;
    inflow[index.hopTarget[h]!]! += usdBn;
  }
  const through = new Float64Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) {
    through[v] = Math.max(inflow[v]!, outflow[v]!);
    total += through[v]!;
  }
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    if (scc.componentSize[scc.componentOf[v]!]! < 2 || through[v] === 0) continue;
    const c = scc.componentOf[v]!;
    const list = members.get(c) ?? [];
    list.push(v);
    members.set(c, list);
  }
  let largest = 0;
  for (const list of members.values()) largest = Math.max(largest, list.length);
  if (largest > maxExactSize) {
    return {
      computed: false,
      reason: `the largest group of companies that money can go round has ${largest.toLocaleString("en-US")} members; the exact index is computed up to ${maxExactSize.toLocaleString("en-US")}`,
    };
  }
  const share = new Float64Array(n);
  const position = new Int32Array(n).fill(-1);
  for (const list of members.values()) {
    const k = list.length;
    list.forEach((v, i) => (position[v] = i));
    const a = new Float64Array(k * k);
    for (let i = 0; i < k; i++) a[i * k + i] = 1;
    for (const v of list) {
      const i = position[v]!;
      for (let h = index.outOffsets[v]!; h < index.outOffsets[v + 1]!; h++) {
        const j = position[index.hopTarget[h]!]!;
        if (j < 0 || scc.componentOf[index.hopTarget[h]!] !== scc.componentOf[v]) continue;
        a[i * k + j]! -= index.hopKnownUsdBn[h]! / through[v]!;
      }
    }
    const diag = inverseDiagonal(a, k);
    for (const v of list) {
      const nii = diag ? diag[position[v]!]! : Infinity;
      share[v] = nii === Infinity ? 1 : Math.min(1, Math.max(0, (nii - 1) / nii));
    }
    for (const v of list) position[v] = -1;
  }
  const byCompany = new Map<string, number>();
  let cycled = 0;
  for (let v = 0; v < n; v++) {
    if (through[v] === 0) continue;
    byCompany.set(index.nodeIds[v]!, share[v]!);
    cycled += share[v]! * through[v]!;
  }
  return {
    computed: true,
    index: total > 0 ? cycled / total : 0,
    byCompany,
    throughflowUsdBn: total,
  };
}

/** "23% of the money flowing through these companies comes back round", or why it is not known. */
export function formatCircularity(c: Circularity): string {
  if (!c.computed) return `The circularity index was not computed: ${c.reason}.`;
  const pct = Math.round(c.index * 100);
  const shown = pct === 0 && c.index > 0 ? "under 1%" : `${pct}%`;
  return `${shown} of the money flowing through these companies comes back round`;
}
