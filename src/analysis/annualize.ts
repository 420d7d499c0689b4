/**
 * Money per year: what a deal is worth in one year, so yearly figures
 * (revenue, equity, a year's losses) are compared with yearly ones.
 *
 * A deal with a stated `horizonYears` counts amount / horizon a year. A
 * multi-year contract type (a cloud contract, a capacity backstop) with no
 * stated horizon uses `DEFAULT_HORIZON_YEARS` and says so. Anything else (an
 * equity stake, a purchase, a loan drawn once) counts once, in full, in the
 * year it is made. Undisclosed amounts count as 0. O(1) a deal.
 *
 * Reference: straight-line recognition of a fixed-term contract, as in
 * IFRS 15 / ASC 606 over the contract term (a reading aid, not accounting).
 */
import type { DealType } from "../domain/schema.ts";

/** Years a multi-year contract with no stated horizon is spread over. */
export const DEFAULT_HORIZON_YEARS = 5;

/** Deal types that are paid over several years. */
export const MULTI_YEAR_TYPES: readonly DealType[] = ["cloud-contract", "backstop"];

export interface AnnualAmount {
  /** US$ bn a year. */
  readonly usdBnPerYear: number;
  /** True when the horizon is the default, not one a source states. */
  readonly assumedHorizon: boolean;
}

/** A deal's amount for one year. */
export function annualAmount(deal: {
  readonly amountUsdBn: number | null;
  readonly type: DealType;
  readonly horizonYears?: number;
}): AnnualAmount {
  const amount = deal.amountUsdBn ?? 0;
  if (deal.horizonYears !== undefined && deal.horizonYears > 0) {
    return { usdBnPerYear: amount / Math.max(1, deal.horizonYears), assumedHorizon: false };
  }
  if (MULTI_YEAR_TYPES.includes(deal.type)) {
    return { usdBnPerYear: amount / DEFAULT_HORIZON_YEARS, assumedHorizon: amount > 0 };
  }
  return { usdBnPerYear: amount, assumedHorizon: false };
}
