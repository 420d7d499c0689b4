/**
 * The saved-dataset library, in IndexedDB (through idb-keyval): every dataset
 * the user imported or edited is an entry of its own, kept until the user
 * deletes it by name. Nothing here deletes what the user made as a side effect:
 * showing the default dataset or a link's dataset only changes which entry is
 * active.
 *
 * Keys: `entry:<id>` holds `{ id, title, savedAt, schemaVersion, dataset,
 * positions? }` (positions: the companies the user dragged, per layout);
 * `default-positions` those dragged on the shipped dataset, which has no
 * entry; `active-entry` the id of the entry to reopen; `set-aside:<time>-<n>` a record
 * that could not be used, with the reason, kept until the user deletes it (each
 * under its own key, so a second one never overwrites the first). The single
 * record of earlier builds (`active-dataset`, `set-aside-dataset`) is moved into
 * the library on first start. Nothing here throws.
 */
import { type UseStore, createStore, del, entries, get, set } from "idb-keyval";
import { MIGRATIONS } from "../domain/migrate.ts";
import { formatProblem } from "../domain/problems.ts";
import { type Dataset, SCHEMA_VERSION } from "../domain/schema.ts";
import { validateDataset } from "../domain/validate.ts";
import { type DraggedPositionsByLayout, NO_DRAGGED_POSITIONS } from "../graph/layouts/dragged.ts";
import { OWN_TASK_COPY_DEALS, nextTask } from "./model.ts";
import { type Store, actions, newEntryId, useStore } from "./store.ts";
import { type StoredPositions, readStoredPositions, storePositions } from "./storedPositions.ts";

export const DB_NAME = "ouroboros";
export const STORE_NAME = "datasets";
/** The one record of earlier builds, moved into the library on first start. */
export const LEGACY_DATASET_KEY = "active-dataset";
export const LEGACY_SET_ASIDE_KEY = "set-aside-dataset";
export const ACTIVE_KEY = "active-entry";
export const ENTRY_PREFIX = "entry:";
export const SET_ASIDE_PREFIX = "set-aside:";
/** The companies dragged on the shipped dataset (which is not a library entry). */
export const DEFAULT_POSITIONS_KEY = "default-positions";
/** How long the first paint may wait for IndexedDB before showing the default. */
export const RESTORE_TIMEOUT_MS = 4000;

export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  /** ISO timestamp. */
  readonly savedAt: string;
  readonly schemaVersion: number;
  readonly dataset: Dataset;
  /** Dragged positions, per layout with any, as [company id, x, y] rows. */
  readonly positions?: StoredPositions;
}

export interface LibraryEntrySummary {
  readonly id: string;
  readonly title: string;
  readonly savedAt: string;
  readonly companies: number;
  readonly deals: number;
}

export interface SetAsideRecord {
  readonly setAsideAt: string;
  readonly reason: string;
  readonly record: unknown;
}

