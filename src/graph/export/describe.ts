/**
 * Export description: the words around an exported drawing.
 *
 * From the export subgraph and the dataset: the title (the loop as
 * "Nvidia → OpenAI → Oracle → Nvidia", the company's name, the flow, or the
 * dataset's title), a one-line subtitle with counts, the legend (deal types
 * by the colour each flow is drawn in, company kinds, and the undisclosed
 * style when present), the as-of date, the sources the shown deals cite (most
 * cited first: the picture numbers and lists them all), and the file name. O(E + D)
 * for E flows and the D deals they carry.
 *
 * The loop's round trip and evidence come from its `LoopReport`, worded by
 * `analysis/hops.ts`, so the export says exactly what the Loops panel says.
 *
 * Reference: `analysis/hops.ts` (`formatRoundTrip`, `evidenceNote`).
 */
import { evidenceNote, formatRoundTrip } from "../../analysis/hops.ts";
import { formatSpan } from "../../analysis/timeOrder.ts";
import type { LoopReport } from "../../analysis/loops.ts";
import {
  COMPANY_KINDS,
  type CompanyKind,
  DEAL_TYPES,
  type Dataset,
  type DealType,
  type Source,
} from "../../domain/schema.ts";
import {
  COMPANY_KIND_COLORS,
  COMPANY_KIND_LABELS,
  DEAL_TYPE_COLORS,
  DEAL_TYPE_LABELS,
} from "../palette.ts";
import { formatCount, plural } from "../../domain/counts.ts";
import type { LargeViewSummary } from "../largeView.ts";
import type { ExportFormat } from "./presets.ts";
import type { ExportSubgraph } from "./subgraph.ts";
import { FAILED_FLOW_COLOR, STRESS_BANDS, STRESS_COLORS, STRESS_LABELS } from "../stressStyle.ts";

export type ExportDataset = Pick<Dataset, "title" | "asOf" | "companies" | "deals" | "sources">;

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

export interface ExportDescription {
  readonly title: string;
  readonly subtitle: string;
  readonly dealTypes: readonly LegendEntry[];
  readonly companyKinds: readonly LegendEntry[];
  /** True when some flow has no disclosed amount (drawn thin and faded). */
  readonly hasUndisclosed: boolean;
  /** The dataset's as-of date, written out ("15 February 2026"). */
  readonly asOf: string;
  /** Sources cited by the shown deals, most cited first. */
  readonly sources: readonly Source[];
  /** File name without extension, e.g. "nvidia-openai-oracle-loop". */
  readonly fileStem: string;
}

const MAX_STEM_CHARS = 100;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The description of a stressed view: the stress bands replace the company
 * kinds in the legend (nodes are coloured by stress), failed payments join the
 * flow legend, and the scenario's caption follows the subtitle.
 */
export function withStressLegend(
  description: ExportDescription,
  caption: string,
): ExportDescription {
  return {
    ...description,
    subtitle: `${description.subtitle} · ${caption}`,
    companyKinds: STRESS_BANDS.map((b) => ({ label: STRESS_LABELS[b], color: STRESS_COLORS[b] })),
    // NOTE: under stress, flows are coloured by failure, not by deal type.
    dealTypes: [
      { label: "Failed payment", color: FAILED_FLOW_COLOR },
      { label: "Paid in full", color: STRESS_COLORS.untouched },
    ],
    fileStem: `${description.fileStem}-stress`,
  };
}

