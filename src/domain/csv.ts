/**
 * CSV edge lists and deal trackers: our columns (`from,to,type,amount_usd_bn,
 * announced,status,source,id,qualifier,description,superseded_by,evidence,
 * arrangement_id`) or a tracker's own, mapped by `tracker.ts`.
 *
 * Companies are created from their names. Problems and warnings are reported
 * by the file's own line numbers (the header is line 1); rows that cannot be a
 * deal are skipped in the partial result, so the user can import the others.
 */
import {
  type AmountQualifier,
  type Company,
  type Dataset,
  type Deal,
  type DealStatus,
  type DealType,
  type EvidenceTier,
  MAX_AMOUNT_USD_BN,
  SCHEMA_VERSION,
  type Source,
  isPartialDate,
} from "./schema.ts";
import type { ParseResult, Problem } from "./problems.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
import {
  CANONICAL_COLUMN,
  type DetectedMapping,
  type MappedValue,
  type MappedValueField,
  type TrackerField,
  detectColumns,
  mapValue,
  normalizeName,
  readAmount,
  splitSources,
} from "./tracker.ts";
import { findLineageProblems } from "./validate.ts";

/** One CSV record with the 1-based line on which it starts. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Splits CSV text (RFC 4180: quotes, doubled quotes, newlines in quotes) into
 * records. A quote opens a quoted field only at the start of a cell (after
 * blanks, which are dropped); elsewhere it is text. Cells are cut from the text
 * with `slice`, never built a character at a time: a 50,000-row file then makes
 * a few strings a cell instead of one per character.
 */
export function splitCsv(text: string): { records: CsvRecord[]; error?: Problem } {
  const records: CsvRecord[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  let cells: string[] = [];
  // The cell so far is `cell` (quoted text and runs before it) + src[run, i).
  let cell = "";
  let run = 0;
  let line = 1;
  let recordLine = 1;
  const endRecord = (lastCell: string) => {
    cells.push(lastCell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === QUOTE) {
      if ((cell + src.slice(run, i)).trim() !== "") continue;
      const quoteLine = line;
      let quoted = "";
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= n) {
          return {
            records,
            error: {
              path: `line ${quoteLine}`,
              line: quoteLine,
              message: "a quoted field is never closed",
            },
          };
        }
        const d = src.charCodeAt(j);
        if (d === QUOTE) {
          if (src.charCodeAt(j + 1) !== QUOTE) break;
          quoted += src.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        // NOTE: \r\n, \n and a lone \r (old Mac files) each end one line.
        if (d === LF || (d === CR && src.charCodeAt(j + 1) !== LF)) line++;
        j++;
      }
      cell = quoted + src.slice(from, j);
      i = j;
      run = j + 1;
    } else if (c === COMMA) {
      cells.push(cell + src.slice(run, i));
      cell = "";
      run = i + 1;
    } else if (c === LF || c === CR) {
      endRecord(cell + src.slice(run, i));
      if (c === CR && src.charCodeAt(i + 1) === LF) i++;
      run = i + 1;
      line++;
      recordLine = line;
    }
  }
  const last = cell + src.slice(run, n);
  if (last !== "" || cells.length > 0) endRecord(last);
  return { records };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return: OWASP, "CSV Injection"), behind any number of apostrophes.
 */
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return gets a leading apostrophe, which spreadsheets hide
 * and read as "text". `unneutralize` takes it off again on import, so export
 * then import gives back the same text; a value that itself begins with
 * apostrophes before such a character gets one more, so it survives too.
 *
 * Reference: OWASP, "CSV Injection" (formula injection) mitigation.
 */
