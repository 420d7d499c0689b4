import { describe, expect, it } from "vitest";
import {
  MAX_DRAGGED_COORDINATE,
  NO_DRAGGED,
  NO_DRAGGED_POSITIONS,
  arrangePositions,
  isDraggedPoint,
  replaceLayoutDragged,
  roundDragged,
  withDragged,
} from "../../../../src/graph/layouts/dragged.ts";
import { nodeKey } from "../../../../src/graph/nodeKeys.ts";

describe("graph/layouts/dragged", () => {
  describe("roundDragged", () => {
    it("should refuse a position that is not finite", () => {
      expect(() => roundDragged({ x: Number.NaN, y: 0 })).toThrow(
        "graph/layouts/dragged: a dragged position must be finite",
      );
    });

    it("should round to whole units, clamp to the range and never give -0", () => {
      expect(roundDragged({ x: 1.4, y: -2.6 })).toEqual({ x: 1, y: -3 });
      expect(Object.is(roundDragged({ x: -0.2, y: 0 }).x, 0)).toBe(true);
      expect(roundDragged({ x: 1e12, y: -1e12 })).toEqual({
        x: MAX_DRAGGED_COORDINATE,
        y: -MAX_DRAGGED_COORDINATE,
      });
      expect(isDraggedPoint(3, -4)).toBe(true);
      expect(isDraggedPoint(3.5, 0)).toBe(false);
      expect(isDraggedPoint(MAX_DRAGGED_COORDINATE + 1, 0)).toBe(false);
      expect(isDraggedPoint("1", 0)).toBe(false);
    });
  });

  describe("arrangePositions", () => {
    it("should lay dragged companies over the layout, hostile ids included, and skip absent ones", () => {
      const base = Object.create(null) as Record<string, { x: number; y: number }>;
      for (const id of ["a", "__proto__", "constructor"]) base[nodeKey(id)] = { x: 1, y: 1 };
      const dragged = new Map([
        ["__proto__", { x: 5, y: 6 }],
        ["constructor", { x: 7, y: 8 }],
        ["ghost", { x: 9, y: 9 }],
      ]);
      const arranged = arrangePositions(base, dragged);
      expect(arranged[nodeKey("__proto__")]).toEqual({ x: 5, y: 6 });
      expect(arranged[nodeKey("constructor")]).toEqual({ x: 7, y: 8 });
      expect(arranged.a).toEqual({ x: 1, y: 1 });
      expect(Object.keys(arranged).sort()).toEqual(Object.keys(base).sort());
      expect(base[nodeKey("__proto__")]).toEqual({ x: 1, y: 1 });
    });
  });

  describe("withDragged and replaceLayoutDragged", () => {
    it("should make new maps and records, leaving the old ones alone", () => {
      const one = withDragged(NO_DRAGGED, "a", { x: 1.6, y: 2 });
      expect(NO_DRAGGED.size).toBe(0);
      expect([...one]).toEqual([["a", { x: 2, y: 2 }]]);
      const all = replaceLayoutDragged(NO_DRAGGED_POSITIONS, "circle", one);
      expect(all.circle).toBe(one);
      expect(all.force).toBe(NO_DRAGGED);
      expect(NO_DRAGGED_POSITIONS.circle).toBe(NO_DRAGGED);
    });
  });
});
