/**
 * Dataset validation: shape (zod) plus the cross-record rules a schema cannot
 * express: unknown company and source references, duplicate ids, self-loops,
 * deal lineage (`supersededBy` present exactly for superseded deals, pointing
 * at a deal that exists, with no cycle of supersessions) and vehicle sponsors.
 * Older schema versions are migrated first (`migrate.ts`). Every problem is
 * returned at once, each with its path and reason.
 */
import {
  type ParseError as JsoncParseError,
  parse as parseJsonc,
  printParseErrorCode,
} from "jsonc-parser";
import type { ZodError } from "zod";
import { migrateDataset } from "./migrate.ts";
import { type Dataset, datasetSchema } from "./schema.ts";
import { type ParseResult, type Problem, formatPath } from "./problems.ts";

type Collection = "companies" | "deals" | "facts" | "sources" | "stories";

/** Finds the cross-record problems of a dataset whose shape is already valid. */
export function findReferenceProblems(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const firstIndex = (collection: Collection, ids: readonly string[]): Set<string> => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const prev = seen.get(id);
      if (prev !== undefined) {
        problems.push({
          path: `${collection}[${i}].id`,
          message: `duplicate id "${id}" (first used at ${collection}[${prev}])`,
        });
      } else seen.set(id, i);
    });
    return new Set(seen.keys());
  };
  const companyIds = firstIndex(
    "companies",
    dataset.companies.map((c) => c.id),
  );
  const sourceIds = firstIndex(
    "sources",
    dataset.sources.map((s) => s.id),
  );
  firstIndex(
    "deals",
    dataset.deals.map((d) => d.id),
  );
  firstIndex(
    "facts",
    dataset.facts.map((f) => f.id),
  );
  firstIndex(
    "stories",
    (dataset.stories ?? []).map((s) => s.id),
  );

  const checkCompany = (path: string, id: string | undefined) => {
    if (id !== undefined && !companyIds.has(id)) {
      problems.push({ path, message: `unknown company "${id}"` });
    }
  };
  const checkSources = (base: string, refs: readonly { sourceId: string }[]) => {
    refs.forEach((ref, j) => {
      if (!sourceIds.has(ref.sourceId)) {
        problems.push({
          path: `${base}.sources[${j}].sourceId`,
          message: `unknown source "${ref.sourceId}"`,
        });
      }
    });
  };

  dataset.deals.forEach((deal, i) => {
    const base = `deals[${i}]`;
    checkCompany(`${base}.from`, deal.from);
    checkCompany(`${base}.to`, deal.to);
    if (deal.from === deal.to) {
      problems.push({
        path: `${base}.to`,
        message: `self-loop: a deal cannot go from "${deal.from}" to itself`,
      });
    }
    if (deal.amountUsdBn === null && deal.amountQualifier !== "undisclosed") {
      problems.push({
        path: `${base}.amountQualifier`,
        message: `amount is null, so the qualifier must be "undisclosed"`,
      });
    }
    if (deal.amountUsdBn !== null && deal.amountQualifier === "undisclosed") {
      problems.push({
        path: `${base}.amountQualifier`,
        message: `"undisclosed" needs amountUsdBn to be null`,
      });
    }
    checkSources(base, deal.sources);
  });
  problems.push(...findLineageProblems(dataset), ...findSponsorProblems(dataset, companyIds));
  dataset.facts.forEach((fact, i) => {
    const base = `facts[${i}]`;
    checkCompany(`${base}.company`, fact.company);
    checkCompany(`${base}.counterparty`, fact.counterparty);
    checkSources(base, fact.sources);
  });
  return problems;
}

/**
 * Lineage rules: `supersededBy` only on a superseded deal (which may omit it
 * when its replacement is not in the data); it names another existing deal; and following it never
 * comes back to where it started. O(D): each chain is walked once.
 */
