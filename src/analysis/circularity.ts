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
 * leaves it), its companies' share is 1. Each component of k companies is an
 * LU factorisation with partial pivoting and k solves, O(k³); components above
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
 * `a` is the k×k matrix I − Q, row-major; it is overwritten by its LU factors.
 */
function inverseDiagonal(a: Float64Array, k: number): Float64Array | null {
  const perm = new Int32Array(k);
  for (let i = 0; i < k; i++) perm[i] = i;
  for (let col = 0; col < k; col++) {
    let pivotRow = col;
    let best = Math.abs(a[col * k + col]!);
    for (let r = col + 1; r < k; r++) {
      const v = Math.abs(a[r * k + col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (best < SINGULAR) return null;
    if (pivotRow !== col) {
      for (let c = 0; c < k; c++) {
        const t = a[col * k + c]!;
        a[col * k + c] = a[pivotRow * k + c]!;
        a[pivotRow * k + c] = t;
      }
      const t = perm[col]!;
      perm[col] = perm[pivotRow]!;
      perm[pivotRow] = t;
    }
    const pivot = a[col * k + col]!;
    for (let r = col + 1; r < k; r++) {
      const factor = a[r * k + col]! / pivot;
      if (factor === 0) continue;
      a[r * k + col] = factor;
      for (let c = col + 1; c < k; c++) a[r * k + c]! -= factor * a[col * k + c]!;
    }
  }
  // Solve A x = e_j for each j and keep x_j: forward then back substitution.
  const diag = new Float64Array(k);
  const y = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      let v = perm[i] === j ? 1 : 0;
      for (let c = 0; c < i; c++) v -= a[i * k + c]! * y[c]!;
      y[i] = v;
    }
    for (let i = k - 1; i >= j; i--) {
      let v = y[i]!;
      for (let c = i + 1; c < k; c++) v -= a[i * k + c]! * y[c]!;
      y[i] = v / a[i * k + i]!;
    }
    diag[j] = y[j]!;
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
