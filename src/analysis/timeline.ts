/**
 * Timeline: how the web of deals formed, month by month.
 *
 * The months run from the first to the last announcement. A deal counts from
 * the start of its period: a deal dated only "2025" appears in January 2025,
 * one dated "2025-09" in September (ISO 8601 reduced precision). For each month
 * this gives the cumulative announced dollars by deal type, the number of loops
 * among the deals announced so far, and the loops that close that month.
 * O(M·(E + C·L)) for M months; loops are found with the bounded cycle search.
 *
 * Reference: ISO 8601-1:2019 §5.2.2 (reduced precision); loops as in `loops.ts`.
 */
import type { Deal } from "../domain/schema.ts";
import { buildFlowIndex } from "./flowIndex.ts";
import { isLiveDeal } from "./hops.ts";
import { type announcedByIdOf, lineageAsOf, monthOf } from "./lineage.ts";
import { analyzeLoops } from "./loops.ts";

export { monthOf };

const LOOP_LIMIT = 10_000;

/** True when the deal's date gives only a year or a month. */
export function isPartialPeriod(date: string | undefined): boolean {
  return date !== undefined && date.length < 10;
}

/** Every month from `first` to `last`, inclusive, as "YYYY-MM". */
export function monthRange(first: string, last: string): string[] {
  if (!/^\d{4}-\d{2}$/.test(first) || !/^\d{4}-\d{2}$/.test(last)) {
    throw new Error("analysis/timeline: months must be YYYY-MM");
  }
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The months spanned by the deals' announcements (empty with no dated deal). */
export function timelineMonths(deals: readonly Deal[]): string[] {
  let first: string | null = null;
  let last: string | null = null;
  for (const d of deals) {
    const m = monthOf(d.announced);
    if (m === null) continue;
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  }
  return first === null || last === null ? [] : monthRange(first, last);
}

/** Deals announced in or before `month` ("YYYY-MM"); undated deals are always kept. */
export function dealsAsOf<T extends Pick<Deal, "announced">>(
  deals: readonly T[],
  month: string,
): T[] {
  return deals.filter((d) => {
    const m = monthOf(d.announced);
    return m === null || m <= month;
  });
}

export interface TimelinePoint {
  readonly month: string;
  /** Cumulative disclosed dollars announced so far, by deal type. */
  readonly cumulativeUsdBnByType: Readonly<Record<string, number>>;
  readonly loopCount: number;
  /** Ids of deals first counted this month. */
  readonly newDealIds: readonly string[];
  /** Loops (company ids in order) that exist this month but not the month before. */
  readonly loopsClosed: readonly (readonly string[])[];
}

/** Builds the month-by-month series used by the timeline chart and playback. */
export function buildTimeline(
  deals: readonly Deal[],
  maxLength = 6,
  nodeIds: readonly string[] = [],
  countNonLive = false,
  announcedById: ReturnType<typeof announcedByIdOf> = new Map(),
): TimelinePoint[] {
  const months = timelineMonths(deals);
  // NOTE: a fixed node order keeps loop ids (rotations) stable from month to month.
  const order = nodeIds.length > 0 ? nodeIds : [...new Set(deals.flatMap((d) => [d.from, d.to]))];
  const byMonth = new Map<string, Deal[]>();
  for (const d of deals) {
    const m = monthOf(d.announced);
    if (m === null) continue;
    const list = byMonth.get(m) ?? [];
    list.push(d);
    byMonth.set(m, list);
  }
  const active: Deal[] = deals.filter((d) => monthOf(d.announced) === null);
  let previousLoops = new Set<string>();
  let cumulative: Record<string, number> = {};
  return months.map((month) => {
    const fresh = byMonth.get(month) ?? [];
    active.push(...fresh);
    // NOTE: a superseded deal counts until its replacement is announced, so a
    // replacement month can take dollars out as well as put them in.
    const asOf = fresh.length === 0 ? null : lineageAsOf(active, month, announcedById);
    if (asOf) {
      cumulative = {};
      for (const d of asOf) {
        if (!countNonLive && !isLiveDeal(d)) continue;
        if (monthOf(d.announced) === null) continue;
        cumulative[d.type] = (cumulative[d.type] ?? 0) + (d.amountUsdBn ?? 0);
      }
    }
    const loops =
      asOf === null
        ? []
        : analyzeLoops(
            asOf,
            { maxLength, cap: LOOP_LIMIT, limit: 0 },
            { index: buildFlowIndex(asOf, order, { countNonLive }) },
          ).loops;
    const ids = fresh.length === 0 ? previousLoops : new Set(loops.map((l) => l.id));
    const loopsClosed =
      fresh.length === 0
        ? []
        : loops
            // NOTE: a loop is announced only when it closes in time order.
            .filter((l) => !previousLoops.has(l.id) && l.spanMonths !== null)
            .map((l) => l.companies);
    previousLoops = ids;
    return {
      month,
      cumulativeUsdBnByType: { ...cumulative },
      loopCount: ids.size,
      newDealIds: fresh.map((d) => d.id),
      loopsClosed,
    };
  });
}
