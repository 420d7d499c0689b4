/**
 * `npm run analyze -- <file> [--max-length N] [--limit N] [--cap N] [--json]`
 *
 * Reads a dataset JSON or a CSV edge list and prints its loops, concentration
 * flags and strongly connected components. Bad input exits with code 2 and one
 * line per problem; no stack trace is ever printed.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { CompanyConcentration } from "../analysis/concentration.ts";
import { type Hop, evidenceNote, formatRoundTrip } from "../analysis/hops.ts";
import { DEFAULT_LOOP_OPTIONS, type LoopReport } from "../analysis/loops.ts";
import { formatSpan } from "../analysis/timeOrder.ts";
import { formatCircularity } from "../analysis/circularity.ts";
import { type PipelineResult, analyzeDataset } from "../analysis/pipeline.ts";
import { formatUsdBn } from "../domain/money.ts";
import { parseImportText } from "../domain/importText.ts";
import { formatProblem, oneLine } from "../domain/problems.ts";
import type { Dataset } from "../domain/schema.ts";

export const USAGE = `usage: npm run analyze -- <file.json|file.csv> [--max-length N] [--limit N] [--cap N] [--window-months N] [--json]

  --max-length N   longest loop to list, in hops (>= 2, default 6; 0 for no bound)
  --limit N        list the N loops with the largest round trip (default 10000; 0 for all found)
  --window-months N  a loop is time-respecting when it came back in order within N months
                   (default 24)
  --cap N          stop the loop search after N loops (default 1000000; 0 for no cap);
                   "truncated" then says the search stopped early
  --json           print machine-readable JSON instead of a report

Superseded and cancelled deals are left out of every figure.`;

export interface CliArgs {
  readonly file: string;
  readonly maxLength: number;
  readonly limit: number;
  readonly cap: number;
  readonly windowMonths: number;
  readonly json: boolean;
}

/** Parses argv; returns an error message instead of throwing. */
export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  let file: string | undefined;
  let maxLength = 6;
  let limit = DEFAULT_LOOP_OPTIONS.limit;
  let cap = DEFAULT_LOOP_OPTIONS.cap;
  let windowMonths = DEFAULT_LOOP_OPTIONS.windowMonths;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.split("=", 2) : [arg, undefined];
    if (flag === "--json") json = true;
    else if (
      flag === "--max-length" ||
      flag === "--limit" ||
      flag === "--cap" ||
      flag === "--window-months"
    ) {
      const raw = inline ?? argv[++i];
      if (raw === undefined || !/^\d+$/.test(raw)) {
        return {
          error: `${flag} needs a whole number, got ${raw === undefined ? "nothing" : `"${raw}"`}`,
        };
      }
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) return { error: `${flag} is too large: ${raw}` };
      if (flag === "--limit") limit = n;
      else if (flag === "--cap") cap = n;
      else if (flag === "--window-months") windowMonths = n;
      else if (n === 0) maxLength = Infinity;
      else if (n < 2) return { error: "--max-length must be at least 2 (or 0 for no bound)" };
      else maxLength = n;
    } else if (flag === "--help" || flag === "-h") return { error: "" };
    else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { error: `only one file can be analysed, got "${file}" and "${arg}"` };
  }
  if (file === undefined) return { error: "no file given" };
  return { file, maxLength, limit, cap, windowMonths, json };
}

/** A hop as the JSON report writes it: ids, never names. */
function jsonHop(h: Hop) {
  return {
    from: h.from,
    to: h.to,
    totalUsdBn: h.totalUsdBn,
    undisclosedDeals: h.undisclosedDeals,
    dealIds: h.dealIds,
  };
}

/** The `--json` document. */
export function toJsonReport(dataset: Dataset, analysis: PipelineResult): Record<string, unknown> {
  return {
    cycleCount: analysis.loops.length,
    cyclesFound: analysis.loopsFound,
    truncated: analysis.truncated,
    cycles: analysis.loops.map((l) => ({
      companies: l.companies,
      roundTripUsdBn: l.roundTripUsdBn,
      roundTripCeilingUsdBn: l.roundTripCeilingUsdBn,
      totalUsdBn: l.totalUsdBn,
      hasUnknownAmount: l.hasUnknownAmount,
      typeMix: l.typeMix,
      weakEvidence: l.weakEvidence,
      timeRespecting: l.timeRespecting,
      spanMonths: l.spanMonths,
      chainDealIds: l.chainDealIds,
      orderApproximate: l.orderApproximate,
      hops: l.hops.map(jsonHop),
    })),
    hops: analysis.hops.map(jsonHop),
    circularity: analysis.circularity.computed
      ? {
          index: analysis.circularity.index,
          byCompany: Object.fromEntries(analysis.circularity.byCompany),
        }
      : { index: null, reason: analysis.circularity.reason },
    concentration: analysis.concentration,
    stronglyConnectedComponents: analysis.components,
    dataset: {
      title: dataset.title,
      asOf: dataset.asOf,
      companies: dataset.companies.length,
      deals: dataset.deals.length,
    },
  };
}

