/**
 * Hops: the one money model. Every deal from company A to company B folds
 * into one hop A → B, and every total, loop, flag, drawing and export reads
 * hops from here; nothing else folds deals or builds hop keys.
 *
 * The fold keeps **live** deals only (a superseded or cancelled deal is history,
 * not money) unless the caller asks to count them, and leaves self-loops out (no
 * money goes "around" them). Per hop it keeps the deal ids, the disclosed total,
 * the number of undisclosed deals, the deal types and the evidence tiers. It
 * runs on typed arrays with two stable counting sorts (an LSD radix sort on
 * (payer, payee)), so hops come out sorted by (payer, payee) in O(N + D) for N
 * companies and D deals; `describeHops` then materialises them as plain objects
 * in O(H + D). The wording of amounts ("$40 bn", "undisclosed, at most
 * $120 bn", "$8.3 bn + undisclosed") lives here too, so the panel, the graph,
 * the export and the CLI say the same thing.
 *
 * Reference: compressed sparse row format, e.g. Saad, "Iterative Methods for
 * Sparse Linear Systems" (2003), §3.4.
 */
import { formatDealAmount, formatUsdBn } from "../domain/money.ts";
import { annualAmount } from "./annualize.ts";
import {
  type AmountQualifier,
  DEAL_TYPES,
  type DealStatus,
  type DealType,
  EVIDENCE_TIERS,
  type EvidenceTier,
  WEAK_EVIDENCE_TIERS,
  isLiveStatus,
} from "../domain/schema.ts";

/** The least a deal must say to be folded: who pays whom, and how much if known. */
export interface HopEdge {
  readonly from: string;
  readonly to: string;
  readonly amountUsdBn: number | null;
  /** Absent on synthetic edges (benchmarks): counted as live. */
  readonly status?: DealStatus;
}

/** A deal as `describeHops` needs it. */
export interface DescribedEdge extends HopEdge {
  readonly id: string;
  readonly type: DealType;
  readonly amountQualifier: AmountQualifier;
  readonly evidence?: EvidenceTier;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent for undated imports. */
  readonly announced?: string;
  /** Term of a multi-year contract, when a source states it. */
  readonly horizonYears?: number;
}

export interface HopFoldOptions {
  /** Count superseded and cancelled deals too (the user ticked them). */
  readonly countNonLive: boolean;
}

export const DEFAULT_HOP_FOLD_OPTIONS: HopFoldOptions = { countNonLive: false };

