/**
 * Analysts' deal trackers as they are: which column is which field, and which
 * of their words means which of ours. One mapper for the app and the CLI;
 * `csv.ts` applies it to CSV and spreadsheet records.
 *
 * Columns are matched case- and punctuation-insensitively against the names
 * trackers use ("Investor", "amount ($bn)", "announced_on"…). Values are
 * matched by synonym, then by prefix ("Superseded: replaced by the March
 * round" is superseded). Amounts are read from text with their unit and
 * currency ("$50bn", "1.5 billion", "$350m", "€385m"); a currency other than
 * the dollar is kept with its amount and never converted. Nothing is dropped:
 * a column that maps to no field is kept on each deal as an attribute.
 */
import {
  AMOUNT_QUALIFIERS,
  type AmountQualifier,
  DEAL_STATUSES,
  DEAL_TYPES,
  type DealStatus,
  type DealType,
  EVIDENCE_TIERS,
  type EvidenceTier,
} from "./schema.ts";

export const TRACKER_FIELDS = [
  "from",
  "to",
  "type",
  "amount",
  "announced",
  "status",
  "sources",
  "id",
  "description",
  "notes",
  "qualifier",
  "evidence",
  "arrangement",
  "superseded_by",
] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

/** The fields whose values are words mapped to our vocabulary. */
export const MAPPED_VALUE_FIELDS = ["type", "status", "evidence", "qualifier"] as const;
export type MappedValueField = (typeof MAPPED_VALUE_FIELDS)[number];

/** A header as it is compared: lower case, letters and digits only ("Amount ($bn)" → "amountbn"). */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Amount columns whose name says millions ("amount_usd_m"); others are billions. */
const MILLION_COLUMN_NAMES = [
  "amountusdm",
  "usdm",
  "amountm",
  "amountmn",
  "amountmillions",
  "valueusdm",
] as const;

/** Column names each field is known by, normalised; the first is ours (what our CSV writes). */
const COLUMN_NAMES: Readonly<Record<TrackerField, readonly string[]>> = {
  from: [
    "from",
    "payer",
    "investor",
    "buyer",
    "lender",
    "customer",
    "client",
    "purchaser",
    "funder",
    "payerid",
    "fromcompany",
    "investorname",
  ],
  to: [
    "to",
    "payee",
    "investee",
    "seller",
    "vendor",
    "supplier",
    "borrower",
    "recipient",
    "provider",
    "payeeid",
    "tocompany",
    "target",
    "company",
  ],
  type: ["type", "dealtype", "flowtype", "kind", "category", "instrument", "transactiontype"],
  amount: [
    "amountusdbn",
    "usdbn",
    "amount",
    "value",
    "amountbn",
    "valueusdbn",
    "size",
    "dealsize",
    "dealvalue",
    "weight",
    "amountusd",
    "valueusd",
    "usd",
    ...MILLION_COLUMN_NAMES,
  ],
  announced: [
    "announced",
    "date",
    "announcedon",
    "announceddate",
    "dateannounced",
    "announcementdate",
    "when",
    "dealdate",
  ],
  status: ["status", "state", "dealstatus", "stage"],
  sources: [
    "source",
    "sources",
    "url",
    "urls",
    "link",
    "links",
    "reference",
    "references",
    "citation",
    "citations",
    "sourceurl",
    "sourceurls",
  ],
  id: ["id", "dealid", "legid", "ref"],
  description: ["description", "summary", "deal", "dealname", "title", "what"],
  notes: ["notes", "note", "comment", "comments", "remarks"],
  qualifier: ["qualifier", "amountqualifier", "precision"],
  evidence: ["evidence", "evidencetier", "confidence", "sourcequality"],
  arrangement: ["arrangementid", "arrangement", "dealgroup", "group", "groupid", "parentdeal"],
  superseded_by: ["supersededby", "replacedby", "supersededbyid"],
};

const MILLION_COLUMNS: ReadonlySet<string> = new Set(MILLION_COLUMN_NAMES);

export interface ColumnMapping {
  /** The field of each header cell, or null: kept as an attribute. */
  readonly fields: readonly (TrackerField | null)[];
  /** Plain amounts in the amount column are millions (its name says so), else billions. */
  readonly amountInMillions: boolean;
}

/**
 * Maps a header to fields. `overrides` (normalised column name → field, or
 * null to keep it as an attribute) win. Gephi's `source` is the payer when a
 * `target` column exists; elsewhere `source` is a citation. Each field takes
 * the first column that names it; a later one is kept as an attribute.
 */
