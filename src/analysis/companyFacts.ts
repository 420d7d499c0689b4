/**
 * The reported figures an analysis compares money with: a company's latest
 * annual revenue, equity, cash and backlog, chosen by period.
 *
 * Revenue is yearly: a `YYYY` or `FYYYYY` period, or a `YYYY-Qn` quarter only
 * when the fact's notes say it is annualised (a run-rate). Equity, cash and
 * backlog are points in time (`YYYY-MM-DD`, or a year). The latest period
 * wins; among equal periods, the first in the dataset. O(F) for F facts, so a
 * caller asking about many companies groups them first (`factsByCompany`).
 *
 * Reference: the period grammar of `domain/schema.ts` (`isFactPeriod`).
 */
import type { Fact, FactMetric } from "../domain/schema.ts";

const ANNUALISED = /annuali[sz]ed|run[- ]rate/i;
const NOT_ANNUALISED = /\bnot\s+(\w+\s+)?annuali[sz]ed/i;

/** True when a revenue fact covers a year (or is a quarter its notes call annualised). */
export function isAnnualRevenue(fact: Pick<Fact, "period" | "notes" | "description">): boolean {
  const p = fact.period ?? "";
  if (/^(\d{4}|FY\d{4})$/.test(p)) return true;
  if (/^\d{4}-Q[1-4]$/.test(p)) {
    return fact.notes.some((n) => ANNUALISED.test(n) && !NOT_ANNUALISED.test(n));
  }
  return false;
}

/** A sortable key of a period: "FY2025" sorts as 2025, "2025-Q3" after "2025". */
function periodKey(period: string | undefined): string {
  if (!period) return "";
  return period.startsWith("FY") ? period.slice(2) : period;
}

/** Each company with facts, and its facts in dataset order: one pass over them. */
export function factsByCompany(facts: readonly Fact[]): ReadonlyMap<string, readonly Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = groups.get(f.company);
    if (list) list.push(f);
    else groups.set(f.company, [f]);
  }
  return groups;
}

function latest(
  facts: readonly Fact[],
  company: string,
  metric: FactMetric,
  keep: (f: Fact) => boolean = () => true,
): Fact | null {
  let best: Fact | null = null;
  for (const f of facts) {
    if (f.company !== company || f.metric !== metric || typeof f.valueUsdBn !== "number") continue;
    if (!keep(f)) continue;
    if (!best || periodKey(f.period) > periodKey(best.period)) best = f;
  }
  return best;
}

/** The latest yearly revenue fact with a positive dollar value. */
export function latestRevenueFact(facts: readonly Fact[], company: string): Fact | null {
  return latest(facts, company, "revenue", (f) => isAnnualRevenue(f) && f.valueUsdBn! > 0);
}

/** The latest positive shareholders' equity fact. */
export function latestEquityFact(facts: readonly Fact[], company: string): Fact | null {
  return latest(facts, company, "equity", (f) => f.valueUsdBn! > 0);
}

/** The latest positive cash fact. */
export function latestCashFact(facts: readonly Fact[], company: string): Fact | null {
  return latest(facts, company, "cash", (f) => f.valueUsdBn! > 0);
}

/** The latest backlog (remaining performance obligations) fact. */
export function latestBacklogFact(facts: readonly Fact[], company: string): Fact | null {
  return latest(facts, company, "backlog");
}
