/**
 * Schema migrations: every older dataset this build can read is brought to the
 * current schema before validation, one version step at a time.
 *
 * v1 → v2: deals gain an evidence tier. A v1 deal cites the seed articles or a
 * named outside outlet, so it becomes `reported`; everything else is unchanged
 * (v2's new statuses, lineage, arrangements and vehicles are all optional or
 * new values). Pure and total: a value that is not a v1 document is returned
 * as it is, for validation to report. O(D) for D deals.
 *
 * Reference: the schema in `schema.ts` and the README's "Data format".
 */
import { SCHEMA_VERSION } from "./schema.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Upgrades a dataset from schema N to N+1, keyed by N. */
export const MIGRATIONS: Readonly<Record<number, (dataset: Json) => Json>> = {
  1: migrateV1ToV2,
};

/** v1 → v2: every deal without an evidence tier gets `reported`. */
export function migrateV1ToV2(dataset: Json): Json {
  const deals = Array.isArray(dataset.deals)
    ? dataset.deals.map((deal: unknown) =>
        isObject(deal) && deal.evidence === undefined ? { ...deal, evidence: "reported" } : deal,
      )
    : dataset.deals;
  return { ...dataset, schemaVersion: 2, deals };
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
