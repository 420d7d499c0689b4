/**
 * Layout cache: node positions kept in Web Storage, keyed by a hash of the
 * graph's node and edge ids, so a reload shows the same picture at once.
 *
 * The storage is passed in (localStorage in the app, a fake in tests). Every
 * storage call is guarded: a missing, full or corrupted store only means no
 * cache, never an error. Hashing is O(N + E) over the sorted ids.
 *
 * Reference: FNV-1a (Fowler, Noll, Vo), two 32-bit lanes with different offsets.
 */
import type { Positions } from "./positions.ts";

/** The part of the Web Storage API the cache uses. */
export type LayoutStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/**
 * NOTE: v1 entries held dragged positions mixed into the layout; v2 holds the
 * force layout alone (drags are saved with the dataset). v1 entries are
 * dropped with the other cached layouts when the store is full.
 */
export const LAYOUT_CACHE_PREFIX = "ouroboros:layout:v2:";
const ANY_VERSION_PREFIX = "ouroboros:layout:";

/** Hash of a graph's structure: its sorted node ids and sorted edge keys. */
export function layoutKey(nodeIds: readonly string[], edgeKeys: readonly string[]): string {
  const text = `${[...nodeIds].sort().join("\n")}\u0000${[...edgeKeys].sort().join("\n")}`;
  return `${LAYOUT_CACHE_PREFIX}${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The positions cached under `key`, or null when absent, unreadable or incomplete. */
export function loadCachedPositions(
  storage: LayoutStorage | null,
  key: string,
  nodeIds: readonly string[],
): Positions | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const table = parsed as Record<string, unknown>;
    const positions: Positions = {};
    for (const id of nodeIds) {
      const xy = table[id];
      if (!Array.isArray(xy) || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
      positions[id] = { x: xy[0] as number, y: xy[1] as number };
    }
    return positions;
  } catch {
    return null;
  }
}

/**
 * Saves positions under `key` (rounded to 0.01 to keep entries small). When the
 * store is full, drops the other cached layouts and tries once more.
 * Returns whether the positions were saved.
 */
export function saveCachedPositions(
  storage: LayoutStorage | null,
  key: string,
  positions: Positions,
): boolean {
  if (!storage) return false;
  const table: Record<string, [number, number]> = {};
  for (const id in positions) {
    const p = positions[id]!;
    table[id] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  }
  const text = JSON.stringify(table);
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    try {
      for (const old of cachedKeys(storage)) if (old !== key) storage.removeItem(old);
      storage.setItem(key, text);
      return true;
    } catch {
      return false;
    }
  }
}

function cachedKeys(storage: LayoutStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(ANY_VERSION_PREFIX)) keys.push(k);
  }
  return keys;
}
