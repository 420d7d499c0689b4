/**
 * Contagion stress test: what happens if one or more companies pay only part
 * of what they committed.
 *
 * Modelling assumption, stated plainly: announced commitments are treated as if
 * they were debts owed, payer → payee, **a year at a time**: a multi-year
 * contract counts amount / horizon a year (a stated horizon, else 5 years, said
 * so), a one-off deal (equity, a purchase) counts once (`annualize.ts`), and
 * undisclosed amounts count as 0.
 *
 * 1. Sequential default cascade (Furfine 2003). The shocked companies fail to
 *    pay a share `shortfall` of every outgoing yearly commitment. Each
 *    counterparty loses the unpaid share of what was owed to it that year. A
 *    company's loss is measured against a buffer, the first it has of: reported
 *    shareholders' equity, cash, annual revenue, else its in-data inflows a
 *    year. A company whose loss exceeds
 *    `threshold` of its buffer becomes distressed and in turn cuts its own
 *    outgoing payments in proportion to its loss (loss / buffer, at most 100%).
 *    Rounds repeat until nothing changes. Losses only grow from round to round,
 *    so the cascade converges; each round is O(E) over the hops whose payer
 *    changed, so a scenario is O(R·E) for R rounds.
 * 2. DebtRank (Battiston et al. 2012): every company passes stress on once.
 *    Impact of i on j is the relative equity loss W_ij = min(1, owed_ij / buffer_j)
 *    (owed a year, against the same buffer); stress h_j grows by
 *    Σ W_ij·h_i from companies distressed in the previous step, capped at 1.
 *    The score is the economic value lost (stress × share of all disclosed
 *    flows) beyond the initial shock. O(steps·E).
 *
 * Reference: C. Furfine, "Interbank Exposures: Quantifying the Risk of
 * Contagion", J. Money, Credit and Banking 35(1), 2003; S. Battiston et al.,
 * "DebtRank: Too Central to Fail?", Scientific Reports 2:541, 2012.
 */
import type { Dataset } from "../domain/schema.ts";
import {
  factsByCompany,
  latestCashFact,
  latestEquityFact,
  latestRevenueFact,
} from "./companyFacts.ts";
import type { FlowIndex } from "./flowIndex.ts";
import { type Hop, hopKey } from "./hops.ts";

export interface StressOptions {
  /** Ids of the companies that fail to pay. */
  readonly shocked: readonly string[];
  /** Share of their outgoing commitments they fail to pay, 0..1. */
  readonly shortfall: number;
  /** Loss / buffer above which a company becomes distressed, 0..1. */
  readonly threshold: number;
}

export const DEFAULT_STRESS_OPTIONS: StressOptions = { shocked: [], shortfall: 1, threshold: 0.25 };
const MAX_ROUNDS = 10_000;
const EPSILON = 1e-12;

/** Checks a partial options bag; throws a namespaced message on the first bad value. */
export function validateStressOptions(options: Partial<StressOptions>): void {
  const { shortfall, threshold, shocked } = options;
  if (shortfall !== undefined && !(shortfall >= 0 && shortfall <= 1)) {
    throw new Error("analysis/stress: shortfall must be a number from 0 to 1");
  }
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new Error("analysis/stress: threshold must be a number from 0 to 1");
  }
  if (shocked !== undefined && !Array.isArray(shocked)) {
    throw new Error("analysis/stress: shocked must be a list of company ids");
  }
}

/** Merges options with the defaults after validating them. */
export function resolveStressOptions(options: Partial<StressOptions> = {}): StressOptions {
  validateStressOptions(options);
  return { ...DEFAULT_STRESS_OPTIONS, ...options };
}

export const BUFFER_SOURCES = ["equity", "cash", "revenue", "inflows", "none"] as const;
export type BufferSource = (typeof BUFFER_SOURCES)[number];

export interface StressBuffers {
  /** What each hop's payer owes its payee a year (US$ bn), hop by hop. */
  readonly exposureUsdBn: Float64Array;
  /** Hops whose yearly amount uses the default horizon, no term being stated. */
  readonly assumedHorizonHops: number;
  /** 1 for each hop whose yearly amount uses the default horizon. */
  readonly assumedHorizon: Uint8Array;
  readonly bufferUsdBn: Float64Array;
  readonly source: readonly BufferSource[];
  /** The fact each buffer comes from (null for in-data inflows or none), by node. */
  readonly bufferFactId: readonly (string | null)[];
  /** The period of that fact, e.g. "2025-08-31" or "FY2025". */
  readonly bufferPeriod: readonly (string | null)[];
}

