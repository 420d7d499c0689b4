import { IDBFactory } from "fake-indexeddb";
import { createStore, get, set } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ACTIVE_KEY,
  DB_NAME,
  DEFAULT_POSITIONS_KEY,
  LIBRARY_CHANNEL,
  LEGACY_DATASET_KEY,
  LEGACY_SET_ASIDE_KEY,
  type LibraryEntry,
  STORE_NAME,
  deleteLibraryEntry,
  deleteSetAside,
  listLibrary,
  migrateRecord,
  openLibraryEntry,
  renameLibraryEntry,
  resetPersistenceForTests,
  restorePersistedDataset,
  startPersistence,
} from "../../../src/state/persistence.ts";
import { readStoredPositions, storePositions } from "../../../src/state/storedPositions.ts";
import { NO_DRAGGED, NO_DRAGGED_POSITIONS } from "../../../src/graph/layouts/dragged.ts";
import { DEFAULT_DATASET, actions, initialState, useStore } from "../../../src/state/store.ts";
import { OWN_TASK_COPY_DEALS, nextTask } from "../../../src/state/model.ts";
import { tinyDataset } from "../domain/fixtures.ts";

const db = () => createStore(DB_NAME, STORE_NAME);
/** Lets chained IndexedDB writes finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal("indexedDB", new IDBFactory());
  resetPersistenceForTests();
  useStore.setState(initialState(), true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetPersistenceForTests();
});

describe("state/persistence tabs", () => {
  /** Saves the tiny dataset as entry "e" here, with another tab listening on the channel. */
  const openEntryWithAnotherTab = async () => {
    const stop = startPersistence();
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel(LIBRARY_CHANNEL);
    otherTab.onmessage = (event: MessageEvent<unknown>) => void heard.push(event.data);
    actions.setDataset(tinyDataset(), { kind: "entry", id: "e" });
    await settle();
    return { stop, heard, otherTab };
  };

  it("should show the version another tab saved of the open entry, without saving it back", async () => {
    const { stop, heard, otherTab } = await openEntryWithAnotherTab();
    // This tab says it saved "e".
    expect(heard).toEqual([{ saved: "e", tab: expect.any(String) }]);
    actions.editData({ kind: "delete", id: tinyDataset().deals[0]!.id });
    await settle();
    expect(useStore.temporal.getState().pastStates.length).toBeGreaterThan(0);
    // The other tab saves its own version of "e", then says so.
    const theirs = { ...tinyDataset(), title: "Edited elsewhere" };
    const record = { id: "e", title: theirs.title, savedAt: "2026-11-30T09:00:00.000Z" };
    await set("entry:e", { ...record, schemaVersion: 2, dataset: theirs }, db());
    otherTab.postMessage({ saved: "e", tab: "other" });
    await settle();
    const s = useStore.getState();
    expect(s.dataset).toEqual(theirs);
    expect(s.datasetSource).toEqual({ kind: "entry", id: "e" });
    expect(s.notices).toEqual([
      "“Edited elsewhere” was changed in another tab: this tab now shows that version.",
    ]);
    // Not saved back (the record is the other tab's, as written), and the old undo steps are gone.
    expect((await get<LibraryEntry>("entry:e", db()))?.savedAt).toBe(record.savedAt);
    expect(useStore.temporal.getState().pastStates).toEqual([]);
    // Another entry's news, or its own, changes nothing here.
    otherTab.postMessage({ saved: "x", tab: "other" });
    await settle();
    expect(useStore.getState().dataset).toBe(s.dataset);
    otherTab.close();
    stop();
  });

  it("should tell other tabs when an entry that is not open here is renamed", async () => {
    const { stop, heard, otherTab } = await openEntryWithAnotherTab();
    actions.setDataset({ ...tinyDataset(), title: "Other" }, { kind: "entry", id: "f" });
    await settle();
    heard.length = 0;
    await renameLibraryEntry("e", "Renamed");
    await settle();
    expect(heard).toEqual([{ saved: "e", tab: "rename" }]);
    expect((await get<LibraryEntry>("entry:e", db()))?.title).toBe("Renamed");
    // This tab has "f" open: the news about "e" changes nothing here.
    expect(useStore.getState().dataset.title).toBe("Other");
    otherTab.close();
    stop();
  });
});

