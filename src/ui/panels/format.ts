/** Text helpers shared by the panels. Pure, so they are tested without a DOM. */
import type { FlagLevel } from "../../analysis/concentration.ts";
import { FLAG_LEVELS } from "../../analysis/concentration.ts";
import type { BufferSource } from "../../analysis/stress.ts";
import { formatUsdBn } from "../../domain/money.ts";

const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** "22 Sep 2025", "Sep 2025 (month only)", "2025 (year only)", or "undated". */
export function formatPartialDate(date: string | undefined): string {
  if (!date) return "undated";
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return `${year} (year only)`;
  if (!day) return `${monthName} ${year} (month only)`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** A 0..1 share as a whole percentage; tiny non-zero shares read "<1%". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return "<1%";
  return `${Math.round(share * 100)}%`;
}

/** A signed dollar figure: negative values (losses) read "−$5 bn". */
export function formatSignedUsdBn(usdBn: number): string {
  return usdBn < 0 ? `−${formatUsdBn(-usdBn)}` : formatUsdBn(usdBn);
}

/** A counterparty total: "$40 bn", "$40 bn + 2 undisclosed", or "undisclosed". */
export function formatFlowAmount(usdBn: number, undisclosedDeals: number): string {
  if (undisclosedDeals === 0) return formatUsdBn(usdBn);
  if (usdBn === 0) return "undisclosed";
  return `${formatUsdBn(usdBn)} + ${undisclosedDeals} undisclosed`;
}

/** "Nvidia → OpenAI → Oracle → Nvidia": the loop closed back to its first company. */
export function loopPathText(companies: readonly string[], nameOf: (id: string) => string): string {
  if (companies.length === 0) return "";
  return [...companies, companies[0]!].map(nameOf).join(" → ");
}

/** The flag level of a company's severity (0 = none). */
export function severityLevel(severity: number): FlagLevel | null {
  return FLAG_LEVELS[severity - 1] ?? null;
}

export { plural } from "../../domain/counts.ts";

/** "OpenAI pays 60% of its commitments", for the shocked companies' names and a shortfall. */
/** What a stress buffer is: "reported equity (2025-08-31)", "annual revenue (FY2025)", … */
export function bufferText(source: BufferSource, period: string | null): string {
  const when = period ? ` (${period})` : "";
  switch (source) {
    case "equity":
      return `reported equity${when}`;
    case "cash":
      return `reported cash${when}`;
    case "revenue":
      return `reported annual revenue${when}`;
    case "inflows":
      return "inflows a year in the data";
    default:
      return "no buffer";
  }
}

export function shortfallSentence(names: readonly string[], shortfallPct: number): string {
  const one = names.length === 1;
  const who = names.length === 0 ? "The shocked companies" : names.join(" and ");
  return `${who} ${one ? "pays" : "pay"} ${100 - shortfallPct}% of ${one ? "its" : "their"} commitments`;
}