/** Title, legend, footer facts and file name for an export. */
export function describeExport(
  subgraph: ExportSubgraph,
  dataset: ExportDataset,
  loop: LoopReport | null = null,
): ExportDescription {
  if (!dataset || !Array.isArray(dataset.companies) || !Array.isArray(dataset.deals)) {
    throw new Error("graph/export: dataset must have companies and deals");
  }
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const { graph, companies } = subgraph;
  const types = new Set<DealType>();
  const kinds = new Set<CompanyKind>();
  const dealIds: string[] = [];
  let hasUndisclosed = false;
  graph.forEachEdge((_key, attr) => {
    types.add(attr.dominantType);
    dealIds.push(...attr.dealIds);
    hasUndisclosed ||= attr.undisclosed;
  });
  graph.forEachNode((_id, attr) => kinds.add(attr.kind));

  const counts = `${plural(graph.order, "company", "companies")}, ${plural(graph.size, "flow", "flows")}, ${plural(dealIds.length, "deal", "deals")}`;
  let title: string;
  let subtitle: string;
  let fileStem: string;
  const loopNames = companies.map(nameOf);
  switch (subgraph.kind) {
    case "loop":
      title = [...loopNames, loopNames[0]].join(" → ");
      subtitle = [
        `Loop of ${plural(graph.size, "hop", "hops")}`,
        loop ? `round trip ${formatRoundTrip(loop)}` : "round trip not computed",
        loop ? formatSpan(loop) : "",
        plural(dealIds.length, "deal", "deals"),
        loop ? evidenceNote(loop.hops) : "",
      ]
        .filter((part) => part !== "")
        .join(" · ");
      fileStem = `${slugify(loopNames.join(" "))}-loop`;
      break;
    case "company":
      title = loopNames[0] ?? "";
      subtitle = `${title} and its direct counterparties · ${counts}`;
      fileStem = `${slugify(title)}-counterparties`;
      break;
    case "edge":
      title = loopNames.join(" → ");
      subtitle = `Money flowing from ${loopNames[0]} to ${loopNames[1]} · ${plural(dealIds.length, "deal", "deals")}`;
      fileStem = `${slugify(loopNames.join(" "))}-flow`;
      break;
    default:
      title = dataset.title;
      subtitle = counts;
      fileStem = `${slugify(dataset.title)}-graph`;
  }
  return {
    title,
    subtitle,
    dealTypes: DEAL_TYPES.filter((t) => types.has(t)).map((t) => ({
      label: DEAL_TYPE_LABELS[t],
      color: DEAL_TYPE_COLORS[t],
    })),
    companyKinds: COMPANY_KINDS.filter((k) => kinds.has(k)).map((k) => ({
      label: COMPANY_KIND_LABELS[k],
      color: COMPANY_KIND_COLORS[k],
    })),
    hasUndisclosed,
    asOf: formatAsOf(dataset.asOf),
    sources: citedSources(dataset, new Set(dealIds)),
    fileStem: fileStem.slice(0, MAX_STEM_CHARS).replace(/-+$/, "") || "ouroboros-export",
  };
}

/** Sources cited by the given deals, most cited first, then in dataset order. */
function citedSources(dataset: ExportDataset, dealIds: ReadonlySet<string>): Source[] {
  const citations = new Map<string, number>();
  for (const deal of dataset.deals) {
    if (!dealIds.has(deal.id)) continue;
    for (const ref of new Set(deal.sources.map((s) => s.sourceId))) {
      citations.set(ref, (citations.get(ref) ?? 0) + 1);
    }
  }
  return dataset.sources
    .map((s, i) => ({ s, i, n: citations.get(s.id) ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.s);
}

/** A lowercase ASCII slug: "Nvidia OpenAI" → "nvidia-openai". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The download name, e.g. `nvidia-openai-oracle-loop.png`. */
export function exportFileName(
  description: Pick<ExportDescription, "fileStem">,
  format: ExportFormat,
): string {
  return `${description.fileStem}.${format}`;
}

/** "2026-02-15" → "15 February 2026", "2025-11" → "November 2025", "2025" → "2025". */
export function formatAsOf(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return date;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * The description of a large dataset's whole-graph picture, which holds only
 * its largest flows (`largeView.ts`): the subtitle says so, with the totals,
 * so a printed picture never passes for the whole dataset.
 */
export function withLargeViewNote(
  description: ExportDescription,
  summary: LargeViewSummary,
): ExportDescription {
  return {
    ...description,
    subtitle: `${description.subtitle} · the ${formatCount(summary.drawnHops)} largest of ${formatCount(summary.totalHops)} flows, between the ${formatCount(summary.drawnCompanies)} of ${formatCount(summary.totalCompanies)} companies with the most money`,
  };
}
