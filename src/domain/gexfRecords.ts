/**
 * GEXF node and edge attributes → companies and deals.
 *
 * Attribute names are matched loosely (`amountUsdBn`, `amount_usd_bn` and Gephi's
 * lower-cased `amountusdbn` are one name). A value that cannot be used is either a
 * problem that leaves the edge out (a bad amount) or, where a default is safe (an
 * unknown type or status), kept as a note on the deal, so nothing is lost silently.
 */
import {
  AMOUNT_QUALIFIERS,
  type AmountQualifier,
  COMPANY_KINDS,
  type Company,
  type CompanyKind,
  DEAL_STATUSES,
  DEAL_TYPES,
  EVIDENCE_TIERS,
  type Deal,
  type DealStatus,
  type DealType,
  type EvidenceTier,
  MAX_AMOUNT_USD_BN,
  isPartialDate,
} from "./schema.ts";

const ID_RE = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** Attributes as graphology-gexf returns them. */
export type Attrs = Readonly<Record<string, unknown>>;

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The first of `names` present in `attrs`, matching names loosely; undefined if none. */
export function pickAttr(attrs: Attrs, ...names: string[]): unknown {
  const wanted = names.map(norm);
  for (const want of wanted) {
    for (const [key, value] of Object.entries(attrs)) {
      if (norm(key) === want && value !== undefined && value !== null) return value;
    }
  }
  return undefined;
}

/** A scalar attribute as trimmed text ("" for missing or non-scalar values). */
export function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * A company from a node; `id` is already unique and `idOfKey` maps another
 * node's key to its company id (for a vehicle's `sponsors`, written as
 * comma-separated node ids). A vehicle that names no sponsor is read as "other".
 */
export function nodeToCompany(
  key: string,
  attrs: Attrs,
  id: string,
  idOfKey: (key: string) => string | undefined = () => undefined,
): Company {
  const name = text(attrs.label) || key;
  const kindText = text(pickAttr(attrs, "kind")).toLowerCase();
  let kind: CompanyKind = isOneOf(COMPANY_KINDS, kindText) ? kindText : "other";
  const sponsors = text(pickAttr(attrs, "sponsors"))
    .split(/[\s,;|]+/)
    .filter((s) => s !== "")
    .map((s) => idOfKey(s) ?? s);
  let kindNote = "";
  if (kindText !== "" && kind === "other" && kindText !== "other") {
    kindNote = `GEXF kind "${kindText}" is not one of ${COMPANY_KINDS.join(", ")}; read as "other".`;
  } else if (kind === "vehicle" && sponsors.length === 0) {
    kind = "other";
    kindNote = `GEXF kind "vehicle" names no sponsors; read as "other".`;
  }
  const description = [text(pickAttr(attrs, "description")), kindNote]
    .filter((s) => s !== "")
    .join(" ");
  return {
    id,
    name,
    kind,
    ...(kind === "vehicle" ? { sponsors } : {}),
    ...(description === "" ? {} : { description }),
  };
}

export interface EdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fromName: string;
  readonly toName: string;
  readonly attrs: Attrs;
  readonly undirected: boolean;
  readonly sourceId: string;
  /** Where the edge is in the file, for the deal's source quote. */
  readonly citation: string;
}

export type EdgeResult =
  { readonly deal: Deal } | { readonly problems: readonly { field: string; message: string }[] };

/** A non-negative finite number from an attribute, or why not. */
function readAmount(value: unknown): { amount: number | null } | { error: string } {
  if (value === undefined) return { amount: null };
  if (typeof value === "number" && Number.isNaN(value)) return { error: "is not a number" };
  const raw = text(value).replace(/^\$/, "");
  if (raw === "" || raw.toLowerCase() === "undisclosed") return { amount: null };
  const n = typeof value === "number" ? value : Number(raw);
  if (
    !Number.isFinite(n) ||
    (typeof value !== "number" && !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw))
  ) {
    return { error: `"${raw}" is not a finite number` };
  }
  if (n < 0) return { error: `${raw} must not be negative` };
  if (n > MAX_AMOUNT_USD_BN) {
    return { error: `${raw} is more than ${MAX_AMOUNT_USD_BN} (US$ bn, i.e. $10 tn)` };
  }
  return { amount: n };
}