/** Checks a partial options bag and throws a namespaced message on the first bad value. */
export function validateHopFoldOptions(options: Partial<HopFoldOptions>): void {
  if (options.countNonLive !== undefined && typeof options.countNonLive !== "boolean") {
    throw new Error("analysis/hops: countNonLive must be a boolean");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveHopFoldOptions(options: Partial<HopFoldOptions> = {}): HopFoldOptions {
  validateHopFoldOptions(options);
  return { ...DEFAULT_HOP_FOLD_OPTIONS, ...options };
}

/** The hop key of from → to. Company ids are slugs, so ">" never occurs in them. */
export function hopKey(from: string, to: string): string {
  return `${from}>${to}`;
}

/** The hop keys of a loop given as companies in money-flow order, closing back to the first. */
export function loopHopKeys(companies: readonly string[]): string[] {
  return companies.map((from, i) => hopKey(from, companies[(i + 1) % companies.length]!));
}

/** True when a deal counts as money: not superseded, not cancelled. */
export function isLiveDeal(deal: { readonly status?: DealStatus }): boolean {
  return deal.status === undefined || isLiveStatus(deal.status);
}

/** The folded deals, as typed arrays: hop h goes from `hopSource[h]` to `hopTarget[h]`. */
export interface HopFold {
  /** Company ids; a company's number is its position here. */
  readonly nodeIds: readonly string[];
  readonly nodeIndexById: ReadonlyMap<string, number>;
  readonly nodeCount: number;
  readonly hopCount: number;
  /** Payer and payee of each hop, hops sorted by (payer, payee). */
  readonly hopSource: Int32Array;
  readonly hopTarget: Int32Array;
  /** Sum of the disclosed amounts of each hop's deals. */
  readonly hopKnownUsdBn: Float64Array;
  /** Number of each hop's deals with no disclosed amount. */
  readonly hopUndisclosedDeals: Int32Array;
  /** Deals of hop h are `hopEdges[hopEdgeOffsets[h] .. hopEdgeOffsets[h+1]-1]` (input positions). */
  readonly hopEdgeOffsets: Int32Array;
  readonly hopEdges: Int32Array;
  /** Whether superseded and cancelled deals were counted. */
  readonly countsNonLive: boolean;
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
 * Folds deals into hops. `nodeIds` fixes the company order (e.g. the
 * dataset's); ids met only in deals are appended in order of first appearance.
 */
export function foldHops(
  edges: readonly HopEdge[],
  nodeIds: readonly string[] = [],
  options: Partial<HopFoldOptions> = {},
): HopFold {
  if (!Array.isArray(edges)) throw new Error("analysis/hops: edges must be an array");
  const { countNonLive } = resolveHopFoldOptions(options);
  // NOTE: a Map, not an object, so ids such as "constructor" or "__proto__" are plain keys.
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
  // NOTE: the given ids are set without a lookup first (a million companies feel
  // it); a repeated one, which a valid dataset never has, keeps its first number.
  for (const id of nodeIds) {
    nodeIndexById.set(id, ids.length);
    if (nodeIndexById.size > ids.length) ids.push(id);
    else nodeIndexById.set(id, ids.indexOf(id));
  }

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
    if (s !== t && (countNonLive || isLiveDeal(edge))) keptEdges[kept++] = e;
  }
  const n = ids.length;
  const byTarget = stableCountingSort(dst, keptEdges.subarray(0, kept), n);
  const sorted = stableCountingSort(src, byTarget, n);

  let hopCount = 0;
  for (let i = 0; i < kept; i++) {
    const e = sorted[i]!;
    const p = i === 0 ? -1 : sorted[i - 1]!;
    if (i === 0 || src[e] !== src[p] || dst[e] !== dst[p]) hopCount++;
  }
  const hopSource = new Int32Array(hopCount);
  const hopTarget = new Int32Array(hopCount);
  const hopKnownUsdBn = new Float64Array(hopCount);
  const hopUndisclosedDeals = new Int32Array(hopCount);
  const hopEdgeOffsets = new Int32Array(hopCount + 1);
  let h = -1;
  for (let i = 0; i < kept; i++) {
    const e = sorted[i]!;
    const p = i === 0 ? -1 : sorted[i - 1]!;
    if (i === 0 || src[e] !== src[p] || dst[e] !== dst[p]) {
      h++;
      hopSource[h] = src[e]!;
      hopTarget[h] = dst[e]!;
      hopEdgeOffsets[h] = i;
    }
    const amount = amounts[e]!;
    if (Number.isFinite(amount)) hopKnownUsdBn[h]! += amount;
    else hopUndisclosedDeals[h]!++;
  }
  hopEdgeOffsets[hopCount] = kept;
  return {
    nodeIds: ids,
    nodeIndexById,
    nodeCount: n,
    hopCount,
    hopSource,
    hopTarget,
    hopKnownUsdBn,
    hopUndisclosedDeals,
    hopEdgeOffsets,
    hopEdges: sorted.slice(0, kept),
    countsNonLive: countNonLive,
  };
}

/** One hop as the app, the export and the CLI show it. */
export interface Hop {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** Ids of the folded deals, in input order. */
  readonly dealIds: readonly string[];
  /** Sum of the disclosed amounts. */
  readonly totalUsdBn: number;
  /** Number of deals with no disclosed amount. */
  readonly undisclosedDeals: number;
  /** Distinct deal types, in DEAL_TYPES order. */
  readonly types: readonly DealType[];
  /** The type with the most disclosed dollars, then the most deals, then DEAL_TYPES order. */
  readonly dominantType: DealType;
  /** "up-to" when a disclosed amount is a ceiling, else "about" when one is approximate. */
  readonly qualifier: "exact" | "about" | "up-to";
  /** Deals per evidence tier (only tiers that occur). */
  readonly evidence: Readonly<Partial<Record<EvidenceTier, number>>>;
  /** Superseded or cancelled deals counted in this hop (only when asked for). */
  readonly nonLiveDeals: number;
  /** Disclosed dollars a year (`annualize.ts`): multi-year contracts spread over their term. */
  readonly annualUsdBn: number;
  /** Deals whose yearly amount uses the default horizon, no term being stated. */
  readonly assumedHorizonDeals: number;
  /** The amount as words: "$300 bn", "up to $100 bn", "$8.3 bn + undisclosed". */
  readonly label: string;
}

/** Every hop of a fold as a plain object, in hop order. `edges` are the folded input. */
export function describeHops(fold: HopFold, edges: readonly DescribedEdge[]): Hop[] {
  const hops: Hop[] = new Array(fold.hopCount);
  for (let h = 0; h < fold.hopCount; h++) hops[h] = describeHop(fold, h, edges);
  return hops;
}

const QUALIFIER_RANK = { exact: 0, about: 1, "up-to": 2, undisclosed: -1 } as const;

/** Hop `h` of a fold as a plain object. */
export function describeHop(fold: HopFold, h: number, edges: readonly DescribedEdge[]): Hop {
  const from = fold.nodeIds[fold.hopSource[h]!]!;
  const to = fold.nodeIds[fold.hopTarget[h]!]!;
  const dealIds: string[] = [];
  const evidence: Partial<Record<EvidenceTier, number>> = {};
  let qualifier: Hop["qualifier"] = "exact";
  let nonLiveDeals = 0;
  let annualUsdBn = 0;
  let assumedHorizonDeals = 0;
  let only: DescribedEdge | undefined;
  let firstType: DealType | undefined;
  let mixedTypes = false;
  const start = fold.hopEdgeOffsets[h]!;
  const end = fold.hopEdgeOffsets[h + 1]!;
  for (let k = start; k < end; k++) {
    const edge = edges[fold.hopEdges[k]!]!;
    only = k === start ? edge : undefined;
    dealIds.push(edge.id);
    if (firstType === undefined) firstType = edge.type;
    else if (edge.type !== firstType) mixedTypes = true;
    if (edge.amountUsdBn !== null) {
      if (QUALIFIER_RANK[edge.amountQualifier] > QUALIFIER_RANK[qualifier]) {
        qualifier = edge.amountQualifier as Hop["qualifier"];
      }
    }
    const yearly = annualAmount(edge);
    annualUsdBn += yearly.usdBnPerYear;
    if (yearly.assumedHorizon) assumedHorizonDeals++;
    const tier = edge.evidence ?? "reported";
    evidence[tier] = (evidence[tier] ?? 0) + 1;
    if (!isLiveDeal(edge)) nonLiveDeals++;
  }
  // NOTE: most hops carry one type; only a mix of types is weighed.
  const { types, dominantType } = mixedTypes
    ? weighTypes(fold, h, edges)
    : { types: firstType === undefined ? [] : [firstType], dominantType: firstType ?? "other" };
  const totalUsdBn = fold.hopKnownUsdBn[h]!;
  const undisclosedDeals = fold.hopUndisclosedDeals[h]!;
  const label =
    dealIds.length === 1 && only
      ? formatDealAmount(only.amountUsdBn, only.amountQualifier)
      : formatHopTotal({ totalUsdBn, undisclosedDeals, dealCount: dealIds.length, qualifier });
  return {
    key: hopKey(from, to),
    from,
    to,
    dealIds,
    totalUsdBn,
    undisclosedDeals,
    types,
    dominantType,
    qualifier,
    evidence,
    nonLiveDeals,
    annualUsdBn,
    assumedHorizonDeals,
    label,
  };
}

/** A hop's distinct types, in DEAL_TYPES order, and the one with the most dollars, then deals. */
function weighTypes(
  fold: HopFold,
  h: number,
  edges: readonly DescribedEdge[],
): { types: DealType[]; dominantType: DealType } {
  const usdBnByType = new Map<DealType, number>();
  const countByType = new Map<DealType, number>();
  for (let k = fold.hopEdgeOffsets[h]!; k < fold.hopEdgeOffsets[h + 1]!; k++) {
    const edge = edges[fold.hopEdges[k]!]!;
    countByType.set(edge.type, (countByType.get(edge.type) ?? 0) + 1);
    if (edge.amountUsdBn !== null) {
      usdBnByType.set(edge.type, (usdBnByType.get(edge.type) ?? 0) + edge.amountUsdBn);
    }
  }
  const types = DEAL_TYPES.filter((t) => countByType.has(t));
  let dominantType: DealType = types[0] ?? "other";
  for (const t of types) {
    const byUsd = (usdBnByType.get(t) ?? 0) - (usdBnByType.get(dominantType) ?? 0);
    const byCount = (countByType.get(t) ?? 0) - (countByType.get(dominantType) ?? 0);
    if (byUsd > 0 || (byUsd === 0 && byCount > 0)) dominantType = t;
  }
  return { types, dominantType };
}

/** True when no deal of the hop discloses an amount. */
export function isUndisclosedHop(hop: Pick<Hop, "undisclosedDeals" | "dealIds">): boolean {
  return hop.undisclosedDeals === hop.dealIds.length;
}

/** A folded total as words: "$40 bn", "up to $100 bn", "$8.3 bn + undisclosed", "undisclosed". */
export function formatHopTotal(hop: {
  readonly totalUsdBn: number;
  readonly undisclosedDeals: number;
  readonly dealCount: number;
  readonly qualifier: Hop["qualifier"];
}): string {
  if (hop.undisclosedDeals >= hop.dealCount) return "undisclosed";
  const prefix = hop.qualifier === "up-to" ? "up to " : hop.qualifier === "about" ? "about " : "";
  const amount = `${prefix}${formatUsdBn(hop.totalUsdBn)}`;
  return hop.undisclosedDeals > 0 ? `${amount} + undisclosed` : amount;
}

/** What a loop's round trip is made of (see `analysis/loops.ts`). */
export interface RoundTrip {
  readonly roundTripUsdBn: number;
  readonly roundTripCeilingUsdBn: number | null;
  readonly hasUnknownAmount: boolean;
}

/**
 * The round trip as words, the same in the panel, the export and the CLI:
 * "$40 bn"; "at least $8.3 bn" when every hop discloses something but some
 * deals on them do not (the undisclosed part can only add); "undisclosed, at
 * most $120 bn" when a hop discloses nothing (the ceiling is the smallest hop
 * that does); or "undisclosed" when no hop discloses an amount.
 */
export function formatRoundTrip(loop: RoundTrip): string {
  if (!loop.hasUnknownAmount) return formatUsdBn(loop.roundTripUsdBn);
  if (loop.roundTripUsdBn > 0) return `at least ${formatUsdBn(loop.roundTripUsdBn)}`;
  if (loop.roundTripCeilingUsdBn === null) return "undisclosed";
  return `undisclosed, at most ${formatUsdBn(loop.roundTripCeilingUsdBn)}`;
}

/** Deals below `reported` across some hops, by tier; empty when all are reported or better. */
export function weakEvidence(
  hops: readonly Pick<Hop, "evidence">[],
): Partial<Record<EvidenceTier, number>> {
  const out: Partial<Record<EvidenceTier, number>> = {};
  for (const hop of hops) {
    for (const tier of WEAK_EVIDENCE_TIERS) {
      const n = hop.evidence[tier];
      if (n) out[tier] = (out[tier] ?? 0) + n;
    }
  }
  return out;
}

const TIER_WORDS: Readonly<Record<EvidenceTier, readonly [string, string]>> = {
  filing: ["filed deal", "filed deals"],
  reported: ["reported deal", "reported deals"],
  estimate: ["estimated deal", "estimated deals"],
  inferred: ["inferred deal", "inferred deals"],
};

/** "rests on 1 inferred deal", "rests on 2 estimated deals and 1 inferred deal", or "". */
export function evidenceNote(hops: readonly Pick<Hop, "evidence">[]): string {
  const weak = weakEvidence(hops);
  const parts = EVIDENCE_TIERS.filter((t) => weak[t]).map((t) => {
    const n = weak[t]!;
    return `${n} ${TIER_WORDS[t][n === 1 ? 0 : 1]}`;
  });
  if (parts.length === 0) return "";
  return `rests on ${parts.join(" and ")}`;
}