export function detectColumns(
  header: readonly string[],
  overrides: ReadonlyMap<string, TrackerField | null> = new Map(),
): ColumnMapping {
  const names = header.map(normalizeName);
  const gephi = names.includes("target") && names.includes("source");
  const taken = new Set<TrackerField>();
  let amountInMillions = false;
  const fields = names.map((name): TrackerField | null => {
    let field: TrackerField | null | undefined = overrides.has(name)
      ? overrides.get(name)
      : undefined;
    if (field === undefined) {
      if (gephi && name === "source") field = "from";
      else if (gephi && name === "target") field = "to";
      else field = TRACKER_FIELDS.find((f) => COLUMN_NAMES[f].includes(name)) ?? null;
    }
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    if (field === "amount") amountInMillions = MILLION_COLUMNS.has(name);
    return field;
  });
  return { fields, amountInMillions };
}

/** Words trackers use for each of our values, normalised; each value's own name matches too. */
const TYPE_WORDS: Readonly<Record<DealType, readonly string[]>> = {
  equity: [
    "investment",
    "invest",
    "stake",
    "shares",
    "funding",
    "round",
    "equityinvestment",
    "seriesfunding",
    "acquisition",
  ],
  debt: [
    "credit",
    "loan",
    "bond",
    "bonds",
    "debtfinancing",
    "financing",
    "creditfacility",
    "notes",
    "lease",
    "leasefinancing",
  ],
  "cloud-contract": [
    "cloud",
    "compute",
    "computecontract",
    "capacity",
    "hosting",
    "cloudservices",
    "datacenter",
    "datacentre",
    "infrastructure",
  ],
  "chip-purchase": [
    "chips",
    "chip",
    "gpu",
    "gpus",
    "hardware",
    "purchase",
    "chipsupply",
    "supply",
    "accelerators",
  ],
  warrant: ["warrants", "stockgrant", "option", "options", "sharegrant"],
  backstop: ["guarantee", "leaseguarantee", "capacitybackstop", "backstopagreement"],
  other: ["misc", "unknown"],
};

const STATUS_WORDS: Readonly<Record<DealStatus, readonly string[]>> = {
  announced: [
    "reported",
    "loi",
    "letterofintent",
    "talks",
    "intalks",
    "conditional",
    "proposed",
    "rumored",
    "rumoured",
    "pending",
    "planned",
    "mou",
    "expected",
    "agreedinprinciple",
  ],
  signed: ["agreed", "definitive", "contracted", "executed"],
  closed: [
    "completed",
    "complete",
    "funded",
    "done",
    "finalized",
    "finalised",
    "live",
    "active",
    "paid",
  ],
  stalled: ["paused", "delayed", "onhold", "stuck"],
  revised: ["amended", "renegotiated", "updated"],
  superseded: ["replaced", "replacedby", "supersededby", "restructured"],
  cancelled: [
    "canceled",
    "terminated",
    "withdrawn",
    "abandoned",
    "calledoff",
    "collapsed",
    "dropped",
    "scrapped",
  ],
};

const EVIDENCE_WORDS: Readonly<Record<EvidenceTier, readonly string[]>> = {
  filing: [
    "sec",
    "filed",
    "10k",
    "10q",
    "8k",
    "official",
    "companyrelease",
    "pressrelease",
    "regulatory",
    "confirmed",
  ],
  reported: ["report", "press", "media", "news", "high", "medium"],
  estimate: ["estimated", "analyst", "analystestimate", "low", "projection"],
  inferred: ["inference", "speculative", "rumor", "rumour", "unconfirmed", "implied"],
};

const QUALIFIER_WORDS: Readonly<Record<AmountQualifier, readonly string[]>> = {
  exact: ["exactly", "firm"],
  "up-to": ["upto", "max", "maximum", "ceiling", "cap"],
  about: ["approx", "approximately", "around", "roughly", "estimated", "est", "circa"],
  undisclosed: ["unknown", "na", "notdisclosed", "tbd"],
};

const VOCABULARIES = {
  type: { values: DEAL_TYPES, words: TYPE_WORDS },
  status: { values: DEAL_STATUSES, words: STATUS_WORDS },
  evidence: { values: EVIDENCE_TIERS, words: EVIDENCE_WORDS },
  qualifier: { values: AMOUNT_QUALIFIERS, words: QUALIFIER_WORDS },
} as const;

export type MappedValue<F extends MappedValueField> = (typeof VOCABULARIES)[F]["values"][number];

/**
 * Our value for a tracker's word: the value itself, a synonym, or a value or
 * synonym the text starts with (longest first). Null when nothing matches.
 */
export function mapValue<F extends MappedValueField>(
  field: F,
  text: string,
  overrides: ReadonlyMap<string, string> = new Map(),
): MappedValue<F> | null {
  const word = normalizeName(text);
  const values: readonly string[] = VOCABULARIES[field].values;
  const override = overrides.get(word);
  if (override !== undefined && values.includes(override)) return override as MappedValue<F>;
  if (word === "") return null;
  const { exact, prefixes } = candidatesOf(field);
  const found = exact.get(word);
  if (found !== undefined) return found as MappedValue<F>;
  const prefix = prefixes.find(([w]) => word.startsWith(w));
  return (prefix?.[1] as MappedValue<F> | undefined) ?? null;
}

