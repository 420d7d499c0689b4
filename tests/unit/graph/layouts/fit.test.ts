/**
 * The camera fits that frame a layout in the part of the view the legend and
 * the other overlays leave free (graph/camera.ts), checked against sigma's own
 * camera matrix.
 */
import fc from "fast-check";
import { createNormalizationFunction, matrixFromCamera, multiplyVec2 } from "sigma/utils";
import { describe, expect, it } from "vitest";
import {
  type FitTarget,
  type ViewGeometry,
  type ViewportRect,
  cameraToFitAround,
  cameraToFitRect,
  freeRects,
  reframedCamera,
  viewportOf,
} from "../../../../src/graph/camera.ts";

/** Where sigma draws a graph point (its normalisation, then its camera matrix). */
function sigmaViewport(
  g: ViewGeometry,
  camera: { x: number; y: number; ratio: number },
  point: { x: number; y: number },
) {
  const framed = createNormalizationFunction({ x: [...g.bbox.x], y: [...g.bbox.y] } as never)(
    point,
  );
  const matrix = matrixFromCamera(
    { ...camera, angle: 0 },
    { width: g.width, height: g.height },
    { width: g.bbox.x[1] - g.bbox.x[0], height: g.bbox.y[1] - g.bbox.y[0] },
    g.padding,
  );
  const v = multiplyVec2(matrix, framed);
  return { x: ((1 + v.x) * g.width) / 2, y: ((1 - v.y) * g.height) / 2 };
}

const geometry = fc.record({
  bbox: fc
    .tuple(
      fc.integer({ min: -800, max: 0 }),
      fc.integer({ min: 10, max: 900 }),
      fc.integer({ min: -800, max: 0 }),
      fc.integer({ min: 10, max: 900 }),
    )
    .map(([x0, w, y0, h]) => ({ x: [x0, x0 + w] as const, y: [y0, y0 + h] as const })),
  width: fc.integer({ min: 300, max: 1600 }),
  height: fc.integer({ min: 300, max: 1200 }),
  padding: fc.constantFrom(0, 20, 40),
});
const camera = fc.record({
  x: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  y: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  ratio: fc.double({ min: 0.05, max: 4, noNaN: true }),
});

/**
 * The target's box on screen for a camera: its disc (radius / √ratio), its label
 * right of it (3 px gaps) and the label's height (19 px), as a fit without margin keeps them.
 */
function screenBox(g: ViewGeometry, c: { x: number; y: number; ratio: number }, t: FitTarget) {
  const p = viewportOf(g, c, t);
  const r = t.radius / Math.sqrt(c.ratio);
  const half = Math.max(r, 9.5);
  const label = t.labelWidth > 0 ? t.labelWidth + 6 : 0;
  return { left: p.x - r - 3, right: p.x + r + label, top: p.y - half, bottom: p.y + half };
}

const inside = (
  box: { left: number; right: number; top: number; bottom: number },
  rect: ViewportRect,
) =>
  box.left >= rect.x - 1e-6 &&
  box.right <= rect.x + rect.width + 1e-6 &&
  box.top >= rect.y - 1e-6 &&
  box.bottom <= rect.y + rect.height + 1e-6;

