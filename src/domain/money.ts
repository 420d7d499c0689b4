/** How people write money: "$300 bn", "up to $100 bn", "about $1.4 tn", "undisclosed". */
import type { AmountQualifier } from "./schema.ts";

/** Formats an amount in US$ billions, e.g. 300 → "$300 bn", 1400 → "$1.4 tn", 0.5 → "$500 m". */
export function formatUsdBn(usdBn: number): string {
  if (usdBn >= 1000) return `$${trim(usdBn / 1000, 2)} tn`;
  if (usdBn > 0 && usdBn < 1) return `$${trim(usdBn * 1000, 0)} m`;
  return `$${trim(usdBn, usdBn >= 100 ? 0 : 1)} bn`;
}

function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, "$1");
}

/** Formats a deal amount with its qualifier. */
export function formatDealAmount(usdBn: number | null, qualifier: AmountQualifier): string {
  if (usdBn === null || qualifier === "undisclosed") return "undisclosed";
  const base = formatUsdBn(usdBn);
  if (qualifier === "up-to") return `up to ${base}`;
  if (qualifier === "about") return `about ${base}`;
  return base;
}
