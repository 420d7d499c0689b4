import { describe, expect, it } from "vitest";
import {
  LAYOUT_CACHE_PREFIX,
  type LayoutStorage,
  layoutKey,
  loadCachedPositions,
  saveCachedPositions,
} from "../../../src/graph/layoutCache.ts";

/** An in-memory Web Storage, optionally limited to `capacity` characters. */
function memoryStorage(capacity = Infinity): LayoutStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map.values()].reduce((n, v) => n + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.get(k)?.length ?? 0) + v.length > capacity) {
        throw new DOMException("full", "QuotaExceededError");
      }
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const POSITIONS = { a: { x: 1.234, y: -5 }, b: { x: 0, y: 10.5 } };

describe("graph/layoutCache", () => {
  describe("loadCachedPositions", () => {
    it("should answer null, not throw, for a missing storage, entry, or a broken one", () => {
      const storage = memoryStorage();
      expect(loadCachedPositions(null, "k", ["a"])).toBeNull();
      expect(loadCachedPositions(storage, "k", ["a"])).toBeNull();
      storage.setItem("k", "{not json");
      expect(loadCachedPositions(storage, "k", ["a"])).toBeNull();
      storage.setItem("k", JSON.stringify({ a: ["x", 1] }));
      expect(loadCachedPositions(storage, "k", ["a"])).toBeNull();
      const throwing = {
        ...storage,
        getItem: () => {
          throw new Error("denied");
        },
      };
      expect(loadCachedPositions(throwing, "k", ["a"])).toBeNull();
    });

    it("should answer null when a node of the graph has no cached position", () => {
      const storage = memoryStorage();
      saveCachedPositions(storage, "k", POSITIONS);
      expect(loadCachedPositions(storage, "k", ["a", "b", "c"])).toBeNull();
    });

    it("should round-trip positions to 0.01", () => {
      const storage = memoryStorage();
      expect(saveCachedPositions(storage, "k", POSITIONS)).toBe(true);
      expect(loadCachedPositions(storage, "k", ["a", "b"])).toEqual({
        a: { x: 1.23, y: -5 },
        b: { x: 0, y: 10.5 },
      });
    });
  });

  describe("saveCachedPositions", () => {
    it("should drop other cached layouts when the storage is full, then save", () => {
      const storage = memoryStorage(60);
      storage.setItem(`${LAYOUT_CACHE_PREFIX}old`, "x".repeat(40));
      storage.setItem("unrelated", "y");
      expect(saveCachedPositions(storage, `${LAYOUT_CACHE_PREFIX}new`, POSITIONS)).toBe(true);
      expect(storage.map.has(`${LAYOUT_CACHE_PREFIX}old`)).toBe(false);
      expect(storage.map.has("unrelated")).toBe(true);
    });

    it("should give up quietly when even an empty cache cannot hold the entry", () => {
      expect(saveCachedPositions(memoryStorage(5), "k", POSITIONS)).toBe(false);
      expect(saveCachedPositions(null, "k", POSITIONS)).toBe(false);
    });
  });

  describe("layoutKey", () => {
    it("should not depend on id order, and change when an edge changes", () => {
      const key = layoutKey(["a", "b", "c"], ["a>b", "b>c"]);
      expect(key.startsWith(LAYOUT_CACHE_PREFIX)).toBe(true);
      expect(layoutKey(["c", "a", "b"], ["b>c", "a>b"])).toBe(key);
      expect(layoutKey(["a", "b", "c"], ["a>b", "c>b"])).not.toBe(key);
      expect(layoutKey(["a", "b", "c"], ["a>b"])).not.toBe(key);
    });
  });
});