/**
 * Yearly exposures and each company's buffer: reported equity, else cash, else
 * annual revenue, else its in-data inflows a year. `hops[h]` is hop h of the index.
 */
export function stressBuffers(
  index: FlowIndex,
  hops: readonly Pick<Hop, "annualUsdBn" | "assumedHorizonDeals">[],
  facts: Dataset["facts"] = [],
): StressBuffers {
  if (hops.length !== index.hopCount) {
    throw new Error("analysis/stress: hops must list every hop of the index");
  }
  const n = index.nodeCount;
  const exposureUsdBn = new Float64Array(index.hopCount);
  const assumedHorizon = new Uint8Array(index.hopCount);
  let assumedHorizonHops = 0;
  hops.forEach((hop, h) => {
    exposureUsdBn[h] = hop.annualUsdBn;
    if (hop.assumedHorizonDeals > 0) {
      assumedHorizon[h] = 1;
      assumedHorizonHops++;
    }
  });
  const bufferUsdBn = new Float64Array(n);
  const source: BufferSource[] = new Array(n).fill("none");
  const bufferFactId: (string | null)[] = new Array(n).fill(null);
  const bufferPeriod: (string | null)[] = new Array(n).fill(null);
  for (let h = 0; h < index.hopCount; h++) bufferUsdBn[index.hopTarget[h]!]! += exposureUsdBn[h]!;
  for (let v = 0; v < n; v++) if (bufferUsdBn[v]! > 0) source[v] = "inflows";
  for (const [company, own] of factsByCompany(facts)) {
    const v = index.nodeIndexById.get(company);
    if (v === undefined) continue;
    const picks: [BufferSource, ReturnType<typeof latestRevenueFact>][] = [
      ["equity", latestEquityFact(own, company)],
      ["cash", latestCashFact(own, company)],
      ["revenue", latestRevenueFact(own, company)],
    ];
    const found = picks.find(([, fact]) => fact !== null);
    if (!found) continue;
    const [kind, fact] = found;
    bufferUsdBn[v] = fact!.valueUsdBn!;
    source[v] = kind;
    bufferFactId[v] = fact!.id;
    bufferPeriod[v] = fact!.period ?? null;
  }
  return {
    exposureUsdBn,
    assumedHorizonHops,
    assumedHorizon,
    bufferUsdBn,
    source,
    bufferFactId,
    bufferPeriod,
  };
}

export interface LossContribution {
  /** The company that did not pay. */
  readonly from: string;
  readonly unpaidUsdBn: number;
  readonly owedUsdBn: number;
}

export interface CompanyStress {
  readonly company: string;
  readonly lossUsdBn: number;
  readonly bufferUsdBn: number;
  readonly bufferSource: BufferSource;
  /** The fact the buffer comes from, and its period (null for in-data inflows). */
  readonly bufferFactId: string | null;
  readonly bufferPeriod: string | null;
  /** Loss / buffer; Infinity when a loss meets no buffer. */
  readonly lossShare: number;
  /** 0 for a shocked company, the round it became distressed, or null. */
  readonly distressedRound: number | null;
  /** Share of its own outgoing commitments it fails to pay. */
  readonly cutShare: number;
  /** DebtRank stress h in 0..1. */
  readonly debtRankStress: number;
  /** Where its yearly loss came from, largest first. */
  readonly contributions: readonly LossContribution[];
}

export interface StressResult {
  /** Companies with a loss or a cut, largest loss first. */
  readonly companies: readonly CompanyStress[];
  readonly totalLossUsdBn: number;
  /** Companies that became distressed (the shocked ones not counted). */
  readonly distressedCount: number;
  readonly rounds: number;
  /** Hops (`from>to`) on which some payment fails. */
  readonly failedHops: readonly string[];
  /** Failed hops whose yearly amount spreads a contract over the default 5 years. */
  readonly failedHopsWithAssumedHorizon: number;
  /** DebtRank of the shock: value lost beyond the initial shock, 0..1. */
  readonly debtRank: number;
}

