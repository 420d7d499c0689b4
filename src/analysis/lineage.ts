/**
 * Lineage as of a date: which deals were live then.
 *
 * A superseded deal is history today, but it was money until the deal that
 * replaced it was announced: Nvidia's letter of intent of September 2025
 * counted until its replacement in February 2026. Looking at the web as of
 * month M, a superseded deal whose replacement came after M (or has no date)
 * is shown as it stood then, with status "announced". Cancelled deals carry
 * no cancellation date, so they stay out. Months compare by the start of a
 * deal's period, as the timeline does. O(D) for D deals.
 *
 * Reference: ISO 8601-1:2019 §5.2.2 (reduced precision), as in `timeline.ts`.
 */
import type { Deal } from "../domain/schema.ts";

/** "YYYY-MM" of the start of a date's period, or null when undated. */
export function monthOf(date: string | undefined): string | null {
  if (!date) return null;
  return date.length === 4 ? `${date}-01` : date.slice(0, 7);
}

/**
 * The deals as they stood at the end of `month` ("YYYY-MM"). `announcedById`
 * gives each deal's announcement date, replacements included even when they
 * are filtered out of `deals`. Never mutates its input.
 */
export function lineageAsOf<T extends Pick<Deal, "status" | "supersededBy">>(
  deals: readonly T[],
  month: string,
  announcedById: ReadonlyMap<string, string | undefined>,
): T[] {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error("analysis/lineage: month must be YYYY-MM");
  return deals.map((deal) => {
    if (deal.status !== "superseded" || deal.supersededBy === undefined) return deal;
    const replaced = monthOf(announcedById.get(deal.supersededBy));
    if (replaced !== null && replaced <= month) return deal;
    return { ...deal, status: "announced" as const };
  });
}

/** Announcement dates by deal id, for `lineageAsOf`. */
export function announcedByIdOf(
  deals: readonly Pick<Deal, "id" | "announced">[],
): Map<string, string | undefined> {
  return new Map(deals.map((d) => [d.id, d.announced]));
}
