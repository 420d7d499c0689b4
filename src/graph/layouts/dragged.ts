/**
 * Dragged positions: where the user moved companies, kept per layout, and how
 * they are laid over a layout's own positions.
 *
 * Only the moved companies are kept, by company id (a Map, so ids such as
 * `__proto__` are plain keys), in whole graph units: what the store holds is
 * exactly what a link or a saved record carries, so a shared link draws the
 * same picture. Laying them over a layout is O(N + D) for D dragged companies.
 */
import type { Positions } from "../positions.ts";
import { nodeKey } from "../nodeKeys.ts";
import { LAYOUT_KINDS, type LayoutKind } from "./layoutKinds.ts";

/** A dragged company's position, in whole graph units. */
export interface DraggedPoint {
  readonly x: number;
  readonly y: number;
}

/** One layout's dragged positions, by company id. */
export type DraggedPositions = ReadonlyMap<string, DraggedPoint>;

/** The dragged positions of every layout. */
export type DraggedPositionsByLayout = Readonly<Record<LayoutKind, DraggedPositions>>;

export const NO_DRAGGED: DraggedPositions = new Map();

export const NO_DRAGGED_POSITIONS: DraggedPositionsByLayout = Object.freeze({
  force: NO_DRAGGED,
  circle: NO_DRAGGED,
  role: NO_DRAGGED,
});

/** Largest coordinate a dragged position may have, in graph units (layouts span about 1,000). */
export const MAX_DRAGGED_COORDINATE = 1_000_000;

/** A position as it is kept: rounded to whole units and clamped to ±MAX_DRAGGED_COORDINATE. */
export function roundDragged(point: { x: number; y: number }): DraggedPoint {
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
    throw new Error("graph/layouts/dragged: a dragged position must be finite");
  }
  const clamp = (v: number) =>
    // NOTE: "+ 0" turns -0 into 0, which a link cannot tell apart.
    Math.min(MAX_DRAGGED_COORDINATE, Math.max(-MAX_DRAGGED_COORDINATE, Math.round(v))) + 0;
  return { x: clamp(point.x), y: clamp(point.y) };
}

/** Whether a value is a position as it is kept (whole numbers within range). */
export function isDraggedPoint(x: unknown, y: unknown): boolean {
  return (
    Number.isInteger(x) &&
    Number.isInteger(y) &&
    Math.abs(x as number) <= MAX_DRAGGED_COORDINATE &&
    Math.abs(y as number) <= MAX_DRAGGED_COORDINATE
  );
}

/**
 * A layout's positions with the dragged ones laid over them. `base` is keyed
 * by graph node key; dragged companies the graph lacks are left out.
 */
export function arrangePositions(base: Positions, dragged: DraggedPositions): Positions {
  const positions: Positions = Object.create(null) as Positions;
  for (const key of Object.keys(base)) positions[key] = base[key]!;
  for (const [company, point] of dragged) {
    const key = nodeKey(company);
    if (Object.hasOwn(positions, key)) positions[key] = { x: point.x, y: point.y };
  }
  return positions;
}

/** The same dragged positions with one company moved (a new Map). */
export function withDragged(
  dragged: DraggedPositions,
  company: string,
  point: { x: number; y: number },
): DraggedPositions {
  const next = new Map(dragged);
  next.set(company, roundDragged(point));
  return next;
}

/** Every layout's dragged positions with one layout's replaced (a new record). */
export function replaceLayoutDragged(
  all: DraggedPositionsByLayout,
  layout: LayoutKind,
  dragged: DraggedPositions,
): DraggedPositionsByLayout {
  const next = {} as Record<LayoutKind, DraggedPositions>;
  for (const kind of LAYOUT_KINDS) next[kind] = kind === layout ? dragged : all[kind];
  return next;
}