/** Runs the cascade and DebtRank for one scenario. Ids not in the index are ignored. */
export function runStress(
  index: FlowIndex,
  buffers: StressBuffers,
  options: Partial<StressOptions>,
): StressResult {
  const { shocked, shortfall, threshold } = resolveStressOptions(options);
  const n = index.nodeCount;
  const { outOffsets, hopTarget, hopSource, inOffsets, inHops } = index;
  const buffer = buffers.bufferUsdBn;
  const owed = buffers.exposureUsdBn;
  const cut = new Float64Array(n);
  const loss = new Float64Array(n);
  const round = new Int32Array(n).fill(-1);
  const shockedIdx = shocked
    .map((id) => index.nodeIndexById.get(id))
    .filter((v) => v !== undefined);
  for (const v of shockedIdx) {
    cut[v] = shortfall;
    round[v] = 0;
  }

  // Cascade: spread changed cuts along out-hops until no cut changes.
  let frontier = shockedIdx.filter((v) => cut[v]! > 0);
  let rounds = 0;
  const lastSpread = new Float64Array(n);
  const inNext = new Uint8Array(n);
  while (frontier.length > 0 && rounds < MAX_ROUNDS) {
    rounds++;
    const touched: number[] = [];
    for (const u of frontier) {
      const delta = cut[u]! - lastSpread[u]!;
      lastSpread[u] = cut[u]!;
      if (delta <= EPSILON) continue;
      for (let h = outOffsets[u]!; h < outOffsets[u + 1]!; h++) {
        const v = hopTarget[h]!;
        loss[v]! += delta * owed[h]!;
        touched.push(v);
      }
    }
    const next: number[] = [];
    for (const v of touched) {
      if (inNext[v]) continue;
      const share = buffer[v]! > 0 ? loss[v]! / buffer[v]! : loss[v]! > 0 ? Infinity : 0;
      if (share <= threshold) continue;
      const wanted = Math.max(cut[v]!, Math.min(1, share));
      if (wanted - cut[v]! <= EPSILON) continue;
      if (round[v] === -1) round[v] = rounds;
      cut[v] = wanted;
      inNext[v] = 1;
      next.push(v);
    }
    for (const v of next) inNext[v] = 0;
    frontier = next;
  }

  const debt = debtRank(index, buffers, shockedIdx, shortfall);
  const failedHops: string[] = [];
  let failedHopsWithAssumedHorizon = 0;
  for (let h = 0; h < index.hopCount; h++) {
    if (cut[hopSource[h]!]! > 0 && owed[h]! > 0) {
      if (buffers.assumedHorizon[h]) failedHopsWithAssumedHorizon++;
      failedHops.push(hopKey(index.nodeIds[hopSource[h]!]!, index.nodeIds[hopTarget[h]!]!));
    }
  }
  const companies: CompanyStress[] = [];
  let totalLossUsdBn = 0;
  for (let v = 0; v < n; v++) {
    if (loss[v]! <= EPSILON && cut[v] === 0) continue;
    totalLossUsdBn += loss[v]!;
    const contributions: LossContribution[] = [];
    for (let i = inOffsets[v]!; i < inOffsets[v + 1]!; i++) {
      const h = inHops[i]!;
      const u = hopSource[h]!;
      if (cut[u]! > 0 && owed[h]! > 0) {
        contributions.push({
          from: index.nodeIds[u]!,
          unpaidUsdBn: cut[u]! * owed[h]!,
          owedUsdBn: owed[h]!,
        });
      }
    }
    contributions.sort((a, b) => b.unpaidUsdBn - a.unpaidUsdBn);
    companies.push({
      company: index.nodeIds[v]!,
      lossUsdBn: loss[v]!,
      bufferUsdBn: buffer[v]!,
      bufferSource: buffers.source[v] ?? "none",
      bufferFactId: buffers.bufferFactId[v] ?? null,
      bufferPeriod: buffers.bufferPeriod[v] ?? null,
      lossShare: buffer[v]! > 0 ? loss[v]! / buffer[v]! : loss[v]! > 0 ? Infinity : 0,
      distressedRound: round[v] === -1 ? null : round[v]!,
      cutShare: cut[v]!,
      debtRankStress: debt.stress[v]!,
      contributions,
    });
  }
  companies.sort((a, b) => b.lossUsdBn - a.lossUsdBn || (a.company < b.company ? -1 : 1));
  const distressedCount = companies.filter((c) => (c.distressedRound ?? 0) > 0).length;
  return {
    companies,
    totalLossUsdBn,
    distressedCount,
    rounds,
    failedHops,
    failedHopsWithAssumedHorizon,
    debtRank: debt.score,
  };
}