export function findLineageProblems(dataset: Pick<Dataset, "deals">): Problem[] {
  const problems: Problem[] = [];
  const indexById = new Map<string, number>();
  dataset.deals.forEach((d, i) => {
    if (!indexById.has(d.id)) indexById.set(d.id, i);
  });
  dataset.deals.forEach((deal, i) => {
    if (deal.supersededBy === undefined) return;
    const path = `deals[${i}].supersededBy`;
    // NOTE: a superseded deal names its replacement when the replacement is in
    // the data; a tracker's "superseded: replaced by the March round" may not be.
    if (deal.status !== "superseded") {
      problems.push({
        path,
        message: `only a superseded deal names a replacement (status is "${deal.status}")`,
      });
    } else {
      if (deal.supersededBy === deal.id) {
        problems.push({ path, message: `a deal cannot supersede itself` });
      } else if (!indexById.has(deal.supersededBy)) {
        problems.push({ path, message: `unknown deal "${deal.supersededBy}"` });
      }
    }
  });
  // Cycles: 0 unvisited, 1 on the current chain, 2 done.
  const state = new Uint8Array(dataset.deals.length);
  for (let start = 0; start < dataset.deals.length; start++) {
    // NOTE: a deal that names no replacement starts no chain (most deals, on a large file).
    if (dataset.deals[start]!.supersededBy === undefined) continue;
    const chain: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      chain.push(i);
      const next: string | undefined = dataset.deals[i]!.supersededBy;
      i = next === undefined ? undefined : indexById.get(next);
    }
    if (
      i !== undefined &&
      state[i] === 1 &&
      dataset.deals[i]!.supersededBy !== dataset.deals[i]!.id
    ) {
      const loop = chain.slice(chain.indexOf(i)).map((k) => dataset.deals[k]!.id);
      problems.push({
        path: `deals[${i}].supersededBy`,
        message: `lineage goes round in a cycle: ${[...loop, loop[0]].join(" → ")}`,
      });
    }
    for (const k of chain) state[k] = 2;
  }
  return problems;
}

/**
 * Vehicle rules: only a vehicle lists sponsors, a vehicle lists at least one,
 * each is a known company other than itself, and no vehicle is (through other
 * vehicles) its own sponsor.
 */
function findSponsorProblems(
  dataset: Pick<Dataset, "companies">,
  companyIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(dataset.companies.map((c) => [c.id, c]));
  dataset.companies.forEach((company, i) => {
    const path = `companies[${i}].sponsors`;
    if (company.kind !== "vehicle") {
      if (company.sponsors !== undefined) {
        problems.push({ path, message: `only a company of kind "vehicle" has sponsors` });
      }
      return;
    }
    if (company.sponsors === undefined) {
      problems.push({ path, message: `a vehicle must list its sponsors, lead sponsor first` });
      return;
    }
    company.sponsors.forEach((sponsor, j) => {
      if (sponsor === company.id) {
        problems.push({ path: `${path}[${j}]`, message: `a vehicle cannot sponsor itself` });
      } else if (!companyIds.has(sponsor)) {
        problems.push({ path: `${path}[${j}]`, message: `unknown company "${sponsor}"` });
      }
    });
    if (company.sponsors[0] === company.id) return;
    const seen = new Set([company.id]);
    let lead = byId.get(company.sponsors[0]!);
    while (lead?.kind === "vehicle" && lead.sponsors?.[0] !== undefined) {
      if (seen.has(lead.id)) {
        problems.push({ path: `${path}[0]`, message: `lead sponsors go round in a cycle` });
        break;
      }
      seen.add(lead.id);
      lead = byId.get(lead.sponsors[0]);
    }
  });
  return problems;
}

/** A schema problem worded for the user: unknown fields named, zod's "Invalid input: " dropped. */
export function schemaIssueMessage(issue: ZodError["issues"][number]): string {
  return issue.code === "unrecognized_keys"
    ? `unknown field(s): ${issue.keys.join(", ")}`
    : issue.message.replace(/^Invalid input: /, "");
}

/** Index of the record a problem path points into, e.g. `deals[3].x` → ["deals", 3]. */
function recordOf(path: string): [Collection, number] | null {
  const m = /^(companies|deals|facts|sources|stories)\[(\d+)\]/.exec(path);
  return m ? [m[1] as Collection, Number(m[2])] : null;
}

/**
 * Validates an already-parsed JSON value as a dataset.
 * On failure, `partial` keeps the records with no problem of their own, so the
 * caller can offer to import only those.
 */