/** A deal from an edge, or the problems that keep it out. */
export function edgeToDeal(input: EdgeInput): EdgeResult {
  const { attrs } = input;
  const notes: string[] = [];
  const problems: { field: string; message: string }[] = [];

  const qualifierText = text(pickAttr(attrs, "amountQualifier", "qualifier")).toLowerCase();
  const named = pickAttr(attrs, "amountUsdBn", "amount");
  const weight = pickAttr(attrs, "weight");
  let amountUsdBn: number | null = null;
  if (qualifierText !== "undisclosed") {
    const field = named !== undefined ? "amountUsdBn" : "weight";
    const read = readAmount(named ?? weight);
    if ("error" in read) problems.push({ field, message: read.error });
    else {
      amountUsdBn = read.amount;
      if (named === undefined && read.amount !== null) {
        notes.push("The amount is the GEXF edge weight (no amountUsdBn attribute).");
      }
    }
  }
  let amountQualifier: AmountQualifier = amountUsdBn === null ? "undisclosed" : "exact";
  if (qualifierText !== "" && qualifierText !== amountQualifier) {
    const fits =
      isOneOf(AMOUNT_QUALIFIERS, qualifierText) &&
      (qualifierText === "undisclosed") === (amountUsdBn === null);
    if (fits) amountQualifier = qualifierText;
    else
      notes.push(
        `GEXF amountQualifier "${qualifierText}" does not fit; read as "${amountQualifier}".`,
      );
  }

  const typeText = text(pickAttr(attrs, "type")).toLowerCase();
  const type: DealType = isOneOf(DEAL_TYPES, typeText) ? typeText : "other";
  if (typeText !== "" && type !== typeText) {
    notes.push(`GEXF type "${typeText}" is not one of ${DEAL_TYPES.join(", ")}; read as "other".`);
  }
  const statusText = text(pickAttr(attrs, "status")).toLowerCase();
  const status: DealStatus = isOneOf(DEAL_STATUSES, statusText) ? statusText : "announced";
  if (statusText !== "" && status !== statusText) {
    notes.push(
      `GEXF status "${statusText}" is not one of ${DEAL_STATUSES.join(", ")}; read as "announced".`,
    );
  }
  const evidenceText = text(pickAttr(attrs, "evidence")).toLowerCase();
  const evidence: EvidenceTier = isOneOf(EVIDENCE_TIERS, evidenceText) ? evidenceText : "reported";
  if (evidenceText !== "" && evidence !== evidenceText) {
    notes.push(
      `GEXF evidence "${evidenceText}" is not one of ${EVIDENCE_TIERS.join(", ")}; read as "reported".`,
    );
  }
  const lineage: Partial<Pick<Deal, "supersededBy" | "arrangementId">> = {};
  for (const field of ["supersededBy", "arrangementId"] as const) {
    const value = text(pickAttr(attrs, field));
    if (value === "") continue;
    if (ID_RE.test(value)) lineage[field] = value;
    else problems.push({ field, message: `"${value.slice(0, 60)}" is not an id (a-z, 0-9, -)` });
  }
  const announcedText = text(pickAttr(attrs, "announced", "date"));
  const announced = isPartialDate(announcedText) ? announcedText : undefined;
  if (announcedText !== "" && announced === undefined) {
    notes.push(`GEXF date "${announcedText}" is not YYYY, YYYY-MM or YYYY-MM-DD; left out.`);
  }
  const optional: Partial<Pick<Deal, "horizonYears" | "capacityGw">> = {};
  for (const field of ["horizonYears", "capacityGw"] as const) {
    const value = pickAttr(attrs, field);
    if (value === undefined) continue;
    const read = readAmount(value);
    if ("error" in read) notes.push(`GEXF ${field}: ${read.error}; left out.`);
    else if (read.amount !== null) optional[field] = read.amount;
  }
  if (input.undirected) notes.push("The GEXF edge is undirected; read as source pays target.");
  if (problems.length > 0) return { problems };

  const fileNotes = text(pickAttr(attrs, "notes"));
  const sourcesText = text(pickAttr(attrs, "sources", "source"));
  const description =
    text(pickAttr(attrs, "description")) ||
    text(attrs.label) ||
    `${input.fromName} pays ${input.toName} (${type})`;
  return {
    deal: {
      id: input.id,
      from: input.from,
      to: input.to,
      type,
      amountUsdBn,
      amountQualifier,
      ...optional,
      ...(announced === undefined ? {} : { announced }),
      status,
      ...(lineage.supersededBy === undefined ? {} : { supersededBy: lineage.supersededBy }),
      evidence,
      ...(lineage.arrangementId === undefined ? {} : { arrangementId: lineage.arrangementId }),
      description,
      notes: [...(fileNotes === "" ? [] : fileNotes.split("\n")), ...notes],
      sources: [{ sourceId: input.sourceId, quote: sourcesText || input.citation }],
    },
  };
}
