/**
 * Concentration risk per company, honest about what the data covers.
 *
 * From disclosed deal amounts: inflows and outflows by counterparty, the top
 * payer and its share, the Herfindahl–Hirschman index of inflows (0–10,000),
 * yearly commitments (outflows a year) relative to reported annual revenue,
 * coverage (the company's in-data inflows a year, multi-year contracts spread
 * over their term, against its latest reported annual revenue; backlog is shown
 * beside it, never used as a year's revenue), and the circular share:
 * the part of inflow dollars that arrive on a hop lying on some loop through
 * the company (a hop u → v lies on a loop exactly when u and v share a strongly
 * connected component). Flags use documented thresholds:
 *  - a counterparty with ≥10% of inflows is "notable" (the ASC 280-10-50-42
 *    major-customer disclosure line), ≥25% "high", ≥50% "critical";
 *  - HHI > 1,800 is "high" (highly concentrated, 2023 US Merger Guidelines §2.1);
 *  - commitments above reported revenue are "high", above 5× "critical";
 *  - reported customer-concentration facts are flagged by the same share lines,
 *    and listed first.
 * A share computed from the data describes the dataset, not the company: it
 * keeps its level only when a reported fact supports it or coverage is at
 * least 50%; otherwise it drops one level (critical → high → notable) and
 * says how much of the company's revenue the data holds, or that coverage is
 * unknown. O(N + E) after the index and SCC.
 *
 * Reference: FASB ASC 280-10-50-42; U.S. DOJ & FTC, Merger Guidelines (2023).
 */
import { formatUsdBn } from "../domain/money.ts";
import type { Dataset, Fact } from "../domain/schema.ts";
import { factsByCompany, latestBacklogFact, latestRevenueFact } from "./companyFacts.ts";
import { type FlowIndex, buildFlowIndex } from "./flowIndex.ts";
import { type Hop, describeHops } from "./hops.ts";
import { type SccResult, stronglyConnectedComponents } from "./scc.ts";

export const FLAG_LEVELS = ["notable", "high", "critical"] as const;
export type FlagLevel = (typeof FLAG_LEVELS)[number];