describe("graph/camera fits", () => {
  describe("viewportOf", () => {
    it("should draw every point where sigma's camera matrix draws it", () => {
      fc.assert(
        fc.property(
          geometry,
          camera,
          fc.integer({ min: -900, max: 900 }),
          fc.integer({ min: -900, max: 900 }),
          (g, c, x, y) => {
            const ours = viewportOf(g, c, { x, y });
            const theirs = sigmaViewport(g, c, { x, y });
            // NOTE: sigma's matrices are Float32Array: agree to float32 precision.
            const tolerance = (v: number) => 0.01 + 1e-6 * Math.abs(v);
            expect(Math.abs(ours.x - theirs.x)).toBeLessThan(tolerance(theirs.x));
            expect(Math.abs(ours.y - theirs.y)).toBeLessThan(tolerance(theirs.y));
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe("reframedCamera", () => {
    it("should keep every point where it was drawn when the frame changes", () => {
      fc.assert(
        fc.property(geometry, geometry, camera, (before, other, c) => {
          const after = { ...before, bbox: other.bbox };
          const next = reframedCamera(before, after, c);
          for (const point of [
            { x: 0, y: 0 },
            { x: 250, y: -130 },
          ]) {
            const a = viewportOf(before, c, point);
            const b = viewportOf(after, next, point);
            expect(b.x).toBeCloseTo(a.x, 5);
            expect(b.y).toBeCloseTo(a.y, 5);
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("freeRects", () => {
    it("should answer the whole view without obstacles, and only rectangles clear of them", () => {
      expect(freeRects(800, 600, [])).toEqual([{ x: 0, y: 0, width: 800, height: 600 }]);
      const legend = { x: 10, y: 300, width: 300, height: 290 };
      const buttons = { x: 750, y: 420, width: 40, height: 170 };
      const rects = freeRects(800, 600, [legend, buttons]);
      expect(rects).toContainEqual({ x: 310, y: 0, width: 440, height: 600 });
      expect(rects).toContainEqual({ x: 0, y: 0, width: 800, height: 300 });
      for (const r of rects) {
        for (const o of [legend, buttons]) {
          const apart =
            r.x + r.width <= o.x ||
            o.x + o.width <= r.x ||
            r.y + r.height <= o.y ||
            o.y + o.height <= r.y;
          expect(apart).toBe(true);
        }
      }
    });
  });

  describe("cameraToFitRect", () => {
    const g: ViewGeometry = {
      bbox: { x: [-500, 500], y: [-500, 500] },
      width: 850,
      height: 635,
      padding: 40,
    };

    it("should answer null with no target, or when a label cannot fit the rectangle", () => {
      const rect = { x: 0, y: 0, width: 850, height: 635 };
      expect(cameraToFitRect(g, [], rect)).toBeNull();
      const wide = [{ x: 0, y: 0, radius: 5, labelWidth: 900 }];
      expect(cameraToFitRect(g, wide, rect)).toBeNull();
    });

    it("should put every target's disc and label inside the rectangle, as large as fits", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              x: fc.integer({ min: -500, max: 500 }),
              y: fc.integer({ min: -500, max: 500 }),
              radius: fc.integer({ min: 3, max: 20 }),
              labelWidth: fc.integer({ min: 0, max: 120 }),
            }),
            { minLength: 2, maxLength: 30 },
          ),
          fc.record({
            x: fc.integer({ min: 0, max: 300 }),
            y: fc.integer({ min: 0, max: 200 }),
            width: fc.integer({ min: 320, max: 550 }),
            height: fc.integer({ min: 300, max: 435 }),
          }),
          (targets, rect) => {
            const c = cameraToFitRect(g, targets, rect, {
              minRatio: 0.05,
              maxRatio: 100,
              marginPx: 0,
            });
            expect(c).not.toBeNull();
            for (const t of targets) expect(inside(screenBox(g, c!, t), rect)).toBe(true);
            // As large as fits: zooming in 3% more pushes some box out.
            const closer = { ...c!, ratio: c!.ratio * 0.97 };
            const spread = new Set(targets.map((t) => `${t.x},${t.y}`)).size > 1;
            if (spread && c!.ratio > 0.05) {
              const out = targets.some((t) => !inside(screenBox(g, closer, t), rect));
              expect(out).toBe(true);
            }
          },
        ),
        { numRuns: 200 },
      );
    });

    it("should not zoom in past the floor on a lone company", () => {
      const c = cameraToFitRect(g, [{ x: 10, y: 10, radius: 8, labelWidth: 40 }], {
        x: 0,
        y: 0,
        width: 850,
        height: 635,
      });
      expect(c!.ratio).toBe(0.2);
    });
  });

  describe("cameraToFitAround", () => {
    it("should keep every target clear of the obstacles", () => {
      const g: ViewGeometry = {
        bbox: { x: [-500, 500], y: [-480, 480] },
        width: 850,
        height: 635,
        padding: 40,
      };
      const legend = { x: 4, y: 299, width: 312, height: 332 };
      const targets = Array.from({ length: 40 }, (_, i) => ({
        x: 500 * Math.cos(i),
        y: 480 * Math.sin(i * 1.3),
        radius: 8,
        labelWidth: 60,
      }));
      const c = cameraToFitAround(g, targets, [legend])!;
      for (const t of targets) {
        const b = screenBox(g, c, t);
        const clear =
          b.right <= legend.x ||
          b.left >= legend.x + legend.width ||
          b.bottom <= legend.y ||
          b.top >= legend.y + legend.height;
        expect(clear).toBe(true);
        expect(inside(b, { x: 0, y: 0, width: 850, height: 635 })).toBe(true);
      }
    });

    it("should fall back to the whole view when nothing fits beside the obstacles", () => {
      const g: ViewGeometry = {
        bbox: { x: [0, 100], y: [0, 100] },
        width: 200,
        height: 200,
        padding: 0,
      };
      const everywhere = { x: 0, y: 0, width: 200, height: 200 };
      const c = cameraToFitAround(
        g,
        [
          { x: 0, y: 0, radius: 4, labelWidth: 0 },
          { x: 100, y: 100, radius: 4, labelWidth: 0 },
        ],
        [everywhere],
      );
      expect(c).not.toBeNull();
      expect(Number.isFinite(c!.ratio)).toBe(true);
    });
  });
});