describe("state/persistence", () => {
  describe("migrateRecord", () => {
    it("should refuse values that are not records, with the reason", () => {
      expect(migrateRecord("garbage")).toEqual({ reason: "it is not a saved-dataset record" });
      expect(migrateRecord({ schemaVersion: 1 })).toEqual({ reason: "it holds no dataset" });
      expect(migrateRecord({ dataset: { deals: [] } })).toEqual({
        reason: "it has no schema version",
      });
      expect(migrateRecord({ schemaVersion: 7, dataset: {} })).toEqual({
        reason: "it was saved by a newer version of Ouroboros (schema 7)",
      });
      expect(migrateRecord({ schemaVersion: 0, dataset: {} })).toEqual({
        reason: "it uses an older format (schema 0) that cannot be converted",
      });
    });

    it("should accept a current record and upgrade a bare dataset", () => {
      const dataset = tinyDataset();
      expect(migrateRecord({ schemaVersion: 2, savedAt: "x", dataset })).toEqual({
        dataset,
        migrated: false,
      });
      expect(migrateRecord(dataset)).toEqual({ dataset, migrated: true });
    });
  });

  describe("restorePersistedDataset", () => {
    it("should do nothing, quietly, when nothing is saved or there is no IndexedDB", async () => {
      await restorePersistedDataset();
      expect(useStore.getState().datasetSource).toEqual({ kind: "default" });
      vi.stubGlobal("indexedDB", undefined);
      resetPersistenceForTests();
      await expect(restorePersistedDataset()).resolves.toBeUndefined();
      expect(useStore.getState().notices).toEqual([]);
    });

    it("should reopen the active library entry", async () => {
      const dataset = tinyDataset();
      await set(
        "entry:e1",
        { id: "e1", title: "Tiny", savedAt: "x", schemaVersion: 2, dataset },
        db(),
      );
      await set(ACTIVE_KEY, "e1", db());
      await restorePersistedDataset();
      expect(useStore.getState().dataset).toEqual(dataset);
      expect(useStore.getState().datasetSource).toEqual({ kind: "entry", id: "e1" });
      expect(useStore.getState().notices).toEqual([]);
    });

    it("should move the single record of earlier builds into the library, set-aside copy too", async () => {
      await set(
        LEGACY_DATASET_KEY,
        { schemaVersion: 1, savedAt: "x", dataset: tinyDataset() },
        db(),
      );
      await set(LEGACY_SET_ASIDE_KEY, { setAsideAt: "2026-01-01", reason: "old", record: 1 }, db());
      await restorePersistedDataset();
      const source = useStore.getState().datasetSource;
      expect(source.kind).toBe("entry");
      expect(await get(LEGACY_DATASET_KEY, db())).toBeUndefined();
      const lib = await listLibrary();
      expect(lib.entries.map((e) => e.title)).toEqual(["Tiny"]);
      expect(lib.setAside.map((r) => r.reason)).toEqual(["old"]);
    });

    it.each([
      ["garbage", "it is not a saved-dataset record"],
      [{ schemaVersion: 9, savedAt: "x", dataset: tinyDataset() }, "newer version"],
      [{ schemaVersion: 0, savedAt: "x", dataset: {} }, "older format (schema 0)"],
      [
        { schemaVersion: 2, savedAt: "x", dataset: { ...tinyDataset(), companies: [] } },
        'deals[0].from: unknown company "nvidia" (and',
      ],
    ])("should set aside %j with a notice and keep the default", async (record, reason) => {
      await set("entry:bad", record, db());
      await set(ACTIVE_KEY, "bad", db());
      await restorePersistedDataset();
      const state = useStore.getState();
      expect(state.datasetSource).toEqual({ kind: "default" });
      expect(state.dataset).toBe(DEFAULT_DATASET);
      expect(state.notices).toHaveLength(1);
      expect(state.notices[0]).toContain("could not be opened");
      expect(state.notices[0]).toContain(reason);
      expect(state.notices[0]).toContain("set aside");
      const lib = await listLibrary();
      expect(lib.setAside).toHaveLength(1);
      expect(lib.setAside[0]!.record).toEqual(record);
      expect(lib.setAside[0]!.reason).toContain(reason);
    });

    it("should keep every set-aside record until the user deletes it", async () => {
      for (const id of ["a", "b"]) {
        await set(`entry:${id}`, "garbage", db());
        await set(ACTIVE_KEY, id, db());
        useStore.setState(initialState(), true);
        await restorePersistedDataset();
      }
      const lib = await listLibrary();
      expect(lib.setAside).toHaveLength(2);
      await deleteSetAside(lib.setAside[0]!.key);
      expect((await listLibrary()).setAside).toHaveLength(1);
    });

    it("should not replace a dataset that was opened before it ran", async () => {
      await set(
        "entry:e1",
        { id: "e1", title: "T", savedAt: "x", schemaVersion: 2, dataset: tinyDataset() },
        db(),
      );
      await set(ACTIVE_KEY, "e1", db());
      const shared = { ...tinyDataset(), title: "From a link" };
      actions.setDataset(shared, { kind: "temporary", from: "link" });
      await restorePersistedDataset();
      expect(useStore.getState().dataset).toBe(shared);
    });

    it("should never throw when IndexedDB fails, and say so in a notice", async () => {
      vi.stubGlobal("indexedDB", {
        open() {
          throw new Error("disk on fire");
        },
      });
      resetPersistenceForTests();
      await expect(restorePersistedDataset()).resolves.toBeUndefined();
      expect(useStore.getState().notices).toEqual([
        "Saved data could not be read (disk on fire); the default dataset is shown.",
      ]);
    });
  });

  describe("startPersistence and the library", () => {
    it("should save each import as its own entry and delete nothing when the default is shown", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "one" });
      await settle();
      actions.setDataset({ ...tinyDataset(), title: "Second" }, { kind: "entry", id: "two" });
      await settle();
      actions.showDefault();
      await settle();
      const lib = await listLibrary();
      expect(lib.entries.map((e) => e.title).sort()).toEqual(["Second", "Tiny"]);
      expect(await get(ACTIVE_KEY, db())).toBeUndefined();
      const record = await get<LibraryEntry>("entry:one", db());
      expect(record?.schemaVersion).toBe(2);
      expect(Number.isNaN(Date.parse(record!.savedAt))).toBe(false);
      stop();
    });

    it("should not save a link's dataset until it is kept, and then as a new entry", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "mine" });
      await settle();
      actions.setDataset(
        { ...tinyDataset(), title: "From a link" },
        { kind: "temporary", from: "link" },
      );
      await settle();
      expect((await listLibrary()).entries.map((e) => e.title)).toEqual(["Tiny"]);
      actions.keepTemporary();
      await settle();
      expect((await listLibrary()).entries.map((e) => e.title).sort()).toEqual([
        "From a link",
        "Tiny",
      ]);
      stop();
    });

    it("should open, rename and delete entries by id", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "a" });
      await settle();
      actions.showDefault();
      await settle();
      expect(await openLibraryEntry("a")).toBe(true);
      expect(useStore.getState().datasetSource).toEqual({ kind: "entry", id: "a" });
      await renameLibraryEntry("a", "Renamed");
      await settle();
      expect(useStore.getState().dataset.title).toBe("Renamed");
      expect((await listLibrary()).entries.map((e) => e.title)).toEqual(["Renamed"]);
      await deleteLibraryEntry("a");
      await settle();
      expect(useStore.getState().datasetSource).toEqual({ kind: "default" });
      expect((await listLibrary()).entries).toEqual([]);
      stop();
    });

    it("should ignore changes other than the dataset, and stop when unsubscribed", async () => {
      const stop = startPersistence();
      actions.setTab("table");
      await settle();
      expect((await listLibrary()).entries).toEqual([]);
      stop();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "x" });
      await settle();
      expect((await listLibrary()).entries).toEqual([]);
    });

    it("should round-trip through a reload: save, then restore into a fresh store", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "r" });
      await settle();
      stop();
      useStore.setState(initialState(), true);
      resetPersistenceForTests();
      await restorePersistedDataset();
      expect(useStore.getState().dataset).toEqual(tinyDataset());
    });

    it("should resolve nextTask after the current task's microtasks, on a message, not a timer", async () => {
      const order: string[] = [];
      const timers = vi.spyOn(globalThis, "setTimeout");
      const later = nextTask().then(() => order.push("next task"));
      queueMicrotask(() => order.push("microtask"));
      await Promise.resolve();
      expect(order).toEqual(["microtask"]);
      await later;
      expect(order).toEqual(["microtask", "next task"]);
      expect(timers).not.toHaveBeenCalled();
      timers.mockRestore();
    });

    it("should save a large dataset in a later task, in order with a quick switch after it, and reopen it", async () => {
      const stop = startPersistence();
      const base = tinyDataset();
      const big = {
        ...base,
        title: "Big",
        deals: Array.from({ length: OWN_TASK_COPY_DEALS + 1 }, (_, i) => ({
          ...base.deals[0]!,
          id: `big-${i}`,
        })),
      };
      actions.setDataset(big, { kind: "entry", id: "big" });
      expect(useStore.getState().saveState).toBe("saving");
      actions.setDataset(base, { kind: "entry", id: "small" });
      await vi.waitFor(async () => expect(await get(ACTIVE_KEY, db())).toBe("small"), {
        timeout: 5_000,
      });
      await vi.waitFor(() => expect(useStore.getState().saveState).toBe("saved"));
      const saved = await get<LibraryEntry>("entry:big", db());
      expect(saved?.dataset.deals).toHaveLength(OWN_TASK_COPY_DEALS + 1);
      expect(saved?.dataset.deals.at(-1)?.id).toBe(`big-${OWN_TASK_COPY_DEALS}`);
      await set(ACTIVE_KEY, "big", db());
      stop();
      useStore.setState(initialState(), true);
      resetPersistenceForTests();
      await restorePersistedDataset();
      expect(useStore.getState().datasetSource).toEqual({ kind: "entry", id: "big" });
      expect(useStore.getState().dataset.deals).toEqual(big.deals);
    });

    it("should tell the user once when saving fails", async () => {
      vi.stubGlobal("indexedDB", undefined);
      resetPersistenceForTests();
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "f1" });
      actions.setDataset({ ...tinyDataset(), title: "Again" }, { kind: "entry", id: "f2" });
      await settle();
      expect(useStore.getState().notices).toEqual([
        "The dataset could not be saved in this browser (this browser has no IndexedDB); it will be gone after a reload.",
      ]);
      stop();
    });
  });

  describe("dragged positions", () => {
    const circleOracle = () => ({
      ...NO_DRAGGED_POSITIONS,
      circle: new Map([["oracle", { x: 12, y: -7 }]]),
    });

    it("should read saved positions leniently: bad rows and unknown layouts are skipped", () => {
      expect(readStoredPositions("garbage")).toBe(NO_DRAGGED_POSITIONS);
      const read = readStoredPositions({
        force: [
          ["nvidia", 1, 2],
          ["bad", 1.5, 2],
          ["short", 1],
          [3, 1, 1],
          ["far", 1e9, 0],
        ],
        circle: "nope",
        spiral: [["x", 1, 1]],
        role: [["__proto__", 4, 5]],
      });
      expect([...read.force]).toEqual([["nvidia", { x: 1, y: 2 }]]);
      expect(read.circle).toBe(NO_DRAGGED);
      expect(read.role.get("__proto__")).toEqual({ x: 4, y: 5 });
      expect(readStoredPositions(storePositions(read))).toEqual(read);
      expect(storePositions(NO_DRAGGED_POSITIONS)).toEqual({});
    });

    it("should save an entry's dragged positions in its record and reopen them", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "entry", id: "p" });
      actions.dragCompany("circle", "oracle", { x: 11.6, y: -7.2 });
      await settle();
      const record = await get<LibraryEntry>("entry:p", db());
      expect(record?.positions).toEqual({ circle: [["oracle", 12, -7]] });
      expect(record?.dataset).toEqual(tinyDataset());
      stop();
      useStore.setState(initialState(), true);
      resetPersistenceForTests();
      await restorePersistedDataset();
      expect(useStore.getState().draggedPositions).toEqual(circleOracle());
      actions.showDefault();
      expect(useStore.getState().draggedPositions).toBe(NO_DRAGGED_POSITIONS);
      expect(await openLibraryEntry("p")).toBe(true);
      expect(useStore.getState().draggedPositions).toEqual(circleOracle());
    });

    it("should keep the positions dragged on the shipped dataset apart, and bring them back", async () => {
      const stop = startPersistence();
      actions.dragCompany("circle", "oracle", { x: 12, y: -7 });
      await settle();
      expect(await get(DEFAULT_POSITIONS_KEY, db())).toEqual({ circle: [["oracle", 12, -7]] });
      expect((await listLibrary()).entries).toEqual([]);
      // Another dataset, then back to the shipped one: its drags come back.
      actions.setDataset(tinyDataset(), { kind: "entry", id: "t" });
      await settle();
      expect(useStore.getState().draggedPositions).toBe(NO_DRAGGED_POSITIONS);
      actions.showDefault();
      await settle();
      expect(useStore.getState().draggedPositions).toEqual(circleOracle());
      stop();
      useStore.setState(initialState(), true);
      resetPersistenceForTests();
      await restorePersistedDataset();
      expect(useStore.getState().draggedPositions).toEqual(circleOracle());
    });

    it("should carry drags into the saved copy an edit of the shipped dataset makes", async () => {
      const stop = startPersistence();
      actions.dragCompany("role", "nvidia", { x: 1, y: 2 });
      const first = DEFAULT_DATASET.deals[0]!;
      const problems = actions.editData({
        kind: "replace",
        id: first.id,
        deal: { ...first, description: "edited" },
      });
      expect(problems).toEqual([]);
      await settle();
      const source = useStore.getState().datasetSource;
      expect(source.kind).toBe("entry");
      const record = await get<LibraryEntry>(`entry:${(source as { id: string }).id}`, db());
      expect(record?.positions).toEqual({ role: [["nvidia", 1, 2]] });
      stop();
    });

    it("should keep saving the user's own positions while a link's or a story step's are shown", async () => {
      const stop = startPersistence();
      actions.dragCompany("circle", "oracle", { x: 12, y: -7 });
      await settle();
      const linkCircle = new Map([["nvidia", { x: 1, y: 2 }]]);
      actions.setDraggedPositions("circle", linkCircle, true);
      // A second step's positions: the user's own stay set aside, not the first step's.
      actions.setDraggedPositions("role", new Map([["amd", { x: 3, y: 4 }]]), true);
      expect(useStore.getState().draggedPositions.circle).toBe(linkCircle);
      expect(useStore.getState().ownPositions).toEqual(circleOracle());
      await settle();
      expect(await get(DEFAULT_POSITIONS_KEY, db())).toEqual({ circle: [["oracle", 12, -7]] });
      // An edit makes a saved copy: it keeps the user's positions, not the shown ones.
      const first = DEFAULT_DATASET.deals[0]!;
      expect(
        actions.editData({ kind: "replace", id: first.id, deal: { ...first, description: "x" } }),
      ).toEqual([]);
      await settle();
      const source = useStore.getState().datasetSource as { id: string };
      const copy = await get<LibraryEntry>(`entry:${source.id}`, db());
      expect(copy?.positions).toEqual({ circle: [["oracle", 12, -7]] });
      // A drag makes what is drawn in its layout the user's own, and it is saved; the
      // layout whose positions are only shown keeps the user's own (none, here).
      actions.dragCompany("circle", "google", { x: 5, y: 6 });
      await settle();
      expect((await get<LibraryEntry>(`entry:${source.id}`, db()))?.positions).toEqual({
        circle: [
          ["nvidia", 1, 2],
          ["google", 5, 6],
        ],
      });
      expect([...useStore.getState().draggedPositions.role]).toEqual([["amd", { x: 3, y: 4 }]]);
      stop();
    });

    it("should forget a re-run layout's positions, the user's own too, and all with another dataset", () => {
      actions.dragCompany("circle", "oracle", { x: 12, y: -7 });
      actions.dragCompany("role", "amd", { x: 3, y: 4 });
      actions.setDraggedPositions("circle", new Map([["nvidia", { x: 1, y: 2 }]]), true);
      actions.setDraggedPositions("role", new Map([["google", { x: 5, y: 6 }]]), true);
      // Re-running the circle forgets it; the user's own role positions stay set aside.
      actions.setDraggedPositions("circle");
      const own = useStore.getState().ownPositions!;
      expect(own.circle.size).toBe(0);
      expect([...own.role]).toEqual([["amd", { x: 3, y: 4 }]]);
      expect([...useStore.getState().draggedPositions.role]).toEqual([["google", { x: 5, y: 6 }]]);
      actions.setDataset(tinyDataset(), { kind: "entry", id: "t" });
      expect(useStore.getState().ownPositions).toBeNull();
      expect(useStore.getState().draggedPositions).toBe(NO_DRAGGED_POSITIONS);
    });

    it("should not save a link's dragged positions, which stay in the link", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), { kind: "temporary", from: "link" });
      await settle();
      actions.dragCompany("force", "oracle", { x: 1, y: 1 });
      await settle();
      expect(await get(DEFAULT_POSITIONS_KEY, db())).toBeUndefined();
      expect((await listLibrary()).entries).toEqual([]);
      stop();
    });
  });
});
