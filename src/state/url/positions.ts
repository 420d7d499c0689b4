/**
 * The `pos` link parameter: the companies the user dragged in the link's
 * layout, as `id:x,y` entries joined by ";" in whole graph units, e.g.
 * `pos=nvidia:120,-40;openai:-310,85`. Ids are percent-encoded, so an id may
 * hold any character (",", ":", ";" included) and still reads back the same.
 * Entries are written sorted by id, so one picture gives one link. Pure.
 */
import {
  type DraggedPoint,
  type DraggedPositions,
  MAX_DRAGGED_COORDINATE,
  isDraggedPoint,
} from "../../graph/layouts/dragged.ts";

/** Most dragged companies a link may carry. */
export const MAX_LINK_POSITIONS = 5000;
/** Longest company id a link's positions may name. */
const MAX_ID_LENGTH = 200;
const COORDINATE_RE = /^-?\d{1,7}$/;

/** Writes dragged positions as the `pos` value (before URL escaping). */
export function encodePositionsParam(positions: DraggedPositions): string {
  return [...positions]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, p]) => `${encodeURIComponent(id)}:${p.x},${p.y}`)
    .join(";");
}

/** Reads a `pos` value; answers the reason when any part of it is malformed. */
export function decodePositionsParam(
  value: string,
): { readonly positions: DraggedPositions } | { readonly reason: string } {
  const positions = new Map<string, DraggedPoint>();
  if (value === "") return { positions };
  const entries = value.split(";");
  if (entries.length > MAX_LINK_POSITIONS) {
    return { reason: `more than ${MAX_LINK_POSITIONS} dragged companies` };
  }
  const malformed = {
    reason: `positions must be id:x,y entries joined by ";", whole numbers within ±${MAX_DRAGGED_COORDINATE}`,
  };
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    if (colon <= 0) return malformed;
    let id: string;
    try {
      id = decodeURIComponent(entry.slice(0, colon));
    } catch {
      return malformed;
    }
    const xy = entry.slice(colon + 1).split(",");
    if (id.length > MAX_ID_LENGTH || xy.length !== 2) return malformed;
    if (!xy.every((v) => COORDINATE_RE.test(v))) return malformed;
    const [x, y] = xy.map(Number) as [number, number];
    if (!isDraggedPoint(x, y)) return malformed;
    if (positions.has(id)) return { reason: `company "${id.slice(0, 40)}" is given twice` };
    // NOTE: "+ 0" reads "-0" as 0, as the app writes it.
    positions.set(id, { x: x + 0, y: y + 0 });
  }
  return { positions };
}
