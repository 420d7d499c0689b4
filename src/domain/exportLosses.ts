/**
 * What an edge-list export cannot carry. CSV and GEXF hold the deals (GEXF also
 * the companies' kinds and sponsors; CSV also a tracker's own columns), but not
 * the company facts, the source quotes and links, amounts in other currencies, the stories,
 * or (in CSV) the notes, terms and company kinds (in GEXF, the tracker columns). The export
 * names what it leaves out so nobody mistakes the file for the whole dataset.
 */
import { plural } from "./counts.ts";
import type { Dataset } from "./schema.ts";

export type EdgeListFormat = "csv" | "gexf";

/** One phrase per kind of record the format drops; empty when nothing is lost. */
export function exportLeavesOut(dataset: Dataset, format: EdgeListFormat): string[] {
  const out: string[] = [];
  if (dataset.facts.length > 0) out.push(plural(dataset.facts.length, "company fact"));
  const quoted = dataset.deals.reduce((n, d) => n + d.sources.length, 0);
  if (quoted > 0) out.push(`${plural(quoted, "source quote")} (only source titles are kept)`);
  const linked = dataset.sources.filter((s) => s.url !== undefined).length;
  if (linked > 0) out.push(plural(linked, "source link"));
  const local = dataset.deals.filter((d) => d.localAmount !== undefined).length;
  if (local > 0) out.push(`the amounts in other currencies of ${plural(local, "deal")}`);
  const stories = (dataset.stories ?? []).length;
  if (stories > 0) out.push(plural(stories, "story", "stories"));
  if (format === "gexf") {
    const attributed = dataset.deals.filter((d) => (d.attributes ?? []).length > 0).length;
    if (attributed > 0) out.push(`the tracker columns kept on ${plural(attributed, "deal")}`);
  }
  if (format === "csv") {
    const noted = dataset.deals.filter((d) => d.notes.length > 0).length;
    if (noted > 0) out.push(`the notes on ${plural(noted, "deal")}`);
    const termed = dataset.deals.filter(
      (d) => d.horizonYears !== undefined || d.capacityGw !== undefined,
    ).length;
    if (termed > 0) out.push(`the terms (years, GW) of ${plural(termed, "deal")}`);
    const kinded = dataset.companies.filter((c) => c.kind !== "other").length;
    if (kinded > 0) out.push(`the kinds and sponsors of ${plural(kinded, "company", "companies")}`);
  }
  return out;
}

/** The notice shown after an edge-list export, or `null` when nothing was left out. */
export function exportLossNotice(dataset: Dataset, format: EdgeListFormat): string | null {
  const lost = exportLeavesOut(dataset, format);
  if (lost.length === 0) return null;
  return `${format.toUpperCase()} export leaves out ${lost.join(", ")}. Export JSON to keep everything.`;
}