/** DebtRank stress per node and the score of the shock (Battiston et al. 2012). */
export function debtRank(
  index: FlowIndex,
  buffers: Pick<StressBuffers, "bufferUsdBn" | "exposureUsdBn">,
  shocked: readonly number[],
  shortfall: number,
): { stress: Float64Array; score: number } {
  const n = index.nodeCount;
  const { outOffsets, hopTarget } = index;
  const buffer = buffers.bufferUsdBn;
  const hopKnownUsdBn = buffers.exposureUsdBn;
  const h = new Float64Array(n);
  // 0 = undistressed, 1 = distressed (passes stress next step), 2 = inactive.
  const state = new Uint8Array(n);
  let distressed: number[] = [];
  for (const v of shocked) {
    if (shortfall <= 0) continue;
    h[v] = Math.max(h[v]!, shortfall);
    if (state[v] === 0) distressed.push(v);
    state[v] = 1;
  }
  const initial = Float64Array.from(h);
  while (distressed.length > 0) {
    const gain = new Map<number, number>();
    for (const i of distressed) {
      for (let e = outOffsets[i]!; e < outOffsets[i + 1]!; e++) {
        const j = hopTarget[e]!;
        if (state[j] === 2 || buffer[j]! <= 0) continue;
        const w = Math.min(1, hopKnownUsdBn[e]! / buffer[j]!);
        gain.set(j, (gain.get(j) ?? 0) + w * h[i]!);
      }
    }
    for (const i of distressed) state[i] = 2;
    const next: number[] = [];
    for (const [j, g] of gain) {
      if (g <= 0) continue;
      h[j] = Math.min(1, h[j]! + g);
      if (state[j] === 0) {
        state[j] = 1;
        next.push(j);
      }
    }
    distressed = next;
  }
  // Economic value of a company: its share of all disclosed flows through it.
  const value = new Float64Array(n);
  let total = 0;
  for (let e = 0; e < index.hopCount; e++) {
    const a = hopKnownUsdBn[e]!;
    value[index.hopSource[e]!]! += a;
    value[hopTarget[e]!]! += a;
    total += 2 * a;
  }
  let score = 0;
  if (total > 0) for (let v = 0; v < n; v++) score += ((h[v]! - initial[v]!) * value[v]!) / total;
  return { stress: h, score };
}

export interface SystemicImportance {
  readonly company: string;
  readonly totalLossUsdBn: number;
  readonly distressedCount: number;
  readonly debtRank: number;
}

/**
 * Runs a 100% shortfall on each company in turn; ranks them by the loss they cause.
 * With `maxCompanies`, only that many of the largest payers (by disclosed
 * outflow) are tried, which keeps large imported graphs responsive.
 */
export function rankSystemicImportance(
  index: FlowIndex,
  buffers: StressBuffers,
  threshold = DEFAULT_STRESS_OPTIONS.threshold,
  maxCompanies = Infinity,
): SystemicImportance[] {
  const outflow = new Float64Array(index.nodeCount);
  for (let h = 0; h < index.hopCount; h++) {
    outflow[index.hopSource[h]!]! += buffers.exposureUsdBn[h]!;
  }
  const payers = Array.from({ length: index.nodeCount }, (_, v) => v)
    .filter((v) => index.outOffsets[v + 1] !== index.outOffsets[v])
    .sort((a, b) => outflow[b]! - outflow[a]! || a - b)
    .slice(0, maxCompanies);
  const out: SystemicImportance[] = [];
  for (const v of payers) {
    const id = index.nodeIds[v]!;
    const r = runStress(index, buffers, { shocked: [id], shortfall: 1, threshold });
    out.push({
      company: id,
      totalLossUsdBn: r.totalLossUsdBn,
      distressedCount: r.distressedCount,
      debtRank: r.debtRank,
    });
  }
  return out.sort(
    (a, b) => b.totalLossUsdBn - a.totalLossUsdBn || (a.company < b.company ? -1 : 1),
  );
}