export const FLAG_KINDS = ["top-payer", "hhi", "commitments", "reported"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface ConcentrationThresholds {
  readonly notableShare: number;
  readonly highShare: number;
  readonly criticalShare: number;
  readonly hhiHigh: number;
  readonly commitmentsHigh: number;
  readonly commitmentsCritical: number;
}

/** Coverage at or above which a computed share keeps its level. */
export const SUPPORTED_COVERAGE = 0.5;

export const DEFAULT_CONCENTRATION_THRESHOLDS: ConcentrationThresholds = {
  notableShare: 0.1,
  highShare: 0.25,
  criticalShare: 0.5,
  hhiHigh: 1800,
  commitmentsHigh: 1,
  commitmentsCritical: 5,
};

export interface CounterpartyFlow {
  readonly company: string;
  readonly usdBn: number;
  /** Share of the company's disclosed inflow (or outflow) dollars, 0..1. */
  readonly share: number;
  readonly dealIds: readonly string[];
  readonly undisclosedDeals: number;
}

export interface ConcentrationFlag {
  readonly kind: FlagKind;
  readonly level: FlagLevel;
  readonly message: string;
  readonly counterparty?: string;
  /** The fact behind a reported flag. */
  readonly factId?: string;
  /** True for a reported fact, or a computed share that a fact or enough coverage supports. */
  readonly supported: boolean;
  /** Why a computed flag was lowered: limited or unknown coverage. */
  readonly caveat?: string;
}

export interface CompanyConcentration {
  readonly company: string;
  readonly inflowUsdBn: number;
  readonly outflowUsdBn: number;
  readonly inflows: readonly CounterpartyFlow[];
  readonly outflows: readonly CounterpartyFlow[];
  readonly topPayer: CounterpartyFlow | null;
  readonly topPayee: CounterpartyFlow | null;
  /** HHI of inflow shares on 0..10,000; null with no disclosed inflow. */
  readonly inflowHhi: number | null;
  readonly outflowHhi: number | null;
  /** Latest reported annual revenue, when a fact gives one. */
  readonly revenueUsdBn: number | null;
  readonly revenueFactId: string | null;
  /** In-data inflows a year (multi-year contracts spread over their term). */
  readonly annualInflowUsdBn: number;
  /** In-data outflows a year. */
  readonly annualOutflowUsdBn: number;
  /** Annual in-data inflows ÷ reported annual revenue; null with no revenue. */
  readonly coverage: number | null;
  /** Latest reported backlog, shown beside coverage, never used as revenue. */
  readonly backlogUsdBn: number | null;
  readonly backlogFactId: string | null;
  /** Outflows a year in the data divided by reported annual revenue. */
  readonly commitmentsToRevenue: number | null;
  /** Share of inflow dollars arriving on hops that lie on a loop through the company. */
  readonly circularShare: number | null;
  readonly flags: readonly ConcentrationFlag[];
  /** 0 with no flag, else 1 + the index of the worst flag level. */
  readonly severity: number;
  /** Flags a reported fact or enough coverage supports. */
  readonly supportedFlags: number;
}

/** Herfindahl–Hirschman index of a list of amounts, on 0..10,000. */
export function herfindahl(amounts: readonly number[]): number | null {
  let total = 0;
  for (const a of amounts) total += a;
  if (total <= 0) return null;
  let hhi = 0;
  for (const a of amounts) hhi += ((100 * a) / total) ** 2;
  return hhi;
}

function levelOfShare(share: number, t: ConcentrationThresholds): FlagLevel | null {
  if (share >= t.criticalShare) return "critical";
  if (share >= t.highShare) return "high";
  if (share >= t.notableShare) return "notable";
  return null;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

const LOWER: Readonly<Record<FlagLevel, FlagLevel>> = {
  critical: "high",
  high: "notable",
  notable: "notable",
};

const usdBnOf = (f: CounterpartyFlow) => f.usdBn;

/**
 * A flag computed from the data: it keeps its level when a reported fact or
 * enough coverage supports it, else drops one level and carries the caveat.
 */
function computedFlag(
  kind: FlagKind,
  level: FlagLevel,
  message: string,
  supported: boolean,
  caveat: string,
  counterparty?: string,
): ConcentrationFlag {
  // NOTE: literal objects, not spreads: a million-company report makes millions of flags.
  const lowered = LOWER[level];
  if (counterparty === undefined) {
    return supported
      ? { kind, level, message, supported }
      : { kind, level: lowered, message, supported, caveat };
  }
  return supported
    ? { kind, level, counterparty, message, supported }
    : { kind, level: lowered, counterparty, message, supported, caveat };
}

type Prepared = { index: FlowIndex; scc?: SccResult; hops?: readonly Hop[] };

/**
 * The concentration of one company at a time, by its index in the flow index:
 * what the eager list and the lazy ranking both call.
 */
function concentrationOf(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  thresholds: ConcentrationThresholds,
  prepared: Prepared | undefined,
): { index: FlowIndex; recordOf: (v: number) => CompanyConcentration } {
  const index =
    prepared?.index ??
    buildFlowIndex(
      dataset.deals,
      dataset.companies.map((c) => c.id),
    );
  const scc = prepared?.scc ?? stronglyConnectedComponents(index);
  const hops = prepared?.hops ?? describeHops(index, dataset.deals);
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const factsOf = factsByCompany(dataset.facts);
  const noFacts: readonly Fact[] = [];

  const flowsOf = (v: number, direction: "in" | "out") => {
    const [offsets, start, end] =
      direction === "out"
        ? [null, index.outOffsets[v]!, index.outOffsets[v + 1]!]
        : [index.inHops, index.inOffsets[v]!, index.inOffsets[v + 1]!];
    let total = 0;
    let circular = 0;
    let annual = 0;
    // NOTE: one pass; each share is set once the total is known.
    const flows: { -readonly [K in keyof CounterpartyFlow]: CounterpartyFlow[K] }[] = [];
    for (let i = start; i < end; i++) {
      const h = offsets ? offsets[i]! : i;
      const other = direction === "out" ? index.hopTarget[h]! : index.hopSource[h]!;
      const { dealIds, undisclosedDeals, totalUsdBn: usdBn, annualUsdBn } = hops[h]!;
      total += usdBn;
      annual += annualUsdBn;
      if (scc.componentOf[other] === scc.componentOf[v]) circular += usdBn;
      flows.push({ company: index.nodeIds[other]!, usdBn, dealIds, undisclosedDeals, share: 0 });
    }
    if (total > 0) for (const f of flows) f.share = f.usdBn / total;
    if (flows.length > 1) {
      flows.sort((a, b) => b.usdBn - a.usdBn || (a.company < b.company ? -1 : 1));
    }
    return { flows, total, circular, annual };
  };

  const recordOf = (v: number): CompanyConcentration => {
    const company = index.nodeIds[v]!;
    const inflow = flowsOf(v, "in");
    const outflow = flowsOf(v, "out");
    const ownFacts = factsOf.get(company) ?? noFacts;
    // NOTE: most companies have no facts; skipping the lookups (and the closures
    // they make) is most of the cost on a million-company dataset.
    const revenueFact = ownFacts.length > 0 ? latestRevenueFact(ownFacts, company) : null;
    const revenueUsdBn = revenueFact?.valueUsdBn ?? null;
    const coverage =
      revenueUsdBn !== null && revenueUsdBn > 0 ? inflow.annual / revenueUsdBn : null;
    const backlogFact = ownFacts.length > 0 ? latestBacklogFact(ownFacts, company) : null;
    const reportedFacts =
      ownFacts.length === 0
        ? noFacts
        : ownFacts.filter(
            (f) =>
              f.company === company &&
              f.metric === "customer-concentration" &&
              f.sharePct !== undefined,
          );
    const reported: ConcentrationFlag[] = [];
    for (const fact of reportedFacts) {
      const level = levelOfShare(fact.sharePct! / 100, thresholds);
      if (!level) continue;
      const who = fact.counterparty ? nameOf(fact.counterparty) : "one customer";
      reported.push({
        kind: "reported",
        level,
        factId: fact.id,
        ...(fact.counterparty ? { counterparty: fact.counterparty } : {}),
        supported: true,
        message: `reported: ${fact.sharePct}% of ${fact.valueUsdBn ? `${formatUsdBn(fact.valueUsdBn)} of ` : ""}contracted revenue tied to ${who}`,
      });
    }
    const caveat =
      coverage === null
        ? "coverage unknown: no annual revenue is reported"
        : `limited coverage: the data holds ${pct(coverage)} of reported revenue${revenueFact?.period ? ` (${revenueFact.period})` : ""}`;
    const covered = coverage !== null && coverage >= SUPPORTED_COVERAGE;
    const computed: ConcentrationFlag[] = [];
    const topPayer = inflow.total > 0 ? inflow.flows[0]! : null;
    const topPayee = outflow.total > 0 ? outflow.flows[0]! : null;
    if (topPayer) {
      const level = levelOfShare(topPayer.share, thresholds);
      if (level) {
        computed.push(
          computedFlag(
            "top-payer",
            level,
            `${pct(topPayer.share)} of the inflows in this dataset come from ${nameOf(topPayer.company)}`,
            covered ||
              (reportedFacts.length > 0 &&
                reportedFacts.some((f) => f.counterparty === topPayer.company)),
            caveat,
            topPayer.company,
          ),
        );
      }
    }
    const inflowHhi = herfindahl(inflow.flows.map(usdBnOf));
    if (inflowHhi !== null && inflowHhi > thresholds.hhiHigh) {
      computed.push(
        computedFlag(
          "hhi",
          "high",
          `the inflows in this dataset are highly concentrated (HHI ${Math.round(inflowHhi)} > ${thresholds.hhiHigh})`,
          covered || reportedFacts.length > 0,
          caveat,
        ),
      );
    }
    const commitmentsToRevenue =
      revenueUsdBn !== null && revenueUsdBn > 0 ? outflow.annual / revenueUsdBn : null;
    if (commitmentsToRevenue !== null && commitmentsToRevenue > thresholds.commitmentsHigh) {
      computed.push({
        kind: "commitments",
        level: commitmentsToRevenue > thresholds.commitmentsCritical ? "critical" : "high",
        message: `commitments a year in the data are ${commitmentsToRevenue.toFixed(1)}× reported annual revenue`,
        supported: true,
        ...(revenueFact ? { factId: revenueFact.id } : {}),
      });
    }
    // Reported facts first: what the company or its filings say comes before what the data implies.
    const flags = reported.length === 0 ? computed : [...reported, ...computed];
    let severity = 0;
    let supportedFlags = 0;
    for (const f of flags) {
      severity = Math.max(severity, FLAG_LEVELS.indexOf(f.level) + 1);
      if (f.supported) supportedFlags++;
    }
    return {
      company,
      inflowUsdBn: inflow.total,
      outflowUsdBn: outflow.total,
      inflows: inflow.flows,
      outflows: outflow.flows,
      topPayer,
      topPayee,
      inflowHhi,
      outflowHhi: herfindahl(outflow.flows.map(usdBnOf)),
      revenueUsdBn,
      revenueFactId: revenueFact?.id ?? null,
      annualInflowUsdBn: inflow.annual,
      annualOutflowUsdBn: outflow.annual,
      coverage,
      backlogUsdBn: backlogFact?.valueUsdBn ?? null,
      backlogFactId: backlogFact?.id ?? null,
      commitmentsToRevenue,
      circularShare: inflow.total > 0 ? inflow.circular / inflow.total : null,
      flags,
      severity,
      supportedFlags,
    };
  };
  return { index, recordOf };
}

/** The keys the concentration list is ordered by. */
interface RankKeys {
  readonly severity: number;
  readonly supportedFlags: number;
  readonly flagCount: number;
  readonly inflowUsdBn: number;
  readonly company: string;
}

/**
 * The order of the list: most severe first, then the best supported, the most
 * flags, the largest inflow, and the id. Flagged companies come first, since
 * every flag has a level.
 */
function compareRank(a: RankKeys, b: RankKeys): number {
  return (
    b.severity - a.severity ||
    b.supportedFlags - a.supportedFlags ||
    b.flagCount - a.flagCount ||
    b.inflowUsdBn - a.inflowUsdBn ||
    (a.company < b.company ? -1 : 1)
  );
}

const rankKeys = (c: CompanyConcentration): RankKeys => ({
  severity: c.severity,
  supportedFlags: c.supportedFlags,
  flagCount: c.flags.length,
  inflowUsdBn: c.inflowUsdBn,
  company: c.company,
});

/** Computes concentration for every company, most severe first. */
export function analyzeConcentration(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  thresholds: ConcentrationThresholds = DEFAULT_CONCENTRATION_THRESHOLDS,
  prepared?: Prepared,
): CompanyConcentration[] {
  const { index, recordOf } = concentrationOf(dataset, thresholds, prepared);
  const keyed = Array.from({ length: index.nodeCount }, (_, v) => {
    const record = recordOf(v);
    return { record, keys: rankKeys(record) };
  });
  return keyed.sort((a, b) => compareRank(a.keys, b.keys)).map((k) => k.record);
}

/** Up to this many companies, a ranking holds their records (a few hundred MB at most). */
export const KEEP_RECORDS = 200_000;

/**
 * The same list, read a company at a time: up to KEEP_RECORDS companies the
 * ranking holds the records it made to order them; above, it keeps only each
 * company's sort keys, so a report on a million companies never holds a
 * million records (the CLI writes them one by one), and `at(i)` recomputes
 * record i. `flagged` companies are the first in the order.
 */
export interface ConcentrationRanking {
  readonly length: number;
  readonly flagged: number;
  at(i: number): CompanyConcentration;
}

export function rankConcentration(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  thresholds: ConcentrationThresholds = DEFAULT_CONCENTRATION_THRESHOLDS,
  prepared?: Prepared,
  keepRecords = KEEP_RECORDS,
): ConcentrationRanking {
  const { index, recordOf } = concentrationOf(dataset, thresholds, prepared);
  // NOTE: up to `keepRecords` companies the records made for ranking are kept
  // (a second pass would make each one twice); above, only the keys are.
  const kept: CompanyConcentration[] | null = index.nodeCount <= keepRecords ? [] : null;
  const keys = Array.from({ length: index.nodeCount }, (_, v) => {
    const record = recordOf(v);
    kept?.push(record);
    return rankKeys(record);
  });
  const order = new Uint32Array(keys.length).map((_, v) => v);
  order.sort((a, b) => compareRank(keys[a]!, keys[b]!));
  const flagged = keys.reduce((n, k) => n + (k.flagCount > 0 ? 1 : 0), 0);
  const at = kept ? (i: number) => kept[order[i]!]! : (i: number) => recordOf(order[i]!);
  return { length: keys.length, flagged, at };
}
