/**
 * Keeps an imported dataset across reloads and browser restarts, in IndexedDB
 * (through idb-keyval). One record `{ schemaVersion, savedAt, dataset }` under
 * `DATASET_KEY`; a record that cannot be used is moved to `SET_ASIDE_KEY` with the
 * reason, and the user is told in a notice. Nothing here throws.
 */
import { type UseStore, createStore, del, get, set } from "idb-keyval";
import { formatProblem } from "../domain/problems.ts";
import { MIGRATIONS } from "../domain/migrate.ts";
import { type Dataset, SCHEMA_VERSION } from "../domain/schema.ts";
import { validateDataset } from "../domain/validate.ts";
import { actions, useStore } from "./store.ts";

export const DB_NAME = "ouroboros";
export const STORE_NAME = "datasets";
export const DATASET_KEY = "active-dataset";
export const SET_ASIDE_KEY = "set-aside-dataset";
/** How long the first paint may wait for IndexedDB before showing the default. */
export const RESTORE_TIMEOUT_MS = 4000;

export interface PersistedRecord {
  readonly schemaVersion: number;
  /** ISO timestamp. */
  readonly savedAt: string;
  readonly dataset: Dataset;
}

export interface SetAsideRecord {
  readonly setAsideAt: string;
  readonly reason: string;
  readonly record: unknown;
}

let cachedStore: UseStore | null = null;

/** The idb-keyval store, or null where the browser has no IndexedDB. */
function datasetStore(): UseStore | null {
  if (typeof indexedDB === "undefined") return null;
  cachedStore ??= createStore(DB_NAME, STORE_NAME);
  return cachedStore;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Brings a stored value to the current schema, or says why it cannot. */
export function migrateRecord(
  raw: unknown,
): { readonly dataset: unknown; readonly migrated: boolean } | { readonly reason: string } {
  if (!isObject(raw)) return { reason: "it is not a saved-dataset record" };
  // NOTE: a bare dataset (no wrapper) is what an early build stored; treat it as a record.
  const record = isObject(raw.dataset) ? raw : Array.isArray(raw.deals) ? { dataset: raw } : null;
  if (!record || !isObject(record.dataset)) return { reason: "it holds no dataset" };
  let dataset: Record<string, unknown> = record.dataset as Record<string, unknown>;
  const declared = record.schemaVersion ?? dataset.schemaVersion;
  if (typeof declared !== "number" || !Number.isInteger(declared)) {
    return { reason: "it has no schema version" };
  }
  if (declared > SCHEMA_VERSION) {
    return { reason: `it was saved by a newer version of Ouroboros (schema ${declared})` };
  }
  for (let v = declared; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return { reason: `it uses an older format (schema ${declared}) that cannot be converted` };
    }
    const next = step(dataset);
    if (!isObject(next)) return { reason: `converting it from schema ${v} failed` };
    dataset = next;
  }
  return { dataset, migrated: declared < SCHEMA_VERSION || record !== raw };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve("timeout"), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

async function setAside(store: UseStore, record: unknown, reason: string): Promise<void> {
  const copy: SetAsideRecord = { setAsideAt: new Date().toISOString(), reason, record };
  try {
    await set(SET_ASIDE_KEY, copy, store);
  } catch {
    // The copy could not be kept (quota, uncloneable); dropping the bad record matters more.
  }
  await del(DATASET_KEY, store);
  actions.addNotice(
    `Your saved dataset could not be restored: ${reason}. It was set aside, and the default dataset is shown.`,
  );
}

async function restore(store: UseStore, isStale: () => boolean): Promise<void> {
  const raw: unknown = await get(DATASET_KEY, store);
  if (raw === undefined || isStale()) return;
  const migrated = migrateRecord(raw);
  if ("reason" in migrated) return setAside(store, raw, migrated.reason);
  const parsed = validateDataset(migrated.dataset);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    const more = parsed.problems.length - 1;
    const reason = `${first ? formatProblem(first) : "it is not valid"}${more > 0 ? ` (and ${more} more problems)` : ""}`;
    return setAside(store, raw, reason);
  }
  // NOTE: a dataset opened before this point (a shared link, the benchmark hook) wins.
  if (isStale() || useStore.getState().datasetOrigin !== "default") return;
  actions.setDataset(parsed.value, "imported");
  if (migrated.migrated) await set(DATASET_KEY, toRecord(parsed.value), store);
}

/** Restores a saved imported dataset into the store; never throws. */
export async function restorePersistedDataset(): Promise<void> {
  let stale = false;
  try {
    const store = datasetStore();
    if (!store) return;
    const outcome = await withTimeout(
      restore(store, () => stale),
      RESTORE_TIMEOUT_MS,
    );
    if (outcome === "timeout") {
      stale = true;
      actions.addNotice("Saved data took too long to load; the default dataset is shown.");
    }
  } catch (err) {
    stale = true;
    actions.addNotice(
      `Saved data could not be read (${errorText(err)}); the default dataset is shown.`,
    );
  }
}

function toRecord(dataset: Dataset): PersistedRecord {
  return { schemaVersion: SCHEMA_VERSION, savedAt: new Date().toISOString(), dataset };
}

/**
 * Saves the active dataset whenever it changes: an imported one is written, a
 * return to the default deletes the saved one. Returns the unsubscribe function.
 */
export function startPersistence(): () => void {
  let queue: Promise<void> = Promise.resolve();
  let warned = false;
  return useStore.subscribe((state, prev) => {
    if (state.dataset === prev.dataset && state.datasetOrigin === prev.datasetOrigin) return;
    const { dataset, datasetOrigin } = state;
    // NOTE: writes are chained so a quick import-then-reset lands in that order.
    queue = queue
      .then(async () => {
        const store = datasetStore();
        if (!store) throw new Error("this browser has no IndexedDB");
        if (datasetOrigin === "imported") await set(DATASET_KEY, toRecord(dataset), store);
        else await del(DATASET_KEY, store);
      })
      .catch((err: unknown) => {
        if (warned || datasetOrigin !== "imported") return;
        warned = true;
        actions.addNotice(
          `The imported dataset could not be saved in this browser (${errorText(err)}); it will be gone after a reload.`,
        );
      });
  });
}

/** Drops the cached IndexedDB handle; for tests that swap the IndexedDB implementation. */
export function resetPersistenceForTests(): void {
  cachedStore = null;
}