export function neutralizeFormula(value: string): string {
  return NEEDS_APOSTROPHE.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeFormula`: one apostrophe before a (quoted) formula character is dropped. */
export function unneutralize(value: string): string {
  return value.startsWith("'") && NEEDS_APOSTROPHE.test(value.slice(1)) ? value.slice(1) : value;
}

/** Quotes a CSV cell when it needs it, after neutralising a formula. */
export function csvCell(raw: string): string {
  const value = neutralizeFormula(raw);
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** A lowercase slug of a company's common name: "Nvidia Corp." → "nvidia-corp". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}

const CSV_SOURCE_ID = "csv-import";
const ID_RE = /^[a-z0-9][a-z0-9-]{0,119}$/;

/**
 * A company id from its name: the slug, or for a name with no Latin letters or
 * digits (e.g. "智谱"), "co-" and a stable hash of the name, so it still imports.
 */
export function companyIdOf(name: string): string {
  const slug = slugify(name);
  if (slug !== "" || name.trim() === "") return slug;
  // NOTE: FNV-1a, 32 bits: stable across runs, enough to tell names apart here.
  let h = 0x811c9dc5;
  for (const ch of name.trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `co-${h.toString(16).padStart(8, "0")}`;
}

/** The key two spellings of one company share: case and surrounding spaces do not count. */
const nameKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

/**
 * Company ids from names, in order of first appearance. Names that differ only
 * in case or surrounding spaces are one company (with a warning); any other
 * difference is another company, and when two names slug alike ("AT&T",
 * "AT-T") the later one gets "-2", "-3"…, so nothing is merged silently.
 */
function companyNamer() {
  const idByKey = new Map<string, { id: string; name: string; line: number }>();
  const used = new Set<string>();
  const warned = new Set<string>();
  const warnings: Problem[] = [];
  const idByName = new Map<string, string>();
  return {
    warnings,
    idOf(name: string, line: number, field: string): string {
      // NOTE: a name repeats over many rows; the same spelling is the same id.
      const cached = idByName.get(name);
      if (cached !== undefined) return cached;
      const id = this.firstIdOf(name, line, field);
      idByName.set(name, id);
      return id;
    },
    firstIdOf(name: string, line: number, field: string): string {
      const key = nameKey(name);
      const known = idByKey.get(key);
      if (known) {
        if (known.name !== name.trim() && !warned.has(`${key}|${name}`)) {
          warned.add(`${key}|${name}`);
          warnings.push({
            path: `line ${line}, ${field}`,
            line,
            message: `"${name.trim()}" is read as the same company as "${known.name}" (line ${known.line}): names that differ only in case or spaces are one company`,
          });
        }
        return known.id;
      }
      const base = companyIdOf(name);
      if (base === "") return "";
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base.slice(0, 110)}-${n}`;
      used.add(id);
      idByKey.set(key, { id, name: name.trim(), line });
      return id;
    },
  };
}

/** Parses a CSV edge list into a dataset. `fileName` names the file in its citations. */
export function parseCsvEdgeList(
  text: string,
  fileName = "edge list",
  mapping?: TrackerOverrides,
): ParseResult<Dataset> {
  const { records, error } = splitCsv(text);
  return parseEdgeRecords(records, fileName, {
    neutralized: true,
    problems: error ? [error] : [],
    ...(mapping ? { mapping } : {}),
  });
}

export interface EdgeRecordOptions {
  /** True for our own CSV: a formula cell's protective apostrophe is taken off. */
  readonly neutralized: boolean;
  /** Problems found before the records (a CSV syntax error). */
  readonly problems?: readonly Problem[];
  /** What the file is called in the source it cites: "CSV" (default) or "Spreadsheet". */
  readonly kind?: string;
  /** The user's choices: column → field, and per field a tracker word → our value. */
  readonly mapping?: TrackerOverrides;
}

/** What a user changed of the detected mapping; keys are normalised (`normalizeName`). */
export interface TrackerOverrides {
  readonly columns?: ReadonlyMap<string, TrackerField | null>;
  readonly values?: Partial<Record<MappedValueField, ReadonlyMap<string, string>>>;
}

