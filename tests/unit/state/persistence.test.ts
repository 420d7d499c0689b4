import { IDBFactory } from "fake-indexeddb";
import { createStore, get, set } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DATASET_KEY,
  DB_NAME,
  type PersistedRecord,
  SET_ASIDE_KEY,
  STORE_NAME,
  type SetAsideRecord,
  migrateRecord,
  resetPersistenceForTests,
  restorePersistedDataset,
  startPersistence,
} from "../../../src/state/persistence.ts";
import { DEFAULT_DATASET, actions, initialState, useStore } from "../../../src/state/store.ts";
import { tinyDataset } from "../domain/fixtures.ts";

const db = () => createStore(DB_NAME, STORE_NAME);
const saved = () => get<PersistedRecord>(DATASET_KEY, db());
const setAside = () => get<SetAsideRecord>(SET_ASIDE_KEY, db());
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
      expect(useStore.getState().datasetOrigin).toBe("default");
      vi.stubGlobal("indexedDB", undefined);
      resetPersistenceForTests();
      await expect(restorePersistedDataset()).resolves.toBeUndefined();
      expect(useStore.getState().notices).toEqual([]);
    });

    it("should restore a saved imported dataset", async () => {
      const dataset = tinyDataset();
      await set(DATASET_KEY, { schemaVersion: 2, savedAt: "2026-01-01T00:00:00Z", dataset }, db());
      await restorePersistedDataset();
      expect(useStore.getState().dataset).toEqual(dataset);
      expect(useStore.getState().datasetOrigin).toBe("imported");
      expect(useStore.getState().notices).toEqual([]);
    });

    it("should upgrade a bare dataset saved by an early build and save it as a record", async () => {
      await set(DATASET_KEY, tinyDataset(), db());
      await restorePersistedDataset();
      expect(useStore.getState().datasetOrigin).toBe("imported");
      expect(await saved()).toMatchObject({ schemaVersion: 2, dataset: tinyDataset() });
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
      await set(DATASET_KEY, record, db());
      await restorePersistedDataset();
      const state = useStore.getState();
      expect(state.datasetOrigin).toBe("default");
      expect(state.dataset).toBe(DEFAULT_DATASET);
      expect(state.notices).toHaveLength(1);
      expect(state.notices[0]).toContain("could not be restored");
      expect(state.notices[0]).toContain(reason);
      expect(state.notices[0]).toContain("set aside");
      expect(await saved()).toBeUndefined();
      const copy = await setAside();
      expect(copy?.record).toEqual(record);
      expect(copy?.reason).toContain(reason);
    });

    it("should not replace a dataset that was opened before it ran", async () => {
      await set(DATASET_KEY, { schemaVersion: 2, savedAt: "x", dataset: tinyDataset() }, db());
      const shared = { ...tinyDataset(), title: "From a link" };
      actions.setDataset(shared, "imported");
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

  describe("startPersistence", () => {
    it("should save an imported dataset and delete it on reset to default", async () => {
      const stop = startPersistence();
      const dataset = tinyDataset();
      actions.setDataset(dataset, "imported");
      await settle();
      const record = await saved();
      expect(record?.schemaVersion).toBe(2);
      expect(record?.dataset).toEqual(dataset);
      expect(Number.isNaN(Date.parse(record!.savedAt))).toBe(false);

      actions.setDataset(DEFAULT_DATASET, "default");
      await settle();
      expect(await saved()).toBeUndefined();
      stop();
    });

    it("should ignore changes other than the dataset, and stop when unsubscribed", async () => {
      const stop = startPersistence();
      actions.setTab("table");
      await settle();
      expect(await saved()).toBeUndefined();
      stop();
      actions.setDataset(tinyDataset(), "imported");
      await settle();
      expect(await saved()).toBeUndefined();
    });

    it("should round-trip through a reload: save, then restore into a fresh store", async () => {
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), "imported");
      await settle();
      stop();
      useStore.setState(initialState(), true);
      resetPersistenceForTests();
      await restorePersistedDataset();
      expect(useStore.getState().dataset).toEqual(tinyDataset());
    });

    it("should tell the user once when saving fails", async () => {
      vi.stubGlobal("indexedDB", undefined);
      resetPersistenceForTests();
      const stop = startPersistence();
      actions.setDataset(tinyDataset(), "imported");
      actions.setDataset({ ...tinyDataset(), title: "Again" }, "imported");
      await settle();
      expect(useStore.getState().notices).toEqual([
        "The imported dataset could not be saved in this browser (this browser has no IndexedDB); it will be gone after a reload.",
      ]);
      stop();
    });
  });
});