export interface SetAsideSummary extends SetAsideRecord {
  readonly key: string;
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

/** A stored value as a valid dataset, or the reason it cannot be one. */
function readRecord(raw: unknown): { dataset: Dataset; migrated: boolean } | { reason: string } {
  const migrated = migrateRecord(raw);
  if ("reason" in migrated) return migrated;
  const parsed = validateDataset(migrated.dataset);
  if (parsed.ok) return { dataset: parsed.value, migrated: migrated.migrated };
  const first = parsed.problems[0];
  const more = parsed.problems.length - 1;
  return {
    reason: `${first ? formatProblem(first) : "it is not valid"}${more > 0 ? ` (and ${more} more problems)` : ""}`,
  };
}

/**
 * A library entry's stored record and what it reads as; undefined when there is
 * none. Reading copies the record in; checking it, then the caller's use of a
 * large one (drawing it), each take a task of their own, so a large saved
 * dataset opens without one long frozen stretch.
 */
async function readEntry(
  store: UseStore,
  id: string,
): Promise<{ raw: unknown; read: ReturnType<typeof readRecord> } | undefined> {
  const raw: unknown = await get(`${ENTRY_PREFIX}${id}`, store);
  if (raw === undefined) return undefined;
  await nextTask();
  const read = readRecord(raw);
  if (!("reason" in read) && read.dataset.deals.length > OWN_TASK_COPY_DEALS) await nextTask();
  return { raw, read };
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

/** Keeps an unusable record under a key of its own; never overwrites an earlier one. */
async function setAside(store: UseStore, record: unknown, reason: string): Promise<void> {
  const at = new Date().toISOString();
  const copy: SetAsideRecord = { setAsideAt: at, reason, record };
  try {
    // NOTE: a random suffix keeps two records set aside in the same millisecond apart.
    await set(`${SET_ASIDE_PREFIX}${at}-${Math.random().toString(36).slice(2, 10)}`, copy, store);
  } catch {
    // The copy could not be kept (quota, uncloneable); not reopening it matters more.
  }
}

/** Moves the single record of earlier builds into the library, once. */
async function migrateLegacy(store: UseStore): Promise<void> {
  const oldAside: unknown = await get(LEGACY_SET_ASIDE_KEY, store);
  if (oldAside !== undefined) {
    const at =
      isObject(oldAside) && typeof oldAside.setAsideAt === "string"
        ? oldAside.setAsideAt
        : "legacy";
    await set(`${SET_ASIDE_PREFIX}${at}-legacy`, oldAside, store);
    await del(LEGACY_SET_ASIDE_KEY, store);
  }
  const old: unknown = await get(LEGACY_DATASET_KEY, store);
  if (old === undefined) return;
  const read = readRecord(old);
  if ("reason" in read) await setAside(store, old, read.reason);
  else {
    const id = newEntryId();
    await set(`${ENTRY_PREFIX}${id}`, toEntry(id, read.dataset), store);
    await set(ACTIVE_KEY, id, store);
  }
  await del(LEGACY_DATASET_KEY, store);
}

async function restore(store: UseStore, isStale: () => boolean): Promise<void> {
  await migrateLegacy(store);
  const id: unknown = await get(ACTIVE_KEY, store);
  if (isStale()) return;
  if (typeof id !== "string") return restoreDefaultPositions(store);
  const entry = await readEntry(store, id);
  if (entry === undefined) {
    await del(ACTIVE_KEY, store);
    return restoreDefaultPositions(store);
  }
  const { raw, read } = entry;
  if ("reason" in read) {
    await setAside(store, raw, read.reason);
    await del(`${ENTRY_PREFIX}${id}`, store);
    await del(ACTIVE_KEY, store);
    actions.addNotice(
      `Your saved dataset could not be opened: ${read.reason}. It was set aside (Data → Datasets), and the default dataset is shown.`,
    );
    return;
  }
  // NOTE: a dataset opened before this point (a shared link, the benchmark hook) wins.
  const now = useStore.getState();
  if (isStale() || now.datasetSource.kind !== "default" || now.linkedStory !== null) return;
  const positions = positionsOfRecord(raw);
  actions.setDataset(read.dataset, { kind: "entry", id }, positions);
  if (read.migrated) await set(`${ENTRY_PREFIX}${id}`, toEntry(id, read.dataset, positions), store);
}

/** Reopens the active library entry into the store; never throws. */
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

/**
 * Reads the positions dragged on the shipped dataset, when the page opens on
 * it whatever was last open (a link to a step of the shipped story), so that a
 * drag there adds to them instead of replacing them; never throws.
 */
export async function restoreShippedPositions(): Promise<void> {
  try {
    const store = datasetStore();
    if (store) await withTimeout(restoreDefaultPositions(store), RESTORE_TIMEOUT_MS);
  } catch {
    // NOTE: unreadable storage: the drags are not shown, and the notice comes with the first save.
  }
}

function toEntry(
  id: string,
  dataset: Dataset,
  positions: DraggedPositionsByLayout = NO_DRAGGED_POSITIONS,
): LibraryEntry {
  const stored = storePositions(positions);
  return {
    id,
    title: dataset.title,
    savedAt: new Date().toISOString(),
    schemaVersion: SCHEMA_VERSION,
    dataset,
    ...(Object.keys(stored).length > 0 ? { positions: stored } : {}),
  };
}

const positionsOfRecord = (raw: unknown) =>
  readStoredPositions(isObject(raw) ? raw.positions : undefined);

/**
 * Reads the positions dragged on the shipped dataset into the store, unless
 * another dataset is open or the user dragged something meanwhile.
 */
async function restoreDefaultPositions(store: UseStore): Promise<void> {
  const raw: unknown = await get(DEFAULT_POSITIONS_KEY, store);
  if (raw === undefined) return;
  const s = useStore.getState();
  if (s.datasetSource.kind !== "default" || s.draggedPositions !== NO_DRAGGED_POSITIONS) return;
  actions.replaceDraggedPositions(readStoredPositions(raw));
}

/** The user's own dragged positions: what is drawn, unless a link's or a story's are shown. */
const ownPositionsOf = (s: Store): DraggedPositionsByLayout => s.ownPositions ?? s.draggedPositions;

/**
 * Saves the active dataset whenever it changes: a library entry is written
 * under its own key and becomes the one to reopen; the default or a link's
 * dataset is only remembered as "not an entry". Dragged positions are saved
 * with the entry (the shipped dataset's under DEFAULT_POSITIONS_KEY; a link's
 * stay in the link). Returns the unsubscribe function.
 */
export function startPersistence(): () => void {
  let queue: Promise<void> = Promise.resolve();
  let warned = false;
  let pending = 0;
  const tabs = libraryChannel();
  const unsubscribe = useStore.subscribe((state, prev) => {
    // NOTE: a version another tab saved is shown here, not saved again (nor echoed back).
    if (tabs?.receiving) return;
    const datasetChanged =
      state.dataset !== prev.dataset || state.datasetSource !== prev.datasetSource;
    // NOTE: a link's or a story step's positions are shown, not saved: the user's own are.
    const draggedPositions = ownPositionsOf(state);
    const positionsChanged = draggedPositions !== ownPositionsOf(prev);
    if (!datasetChanged && !positionsChanged) return;
    const { dataset, datasetSource: source } = state;
    if (!datasetChanged && source.kind === "temporary") return;
    if (source.kind === "entry") actions.setSaveState("saving");
    pending++;
    // NOTE: writes are chained so a quick import-then-switch lands in that order.
    queue = queue
      .then(async () => {
        const store = datasetStore();
        if (!store) throw new Error("this browser has no IndexedDB");
        if (source.kind === "entry") {
          // NOTE: "Saving…" shows until the write lands; writes stay in order.
          if (dataset.deals.length > OWN_TASK_COPY_DEALS) await nextTask();
          await set(
            `${ENTRY_PREFIX}${source.id}`,
            toEntry(source.id, dataset, draggedPositions),
            store,
          );
          await set(ACTIVE_KEY, source.id, store);
          tabs?.announce(source.id);
        } else if (source.kind === "default" && datasetChanged) {
          await del(ACTIVE_KEY, store);
          // NOTE: back on the shipped dataset, whose drags were reset with the switch.
          await restoreDefaultPositions(store);
        } else if (source.kind === "default") {
          await set(DEFAULT_POSITIONS_KEY, storePositions(draggedPositions), store);
        }
        if (--pending === 0) actions.setSaveState(source.kind === "entry" ? "saved" : "idle");
      })
      .catch((err: unknown) => {
        pending = Math.max(0, pending - 1);
        if (source.kind === "entry") actions.setSaveState("failed");
        if (warned || source.kind !== "entry") return;
        warned = true;
        actions.addNotice(
          `The dataset could not be saved in this browser (${errorText(err)}); it will be gone after a reload.`,
        );
      });
  });
  return () => {
    unsubscribe();
    tabs?.close();
  };
}

/** The channel the app's tabs in this browser tell each other about saved entries on. */
export const LIBRARY_CHANNEL = "ouroboros-library";

/**
 * Keeps the app's tabs in step: a tab that saves an entry says so, and a tab
 * with that entry open shows the saved version at once (with a notice), so
 * its next edit builds on it instead of writing an older copy over it. Null
 * where the browser has no BroadcastChannel.
 */
function libraryChannel(): {
  readonly receiving: boolean;
  announce(entryId: string): void;
  close(): void;
} | null {
  if (typeof BroadcastChannel !== "function") return null;
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  const tab = newEntryId();
  const state = {
    receiving: false,
    announce: (entryId: string) => announceSaved(entryId, tab),
    close: () => channel.close(),
  };
  const isOpen = (id: string) => {
    const source = useStore.getState().datasetSource;
    return source.kind === "entry" && source.id === id;
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isObject(message) || message.tab === tab || typeof message.saved !== "string") return;
    const id = message.saved;
    const store = datasetStore();
    if (!store || !isOpen(id)) return;
    void readEntry(store, id)
      .then((entry) => {
        if (entry === undefined || !isOpen(id) || "reason" in entry.read) return;
        const { raw, read } = entry;
        state.receiving = true;
        try {
          actions.showSavedElsewhere(read.dataset, positionsOfRecord(raw));
        } finally {
          state.receiving = false;
        }
        actions.addNotice(
          `“${read.dataset.title}” was changed in another tab: this tab now shows that version.`,
        );
      })
      .catch(() => {
        // NOTE: unreadable now: this tab keeps its version, and its next save says if it fails.
      });
  };
  return state;
}

/** The library's entries (newest first) and the set-aside records. */
export async function listLibrary(): Promise<{
  entries: LibraryEntrySummary[];
  setAside: SetAsideSummary[];
}> {
  const store = datasetStore();
  if (!store) return { entries: [], setAside: [] };
  const all = await entries<string, unknown>(store);
  const list: LibraryEntrySummary[] = [];
  const aside: SetAsideSummary[] = [];
  for (const [key, value] of all) {
    if (typeof key !== "string" || !isObject(value)) continue;
    if (key.startsWith(ENTRY_PREFIX)) {
      const d = isObject(value.dataset) ? value.dataset : {};
      list.push({
        id: key.slice(ENTRY_PREFIX.length),
        title: typeof value.title === "string" ? value.title : "(untitled)",
        savedAt: typeof value.savedAt === "string" ? value.savedAt : "",
        companies: Array.isArray(d.companies) ? d.companies.length : 0,
        deals: Array.isArray(d.deals) ? d.deals.length : 0,
      });
    } else if (key.startsWith(SET_ASIDE_PREFIX)) {
      aside.push({
        key,
        setAsideAt: typeof value.setAsideAt === "string" ? value.setAsideAt : "",
        reason: typeof value.reason === "string" ? value.reason : "unknown",
        record: value.record,
      });
    }
  }
  list.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  aside.sort((a, b) => (a.setAsideAt < b.setAsideAt ? 1 : -1));
  return { entries: list, setAside: aside };
}

/** A library entry's dataset, read and validated, or null. */
export async function loadLibraryDataset(id: string): Promise<Dataset | null> {
  const store = datasetStore();
  if (!store) return null;
  const entry = await readEntry(store, id);
  return entry === undefined || "reason" in entry.read ? null : entry.read.dataset;
}

/** Opens a library entry; an unusable one is set aside with a notice. */
export async function openLibraryEntry(id: string): Promise<boolean> {
  const store = datasetStore();
  if (!store) return false;
  const entry = await readEntry(store, id);
  if (entry === undefined) return false;
  const { raw, read } = entry;
  if ("reason" in read) {
    await setAside(store, raw, read.reason);
    await del(`${ENTRY_PREFIX}${id}`, store);
    actions.addNotice(`That saved dataset could not be opened: ${read.reason}. It was set aside.`);
    return false;
  }
  actions.setDataset(read.dataset, { kind: "entry", id }, positionsOfRecord(raw));
  return true;
}

/** Renames an entry (its dataset's title too); renames the open dataset when it is that entry. */
export async function renameLibraryEntry(id: string, title: string): Promise<void> {
  const store = datasetStore();
  const clean = title.trim();
  if (!store || clean === "") return;
  const raw: unknown = await get(`${ENTRY_PREFIX}${id}`, store);
  if (!isObject(raw) || !isObject(raw.dataset)) return;
  const s = useStore.getState();
  if (s.datasetSource.kind === "entry" && s.datasetSource.id === id) {
    actions.setDataset({ ...s.dataset, title: clean }, s.datasetSource);
  } else {
    await set(
      `${ENTRY_PREFIX}${id}`,
      { ...raw, title: clean, dataset: { ...raw.dataset, title: clean } },
      store,
    );
    // NOTE: another tab may have it open: it shows the new title, and does not save the old one back.
    announceSaved(id, "rename");
  }
}

/** Tells the app's other tabs that tab `tab` wrote an entry. */
function announceSaved(entryId: string, tab: string): void {
  if (typeof BroadcastChannel !== "function") return;
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.postMessage({ saved: entryId, tab });
  channel.close();
}

/** Deletes an entry; when it is open, the default dataset is shown instead. */
export async function deleteLibraryEntry(id: string): Promise<void> {
  const store = datasetStore();
  if (!store) return;
  const s = useStore.getState();
  if (s.datasetSource.kind === "entry" && s.datasetSource.id === id) actions.showDefault();
  await del(`${ENTRY_PREFIX}${id}`, store);
}

/** Deletes a set-aside record. */
export async function deleteSetAside(key: string): Promise<void> {
  const store = datasetStore();
  if (!store || !key.startsWith(SET_ASIDE_PREFIX)) return;
  await del(key, store);
}

/** Drops the cached IndexedDB handle; for tests that swap the IndexedDB implementation. */
export function resetPersistenceForTests(): void {
  cachedStore = null;
}