function loopLine(l: LoopReport, nameOf: (id: string) => string): string {
  const path = [...l.companies, l.companies[0]!].map(nameOf).join(" → ");
  const types = Object.entries(l.typeMix)
    .map(([t, n]) => (n > 1 ? `${t}×${n}` : t))
    .join(", ");
  const evidence = evidenceNote(l.hops);
  return `${path} · round trip ${formatRoundTrip(l)} · ${formatSpan(l)} · ${types}${evidence ? ` · ${evidence}` : ""}`;
}

function riskLines(c: CompanyConcentration, nameOf: (id: string) => string): string[] {
  const head = [
    `${nameOf(c.company)}:`,
    `in ${formatUsdBn(c.inflowUsdBn)}, out ${formatUsdBn(c.outflowUsdBn)}`,
    c.inflowHhi === null ? null : `HHI ${Math.round(c.inflowHhi)}`,
    c.circularShare === null ? null : `circular ${Math.round(c.circularShare * 100)}%`,
    c.coverage === null
      ? "coverage unknown"
      : `coverage ${Math.round(c.coverage * 100)}% of reported revenue`,
  ]
    .filter(Boolean)
    .join(" ");
  return [
    head,
    ...c.flags.map((f) => `    [${f.level}] ${f.message}${f.caveat ? ` (${f.caveat})` : ""}`),
  ];
}

/** The readable report. */
export function toTextReport(dataset: Dataset, analysis: PipelineResult): string {
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const out: string[] = [];
  out.push(`${dataset.title} (as of ${dataset.asOf})`);
  const history = dataset.deals.length - analysis.dealIds.length;
  out.push(
    `${dataset.companies.length} companies, ${analysis.dealIds.length} live deals` +
      (history > 0 ? ` (${history} superseded or cancelled, left out)` : ""),
  );
  out.push("");
  const shown =
    analysis.loops.length < analysis.loopsFound
      ? `${analysis.loops.length} largest of ${analysis.loopsFound} found`
      : `${analysis.loops.length}`;
  const more = analysis.truncated ? " (search stopped at --cap: raise it to find more)" : "";
  out.push(`Circularity: ${formatCircularity(analysis.circularity)} (Finn's cycling index).`);
  out.push("");
  out.push(`Loops: ${shown}${more}`);
  analysis.loops.forEach((l, i) => out.push(`  ${i + 1}. ${loopLine(l, nameOf)}`));
  out.push("");
  const flagged = analysis.concentration.filter((c) => c.flags.length > 0);
  out.push(`Concentration flags: ${flagged.length} companies`);
  for (const c of flagged) out.push(...riskLines(c, nameOf).map((l) => `  ${l}`));
  out.push("");
  out.push(`Strongly connected components (2+ companies): ${analysis.components.length}`);
  for (const comp of analysis.components) out.push(`  {${comp.map(nameOf).join(", ")}}`);
  // NOTE: names come from the user's file: no line breaks, no terminal escapes.
  return out.map(oneLine).join("\n");
}

/** Runs the CLI; returns the exit code. */
export function main(
  argv: readonly string[],
  write = (s: string): void => void process.stdout.write(s),
  writeErr = (s: string): void => void process.stderr.write(s),
): number {
  const args = parseArgs(argv);
  if ("error" in args) {
    writeErr(`${args.error ? `error: ${args.error}\n` : ""}${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    if (statSync(args.file).size > 512 * 1024 * 1024) {
      writeErr(`error: ${args.file} is larger than 512 MB\n`);
      return 2;
    }
    text = readFileSync(args.file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    writeErr(`error: cannot read ${args.file}${code ? ` (${code})` : ""}\n`);
    return 2;
  }
  const parsed = parseImportText(text, basename(args.file)).result;
  if (!parsed.ok) {
    writeErr(`${args.file}: ${parsed.problems.length} problem(s)\n`);
    for (const p of parsed.problems) writeErr(`${formatProblem(p)}\n`);
    return 2;
  }
  for (const w of parsed.warnings ?? []) writeErr(`warning: ${formatProblem(w)}\n`);
  const analysis = analyzeDataset(parsed.value, {
    maxLength: args.maxLength,
    limit: args.limit,
    cap: args.cap,
    windowMonths: args.windowMonths,
  });
  if (args.json) write(`${JSON.stringify(toJsonReport(parsed.value, analysis), null, 2)}\n`);
  else write(`${toTextReport(parsed.value, analysis)}\n`);
  return 0;
}

const isEntry = process.argv[1] !== undefined && /analyze\.[jt]s$/.test(process.argv[1]);
if (isEntry) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
