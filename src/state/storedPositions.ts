/**
 * Dragged positions as the browser keeps them: per layout with any, rows of
 * [company id, x, y] in whole graph units (what IndexedDB clones plainly and a
 * saved record can be read back from). Reading is lenient: a row that is not
 * a valid position is skipped, never an error. Pure; O(D) for D positions.
 */
import {
  type DraggedPoint,
  type DraggedPositions,
  type DraggedPositionsByLayout,
  NO_DRAGGED,
  NO_DRAGGED_POSITIONS,
  isDraggedPoint,
} from "../graph/layouts/dragged.ts";
import { LAYOUT_KINDS, type LayoutKind } from "../graph/layouts/layoutKinds.ts";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Dragged positions as saved: per layout, [company id, x, y] rows in whole graph units. */
export type StoredPositions = Partial<
  Record<LayoutKind, readonly (readonly [string, number, number])[]>
>;

/** Dragged positions as they are saved; layouts with none are left out. */
export function storePositions(all: DraggedPositionsByLayout): StoredPositions {
  const stored: Record<string, (readonly [string, number, number])[]> = {};
  for (const kind of LAYOUT_KINDS) {
    if (all[kind].size > 0) stored[kind] = [...all[kind]].map(([id, p]) => [id, p.x, p.y] as const);
  }
  return stored;
}

/** Saved dragged positions read back; rows that are not [id, x, y] in range are skipped. */
export function readStoredPositions(raw: unknown): DraggedPositionsByLayout {
  if (!isObject(raw)) return NO_DRAGGED_POSITIONS;
  const all = { ...NO_DRAGGED_POSITIONS } as Record<LayoutKind, DraggedPositions>;
  for (const kind of LAYOUT_KINDS) {
    const rows = raw[kind];
    if (!Array.isArray(rows)) continue;
    const map = new Map<string, DraggedPoint>();
    for (const row of rows as unknown[]) {
      if (!Array.isArray(row) || row.length !== 3 || typeof row[0] !== "string") continue;
      if (isDraggedPoint(row[1], row[2]))
        map.set(row[0], { x: row[1] as number, y: row[2] as number });
    }
    all[kind] = map.size > 0 ? map : NO_DRAGGED;
  }
  return all;
}
