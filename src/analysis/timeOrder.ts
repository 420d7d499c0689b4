/**
 * Time-ordered loops: did the money really come back, and how fast?
 *
 * Dates compare by month: a deal's month index is year × 12 + month, a partial
 * date counting from the start of its period (days are ignored). A loop is *in
 * order* when, for some company on it taken as the start, one deal can be
 * picked on each hop, in loop order, so that the month indexes never go
 * backwards (equal months allowed). Its `spanMonths` is the smallest
 * (last − first) over all in-order choices and starts; there is none when no
 * in-order choice exists. The loop is *time-respecting within W months* when
 * `spanMonths` ≤ W. Undated deals cannot be ordered and are never picked.
 *
 * Algorithm: for a fixed start and first deal, taking on each next hop the
 * earliest deal not before the previous one gives the earliest possible last
 * month (an exchange argument: any in-order choice can be moved to it without
 * raising a later month), so the best span is the minimum of that greedy walk
 * over every start and every first deal. With hop deals sorted by month and a
 * binary search per step that is O(L² · k · log k) for a loop of L hops with at
 * most k deals a hop. Ties go to the earliest first deal, then the first start
 * in loop order.
 *
 * Reference: earliest-arrival paths in temporal graphs, B. B. Xuan, A. Ferreira,
 * A. Jarry, "Computing shortest, fastest, and foremost journeys in dynamic
 * networks", Int. J. Found. Comput. Sci. 14(2), 2003.
 */

/** A deal as the time order needs it: its id, month index and whether the date gives only a year. */
export interface DatedDeal {
  readonly id: string;
  readonly month: number;
  /** True when the deal is dated only by year, so the order is approximate. */
  readonly yearOnly: boolean;
}

export interface TimeOrder {
  /** Smallest last − first month over in-order choices; null when none is in order. */
  readonly spanMonths: number | null;
  /** The deals of one choice achieving the span, in chain order; empty when none. */
  readonly chainDealIds: readonly string[];
  /** Index (in the loop's company order) of the company the chain starts from; -1 when none. */
  readonly chainStart: number;
  /** True when the chain relies on a deal dated only by year. */
  readonly orderApproximate: boolean;
}

export const NOT_IN_ORDER: TimeOrder = {
  spanMonths: null,
  chainDealIds: [],
  chainStart: -1,
  orderApproximate: false,
};

/** Month index of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (start of its period), or null. */
export function monthIndex(date: string | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) : 1);
}

/** A deal's dated form, or null when it has no usable date. */
export function datedDeal(deal: {
  readonly id: string;
  readonly announced?: string;
}): DatedDeal | null {
  const month = monthIndex(deal.announced);
  if (month === null) return null;
  return { id: deal.id, month, yearOnly: deal.announced!.length === 4 };
}

/** Sorts a hop's dated deals by month, then id, as `timeOrderOfLoop` expects. */
export function sortByMonth(deals: DatedDeal[]): DatedDeal[] {
  return deals.sort((a, b) => a.month - b.month || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** First position in `deals` (sorted by month) whose month is at least `month`, or -1. */
function firstAtOrAfter(deals: readonly DatedDeal[], month: number): number {
  let lo = 0;
  let hi = deals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (deals[mid]!.month < month) lo = mid + 1;
    else hi = mid;
  }
  return lo < deals.length ? lo : -1;
}

/**
 * The time order of a loop, given the dated deals of each hop in loop order
 * (`hops[i]` leaves company i), each list sorted with `sortByMonth`.
 */
export function timeOrderOfLoop(hops: readonly (readonly DatedDeal[])[]): TimeOrder {
  if (!Array.isArray(hops) || hops.length < 2) {
    throw new Error("analysis/timeOrder: a loop needs at least 2 hops");
  }
  const n = hops.length;
  for (const h of hops) if (h.length === 0) return NOT_IN_ORDER;
  // The best walk so far: its span, first month, start and first deal (-1: none yet).
  let bestSpan = 0;
  let bestFirst = 0;
  let bestStart = -1;
  let bestDeal = 0;
  for (let start = 0; start < n; start++) {
    const firsts = hops[start]!;
    for (let f = 0; f < firsts.length; f++) {
      const month = lastMonthOfWalk(hops, start, firsts[f]!.month);
      // NOTE: a later first deal only makes later months: once one fails, the rest of this start fail too.
      if (month === null) break;
      const span = month - firsts[f]!.month;
      if (bestStart < 0 || span < bestSpan || (span === bestSpan && firsts[f]!.month < bestFirst)) {
        bestSpan = span;
        bestFirst = firsts[f]!.month;
        bestStart = start;
        bestDeal = f;
      }
    }
  }
  if (bestStart < 0) return NOT_IN_ORDER;
  // NOTE: only the best walk's deals are listed, so it is walked once more to name them.
  const first = hops[bestStart]![bestDeal]!;
  const chain = [first];
  lastMonthOfWalk(hops, bestStart, first.month, chain);
  return {
    spanMonths: bestSpan,
    chainDealIds: chain.map((d) => d.id),
    chainStart: bestStart,
    orderApproximate: chain.some((d) => d.yearOnly),
  };
}

/**
 * The month of the last deal of the greedy in-order walk round the loop from
 * hop `start`, its first deal in month `month`; null when no in-order walk
 * exists. The deals after the first are added to `chain` when one is given.
 */
function lastMonthOfWalk(
  hops: readonly (readonly DatedDeal[])[],
  start: number,
  month: number,
  chain?: DatedDeal[],
): number | null {
  const n = hops.length;
  for (let step = 1; step < n; step++) {
    const hop = hops[(start + step) % n]!;
    const at = firstAtOrAfter(hop, month);
    if (at < 0) return null;
    chain?.push(hop[at]!);
    month = hop[at]!.month;
  }
  return month;
}

/** True when a loop came back in order within `windowMonths` (Infinity: any time). */
export function isTimeRespecting(spanMonths: number | null, windowMonths: number): boolean {
  return spanMonths !== null && spanMonths <= windowMonths;
}

/** "came back in 7 months", "came back within the month", or "not in time order". */
export function formatSpan(order: Pick<TimeOrder, "spanMonths" | "orderApproximate">): string {
  if (order.spanMonths === null) return "not in time order";
  const approx = order.orderApproximate ? " (order approximate)" : "";
  if (order.spanMonths === 0) return `came back within the month${approx}`;
  return `came back in ${order.spanMonths} ${order.spanMonths === 1 ? "month" : "months"}${approx}`;
}