/** One line per distinct word mapped to another value, per field, for the warnings. */
class ValueLog {
  private readonly seen = new Map<
    string,
    Map<string, { to: string; count: number; line: number }>
  >();
  note(field: string, from: string, to: string, line: number) {
    const byWord = this.seen.get(field) ?? new Map();
    this.seen.set(field, byWord);
    const entry = byWord.get(from);
    if (entry) entry.count++;
    else byWord.set(from, { to, count: 1, line });
  }
  warnings(headerLine: number): Problem[] {
    return [...this.seen].map(([field, byWord]) => ({
      path: `line ${headerLine}, ${field}`,
      line: headerLine,
      message: `values read as ours: ${[...byWord]
        .map(
          ([from, { to, count }]) => `"${from}" → ${to} (${count} ${count === 1 ? "row" : "rows"})`,
        )
        .join(", ")}`,
    }));
  }
}

/**
 * Parses edge-list records (a header, then one deal a record) into a dataset:
 * what a CSV file and a spreadsheet's first sheet both become. Columns and
 * values are mapped by `tracker.ts`. A row is an error only when it cannot be
 * a deal (no payer or payee, a self-loop, a lineage cycle); anything else is a
 * warning and the row is imported, with what could not be read kept in a note.
 */
export function parseEdgeRecords(
  records: readonly CsvRecord[],
  fileName: string,
  options: EdgeRecordOptions,
): ParseResult<Dataset> {
  const problems: Problem[] = [...(options.problems ?? [])];
  const warnings: Problem[] = [];
  const clean = options.neutralized ? unneutralize : (v: string) => v;
  const header = records[0];
  if (!header) {
    return fail([{ path: "line 1", line: 1, message: "the file is empty: expected a header row" }]);
  }
  const headerNames = header.cells.map((c) => clean(c).trim());
  const { fields, amountInMillions } = detectColumns(headerNames, options.mapping?.columns);
  const columnOf = new Map<TrackerField, number>();
  fields.forEach((f, i) => {
    if (f !== null) columnOf.set(f, i);
  });
  const hl = header.line;
  const missing = (["from", "to"] as const).filter((f) => !columnOf.has(f));
  if (missing.length > 0) {
    const none = { type: [], status: [], evidence: [], qualifier: [] };
    return {
      ok: false,
      problems: [
        ...problems,
        {
          path: `line ${hl}`,
          line: hl,
          message: `no column is read as ${missing.join(" or ")} (the payer and the payee): name them, e.g. from,to or investor,investee`,
        },
      ],
      mapping: { header: headerNames, fields, values: none },
      partial: null,
      skipped: 0,
    };
  }
  const headerWarnings: Problem[] = [];
  const renamed = fields.flatMap((f, i) =>
    f !== null && normalizeName(headerNames[i]!) !== normalizeName(CANONICAL_COLUMN[f])
      ? [`"${headerNames[i]}" → ${f}`]
      : [],
  );
  if (renamed.length > 0) {
    headerWarnings.push({
      path: `line ${hl}`,
      line: hl,
      message: `columns read as ours: ${renamed.join(", ")}`,
    });
  }
  const attributeColumns = fields.flatMap((f, i) => (f === null ? [i] : []));
  if (attributeColumns.length > 0) {
    headerWarnings.push({
      path: `line ${hl}`,
      line: hl,
      message: `columns kept on each deal as attributes: ${attributeColumns
        .map((i) => `"${headerNames[i] || `column ${i + 1}`}"`)
        .join(", ")}`,
    });
  }
  if (columnOf.has("amount") && amountInMillions) {
    headerWarnings.push({
      path: `line ${hl}, amount`,
      line: hl,
      message: `plain numbers in "${headerNames[columnOf.get("amount")!]}" are read as millions`,
    });
  }

  const companies = new Map<string, Company>();
  const names = companyNamer();
  const sources = new Map<string, Source>();
  const dealIds = new Map<string, number>();
  const deals: Deal[] = [];
  const dealLines: number[] = [];
  const supersededByText: string[] = [];
  const legArrangements = new Set<string>();
  let badRows = 0;
  const hasSourceColumn = columnOf.has("sources");
  const values = new ValueLog();
  const seen = new ValueCounts();
  const memo = new Map<string, string | null>();
  const valueOverrides = options.mapping?.values ?? {};
  const fileSource = () => {
    if (!sources.has(CSV_SOURCE_ID)) {
      sources.set(CSV_SOURCE_ID, {
        id: CSV_SOURCE_ID,
        kind: "external",
        title: `${options.kind ?? "CSV"} ${fileName}`,
      });
    }
    return CSV_SOURCE_ID;
  };
  const sourceFor = (title: string, url: string | undefined, line: number): string => {
    const base = `csv-${slugify(url ?? title).slice(0, 60) || "source"}`;
    let id = base;
    for (let n = 2; ; n++) {
      const existing = sources.get(id);
      if (!existing) break;
      if (existing.title === title && existing.url === url) return id;
      id = `${base}-${n === 2 ? line : `${line}-${n}`}`;
    }
    sources.set(id, { id, kind: "external", title, ...(url ? { url } : {}) });
    return id;
  };

  // NOTE: the row's state lives outside the loop, so its helpers are made once, not per row.
  let cells: readonly string[] = [];
  let line = 0;
  let rowProblems: Problem[] = [];
  const get = (f: TrackerField): string => {
    const i = columnOf.get(f);
    if (i === undefined) return "";
    const cell = cells[i];
    return cell === undefined || cell === "" ? "" : clean(cell).trim();
  };
  const bad = (field: string, message: string) =>
    rowProblems.push({ path: `line ${line}, ${field}`, line, message });
  const warn = (field: string, message: string) =>
    warnings.push({ path: `line ${line}, ${field}`, line, message });
  const mapped = <F extends MappedValueField>(field: F, fallback: MappedValue<F>) => {
    const text = get(field);
    if (text === "") return { value: fallback, text };
    // NOTE: a tracker repeats a handful of words over thousands of rows.
    const key = `${field}\u0000${text}`;
    let value = memo.get(key) as MappedValue<F> | null | undefined;
    if (value === undefined) {
      value = mapValue(field, text, valueOverrides[field]);
      memo.set(key, value);
    }
    seen.count(field, text, value ?? fallback);
    if (value === null) {
      values.note(field, text, `${fallback} (not recognised)`, line);
      return { value: fallback, text };
    }
    if (text !== value && normalizeName(text) !== normalizeName(value)) {
      values.note(field, text, value, line);
    }
    return { value, text };
  };

  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    cells = record.cells;
    line = record.line;
    const fromName = get("from");
    const toName = get("to");
    // A row of empty cells, as spreadsheets export them (",,,"), is no deal.
    if (fromName === "" && toName === "" && cells.every((c) => clean(c).trim() === "")) continue;
    rowProblems = [];
    const notes: string[] = [];

    const fromId = fromName === "" ? "" : names.idOf(fromName, line, "from");
    const toId = toName === "" ? "" : names.idOf(toName, line, "to");
    if (fromName === "") bad("from", "is empty");
    else if (fromId === "") bad("from", `"${fromName}" has no letters or digits to make an id`);
    if (toName === "") bad("to", "is empty");
    else if (toId === "") bad("to", `"${toName}" has no letters or digits to make an id`);
    if (fromId !== "" && fromId === toId) bad("to", `self-loop: "${fromName}" pays itself`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      badRows++;
      continue;
    }

    const type: DealType = mapped("type", "other").value;
    const amountText = get("amount");
    const amount = readAmount(amountText, amountInMillions);
    let amountUsdBn: number | null = null;
    let localAmount: Deal["localAmount"];
    let amountQualifier: AmountQualifier = "undisclosed";
    if (amount.kind === "unreadable") {
      warn(
        "amount",
        `"${amountText}" is not an amount we can read: the deal is imported as undisclosed`,
      );
      notes.push(`Amount in the file: "${amountText}".`);
    } else if (amount.kind === "amount") {
      if (amount.valueBn > MAX_AMOUNT_USD_BN) {
        warn(
          "amount",
          `${amountText} is more than ${MAX_AMOUNT_USD_BN} (US$ bn, i.e. $10 tn): imported as undisclosed`,
        );
        notes.push(`Amount in the file: "${amountText}".`);
      } else if (amount.currency !== "USD") {
        localAmount = { currency: amount.currency, valueBn: amount.valueBn };
        warn(
          "amount",
          `"${amountText}" is in ${amount.currency}: kept as ${amount.valueBn} bn ${amount.currency}, not converted; the dollar amount is undisclosed`,
        );
      } else {
        amountUsdBn = amount.valueBn;
        amountQualifier = amount.qualifier ?? "exact";
      }
    }
    if (get("qualifier") !== "") {
      const q = mapped("qualifier", amountQualifier).value;
      if ((q === "undisclosed") !== (amountUsdBn === null)) {
        warn(
          "qualifier",
          `"${get("qualifier")}" does not fit the amount "${amountText}": left as ${amountQualifier}`,
        );
      } else amountQualifier = q;
    }

    let announced: string | undefined = get("announced");
    if (announced !== "" && !isPartialDate(announced)) {
      const date = readDate(announced);
      if (date) {
        values.note("announced", announced, date, line);
        announced = date;
      } else {
        warn("announced", `"${announced}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD: left out`);
        notes.push(`Date in the file: "${announced}".`);
        announced = undefined;
      }
    }
    if (announced === "") announced = undefined;

    const statusRead = mapped("status", "announced");
    const status: DealStatus = statusRead.value;
    const statusWord =
      statusRead.text === "" || statusRead.text === status
        ? status
        : normalizeName(statusRead.text);
    if (statusWord !== status) {
      notes.push(`Status in the file: "${statusRead.text}".`);
    }
    let evidence: EvidenceTier = mapped("evidence", "reported").value;
    // NOTE: a status of "reported" says how the deal is known, as well as where it stands.
    if (statusWord === "reported") evidence = "reported";

    const supersededBy = get("superseded_by");
    if (supersededBy !== "" && status !== "superseded") {
      warn("superseded_by", `names a replacement but the status is ${status}: left out`);
    }
    const idText = get("id");
    let id = idText === "" ? `row-${line}` : ID_RE.test(idText) ? idText : slugify(idText);
    if (id === "") id = `row-${line}`;
    // NOTE: a tracker with one row per leg repeats the deal's id on each leg:
    // the legs become deals of one arrangement named by that id.
    let legOf = "";
    const prevLine = dealIds.get(id);
    if (prevLine !== undefined) {
      legOf = id;
      legArrangements.add(id);
      const renamedId = `${id.slice(0, 100)}-line-${line}`;
      warn(
        "id",
        `"${id}" is repeated (first on line ${prevLine}): this row is the deal "${renamedId}", a leg of arrangement "${id}"`,
      );
      id = renamedId;
    }
    dealIds.set(id, line);
    const arrangementText = get("arrangement");
    const arrangementId =
      arrangementText === ""
        ? legOf
        : ID_RE.test(arrangementText)
          ? arrangementText
          : slugify(arrangementText);
    if (!companies.has(fromId))
      companies.set(fromId, { id: fromId, name: fromName, kind: "other" });
    if (!companies.has(toId)) companies.set(toId, { id: toId, name: toName, kind: "other" });

    const refs: Deal["sources"] = [];
    const sourceText = get("sources");
    if (hasSourceColumn && sourceText !== "") {
      const { urls, rest } = splitSources(sourceText);
      for (const url of urls)
        refs.push({
          sourceId: sourceFor(rest || url, url, line),
          quote: rest || `${fileName}, line ${line}`,
        });
      if (urls.length === 0) refs.push({ sourceId: sourceFor(rest, undefined, line), quote: rest });
    } else if (hasSourceColumn) {
      warn("sources", `is empty: the deal cites the file (${fileName}, line ${line})`);
    }
    if (refs.length === 0)
      refs.push({ sourceId: fileSource(), quote: `${fileName}, line ${line}` });

    const noteText = get("notes");
    if (noteText !== "") notes.unshift(noteText);
    let attributes: { name: string; value: string }[] | undefined;
    for (const i of attributeColumns) {
      const value = clean(cells[i] ?? "").trim();
      if (value !== "") {
        (attributes ??= []).push({ name: headerNames[i] || `column ${i + 1}`, value });
      }
    }
    for (let k = header.cells.length; k < cells.length; k++) {
      const value = clean(cells[k]!).trim();
      if (value !== "") (attributes ??= []).push({ name: `column ${k + 1}`, value });
    }
    const description = get("description");
    const deal: Mutable<Deal> = {
      id,
      from: fromId,
      to: toId,
      type,
      amountUsdBn,
      amountQualifier,
      status,
      evidence,
      description: description === "" ? `${fromName} pays ${toName} (${type})` : description,
      notes,
      sources: refs,
    };
    // NOTE: optional fields are set only when present (no spreads: a million rows feel them).
    if (announced !== undefined) deal.announced = announced;
    if (arrangementId !== "") deal.arrangementId = arrangementId;
    if (localAmount) deal.localAmount = localAmount;
    if (attributes) deal.attributes = attributes;
    deals.push(deal);
    dealLines.push(line);
    supersededByText.push(status === "superseded" ? supersededBy : "");
  }

  // The first leg of a repeated id belongs to its arrangement too.
  deals.forEach((deal, i) => {
    if (legArrangements.has(deal.id) && deal.arrangementId === undefined) {
      deals[i] = { ...deal, arrangementId: deal.id };
    }
  });
  // A replacement may be named by id or slug, further down the file; one that is not in the data is left out.
  deals.forEach((deal, i) => {
    const text = supersededByText[i]!;
    if (text === "") return;
    const target = ID_RE.test(text) && dealIds.has(text) ? text : slugify(text);
    const line = dealLines[i]!;
    if (target !== deal.id && dealIds.has(target)) {
      deals[i] = { ...deal, supersededBy: target };
    } else {
      warnings.push({
        path: `line ${line}, superseded_by`,
        line,
        message: `"${text}" is not a deal in this file: the deal is imported as superseded without its replacement`,
      });
      deals[i] = { ...deal, notes: [...deal.notes, `Replaced by (per the file): "${text}".`] };
    }
  });
  const lineageBad = new Set<number>();
  for (const p of findLineageProblems({ deals })) {
    const i = Number(/^deals\[(\d+)\]/.exec(p.path)?.[1]);
    const line = dealLines[i]!;
    lineageBad.add(i);
    problems.push({ path: `line ${line}, superseded_by`, line, message: p.message });
  }
  if (lineageBad.size > 0) {
    badRows += lineageBad.size;
    const kept = deals.filter((_, i) => !lineageBad.has(i));
    deals.length = 0;
    deals.push(...kept);
  }

  const value: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    title: fileName,
    asOf: latestDate(deals) ?? new Date().toISOString().slice(0, 10),
    companies: [...companies.values()],
    deals,
    sources: [...sources.values()],
    facts: [],
  };
  // The header's warnings, the value mappings, then each row's, in line order.
  const allWarnings = [...headerWarnings, ...values.warnings(hl), ...warnings, ...names.warnings];
  const mapping: DetectedMapping = { header: headerNames, fields, values: seen.all() };
  if (problems.length === 0) return { ok: true, value, problems, warnings: allWarnings, mapping };
  return {
    ok: false,
    problems,
    warnings: allWarnings,
    mapping,
    partial: deals.length > 0 ? value : null,
    skipped: badRows,
  };
}

