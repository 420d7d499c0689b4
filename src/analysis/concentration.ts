/**
 * Concentration risk per company.
 *
 * From disclosed deal amounts: inflows and outflows by counterparty, the top
 * payer and its share, the Herfindahl–Hirschman index of inflows (0–10,000),
 * commitments (outflows) relative to reported revenue, and the circular share:
 * the part of inflow dollars that arrive on a hop lying on some loop through
 * the company (a hop u → v lies on a loop exactly when u and v share a strongly
 * connected component). Flags use documented thresholds:
 *  - a counterparty with ≥10% of inflows is "notable" (the ASC 280-10-50-42
 *    major-customer disclosure line), ≥25% "high", ≥50% "critical";
 *  - HHI > 1,800 is "high" (highly concentrated, 2023 US Merger Guidelines §2.1);
 *  - commitments above reported revenue are "high", above 5× "critical";
 *  - reported customer-concentration facts are flagged by the same share lines.
 * O(N + E) after the index and SCC.
 *
 * Reference: FASB ASC 280-10-50-42; U.S. DOJ & FTC, Merger Guidelines (2023).
 */
import { formatUsdBn } from "../domain/money.ts";
import type { Dataset, Fact } from "../domain/schema.ts";
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
  /** Latest reported revenue, when a fact gives one. */
  readonly revenueUsdBn: number | null;
  readonly revenueFactId: string | null;
  /** Outflows in the data divided by reported revenue. */
  readonly commitmentsToRevenue: number | null;
  /** Share of inflow dollars arriving on hops that lie on a loop through the company. */
  readonly circularShare: number | null;
  readonly flags: readonly ConcentrationFlag[];
  /** 0 with no flag, else 1 + the index of the worst flag level. */
  readonly severity: number;
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

/** The latest revenue fact with a dollar value, by period then order. */
export function latestRevenueFact(facts: readonly Fact[], company: string): Fact | null {
  let best: Fact | null = null;
  for (const f of facts) {
    if (f.company !== company || f.metric !== "revenue" || typeof f.valueUsdBn !== "number") {
      continue;
    }
    if (!best || (f.period ?? "") > (best.period ?? "")) best = f;
  }
  return best;
}

/** Computes concentration for every company, most severe first. */
export function analyzeConcentration(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  thresholds: ConcentrationThresholds = DEFAULT_CONCENTRATION_THRESHOLDS,
  prepared?: { index: FlowIndex; scc?: SccResult; hops?: readonly Hop[] },
): CompanyConcentration[] {
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

  const flowsOf = (v: number, direction: "in" | "out") => {
    const list: {
      company: string;
      usdBn: number;
      dealIds: readonly string[];
      undisclosedDeals: number;
    }[] = [];
    let circular = 0;
    const [offsets, start, end] =
      direction === "out"
        ? [null, index.outOffsets[v]!, index.outOffsets[v + 1]!]
        : [index.inHops, index.inOffsets[v]!, index.inOffsets[v + 1]!];
    for (let i = start; i < end; i++) {
      const h = offsets ? offsets[i]! : i;
      const other = direction === "out" ? index.hopTarget[h]! : index.hopSource[h]!;
      const { dealIds, undisclosedDeals, totalUsdBn: usdBn } = hops[h]!;
      if (scc.componentOf[other] === scc.componentOf[v]) circular += usdBn;
      list.push({ company: index.nodeIds[other]!, usdBn, dealIds, undisclosedDeals });
    }
    const total = list.reduce((s, f) => s + f.usdBn, 0);
    const flows: CounterpartyFlow[] = list
      .map((f) => ({ ...f, share: total > 0 ? f.usdBn / total : 0 }))
      .sort((a, b) => b.usdBn - a.usdBn || (a.company < b.company ? -1 : 1));
    return { flows, total, circular };
  };

  const results: CompanyConcentration[] = [];
  for (let v = 0; v < index.nodeCount; v++) {
    const company = index.nodeIds[v]!;
    const inflow = flowsOf(v, "in");
    const outflow = flowsOf(v, "out");
    const flags: ConcentrationFlag[] = [];
    const topPayer = inflow.total > 0 ? inflow.flows[0]! : null;
    const topPayee = outflow.total > 0 ? outflow.flows[0]! : null;
    if (topPayer) {
      const level = levelOfShare(topPayer.share, thresholds);
      if (level) {
        flags.push({
          kind: "top-payer",
          level,
          counterparty: topPayer.company,
          message: `${pct(topPayer.share)} of disclosed inflows come from ${nameOf(topPayer.company)}`,
        });
      }
    }
    const inflowHhi = herfindahl(inflow.flows.map((f) => f.usdBn));
    if (inflowHhi !== null && inflowHhi > thresholds.hhiHigh) {
      flags.push({
        kind: "hhi",
        level: "high",
        message: `inflows are highly concentrated (HHI ${Math.round(inflowHhi)} > ${thresholds.hhiHigh})`,
      });
    }
    const revenueFact = latestRevenueFact(dataset.facts, company);
    const revenueUsdBn = revenueFact?.valueUsdBn ?? null;
    const commitmentsToRevenue =
      revenueUsdBn !== null && revenueUsdBn > 0 ? outflow.total / revenueUsdBn : null;
    if (commitmentsToRevenue !== null && commitmentsToRevenue > thresholds.commitmentsHigh) {
      flags.push({
        kind: "commitments",
        level: commitmentsToRevenue > thresholds.commitmentsCritical ? "critical" : "high",
        message: `commitments in the data are ${commitmentsToRevenue.toFixed(1)}× reported revenue`,
        ...(revenueFact ? { factId: revenueFact.id } : {}),
      });
    }
    for (const fact of dataset.facts) {
      if (fact.company !== company || fact.metric !== "customer-concentration") continue;
      if (fact.sharePct === undefined) continue;
      const level = levelOfShare(fact.sharePct / 100, thresholds);
      if (!level) continue;
      const who = fact.counterparty ? nameOf(fact.counterparty) : "one customer";
      flags.push({
        kind: "reported",
        level,
        factId: fact.id,
        ...(fact.counterparty ? { counterparty: fact.counterparty } : {}),
        message: `reported: ${fact.sharePct}% of ${fact.valueUsdBn ? `${formatUsdBn(fact.valueUsdBn)} of ` : ""}contracted revenue tied to ${who}`,
      });
    }
    const severity = flags.reduce((m, f) => Math.max(m, FLAG_LEVELS.indexOf(f.level) + 1), 0);
    results.push({
      company,
      inflowUsdBn: inflow.total,
      outflowUsdBn: outflow.total,
      inflows: inflow.flows,
      outflows: outflow.flows,
      topPayer,
      topPayee,
      inflowHhi,
      outflowHhi: herfindahl(outflow.flows.map((f) => f.usdBn)),
      revenueUsdBn,
      revenueFactId: revenueFact?.id ?? null,
      commitmentsToRevenue,
      circularShare: inflow.total > 0 ? inflow.circular / inflow.total : null,
      flags,
      severity,
    });
  }
  return results.sort(
    (a, b) =>
      b.severity - a.severity ||
      b.flags.length - a.flags.length ||
      b.inflowUsdBn - a.inflowUsdBn ||
      (a.company < b.company ? -1 : 1),
  );
}
