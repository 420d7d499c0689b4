/**
 * Vehicles merged into their sponsors: the "merge vehicles" view.
 *
 * A vehicle (SPV, joint venture, fund) is a company of kind `vehicle` with
 * `sponsors`, lead sponsor first. Merging draws each vehicle as its lead
 * sponsor (following lead sponsors through vehicles that sponsor vehicles), so
 * a deal with the vehicle becomes a deal with the sponsor. A deal between a
 * sponsor and its own vehicle would become a self-loop: it leaves the merged
 * view and is listed as internal instead. O(N + D).
 *
 * Reference: consolidation of controlled entities, IFRS 10 (the view is a
 * reading aid, not an accounting claim).
 */
import type { Company } from "../domain/schema.ts";

/** Each vehicle's final lead sponsor (a company that is not a vehicle, where one exists). */
export function leadSponsors(
  companies: readonly Pick<Company, "id" | "kind" | "sponsors">[],
): Map<string, string> {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const company of companies) {
    if (company.kind !== "vehicle" || !company.sponsors?.[0]) continue;
    const seen = new Set([company.id]);
    let lead = company.sponsors[0];
    for (;;) {
      const next = byId.get(lead);
      if (next?.kind !== "vehicle" || !next.sponsors?.[0] || seen.has(next.id)) break;
      seen.add(next.id);
      lead = next.sponsors[0];
    }
    if (lead !== company.id) out.set(company.id, lead);
  }
  return out;
}

export interface MergedDeals<T> {
  /** Deals with vehicle ends replaced by their lead sponsors (same ids). */
  readonly deals: T[];
  /** Deals between a sponsor and its own vehicle: out of the merged view. */
  readonly internal: T[];
  /** Vehicle id → the sponsor it is drawn as. */
  readonly sponsorOf: ReadonlyMap<string, string>;
}

/** The deals as the merged view sees them. Never mutates its input. */
export function mergeVehicles<T extends { readonly from: string; readonly to: string }>(
  deals: readonly T[],
  companies: readonly Pick<Company, "id" | "kind" | "sponsors">[],
): MergedDeals<T> {
  const sponsorOf = leadSponsors(companies);
  if (sponsorOf.size === 0) return { deals: deals.slice(), internal: [], sponsorOf };
  const merged: T[] = [];
  const internal: T[] = [];
  for (const deal of deals) {
    const from = sponsorOf.get(deal.from) ?? deal.from;
    const to = sponsorOf.get(deal.to) ?? deal.to;
    if (from === to) internal.push(deal);
    else if (from === deal.from && to === deal.to) merged.push(deal);
    else merged.push({ ...deal, from, to });
  }
  return { deals: merged, internal, sponsorOf };
}