/** Each distinct word of each mapped field, with its count and what it was read as. */
class ValueCounts {
  private readonly byField = new Map<
    MappedValueField,
    Map<string, { count: number; value: string }>
  >();
  count(field: MappedValueField, text: string, value: string) {
    const words = this.byField.get(field) ?? new Map();
    this.byField.set(field, words);
    const entry = words.get(text);
    if (entry) entry.count++;
    else words.set(text, { count: 1, value });
  }
  all(): DetectedMapping["values"] {
    const list = (field: MappedValueField) =>
      [...(this.byField.get(field) ?? [])].map(([text, { count, value }]) => ({
        text,
        count,
        value,
      }));
    return {
      type: list("type"),
      status: list("status"),
      evidence: list("evidence"),
      qualifier: list("qualifier"),
    };
  }
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A tracker's date as ours: "2025-09-22T00:00:00", "2025/09/22", "Sep 2025",
 * "September 22, 2025", "22 Sep 2025", "Q3 2025" (its first month). Day-first
 * and month-first numeric dates ("09/10/2025") are ambiguous: not read.
 */
export function readDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[t\s].*)?$/.exec(t);
  const pad = (n: string) => n.padStart(2, "0");
  const ok = (y: string, mo: string, d?: string) => {
    const date = d ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`;
    return isPartialDate(date) ? date : null;
  };
  if (m) return ok(m[1]!, m[2]!, m[3]);
  m = /^([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[1]!)) return ok(m[3]!, String(MONTHS.indexOf(m[1]!) + 1), m[2]);
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) return ok(m[3]!, String(MONTHS.indexOf(m[2]!) + 1), m[1]);
  m = /^q([1-4])\s*(\d{4})$/.exec(t) ?? /^(\d{4})\s*-?\s*q([1-4])$/.exec(t);
  if (m) {
    const [q, y] = t.startsWith("q") ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return ok(y, String((Number(q) - 1) * 3 + 1));
  }
  return null;
}

function fail(problems: Problem[]): ParseResult<Dataset> {
  return { ok: false, problems, partial: null, skipped: 0 };
}

function latestDate(deals: readonly Deal[]): string | undefined {
  let best: string | undefined;
  for (const d of deals) if (d.announced && (!best || d.announced > best)) best = d.announced;
  return best;
}

/** Writes the deals of a dataset as a CSV edge list with every column. */
export function serializeDealsCsv(dataset: Dataset): string {
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const sourceTitles = new Map(dataset.sources.map((s) => [s.id, s.title]));
  const head = [
    "id",
    "from",
    "to",
    "type",
    "amount_usd_bn",
    "qualifier",
    "announced",
    "status",
    "superseded_by",
    "evidence",
    "arrangement_id",
  ];
  // A tracker's own columns go after ours, so reading the file back keeps them as attributes.
  const attributeNames = [
    ...new Set(dataset.deals.flatMap((d) => (d.attributes ?? []).map((a) => a.name))),
  ];
  const rows = dataset.deals.map((d) =>
    [
      d.id,
      names.get(d.from) ?? d.from,
      names.get(d.to) ?? d.to,
      d.type,
      d.amountUsdBn === null ? "" : String(d.amountUsdBn),
      d.amountQualifier,
      d.announced ?? "",
      d.status,
      d.supersededBy ?? "",
      d.evidence,
      d.arrangementId ?? "",
      d.description,
      d.sources.map((s) => sourceTitles.get(s.sourceId) ?? s.sourceId).join("; "),
      ...attributeNames.map((name) => d.attributes?.find((a) => a.name === name)?.value ?? ""),
    ]
      .map(csvCell)
      .join(","),
  );
  const header = [...head, "description", "source", ...attributeNames].map(csvCell).join(",");
  return [header, ...rows].join("\n") + "\n";
}
