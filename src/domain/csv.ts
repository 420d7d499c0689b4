/**
 * CSV edge lists: `from,to` plus optional `type,amount_usd_bn,announced,status,source`,
 * and the v2 columns `superseded_by,evidence,arrangement_id`.
 *
 * Companies are created from their names. Problems are reported by the file's
 * own line numbers (the header is line 1), and rows with problems are skipped in
 * the partial result, so the user can import only the valid rows.
 */
import {
  AMOUNT_QUALIFIERS,
  type AmountQualifier,
  type Company,
  DEAL_STATUSES,
  DEAL_TYPES,
  EVIDENCE_TIERS,
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
import { findLineageProblems } from "./validate.ts";

export const CSV_REQUIRED_COLUMNS = ["from", "to"] as const;
export const CSV_OPTIONAL_COLUMNS = [
  "type",
  "amount_usd_bn",
  "announced",
  "status",
  "source",
  "id",
  "qualifier",
  "description",
  "superseded_by",
  "evidence",
  "arrangement_id",
] as const;
type Column = (typeof CSV_REQUIRED_COLUMNS)[number] | (typeof CSV_OPTIONAL_COLUMNS)[number];

/** One CSV record with the 1-based line on which it starts. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** Splits CSV text (RFC 4180: quotes, doubled quotes, newlines in quotes) into records. */
export function splitCsv(text: string): { records: CsvRecord[]; error?: Problem } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        // NOTE: \r\n, \n and a lone \r (old Mac files) each end one line.
        if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      inQuotes = true;
      quoteLine = line;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes) {
    return {
      records,
      error: {
        path: `line ${quoteLine}`,
        line: quoteLine,
        message: "a quoted field is never closed",
      },
    };
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { records };
}

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
  return {
    warnings,
    idOf(name: string, line: number, field: string): string {
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
export function parseCsvEdgeList(text: string, fileName = "edge list"): ParseResult<Dataset> {
  const { records, error } = splitCsv(text);
  return parseEdgeRecords(records, fileName, { neutralized: true, problems: error ? [error] : [] });
}

export interface EdgeRecordOptions {
  /** True for our own CSV: a formula cell's protective apostrophe is taken off. */
  readonly neutralized: boolean;
  /** Problems found before the records (a CSV syntax error). */
  readonly problems?: readonly Problem[];
  /** What the file is called in the source it cites: "CSV" (default) or "Spreadsheet". */
  readonly kind?: string;
}

/**
 * Parses edge-list records (a header, then one deal a record) into a dataset:
 * what a CSV file and a spreadsheet's first sheet both become.
 */
export function parseEdgeRecords(
  records: readonly CsvRecord[],
  fileName: string,
  options: EdgeRecordOptions,
): ParseResult<Dataset> {
  const problems: Problem[] = [...(options.problems ?? [])];
  const clean = options.neutralized ? unneutralize : (v: string) => v;
  const header = records[0];
  if (!header) {
    return fail([{ path: "line 1", line: 1, message: "the file is empty: expected a header row" }]);
  }
  const columns = new Map<Column, number>();
  const known = new Set<string>([...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS]);
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) {
      problems.push({
        path: `line ${header.line}, column ${i + 1}`,
        line: header.line,
        message: `unknown column "${raw.trim()}" (expected from, to and optionally ${CSV_OPTIONAL_COLUMNS.join(", ")})`,
      });
    } else if (columns.has(name as Column)) {
      problems.push({
        path: `line ${header.line}, ${name}`,
        line: header.line,
        message: `column "${name}" appears twice`,
      });
    } else columns.set(name as Column, i);
  });
  const missing = CSV_REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return fail([
      ...problems,
      {
        path: `line ${header.line}`,
        line: header.line,
        message: `the header must name the columns ${missing.join(" and ")}`,
      },
    ]);
  }

  const companies = new Map<string, Company>();
  const names = companyNamer();
  const sources = new Map<string, Source>();
  const dealIds = new Map<string, number>();
  const deals: Deal[] = [];
  let badRows = 0;
  const hasSourceColumn = columns.has("source");

  for (const record of records.slice(1)) {
    // A row of empty cells, as spreadsheets export them (",,,"), is no deal.
    if (record.cells.every((c) => clean(c).trim() === "")) continue;
    const { line } = record;
    const rowProblems: Problem[] = [];
    const get = (c: Column): string => {
      const i = columns.get(c);
      return i === undefined ? "" : clean(record.cells[i] ?? "").trim();
    };
    const bad = (field: string, message: string) =>
      rowProblems.push({ path: `line ${line}, ${field}`, line, message });

    if (record.cells.length > header.cells.length) {
      bad("row", `has ${record.cells.length} cells but the header has ${header.cells.length}`);
    }
    const fromName = get("from");
    const toName = get("to");
    const fromId = fromName === "" ? "" : names.idOf(fromName, line, "from");
    const toId = toName === "" ? "" : names.idOf(toName, line, "to");
    if (fromName === "") bad("from", "is empty");
    else if (fromId === "") bad("from", `"${fromName}" has no letters or digits to make an id`);
    if (toName === "") bad("to", "is empty");
    else if (toId === "") bad("to", `"${toName}" has no letters or digits to make an id`);
    if (fromId !== "" && fromId === toId) bad("to", `self-loop: "${fromName}" pays itself`);

    const typeText = get("type").toLowerCase();
    const type: DealType = typeText === "" ? "other" : (typeText as DealType);
    if (!(DEAL_TYPES as readonly string[]).includes(type)) {
      bad("type", `"${typeText}" is not one of ${DEAL_TYPES.join(", ")}`);
    }

    const amountText = get("amount_usd_bn").replace(/^\$/, "");
    let amountUsdBn: number | null = null;
    if (amountText !== "" && amountText.toLowerCase() !== "undisclosed") {
      const n = Number(amountText);
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(amountText) || !Number.isFinite(n)) {
        bad("amount_usd_bn", `"${amountText}" is not a finite number`);
      } else if (n < 0) bad("amount_usd_bn", `${amountText} must not be negative`);
      else if (n > MAX_AMOUNT_USD_BN) {
        bad(
          "amount_usd_bn",
          `${amountText} is more than ${MAX_AMOUNT_USD_BN} (US$ bn, i.e. $10 tn)`,
        );
      } else amountUsdBn = n;
    }
    const qualifierText = get("qualifier").toLowerCase();
    let amountQualifier: AmountQualifier = amountUsdBn === null ? "undisclosed" : "exact";
    if (qualifierText !== "") {
      if (!(AMOUNT_QUALIFIERS as readonly string[]).includes(qualifierText)) {
        bad("qualifier", `"${qualifierText}" is not one of ${AMOUNT_QUALIFIERS.join(", ")}`);
      } else if ((qualifierText === "undisclosed") !== (amountUsdBn === null)) {
        bad("qualifier", `"${qualifierText}" does not fit the amount "${amountText}"`);
      } else amountQualifier = qualifierText as AmountQualifier;
    }

    const announced = get("announced");
    if (announced !== "" && !isPartialDate(announced)) {
      bad("announced", `"${announced}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const statusText = get("status").toLowerCase();
    const status: DealStatus = statusText === "" ? "announced" : (statusText as DealStatus);
    if (!(DEAL_STATUSES as readonly string[]).includes(status)) {
      bad("status", `"${statusText}" is not one of ${DEAL_STATUSES.join(", ")}`);
    }
    const supersededBy = get("superseded_by");
    if (supersededBy !== "" && !ID_RE.test(supersededBy)) {
      bad("superseded_by", `"${supersededBy}" is not a deal id (a-z, 0-9, -)`);
    }
    const evidenceText = get("evidence").toLowerCase();
    // NOTE: an edge list without the column is a reported list of deals, as migrated v1 data is.
    const evidence: EvidenceTier =
      evidenceText === "" ? "reported" : (evidenceText as EvidenceTier);
    if (!(EVIDENCE_TIERS as readonly string[]).includes(evidence)) {
      bad("evidence", `"${evidenceText}" is not one of ${EVIDENCE_TIERS.join(", ")}`);
    }
    const arrangementId = get("arrangement_id");
    if (arrangementId !== "" && !ID_RE.test(arrangementId)) {
      bad("arrangement_id", `"${arrangementId}" is not an id (a-z, 0-9, -)`);
    }
    const sourceText = get("source");
    if (hasSourceColumn && sourceText === "") bad("source", "is empty: every deal needs a source");

    const idText = get("id");
    const id = idText === "" ? `row-${line}` : ID_RE.test(idText) ? idText : slugify(idText);
    if (idText !== "" && id === "") bad("id", `"${idText}" has no letters or digits`);
    const prevLine = dealIds.get(id);
    if (prevLine !== undefined) bad("id", `duplicate id "${id}" (first used on line ${prevLine})`);

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      badRows++;
      continue;
    }
    dealIds.set(id, line);
    for (const [cid, name] of [
      [fromId, fromName],
      [toId, toName],
    ] as const) {
      if (!companies.has(cid)) companies.set(cid, { id: cid, name, kind: "other" });
    }
    let sourceId = CSV_SOURCE_ID;
    let quote = `${fileName}, line ${line}`;
    if (hasSourceColumn) {
      sourceId = `csv-${slugify(sourceText).slice(0, 60) || "source"}`;
      const existing = sources.get(sourceId);
      if (existing && existing.title !== sourceText) sourceId = `${sourceId}-${line}`;
      if (!sources.has(sourceId)) {
        sources.set(sourceId, { id: sourceId, kind: "external", title: sourceText });
      }
      quote = sourceText;
    } else if (!sources.has(CSV_SOURCE_ID)) {
      sources.set(CSV_SOURCE_ID, {
        id: CSV_SOURCE_ID,
        kind: "external",
        title: `${options.kind ?? "CSV"} ${fileName}`,
      });
    }
    const description = get("description");
    deals.push({
      id,
      from: fromId,
      to: toId,
      type,
      amountUsdBn,
      amountQualifier,
      ...(announced === "" ? {} : { announced }),
      status,
      ...(supersededBy === "" ? {} : { supersededBy }),
      evidence,
      ...(arrangementId === "" ? {} : { arrangementId }),
      description: description === "" ? `${fromName} pays ${toName} (${type})` : description,
      notes: [],
      sources: [{ sourceId, quote }],
    });
  }

  // Lineage needs every row: a row may name a replacement further down the file.
  const lineageBad = new Set<number>();
  for (const p of findLineageProblems({ deals })) {
    const i = Number(/^deals\[(\d+)\]/.exec(p.path)?.[1]);
    const line = dealIds.get(deals[i]!.id)!;
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
  const warnings = names.warnings;
  if (problems.length === 0) return { ok: true, value, problems, warnings };
  return {
    ok: false,
    problems,
    warnings,
    partial: deals.length > 0 ? value : null,
    skipped: badRows,
  };
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
    ]
      .map(csvCell)
      .join(","),
  );
  return [[...head, "description", "source"].join(","), ...rows].join("\n") + "\n";
}