export function validateDataset(raw: unknown): ParseResult<Dataset> {
  const migrated = migrateDataset(raw);
  if (!migrated.ok) {
    return {
      ok: false,
      problems: [{ path: "schemaVersion", message: migrated.reason }],
      partial: null,
      skipped: 0,
    };
  }
  const input = migrated.value;
  const shape = datasetSchema.safeParse(input);
  if (shape.success) {
    const problems = findReferenceProblems(shape.data);
    if (problems.length === 0) return { ok: true, value: shape.data, problems };
    return { ok: false, problems, ...dropBadRecords(input, problems) };
  }
  const problems: Problem[] = shape.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: schemaIssueMessage(issue),
  }));
  return { ok: false, problems, ...dropBadRecords(input, problems) };
}

/** Removes records that have problems, then re-validates until what remains is clean. */
function dropBadRecords(
  input: unknown,
  problems: readonly Problem[],
): { partial: Dataset | null; skipped: number } {
  if (typeof input !== "object" || input === null) return { partial: null, skipped: 0 };
  let current = input as Record<string, unknown>;
  let currentProblems = problems;
  let skipped = 0;
  for (let round = 0; round < 5; round++) {
    const bad = new Map<Collection, Set<number>>();
    for (const p of currentProblems) {
      const rec = recordOf(p.path);
      if (!rec) return { partial: null, skipped: 0 };
      const set = bad.get(rec[0]) ?? new Set<number>();
      set.add(rec[1]);
      bad.set(rec[0], set);
    }
    const next: Record<string, unknown> = { ...current };
    for (const [collection, indices] of bad) {
      const list = current[collection];
      if (!Array.isArray(list)) return { partial: null, skipped: 0 };
      next[collection] = list.filter((_, i) => !indices.has(i));
      skipped += indices.size;
    }
    const again = datasetSchema.safeParse(next);
    if (!again.success) {
      current = next;
      currentProblems = again.error.issues.map((i) => ({
        path: formatPath(i.path),
        message: i.message,
      }));
      continue;
    }
    const refs = findReferenceProblems(again.data);
    if (refs.length === 0) return { partial: again.data, skipped };
    current = next;
    currentProblems = refs;
  }
  return { partial: null, skipped: 0 };
}

/**
 * Parses dataset JSON text (a leading byte-order mark is allowed), reporting a
 * syntax error on one line with its line and column. NOTE: V8's own message
 * names no position and quotes the text around the error across several lines,
 * so the position comes from jsonc-parser's scanner in strict mode.
 */
export function parseDatasetJson(raw: string): ParseResult<Dataset> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { line, column, reason } = locateJsonError(text);
    return {
      ok: false,
      problems: [
        { path: `line ${line}`, line, message: `not valid JSON at column ${column}: ${reason}` },
      ],
      partial: null,
      skipped: 0,
    };
  }
  return validateDataset(value);
}

/** Plain words for jsonc-parser's error names (`printParseErrorCode`). */
const JSON_ERROR_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected symbol (NaN, Infinity, a quote of the wrong kind?)",
  InvalidNumberFormat: "a number is malformed",
  PropertyNameExpected: "a property name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "a colon was expected",
  CommaExpected: "a comma was expected",
  CloseBraceExpected: "a closing } was expected",
  CloseBracketExpected: "a closing ] was expected",
  EndOfFileExpected: "text after the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "an invalid \\u escape",
  InvalidEscapeCharacter: "an invalid escape in a string",
  InvalidCharacter: "a control character inside a string",
};

/** Line, column (1-based) and reason of the first JSON syntax error. */
function locateJsonError(text: string): { line: number; column: number; reason: string } {
  const errors: JsoncParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const offset = first ? first.offset : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // NOTE: \r\n, \n and a lone \r each end one line, as editors count them.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const name = first ? printParseErrorCode(first.error) : "";
  const reason = Object.hasOwn(JSON_ERROR_WORDS, name) ? JSON_ERROR_WORDS[name]! : "syntax error";
  return { line, column: offset - lineStart + 1, reason };
}

/** Serializes a dataset as pretty JSON that `parseDatasetJson` reads back identically. */
export function serializeDatasetJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
