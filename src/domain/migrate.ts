/**
 * Schema migrations: every older dataset this build can read is brought to the
 * current schema before validation, one version step at a time.
 *
 * v1 → v2: deals gain an evidence tier. A v1 deal cites the seed articles or a
 * named outside outlet, so it becomes `reported`. A fact's period must now follow
 * one grammar (`YYYY`, `FYYYYY`, `YYYY-Qn`, `YYYY-MM-DD`); a v1 period that does
 * not (`2024-2025`, `FY2026-Q2`) moves into the fact's notes, word for word,
 * rather than being guessed at. Everything else is unchanged (v2's new
 * statuses, lineage, arrangements and vehicles are optional or new values). Pure and total: a value that is not a v1 document is returned
 * as it is, for validation to report. O(D) for D deals.
 *
 * Reference: the schema in `schema.ts` and the README's "Data format".
 */
import { SCHEMA_VERSION, isFactPeriod } from "./schema.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Upgrades a dataset from schema N to N+1, keyed by N. */
export const MIGRATIONS: Readonly<Record<number, (dataset: Json) => Json>> = {
  1: migrateV1ToV2,
};

/** v1 → v2: deals without an evidence tier get `reported`; off-grammar periods move to notes. */
export function migrateV1ToV2(dataset: Json): Json {
  const deals = Array.isArray(dataset.deals)
    ? dataset.deals.map((deal: unknown) =>
        isObject(deal) && deal.evidence === undefined ? { ...deal, evidence: "reported" } : deal,
      )
    : dataset.deals;
  const facts = Array.isArray(dataset.facts)
    ? dataset.facts.map((fact: unknown) => {
        if (!isObject(fact) || typeof fact.period !== "string" || isFactPeriod(fact.period)) {
          return fact;
        }
        const { period, ...rest } = fact;
        const notes = Array.isArray(fact.notes) ? fact.notes : [];
        return { ...rest, notes: [...notes, `Period as written in schema 1: "${period}".`] };
      })
    : dataset.facts;
  return {
    ...dataset,
    schemaVersion: 2,
    deals,
    ...(dataset.facts === undefined ? {} : { facts }),
  };
}

export type MigrationOutcome =
  | { readonly ok: true; readonly value: unknown; readonly fromVersion: number | null }
  | { readonly ok: false; readonly reason: string };

/**
 * Brings a parsed document to the current schema. A document that declares no
 * usable version is passed through untouched (validation names the field); one
 * newer than this build, or older than any migration, is refused with a reason.
 */
export function migrateDataset(value: unknown): MigrationOutcome {
  if (!isObject(value)) return { ok: true, value, fromVersion: null };
  const declared = value.schemaVersion;
  if (typeof declared !== "number" || !Number.isInteger(declared)) {
    return { ok: true, value, fromVersion: null };
  }
  if (declared > SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `schema ${declared} was written by a newer version of Ouroboros (this one reads up to ${SCHEMA_VERSION})`,
    };
  }
  let current: Json = value;
  for (let v = declared; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return {
        ok: false,
        reason: `schema ${declared} is an older format that cannot be converted`,
      };
    }
    current = step(current);
  }
  return { ok: true, value: current, fromVersion: declared };
}
