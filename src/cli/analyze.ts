/**
 * The analysis behind `ouroboros analyze <file> [options]` (`ouroboros.ts` is
 * the entry point; `npm run analyze --` runs it).
 *
 * Reads a dataset JSON, a CSV edge list or tracker, an Excel workbook or a GEXF
 * file and prints its loops, concentration flags and strongly connected
 * components. Bad input exits with code 2 and one line per problem; no stack
 * trace is ever printed.
 */
import { readFileSync, statSync, writeSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { basename } from "node:path";
import {
  type CompanyConcentration,
  type ConcentrationRanking,
  DEFAULT_CONCENTRATION_THRESHOLDS,
  rankConcentration,
} from "../analysis/concentration.ts";
import { type Hop, evidenceNote, formatRoundTrip } from "../analysis/hops.ts";
import {
  DEFAULT_LOOP_OPTIONS,
  type LoopOptions,
  type LoopReport,
  type RankedLoops,
} from "../analysis/loops.ts";
import { formatSpan } from "../analysis/timeOrder.ts";
import { formatCircularity } from "../analysis/circularity.ts";
import { type PipelineResult, analyzeDatasetRanked } from "../analysis/pipeline.ts";
import { formatUsdBn } from "../domain/money.ts";
import { plural } from "../domain/counts.ts";
import { parseImportFile } from "../domain/importText.ts";
import {
  MAPPED_VALUE_FIELDS,
  type MappedValueField,
  type MappingChoice,
  TRACKER_FIELDS,
  type TrackerField,
  valuesOf,
} from "../domain/tracker.ts";
import { formatProblem, oneLine } from "../domain/problems.ts";
import type { Dataset } from "../domain/schema.ts";

export const USAGE = `usage: npm run analyze -- <file.json|file.csv|file.gexf|file.xlsx> [--max-length N] [--limit N] [--cap N] [--window-months N] [--json] [--map COLUMN=FIELD] [--map-value FIELD:WORD=VALUE] [--strict] [--sheet NAME] [--timings]

  --max-length N   longest loop to list, in hops (>= 2, default 6; 0 for no bound)
  --limit N        list the N loops with the largest round trip (default 10000; 0 for all found)
  --window-months N  a loop is time-respecting when it came back in order within N months
                   (default 24)
  --cap N          stop the loop search after N loops (default 1000000; 0 for no cap);
                   "truncated" then says the search stopped early
  --json           print machine-readable JSON instead of a report (compact; streamed)
  --pretty         indent the JSON by two spaces
  --map COLUMN=FIELD   read a tracker's column as one of our fields (from, to, type, amount,
                   announced, status, sources, id, description, notes, qualifier, evidence,
                   arrangement, superseded_by), or "-" to keep it as an attribute; repeatable
  --map-value FIELD:WORD=VALUE   read a word of the type, status, evidence or qualifier
                   column as one of our values; repeatable
  --strict         treat warnings (mapped columns and values, unread cells) as errors
  --timings        print how long each phase took (start-up, reading, analysis, output) on stderr
  --sheet NAME     the sheet of an Excel workbook to read (default: the first)

Exit codes: 0 done, 2 bad input or options, 3 a resource limit was reached
(memory, string size): the reason is printed on one line.

Superseded and cancelled deals are left out of every figure.`;

export interface CliArgs {
  readonly file: string;
  readonly mapping: MappingChoice;
  readonly strict: boolean;
  readonly timings: boolean;
  readonly maxLength: number;
  readonly limit: number;
  readonly cap: number;
  readonly windowMonths: number;
  readonly json: boolean;
  readonly pretty: boolean;
}

/** Parses argv; returns an error message instead of throwing. */
export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  let file: string | undefined;
  let maxLength = 6;
  let limit = DEFAULT_LOOP_OPTIONS.limit;
  let cap = DEFAULT_LOOP_OPTIONS.cap;
  let windowMonths = DEFAULT_LOOP_OPTIONS.windowMonths;
  let json = false;
  let pretty = false;
  let strict = false;
  let timings = false;
  let sheet: string | undefined;
  const columns: [string, TrackerField | null][] = [];
  const values = new Map<MappedValueField, [string, string][]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "--json") json = true;
    else if (flag === "--pretty") pretty = true;
    else if (flag === "--strict") strict = true;
    else if (flag === "--timings") timings = true;
    else if (flag === "--sheet") {
      const raw = inline ?? argv[++i];
      if (raw === undefined || raw === "") return { error: "--sheet needs a sheet name" };
      sheet = raw;
    } else if (flag === "--map") {
      const raw = inline ?? argv[++i];
      const m = raw === undefined ? null : /^(.+)=(.+)$/.exec(raw);
      const field = m?.[2]!.trim();
      if (!m || (field !== "-" && !(TRACKER_FIELDS as readonly string[]).includes(field!))) {
        return {
          error: `--map needs COLUMN=FIELD with FIELD one of ${TRACKER_FIELDS.join(", ")} or -, got ${raw === undefined ? "nothing" : `"${raw}"`}`,
        };
      }
      columns.push([m[1]!.trim(), field === "-" ? null : (field as TrackerField)]);
    } else if (flag === "--map-value") {
      const raw = inline ?? argv[++i];
      const m = raw === undefined ? null : /^([a-z]+):(.+)=(.+)$/.exec(raw);
      const field = m?.[1] as MappedValueField | undefined;
      if (!m || !field || !(MAPPED_VALUE_FIELDS as readonly string[]).includes(field)) {
        return {
          error: `--map-value needs FIELD:WORD=VALUE with FIELD one of ${MAPPED_VALUE_FIELDS.join(", ")}, got ${raw === undefined ? "nothing" : `"${raw}"`}`,
        };
      }
      const value = m[3]!.trim();
      if (!valuesOf(field).includes(value)) {
        return {
          error: `--map-value: "${value}" is not a ${field}; one of ${valuesOf(field).join(", ")}`,
        };
      }
      values.set(field, [...(values.get(field) ?? []), [m[2]!.trim(), value]]);
    } else if (
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
  return {
    file,
    maxLength,
    limit,
    cap,
    windowMonths,
    json,
    pretty,
    strict,
    timings,
    mapping: { ...(sheet === undefined ? {} : { sheet }), columns, values: [...values] },
  };
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

/** JSON text written as it is: a piece already serialised. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Cycles as the JSON report writes them. A hop is shared by many loops (a
 * loop-dense file has tens of thousands of loops over a few thousand hops), so
 * each hop's text is made once, kept in `hopText`, and spliced into every loop
 * that uses it.
 */
function jsonCycles(loops: RankedLoops, hopText: Map<Hop, string>): MappedList<JsonText> {
  const textOf = (h: Hop) => {
    let text = hopText.get(h);
    if (text === undefined) {
      text = JSON.stringify(jsonHop(h));
      hopText.set(h, text);
    }
    return text;
  };
  return new MappedList(loops.length, (i) => new JsonText(jsonCycleText(loops.at(i), textOf)));
}

/** A number as `JSON.stringify` writes it. */
const jsonNumber = (x: number | null) => (x === null || !Number.isFinite(x) ? "null" : `${x}`);

/**
 * One cycle's JSON text, `hopText` giving each hop's. The same text as
 * `JSON.stringify` of the object with these keys in this order (tested), made
 * without that object: a loop-dense report writes tens of thousands.
 */
export function jsonCycleText(l: LoopReport, hopText: (h: Hop) => string): string {
  let hops = "";
  for (let i = 0; i < l.hops.length; i++) hops += (i > 0 ? "," : "") + hopText(l.hops[i]!);
  return (
    `{"companies":${JSON.stringify(l.companies)},` +
    `"roundTripUsdBn":${jsonNumber(l.roundTripUsdBn)},` +
    `"roundTripCeilingUsdBn":${jsonNumber(l.roundTripCeilingUsdBn)},` +
    `"totalUsdBn":${jsonNumber(l.totalUsdBn)},` +
    `"hasUnknownAmount":${l.hasUnknownAmount},` +
    `"typeMix":${JSON.stringify(l.typeMix)},` +
    `"weakEvidence":${JSON.stringify(l.weakEvidence)},` +
    `"timeRespecting":${l.timeRespecting},` +
    `"spanMonths":${jsonNumber(l.spanMonths)},` +
    `"chainDealIds":${JSON.stringify(l.chainDealIds)},` +
    `"orderApproximate":${l.orderApproximate},` +
    `"hops":[${hops}]}`
  );
}

/** A top counterparty without its deal list (the `hops` entry for the pair has it). */
const jsonTop = (f: CompanyConcentration["topPayer"]) =>
  f && { company: f.company, usdBn: f.usdBn, share: f.share };

/**
 * A company's concentration as the JSON report writes it: the per-counterparty
 * lists are left out because `hops` already gives every payer → payee pair.
 */
function jsonConcentration(c: CompanyConcentration) {
  // NOTE: written out field by field: a rest spread is several times slower,
  // which a million-company report feels.
  return {
    company: c.company,
    inflowUsdBn: c.inflowUsdBn,
    outflowUsdBn: c.outflowUsdBn,
    payers: c.inflows.length,
    payees: c.outflows.length,
    topPayer: jsonTop(c.topPayer),
    topPayee: jsonTop(c.topPayee),
    inflowHhi: c.inflowHhi,
    outflowHhi: c.outflowHhi,
    revenueUsdBn: c.revenueUsdBn,
    revenueFactId: c.revenueFactId,
    annualInflowUsdBn: c.annualInflowUsdBn,
    annualOutflowUsdBn: c.annualOutflowUsdBn,
    coverage: c.coverage,
    backlogUsdBn: c.backlogUsdBn,
    backlogFactId: c.backlogFactId,
    commitmentsToRevenue: c.commitmentsToRevenue,
    circularShare: c.circularShare,
    flags: c.flags,
    severity: c.severity,
    supportedFlags: c.supportedFlags,
  } satisfies Record<Exclude<keyof CompanyConcentration, "inflows" | "outflows">, unknown> & {
    payers: number;
    payees: number;
  };
}

/**
 * A list whose items are made only as they are written: a million-company
 * report never holds a second million objects. `JSON.stringify` makes them all
 * at once via `toJSON`.
 */
export class MappedList<U> {
  constructor(
    readonly length: number,
    readonly at: (i: number) => U,
  ) {}
  toJSON(): U[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

const mapped = <T, U>(items: readonly T[], map: (item: T) => U) =>
  new MappedList(items.length, (i) => map(items[i]!));

/** The `--json` document, as key → value; the long lists are mapped as they are written. */
export function toJsonReport(
  dataset: Dataset,
  { analysis, loops, concentration }: Report,
): Record<string, unknown> {
  // NOTE: the hops list reuses the text the cycles made, and keeps no more (a million hops).
  const hopText = new Map<Hop, string>();
  return {
    cycleCount: loops.length,
    cyclesFound: loops.found,
    truncated: loops.truncated,
    cycles: jsonCycles(loops, hopText),
    hops: mapped(analysis.hops, (h) => {
      const text = hopText.get(h);
      return text === undefined ? jsonHop(h) : new JsonText(text);
    }),
    circularity: analysis.circularity.computed
      ? {
          index: analysis.circularity.index,
          byCompany: Object.fromEntries(analysis.circularity.byCompany),
        }
      : { index: null, reason: analysis.circularity.reason },
    concentration: new MappedList(concentration.length, (i) =>
      jsonConcentration(concentration.at(i)),
    ),
    stronglyConnectedComponents: analysis.components,
    dataset: {
      title: dataset.title,
      asOf: dataset.asOf,
      companies: dataset.companies.length,
      deals: dataset.deals.length,
    },
  };
}

/**
 * Writes JSON a piece at a time: the document and its lists are walked, so it
 * never has to fit in one string (V8 caps a string near 512 MB); below
 * `walkDepth` levels each value is one `JSON.stringify`, which is far faster
 * than walking. Compact by default; `pretty` indents by two spaces.
 */
export function writeJson(
  piece: unknown,
  write: (chunk: string) => void,
  pretty = false,
  indent = "",
  walkDepth = 2,
): void {
  if (piece instanceof JsonText && !pretty) return write(piece.text);
  // NOTE: indented, serialised text is read back and written like any value.
  const value = piece instanceof JsonText ? (JSON.parse(piece.text) as unknown) : piece;
  const nl = pretty ? "\n" : "";
  const inner = pretty ? `${indent}  ` : "";
  const sep = pretty ? ": " : ":";
  if (walkDepth <= 0 || value === null || typeof value !== "object") {
    const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    return write(text === undefined ? "null" : pretty ? text.replace(/\n/g, `\n${indent}`) : text);
  }
  if (Array.isArray(value) || value instanceof MappedList) {
    const list = value as readonly unknown[] | MappedList<unknown>;
    const at = list instanceof MappedList ? list.at : (i: number) => list[i];
    if (list.length === 0) return write("[]");
    write("[");
    for (let i = 0; i < list.length; i++) {
      write(`${i > 0 ? "," : ""}${nl}${inner}`);
      writeJson(at(i), write, pretty, inner, walkDepth - 1);
    }
    return write(`${nl}${indent}]`);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return write("{}");
  write("{");
  entries.forEach(([key, v], i) => {
    write(`${i > 0 ? "," : ""}${nl}${inner}${JSON.stringify(key)}${sep}`);
    writeJson(v, write, pretty, inner, walkDepth - 1);
  });
  write(`${nl}${indent}}`);
}

/**
 * Gathers small writes into chunks of about 1 MB, so output costs few system
 * calls. Concatenation builds a rope that the write flattens once, which
 * measured faster than collecting parts and joining them.
 */
export function bufferedWriter(write: (s: string) => void): {
  write: (s: string) => void;
  flush: () => void;
} {
  let pending = "";
  const flush = () => {
    if (pending.length === 0) return;
    write(pending);
    pending = "";
  };
  return {
    write(s) {
      pending += s;
      if (pending.length >= 1 << 20) flush();
    },
    flush,
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

/** The readable report, written line by line. */
export function writeTextReport(
  dataset: Dataset,
  { analysis, loops, concentration }: Report,
  write: (s: string) => void,
): void {
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  let first = true;
  // NOTE: names come from the user's file: no line breaks, no terminal escapes.
  const line = (text: string) => {
    write(`${first ? "" : "\n"}${oneLine(text)}`);
    first = false;
  };
  line(`${dataset.title} (as of ${dataset.asOf})`);
  const history = dataset.deals.length - analysis.dealIds.length;
  line(
    `${dataset.companies.length} companies, ${analysis.dealIds.length} live deals` +
      (history > 0 ? ` (${history} superseded or cancelled, left out)` : ""),
  );
  line("");
  const shown =
    loops.length < loops.found
      ? `${loops.length} largest of ${loops.found} found`
      : `${loops.length}`;
  const more = loops.truncated ? " (search stopped at --cap: raise it to find more)" : "";
  line(`Circularity: ${formatCircularity(analysis.circularity)} (Finn's cycling index).`);
  line("");
  line(`Loops: ${shown}${more}`);
  for (let i = 0; i < loops.length; i++) line(`  ${i + 1}. ${loopLine(loops.at(i), nameOf)}`);
  line("");
  line(`Concentration flags: ${concentration.flagged} companies`);
  for (let i = 0; i < concentration.flagged; i++) {
    for (const l of riskLines(concentration.at(i), nameOf)) line(`  ${l}`);
  }
  line("");
  line(`Strongly connected components (2+ companies): ${analysis.components.length}`);
  for (const comp of analysis.components) line(`  {${comp.map(nameOf).join(", ")}}`);
}

/** What the CLI reports: loops and concentration are ranked, and read one at a time. */
export interface Report {
  readonly analysis: PipelineResult;
  readonly loops: RankedLoops;
  readonly concentration: ConcentrationRanking;
}

/** The analysis the CLI reports. */
export function analyzeForReport(dataset: Dataset, loopOptions: Partial<LoopOptions> = {}): Report {
  const { analysis, loops } = analyzeDatasetRanked(dataset, loopOptions);
  const concentration = rankConcentration(
    { companies: dataset.companies, deals: [], facts: dataset.facts },
    DEFAULT_CONCENTRATION_THRESHOLDS,
    { index: analysis.index, scc: analysis.scc, hops: analysis.hops },
  );
  return { analysis, loops, concentration };
}

/** The readable report as one string (small datasets, tests). */
export function toTextReport(dataset: Dataset): string {
  const parts: string[] = [];
  writeTextReport(dataset, analyzeForReport(dataset), (s) => parts.push(s));
  return parts.join("");
}

/**
 * Heap an analysis needs per deal and per company, measured on rings of 1M and
 * 2M edges (1.9 and 3.5 GB at the peak, parsed dataset included, with
 * concentration read a company at a time), rounded up a little.
 */
const HEAP_BYTES_PER_DEAL = 1_000;
const HEAP_BYTES_PER_COMPANY = 800;

/**
 * The one-line reason a dataset is too large for the memory Node allows, or
 * null when it fits. V8 aborts the process when its heap runs out, which no
 * handler can turn into a message, so the CLI checks before it analyses.
 */
export function memoryShortfall(
  deals: number,
  companies: number,
  heapLimitBytes: number,
): string | null {
  const need = deals * HEAP_BYTES_PER_DEAL + companies * HEAP_BYTES_PER_COMPANY;
  if (need <= heapLimitBytes) return null;
  const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
  const suggest = Math.ceil((need * 1.25) / 2 ** 30) * 1024;
  return (
    `${plural(deals, "deal")} and ${plural(companies, "company", "companies")} need about ${gb(need)} of memory; ` +
    `Node allows ${gb(heapLimitBytes)} here (raise it: NODE_OPTIONS=--max-old-space-size=${suggest})`
  );
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  write?: (s: string) => void,
  writeErr = (s: string): void => void process.stderr.write(s),
  heapLimitBytes = getHeapStatistics().heap_size_limit,
): Promise<number> {
  const phases = new PhaseClock();
  const args = parseArgs(argv);
  if ("error" in args) {
    writeErr(`${args.error ? `error: ${args.error}\n` : ""}${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    if (statSync(args.file).size > 512 * 1024 * 1024) {
      writeErr(`error: ${args.file} is larger than 512 MB\n`);
      return 2;
    }
    bytes = readFileSync(args.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    writeErr(`error: cannot read ${args.file}${code ? ` (${code})` : ""}\n`);
    return 2;
  }
  const parsed = (await parseImportFile(bytes, basename(args.file), args.mapping)).result;
  phases.lap("reading");
  const warnings = parsed.warnings ?? [];
  for (const w of warnings) writeErr(`warning: ${formatProblem(w)}\n`);
  if (args.strict && warnings.length > 0) {
    writeErr(`${args.file}: ${plural(warnings.length, "warning")}, refused with --strict\n`);
    return 2;
  }
  if (!parsed.ok) {
    writeErr(`${args.file}: ${parsed.problems.length} problem(s)\n`);
    for (const p of parsed.problems) writeErr(`${formatProblem(p)}\n`);
    return 2;
  }
  const { deals, companies } = parsed.value;
  const short = memoryShortfall(deals.length, companies.length, heapLimitBytes);
  if (short) {
    writeErr(`error: ${args.file}: ${short}\n`);
    return EXIT_RESOURCE;
  }
  const report = analyzeForReport(parsed.value, {
    maxLength: args.maxLength,
    limit: args.limit,
    cap: args.cap,
    windowMonths: args.windowMonths,
  });
  phases.lap("analysis");
  const out = write ? bufferedWriter(write) : stdoutWriter();
  if (args.json) {
    writeJson(toJsonReport(parsed.value, report), out.write, args.pretty);
  } else writeTextReport(parsed.value, report, out.write);
  out.write("\n");
  out.flush();
  phases.lap("output");
  if (args.timings) writeErr(`timings: ${phases.summary()}\n`);
  return 0;
}

/**
 * The time each phase of a run took, in milliseconds. The first phase,
 * start-up, runs from the start of the process (Node's time origin) to the
 * clock's creation: loading Node and the compiled command.
 */
export class PhaseClock {
  private last = performance.now();
  private readonly phases: [string, number][] = [["start-up", this.last]];
  lap(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  /** "start-up 95 ms, reading 230 ms, … (total 735 ms)". */
  summary(): string {
    const ms = (t: number) => `${Math.round(t)} ms`;
    const total = this.phases.reduce((sum, [, t]) => sum + t, 0);
    return `${this.phases.map(([name, t]) => `${name} ${ms(t)}`).join(", ")} (total ${ms(total)})`;
  }
}

/**
 * Standard output, a chunk of about 1 MB at a time: each piece is encoded
 * straight into one reused buffer, so a report of tens of megabytes is never
 * built as one string nor copied twice.
 */
export function stdoutWriter(): { write: (s: string) => void; flush: () => void } {
  const buf = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = () => {
    if (used > 0) writeStdout(buf.subarray(0, used));
    used = 0;
  };
  return {
    write(s) {
      // NOTE: UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (used + 3 * s.length > buf.length) flush();
      if (3 * s.length > buf.length) writeStdout(Buffer.from(s, "utf8"));
      else used += buf.write(s, used, "utf8");
    },
    flush,
  };
}

/** Thrown when the reader of standard output has gone (`| head`): the run stops quietly. */
export class OutputClosed extends Error {}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to standard output synchronously, so a large report never piles up in
 * memory: a full pipe is waited on, and a closed one stops the run.
 */
export function writeStdout(bytes: Uint8Array): void {
  let buf = bytes;
  while (buf.length > 0) {
    try {
      const n = writeSync(1, buf);
      buf = buf.subarray(n);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EPIPE") throw new OutputClosed("the output was closed");
      if (code !== "EAGAIN") throw err;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** Exit code when a resource limit (memory, string or array size) stops the run. */
export const EXIT_RESOURCE = 3;

/** True for the errors a resource limit raises, as opposed to bad input. */
export function isResourceLimit(err: unknown): boolean {
  return (
    err instanceof RangeError &&
    /Invalid (string|array|typed array) length|allocation failed|Maximum call stack|out of memory/i.test(
      err.message,
    )
  );
}

/**
 * Runs the CLI as a process: sets the exit code, turns a closed pipe into a
 * quiet exit and a resource limit into exit 3 with one line; never a stack trace.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (err) {
    // NOTE: a reader that stops early (`| head`) closes the pipe: that is not an error.
    if (err instanceof OutputClosed) process.exit(0);
    const message = oneLine(err instanceof Error ? err.message : String(err));
    if (isResourceLimit(err)) {
      process.stderr.write(`error: a resource limit was reached: ${message}\n`);
      process.exitCode = EXIT_RESOURCE;
    } else {
      process.stderr.write(`error: ${message}\n`);
      process.exitCode = 2;
    }
  }
}