const CANDIDATES = new Map<
  MappedValueField,
  { exact: Map<string, string>; prefixes: [string, string][] }
>();

/** Each field's words once: exact matches, and prefixes of three letters or more, longest first. */
function candidatesOf(field: MappedValueField) {
  let known = CANDIDATES.get(field);
  if (!known) {
    const { values, words } = VOCABULARIES[field] as {
      values: readonly string[];
      words: Readonly<Record<string, readonly string[]>>;
    };
    const pairs: [string, string][] = values.flatMap((v) => [
      [normalizeName(v), v] as [string, string],
      ...(words[v] ?? []).map((w) => [w, v] as [string, string]),
    ]);
    const exact = new Map<string, string>();
    for (const [w, v] of pairs) if (!exact.has(w)) exact.set(w, v);
    const prefixes = pairs.filter(([w]) => w.length >= 3).sort((a, b) => b[0].length - a[0].length);
    known = { exact, prefixes };
    CANDIDATES.set(field, known);
  }
  return known;
}

/** What an amount cell says. */
export type ReadAmount =
  | { readonly kind: "empty" }
  | { readonly kind: "undisclosed" }
  | {
      readonly kind: "amount";
      /** In billions of the currency. */
      readonly valueBn: number;
      /** ISO 4217 code; "USD" for dollars. */
      readonly currency: string;
      /** "up-to" or "about" when the text says so ("up to $100bn", "~$10bn"). */
      readonly qualifier: AmountQualifier | null;
    }
  | { readonly kind: "unreadable" };

const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  us$: "USD",
  $: "USD",
  usd: "USD",
  "€": "EUR",
  eur: "EUR",
  "£": "GBP",
  gbp: "GBP",
  "¥": "JPY",
  jpy: "JPY",
  cny: "CNY",
  rmb: "CNY",
  chf: "CHF",
  cad: "CAD",
  aud: "AUD",
  inr: "INR",
  krw: "KRW",
  sar: "SAR",
  aed: "AED",
};

/** Each unit as billions: a factor, or a divisor (exact for millions: 350m is 0.35, not 0.35000000000000003). */
const UNITS: Readonly<Record<string, { times?: number; over?: number }>> = {
  tn: { times: 1000 },
  t: { times: 1000 },
  trillion: { times: 1000 },
  trn: { times: 1000 },
  bn: {},
  b: {},
  billion: {},
  billions: {},
  bln: {},
  m: { over: 1000 },
  mn: { over: 1000 },
  mm: { over: 1000 },
  mln: { over: 1000 },
  million: { over: 1000 },
  millions: { over: 1000 },
  k: { over: 1_000_000 },
  thousand: { over: 1_000_000 },
};

const AMOUNT_RE =
  /^(up\s*to|upto|max(?:imum)?|about|approx(?:imately|\.)?|around|roughly|circa|~|≈)?\s*(us\$|\$|€|£|¥|[a-z]{3}\b)?\s*([0-9][0-9,]*(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?|\.[0-9]+(?:e[-+]?[0-9]+)?)\s*(trillion|billions?|millions?|thousand|trn|tn|bln|bn|mln|mn|mm|[tbmk])?\.?\s*(us\$|\$|€|£|¥|[a-z]{3})?\s*(\+)?$/i;

/**
 * Reads an amount cell. A plain number is in the column's unit (billions, or
 * millions when the column's name says so). "n/a", "undisclosed" and the like
 * are undisclosed.
 */
const PLAIN_NUMBER_RE = /^\d{1,15}(?:\.\d{1,15})?$/;

export function readAmount(text: string, plainInMillions = false): ReadAmount {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  // NOTE: most cells are plain numbers; they skip the regular expressions.
  if (PLAIN_NUMBER_RE.test(t)) {
    const n = Number(t);
    return {
      kind: "amount",
      valueBn: plainInMillions ? n / 1000 : n,
      currency: "USD",
      qualifier: null,
    };
  }
  if (/^(undisclosed|not disclosed|n\/?a|unknown|tbd|-+|—|\?)$/i.test(t)) {
    return { kind: "undisclosed" };
  }
  const m = AMOUNT_RE.exec(t);
  if (!m) return { kind: "unreadable" };
  const [, qualifierText, before, digits, unit, after] = m;
  const signs = [before, after].filter((s): s is string => s !== undefined);
  const currencies = signs.map((s) => CURRENCY_SIGNS[s.toLowerCase()]);
  if (currencies.some((c) => c === undefined) || new Set(currencies).size > 1) {
    return { kind: "unreadable" };
  }
  const n = Number(digits!.replace(/,/g, ""));
  if (!Number.isFinite(n)) return { kind: "unreadable" };
  const scale = unit ? UNITS[unit.toLowerCase()]! : plainInMillions ? { over: 1000 } : {};
  const q = (qualifierText ?? "").toLowerCase().replace(/\s/g, "");
  const qualifier: AmountQualifier | null =
    q === "" ? null : q === "upto" || q.startsWith("max") ? "up-to" : "about";
  return {
    kind: "amount",
    valueBn: (n * (scale.times ?? 1)) / (scale.over ?? 1),
    currency: currencies[0] ?? "USD",
    qualifier,
  };
}

/**
 * The links in a sources cell (URLs separated by `|`, `;`, commas or spaces)
 * and the text around them, separators trimmed.
 */
export function splitSources(text: string): { urls: string[]; rest: string } {
  const urls: string[] = [];
  const rest = text.replace(/https?:\/\/[^\s|;,]+/gi, (url) => {
    urls.push(url.replace(/[.)\]]+$/, ""));
    return "\u0000";
  });
  const parts = rest
    .split("\u0000")
    .map((p) => p.replace(/^[\s|;,]+|[\s|;,]+$/g, ""))
    .filter((p) => p !== "");
  return { urls, rest: parts.join(" ") };
}

/** How a file's columns and values were read: what the import dialog shows and lets the user change. */
export interface DetectedMapping {
  /** The header as written. */
  readonly header: readonly string[];
  /** The field of each column, or null (kept as an attribute). */
  readonly fields: readonly (TrackerField | null)[];
  /** A workbook's sheets, when it has more than one, and the one read. */
  readonly sheets?: readonly string[];
  readonly sheet?: string;
  /** Per mapped field, each distinct word in the file, how many rows hold it, and what it was read as. */
  readonly values: Readonly<
    Record<MappedValueField, readonly { text: string; count: number; value: string }[]>
  >;
}

/**
 * A user's choice of mapping, as plain data that crosses to the import worker
 * and into localStorage: pairs, not objects keyed by file text (a column
 * named `__proto__` must stay a name).
 */
export interface MappingChoice {
  /** The workbook sheet to read; the first when absent. */
  readonly sheet?: string;
  readonly columns: readonly (readonly [string, TrackerField | null])[];
  readonly values: readonly (readonly [MappedValueField, readonly (readonly [string, string])[]])[];
}

export const NO_MAPPING_CHOICE: MappingChoice = { columns: [], values: [] };

/** The overrides a choice stands for, keyed by normalised text. */
export function overridesOf(choice: MappingChoice): {
  columns: Map<string, TrackerField | null>;
  values: Partial<Record<MappedValueField, Map<string, string>>>;
} {
  const values: Partial<Record<MappedValueField, Map<string, string>>> = {};
  for (const [field, pairs] of choice.values) {
    if (!(MAPPED_VALUE_FIELDS as readonly string[]).includes(field)) continue;
    values[field] = new Map(pairs.map(([text, value]) => [normalizeName(text), value]));
  }
  const columns = new Map<string, TrackerField | null>();
  for (const [name, field] of choice.columns) {
    if (field === null || (TRACKER_FIELDS as readonly string[]).includes(field)) {
      columns.set(normalizeName(name), field);
    }
  }
  return { columns, values };
}

/** Our values of a mapped field, for the dialog's choices. */
export function valuesOf(field: MappedValueField): readonly string[] {
  return VOCABULARIES[field].values;
}

/** The key a header's remembered mapping is stored under. */
export function headerKey(header: readonly string[]): string {
  return header.map(normalizeName).join("|");
}

/** Our column name for each field: what our CSV export writes. */
export const CANONICAL_COLUMN: Readonly<Record<TrackerField, string>> = {
  from: "from",
  to: "to",
  type: "type",
  amount: "amount_usd_bn",
  announced: "announced",
  status: "status",
  sources: "source",
  id: "id",
  description: "description",
  notes: "notes",
  qualifier: "qualifier",
  evidence: "evidence",
  arrangement: "arrangement_id",
  superseded_by: "superseded_by",
};

/**
 * True when a file reads as our own edge list: every column under our name,
 * every value one of ours, and (a workbook) one sheet. Such a file imports at once; any other is shown to
 * the user to check the mapping first.
 */
export function isOwnEdgeList(mapping: DetectedMapping): boolean {
  if (mapping.sheets && mapping.sheets.length > 1) return false;
  const ownColumns = mapping.fields.every(
    (f, i) =>
      f !== null && normalizeName(mapping.header[i]!) === normalizeName(CANONICAL_COLUMN[f]),
  );
  const ownValues = MAPPED_VALUE_FIELDS.every((field) =>
    mapping.values[field].every((v) => normalizeName(v.text) === normalizeName(v.value)),
  );
  return ownColumns && ownValues;
}
