import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLACE_LABELS_OPTIONS,
  type Disc,
  type LabelRequest,
  type RotatedBox,
  boxCorners,
  boxIntersectsDisc,
  boxesIntersect,
  edgeLabelCandidates,
  nodeLabelCandidates,
  placeLabels,
  resolvePlaceLabelsOptions,
  uprightAngle,
} from "../../../src/graph/export/placeLabels.ts";

interface P {
  x: number;
  y: number;
}

const TOL = 1e-6;

const box = (cx: number, cy: number, width: number, height: number, angle = 0): RotatedBox => ({
  cx,
  cy,
  width,
  height,
  angle,
});

/** An axis-aligned box from its corners. */
const rect = (x0: number, y0: number, x1: number, y1: number): RotatedBox =>
  box((x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0);

const request = (
  id: string,
  priority: number,
  candidates: RotatedBox[],
  ignoreDiscs?: number[],
): LabelRequest => ({ id, priority, candidates, ...(ignoreDiscs ? { ignoreDiscs } : {}) });

// ---- An independent oracle: plain polygons, orientation tests, point–segment distances. ----

/** Corners by rotating the four offsets one at a time (not the module's code). */
function polygon(b: RotatedBox): P[] {
  const offsets: [number, number][] = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ];
  return offsets.map(([sx, sy]) => {
    const px = (sx * b.width) / 2;
    const py = (sy * b.height) / 2;
    return {
      x: b.cx + px * Math.cos(b.angle) - py * Math.sin(b.angle),
      y: b.cy + px * Math.sin(b.angle) + py * Math.cos(b.angle),
    };
  });
}

const cross = (o: P, a: P, b: P) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Strictly inside a convex polygon (by more than TOL of cross product). */
function strictlyInside(p: P, poly: P[]): boolean {
  const signs = poly.map((a, i) => cross(a, poly[(i + 1) % poly.length]!, p));
  return signs.every((s) => s > TOL) || signs.every((s) => s < -TOL);
}

/** Segments cross at a point inside both (not merely touching). */
function properlyCross(a: P, b: P, c: P, d: P): boolean {
  const d1 = cross(a, b, c);
  const d2 = cross(a, b, d);
  const d3 = cross(c, d, a);
  const d4 = cross(c, d, b);
  return (
    ((d1 > TOL && d2 < -TOL) || (d1 < -TOL && d2 > TOL)) &&
    ((d3 > TOL && d4 < -TOL) || (d3 < -TOL && d4 > TOL))
  );
}

function pointSegmentDistance(p: P, a: P, b: P): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

const edgesOf = (poly: P[]): [P, P][] => poly.map((a, i) => [a, poly[(i + 1) % poly.length]!]);
const centre = (poly: P[]): P => ({
  x: poly.reduce((s, p) => s + p.x, 0) / poly.length,
  y: poly.reduce((s, p) => s + p.y, 0) / poly.length,
});
const midpoints = (poly: P[]): P[] =>
  edgesOf(poly).map(([a, b]) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }));

/** Interiors overlap: a crossing, or a corner, midpoint or centre of one strictly inside the other. */
function polygonsOverlap(a: P[], b: P[]): boolean {
  for (const [p, q] of edgesOf(a)) {
    for (const [r, s] of edgesOf(b)) if (properlyCross(p, q, r, s)) return true;
  }
  const probes = (poly: P[]) => [...poly, ...midpoints(poly), centre(poly)];
  return probes(a).some((p) => strictlyInside(p, b)) || probes(b).some((p) => strictlyInside(p, a));
}

/** Distance between two polygons that do not overlap: the closest pair includes a corner. */
function polygonDistance(a: P[], b: P[]): number {
  let best = Infinity;
  for (const p of a)
    for (const [r, s] of edgesOf(b)) best = Math.min(best, pointSegmentDistance(p, r, s));
  for (const p of b)
    for (const [r, s] of edgesOf(a)) best = Math.min(best, pointSegmentDistance(p, r, s));
  return best;
}

/** How far a disc's centre is from a polygon's outline, or −1 when strictly inside it. */
function discClearance(poly: P[], d: Disc): number {
  const c = { x: d.x, y: d.y };
  if (strictlyInside(c, poly)) return -1;
  return Math.min(...edgesOf(poly).map(([a, b]) => pointSegmentDistance(c, a, b)));
}

/** Labels clash for the oracle: overlap, or closer than `padding` (with a tolerance each way). */
function oracleLabelsClash(a: RotatedBox, b: RotatedBox, padding: number, slack: number): boolean {
  const pa = polygon(a);
  const pb = polygon(b);
  if (polygonsOverlap(pa, pb)) return true;
  return padding + slack > 0 && polygonDistance(pa, pb) < padding + slack;
}

function oracleDiscClash(b: RotatedBox, d: Disc, padding: number, slack: number): boolean {
  const clearance = discClearance(polygon(b), d);
  if (clearance < 0) return true;
  const reach = d.radius + padding;
  return reach + slack > 0 && clearance < reach + slack;
}

// ---- Generators. ----

const coord = fc.double({ min: 0, max: 300, noNaN: true });
const discArb: fc.Arbitrary<Disc> = fc.record({
  x: coord,
  y: coord,
  radius: fc.double({ min: 0, max: 20, noNaN: true }),
});
const boxArb: fc.Arbitrary<RotatedBox> = fc.record({
  cx: coord,
  cy: coord,
  width: fc.double({ min: 1, max: 60, noNaN: true }),
  height: fc.double({ min: 1, max: 20, noNaN: true }),
  angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
});
const sceneArb = fc
  .record({
    discs: fc.array(discArb, { maxLength: 25 }),
    specs: fc.array(
      fc.record({
        priority: fc.integer({ min: 0, max: 4 }),
        candidates: fc.array(boxArb, { maxLength: 5 }),
        ignore: fc.array(fc.nat(), { maxLength: 2 }),
      }),
      { maxLength: 30 },
    ),
    padding: fc.constantFrom(0, 1, 3.5),
  })
  .map(({ discs, specs, padding }) => ({
    discs,
    padding,
    requests: specs.map((s, i) =>
      request(
        `l${i}`,
        s.priority,
        s.candidates,
        discs.length > 0 ? s.ignore.map((k) => k % discs.length) : [],
      ),
    ),
  }));

/** The placement the brute-force way: every placed box and every disc, checked one by one. */
function naivePlacement(requests: LabelRequest[], discs: Disc[], padding: number) {
  const order = requests.map((_, i) => i);
  order.sort((a, b) => requests[b]!.priority - requests[a]!.priority || a - b);
  const placed: { id: string; box: RotatedBox; candidate: number }[] = [];
  const dropped: string[] = [];
  for (const r of order) {
    const req = requests[r]!;
    const ignore = new Set(req.ignoreDiscs ?? []);
    const found = req.candidates.findIndex(
      (c) =>
        discs.every((d, i) => ignore.has(i) || !boxIntersectsDisc(c, d, padding)) &&
        placed.every((p) => !boxesIntersect(c, p.box, padding)),
    );
    if (found < 0) dropped.push(req.id);
    else placed.push({ id: req.id, box: req.candidates[found]!, candidate: found });
  }
  return { placed, dropped };
}

describe("graph/export/placeLabels", () => {
  describe("resolvePlaceLabelsOptions", () => {
    it("should refuse a negative padding and inverted bounds with namespaced messages", () => {
      expect(() => resolvePlaceLabelsOptions({ padding: -1 })).toThrow(
        "graph/export: padding must be a finite number >= 0, got -1",
      );
      expect(() => resolvePlaceLabelsOptions({ padding: NaN })).toThrow("graph/export: padding");
      expect(() =>
        resolvePlaceLabelsOptions({ bounds: { minX: 10, minY: 0, maxX: 0, maxY: 10 } }),
      ).toThrow("graph/export: bounds must have min <= max");
      expect(() =>
        resolvePlaceLabelsOptions({ bounds: { minX: 0, minY: 0, maxX: Infinity, maxY: 10 } }),
      ).toThrow("graph/export: bounds.maxX must be a finite number, got Infinity");
    });

    it("should fill in the defaults", () => {
      expect(resolvePlaceLabelsOptions()).toEqual(DEFAULT_PLACE_LABELS_OPTIONS);
      expect(resolvePlaceLabelsOptions({ padding: 0 })).toEqual({ padding: 0, bounds: null });
    });
  });

  describe("placeLabels", () => {
    it("should refuse non-finite numbers, negative sizes, repeated ids and bad disc indices", () => {
      const ok = box(0, 0, 10, 10);
      expect(() => placeLabels([request("a", 1, [box(NaN, 0, 10, 10)])], [])).toThrow(
        "graph/export: requests[0].candidates[0].cx must be a finite number, got NaN",
      );
      expect(() => placeLabels([request("a", 1, [box(0, 0, -1, 10)])], [])).toThrow(
        "graph/export: requests[0].candidates[0].width must be a finite number >= 0, got -1",
      );
      expect(() => placeLabels([request("a", 1, [box(0, 0, 1, 1, Infinity)])], [])).toThrow(
        "graph/export: requests[0].candidates[0].angle",
      );
      expect(() => placeLabels([request("a", Infinity, [ok])], [])).toThrow(
        "graph/export: requests[0].priority must be a finite number",
      );
      expect(() => placeLabels([], [{ x: 0, y: 0, radius: -2 }])).toThrow(
        "graph/export: discs[0].radius must be a finite number >= 0, got -2",
      );
      expect(() => placeLabels([request("a", 1, [ok]), request("a", 2, [ok])], [])).toThrow(
        'graph/export: label ids must be unique, "a" is repeated',
      );
      expect(() => placeLabels([request("a", 1, [ok], [1])], [{ x: 0, y: 0, radius: 1 }])).toThrow(
        "graph/export: requests[0].ignoreDiscs must hold disc indices 0..0, got 1",
      );
      expect(() => placeLabels([], [], { padding: -1 })).toThrow("graph/export: padding");
    });

    it("should place nothing for no requests, and drop a request with no candidates", () => {
      expect(placeLabels([], [{ x: 0, y: 0, radius: 5 }])).toEqual({ placed: [], dropped: [] });
      expect(placeLabels([request("a", 1, [])], [])).toEqual({ placed: [], dropped: ["a"] });
    });

    it("should give a contested spot to the higher priority, whatever the input order", () => {
      const spot = box(50, 50, 40, 10);
      const elsewhere = box(50, 80, 40, 10);
      const low = request("low", 1, [spot, elsewhere]);
      const high = request("high", 5, [spot]);
      for (const requests of [
        [low, high],
        [high, low],
      ]) {
        const { placed, dropped } = placeLabels(requests, [], { padding: 2 });
        expect(placed).toEqual([
          { id: "high", box: spot, candidate: 0 },
          { id: "low", box: elsewhere, candidate: 1 },
        ]);
        expect(dropped).toEqual([]);
      }
    });

    it("should drop the lower priority when it has nowhere else to go, and break ties by input order", () => {
      const spot = box(0, 0, 30, 10);
      const { placed, dropped } = placeLabels(
        [request("first", 1, [spot]), request("second", 1, [spot]), request("top", 2, [spot])],
        [],
      );
      expect(placed.map((p) => p.id)).toEqual(["top"]);
      expect(dropped).toEqual(["first", "second"]);
      const tie = placeLabels([request("first", 1, [spot]), request("second", 1, [spot])], []);
      expect(tie.placed.map((p) => p.id)).toEqual(["first"]);
      expect(tie.dropped).toEqual(["second"]);
    });

    it("should never cover a disc, unless told to ignore that disc", () => {
      const discs = [{ x: 100, y: 100, radius: 10 }];
      const onDisc = box(100, 100, 40, 10);
      const beside = box(140, 100, 40, 10);
      expect(placeLabels([request("a", 1, [onDisc, beside])], discs).placed[0]).toEqual({
        id: "a",
        box: beside,
        candidate: 1,
      });
      expect(placeLabels([request("a", 1, [onDisc])], discs).dropped).toEqual(["a"]);
      expect(placeLabels([request("a", 1, [onDisc], [0])], discs).placed[0]?.candidate).toBe(0);
    });

    it("should keep labels inside the bounds, all four corners of a rotated box included", () => {
      const bounds = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
      // Axis-aligned the square fits; turned 45° its corner reaches x = 88 + 10√2 > 100.
      const turned = box(88, 50, 20, 20, Math.PI / 4);
      const straight = box(88, 50, 20, 20);
      const { placed } = placeLabels([request("a", 1, [turned, straight])], [], { bounds });
      expect(placed[0]?.candidate).toBe(1);
      expect(placeLabels([request("a", 1, [turned])], [], { bounds }).dropped).toEqual(["a"]);
      expect(placeLabels([request("a", 1, [turned])], []).placed).toHaveLength(1);
    });

    it("should keep `padding` between labels, measured diagonally too (fails if padding is ignored)", () => {
      // Two squares whose corners face each other: 2 px apart on each axis, 2√2 ≈ 2.83 px apart.
      const a = rect(0, 0, 10, 10);
      const b = rect(12, 12, 22, 22);
      const both = [request("a", 2, [a]), request("b", 1, [b])];
      expect(placeLabels(both, [], { padding: 0 }).dropped).toEqual([]);
      expect(placeLabels(both, [], { padding: 2.5 }).dropped).toEqual([]);
      expect(placeLabels(both, [], { padding: 3 }).dropped).toEqual(["b"]);
      // The same against a disc: the corner (10, 10) is √18 ≈ 4.24 px from (13, 13).
      const disc = [{ x: 13, y: 13, radius: 4 }];
      expect(placeLabels([request("a", 1, [a])], disc, { padding: 0 }).dropped).toEqual([]);
      expect(placeLabels([request("a", 1, [a])], disc, { padding: 0.5 }).dropped).toEqual(["a"]);
    });

    it("should place labels the same way when coordinates spread far apart (coarse grid)", () => {
      const requests = Array.from({ length: 60 }, (_, i) =>
        request(`l${i}`, i % 3, [
          box((i % 6) * 12, Math.floor(i / 6) * 5, 20, 6),
          box(1e7, i, 20, 6),
        ]),
      );
      const discs = [{ x: -1e7, y: 0, radius: 3 }];
      expect(placeLabels(requests, discs, { padding: 1 })).toEqual(
        naivePlacement(requests, discs, 1),
      );
    });

    it("should be deterministic and leave its input untouched", () => {
      const discs = Object.freeze([Object.freeze({ x: 0, y: 0, radius: 5 })]);
      const requests = Object.freeze(
        Array.from({ length: 20 }, (_, i) =>
          Object.freeze(request(`n${i}`, i % 4, nodeLabelCandidates(i * 7, 0, 3, 30, 10, 4))),
        ),
      );
      const first = placeLabels(requests, discs);
      expect(placeLabels(requests, discs)).toEqual(first);
      expect(first.placed.length + first.dropped.length).toBe(20);
    });

    it("should place 2,000 labels around 500 nodes without an overlap", () => {
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const discs = Array.from({ length: 500 }, () => ({
        x: random() * 2000,
        y: random() * 1500,
        radius: 3 + random() * 10,
      }));
      const requests = Array.from({ length: 2000 }, (_, i) => {
        if (i < 500) {
          const d = discs[i]!;
          return request(`n${i}`, 2, nodeLabelCandidates(d.x, d.y, d.radius, 60, 12, 4));
        }
        const s = discs[i % 500]!;
        const t = discs[(i * 7 + 3) % 500]!;
        const path = [
          { x: s.x, y: s.y },
          { x: t.x, y: t.y },
        ];
        return request(`e${i}`, random(), edgeLabelCandidates(path, 36, 10, 2));
      });
      const { placed, dropped } = placeLabels(requests, discs, { padding: 3 });
      expect(placed.length + dropped.length).toBe(2000);
      expect(placed.length).toBeGreaterThan(400);
      expect(placeLabels(requests, discs, { padding: 3 })).toEqual(
        naivePlacement(requests, discs, 3),
      );
    });

    it("should never place two overlapping labels, nor one on a disc, for random scenes", () => {
      fc.assert(
        fc.property(sceneArb, ({ discs, requests, padding }) => {
          const { placed, dropped } = placeLabels(requests, discs, { padding });
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              expect(oracleLabelsClash(placed[i]!.box, placed[j]!.box, padding, -TOL)).toBe(false);
            }
          }
          const byId = new Map(requests.map((r) => [r.id, r]));
          for (const p of placed) {
            const ignore = new Set(byId.get(p.id)!.ignoreDiscs);
            discs.forEach((d, k) => {
              if (!ignore.has(k)) expect(oracleDiscClash(p.box, d, padding, -TOL)).toBe(false);
            });
          }
          // Every id once, placed or dropped.
          const ids = [...placed.map((p) => p.id), ...dropped];
          expect(ids.slice().sort()).toEqual(requests.map((r) => r.id).sort());
        }),
        { numRuns: 300 },
      );
    });

    it("should take each request's first free candidate, in priority order", () => {
      fc.assert(
        fc.property(sceneArb, ({ discs, requests, padding }) => {
          const { placed, dropped } = placeLabels(requests, discs, { padding });
          const byId = new Map(requests.map((r) => [r.id, r]));
          const rank = new Map(requests.map((r, i) => [r.id, [-r.priority, i] as const]));
          const before = (a: string, b: string) => {
            const [pa, ia] = rank.get(a)!;
            const [pb, ib] = rank.get(b)!;
            return pa < pb || (pa === pb && ia < ib);
          };
          for (let i = 1; i < placed.length; i++) {
            expect(before(placed[i - 1]!.id, placed[i]!.id)).toBe(true);
          }
          // Every candidate passed over is blocked, by the oracle's reckoning.
          const blocked = (id: string, c: RotatedBox) => {
            const ignore = new Set(byId.get(id)!.ignoreDiscs);
            return (
              discs.some((d, k) => !ignore.has(k) && oracleDiscClash(c, d, padding, TOL)) ||
              placed.some((p) => p.id !== id && oracleLabelsClash(c, p.box, padding, TOL))
            );
          };
          for (const p of placed) {
            const req = byId.get(p.id)!;
            expect(p.box).toBe(req.candidates[p.candidate]);
            for (const c of req.candidates.slice(0, p.candidate))
              expect(blocked(p.id, c)).toBe(true);
          }
          for (const id of dropped) {
            for (const c of byId.get(id)!.candidates) expect(blocked(id, c)).toBe(true);
          }
          // The top request gets its first candidate exactly when no disc is in its way.
          const top = requests.reduce<LabelRequest | undefined>(
            (best, r) => (best && before(best.id, r.id) ? best : r),
            undefined,
          );
          const first = top?.candidates[0];
          if (top && first) {
            const ignore = new Set(top.ignoreDiscs);
            const live = discs.filter((_, k) => !ignore.has(k));
            if (live.every((d) => !oracleDiscClash(first, d, padding, TOL))) {
              expect(placed[0]).toEqual({ id: top.id, box: first, candidate: 0 });
            }
            if (live.some((d) => oracleDiscClash(first, d, padding, -TOL))) {
              expect(placed.find((p) => p.id === top.id)?.candidate).not.toBe(0);
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it("should match a brute-force greedy placement and keep inside random bounds", () => {
      const bounds = { minX: 40, minY: 40, maxX: 260, maxY: 260 };
      fc.assert(
        fc.property(sceneArb, ({ discs, requests, padding }) => {
          expect(placeLabels(requests, discs, { padding })).toEqual(
            naivePlacement(requests, discs, padding),
          );
          for (const p of placeLabels(requests, discs, { padding, bounds }).placed) {
            for (const c of polygon(p.box)) {
              expect(c.x).toBeGreaterThanOrEqual(bounds.minX - TOL);
              expect(c.x).toBeLessThanOrEqual(bounds.maxX + TOL);
              expect(c.y).toBeGreaterThanOrEqual(bounds.minY - TOL);
              expect(c.y).toBeLessThanOrEqual(bounds.maxY + TOL);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("boxesIntersect", () => {
    it("should refuse a non-finite box or a negative padding", () => {
      expect(() => boxesIntersect(box(0, NaN, 1, 1), box(0, 0, 1, 1))).toThrow(
        "graph/export: box a.cy must be a finite number, got NaN",
      );
      expect(() => boxesIntersect(box(0, 0, 1, 1), box(0, 0, 1, -1))).toThrow(
        "graph/export: box b.height must be a finite number >= 0, got -1",
      );
      expect(() => boxesIntersect(box(0, 0, 1, 1), box(0, 0, 1, 1), -1)).toThrow(
        "graph/export: padding",
      );
    });

    it("should tell overlapping, touching and separate axis-aligned boxes apart", () => {
      expect(boxesIntersect(rect(0, 0, 10, 10), rect(5, 5, 15, 15))).toBe(true);
      expect(boxesIntersect(rect(0, 0, 10, 10), rect(10, 0, 20, 10))).toBe(false);
      expect(boxesIntersect(rect(0, 0, 10, 10), rect(10, 0, 20, 10), 0.5)).toBe(true);
      expect(boxesIntersect(rect(0, 0, 10, 10), rect(11, 0, 20, 10), 0.5)).toBe(false);
      expect(boxesIntersect(rect(0, 0, 10, 10), rect(2, 2, 4, 4))).toBe(true);
    });

    it("should see that two parallel 45° strips are apart although their bounding boxes overlap", () => {
      const n = { x: -Math.SQRT1_2, y: Math.SQRT1_2 };
      const a = box(0, 0, 40, 2, Math.PI / 4);
      const b = box(4 * n.x, 4 * n.y, 40, 2, Math.PI / 4);
      expect(boxesIntersect(a, b)).toBe(false);
      expect(boxesIntersect(a, b, 1.9)).toBe(false);
      expect(boxesIntersect(a, b, 2.1)).toBe(true);
      expect(boxesIntersect(a, box(3 * n.x, 3 * n.y, 40, 2, Math.PI / 4))).toBe(false);
      expect(boxesIntersect(a, box(1.5 * n.x, 1.5 * n.y, 40, 2, Math.PI / 4))).toBe(true);
    });

    it("should measure a 45° box near a square's corner exactly", () => {
      const square = rect(0, 0, 10, 10);
      // |x − 13| + |y − 13| <= 4: its near edge x + y = 22 is √2 px from the corner (10, 10).
      const diamond = box(13, 13, 4 * Math.SQRT2, 4 * Math.SQRT2, Math.PI / 4);
      expect(boxesIntersect(square, diamond)).toBe(false);
      expect(boxesIntersect(square, diamond, 1.4)).toBe(false);
      expect(boxesIntersect(square, diamond, 1.45)).toBe(true);
      expect(
        boxesIntersect(square, box(11.9, 11.9, 4 * Math.SQRT2, 4 * Math.SQRT2, Math.PI / 4)),
      ).toBe(true);
    });

    it("should agree with the polygon oracle, both ways round, on random boxes", () => {
      fc.assert(
        fc.property(boxArb, boxArb, fc.constantFrom(0, 0.5, 4), (a, b, padding) => {
          const got = boxesIntersect(a, b, padding);
          expect(boxesIntersect(b, a, padding)).toBe(got);
          // Only clear-cut cases: the oracle with slack either way agrees.
          const sure = oracleLabelsClash(a, b, padding, -TOL);
          const maybe = oracleLabelsClash(a, b, padding, TOL);
          if (sure) expect(got).toBe(true);
          if (!maybe) expect(got).toBe(false);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("boxIntersectsDisc", () => {
    it("should refuse a negative radius", () => {
      expect(() => boxIntersectsDisc(box(0, 0, 1, 1), { x: 0, y: 0, radius: -1 })).toThrow(
        "graph/export: disc.radius must be a finite number >= 0, got -1",
      );
    });

    it("should not count a disc off a corner that only the bounding box would reach", () => {
      const square = rect(0, 0, 10, 10);
      expect(boxIntersectsDisc(square, { x: 13, y: 13, radius: 4 })).toBe(false);
      expect(boxIntersectsDisc(square, { x: 13, y: 13, radius: 4.5 })).toBe(true);
      expect(boxIntersectsDisc(square, { x: 13, y: 13, radius: 4 }, 0.5)).toBe(true);
      expect(boxIntersectsDisc(square, { x: 5, y: 5, radius: 100 })).toBe(true);
    });

    it("should treat a disc of radius 0 as a point, inside only when strictly inside", () => {
      expect(boxIntersectsDisc(rect(0, 0, 10, 10), { x: 5, y: 5, radius: 0 })).toBe(true);
      expect(boxIntersectsDisc(rect(0, 0, 10, 10), { x: 10, y: 5, radius: 0 })).toBe(false);
    });

    it("should work in a rotated box's own frame", () => {
      // A 40 × 2 strip along the diagonal: (10, 10) is on its axis, (10, −10) is 14 px off it.
      const strip = box(0, 0, 40, 2, Math.PI / 4);
      expect(boxIntersectsDisc(strip, { x: 10, y: 10, radius: 0.5 })).toBe(true);
      expect(boxIntersectsDisc(strip, { x: 10, y: -10, radius: 12 })).toBe(false);
      expect(boxIntersectsDisc(strip, { x: 10, y: -10, radius: 13.5 })).toBe(true);
    });

    it("should agree with the polygon oracle on random boxes and discs", () => {
      fc.assert(
        fc.property(boxArb, discArb, fc.constantFrom(0, 2), (b, d, padding) => {
          const got = boxIntersectsDisc(b, d, padding);
          if (oracleDiscClash(b, d, padding, -TOL)) expect(got).toBe(true);
          if (!oracleDiscClash(b, d, padding, TOL)) expect(got).toBe(false);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("boxCorners", () => {
    it("should refuse a non-finite box", () => {
      expect(() => boxCorners(box(0, 0, 1, 1, NaN))).toThrow("graph/export: box.angle");
    });

    it("should turn the corners clockwise on screen", () => {
      const corners = boxCorners(box(0, 0, 10, 2, Math.PI / 2));
      const expected = [
        { x: 1, y: -5 },
        { x: 1, y: 5 },
        { x: -1, y: 5 },
        { x: -1, y: -5 },
      ];
      corners.forEach((c, i) => {
        expect(c.x).toBeCloseTo(expected[i]!.x, 12);
        expect(c.y).toBeCloseTo(expected[i]!.y, 12);
      });
    });
  });

  describe("nodeLabelCandidates", () => {
    it("should refuse a negative size", () => {
      expect(() => nodeLabelCandidates(0, 0, 5, -1, 10, 2)).toThrow(
        "graph/export: width must be a finite number >= 0, got -1",
      );
      expect(() => nodeLabelCandidates(0, Infinity, 5, 1, 10, 2)).toThrow("graph/export: y");
    });

    it("should offer right, left, above, below, then the diagonals, each `gap` from the disc", () => {
      const candidates = nodeLabelCandidates(100, 100, 10, 40, 12, 3);
      expect(candidates.slice(0, 4)).toEqual([
        box(133, 100, 40, 12),
        box(67, 100, 40, 12),
        box(100, 81, 40, 12),
        box(100, 119, 40, 12),
      ]);
      expect(candidates).toHaveLength(8);
      const disc = { x: 100, y: 100, radius: 10 };
      for (const c of candidates) {
        expect(boxIntersectsDisc(c, disc, 3 - 1e-9)).toBe(false);
        expect(boxIntersectsDisc(c, disc, 3 + 1e-9)).toBe(true);
      }
      // Top-right diagonal: right of the disc and above it.
      expect(candidates[4]!.cx).toBeGreaterThan(100 + 20);
      expect(candidates[4]!.cy).toBeLessThan(100 - 6);
    });
  });

  describe("edgeLabelCandidates", () => {
    it("should refuse a path of fewer than two points or a non-finite point", () => {
      expect(() => edgeLabelCandidates([{ x: 0, y: 0 }], 10, 4)).toThrow(
        "graph/export: an edge path needs at least 2 points, got 1",
      );
      expect(() =>
        edgeLabelCandidates(
          [
            { x: 0, y: 0 },
            { x: NaN, y: 0 },
          ],
          10,
          4,
        ),
      ).toThrow("graph/export: path[1].x must be a finite number, got NaN");
      expect(() =>
        edgeLabelCandidates(
          [
            { x: 0, y: 0 },
            { x: 1, y: 0 },
          ],
          10,
          4,
          -1,
        ),
      ).toThrow("graph/export: offset");
    });

    it("should centre labels at 50, 40, 60, 30 and 70 % of a right-to-left flow, upright", () => {
      const candidates = edgeLabelCandidates(
        [
          { x: 100, y: 20 },
          { x: 0, y: 20 },
        ],
        30,
        8,
      );
      [50, 60, 40, 70, 30].forEach((x, i) => expect(candidates[i]!.cx).toBeCloseTo(x, 9));
      for (const c of candidates) {
        expect(c.cy).toBe(20);
        expect(c.angle).toBeCloseTo(0, 12);
        expect([c.width, c.height]).toEqual([30, 8]);
      }
    });

    it("should follow the local direction of a bent path, skipping repeated points", () => {
      // 100 px right, then 100 px down: 40 % is on the first leg, 60 % on the second.
      const path = [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
      ];
      const [mid, at40, at60] = edgeLabelCandidates(path, 20, 6);
      expect([mid!.cx, mid!.cy]).toEqual([100, 0]);
      expect([at40!.cx, at40!.cy, at40!.angle]).toEqual([80, 0, 0]);
      expect([at60!.cx, at60!.cy]).toEqual([100, 20]);
      expect(at60!.angle).toBeCloseTo(Math.PI / 2, 12);
    });

    it("should add candidates just off the line, above the text first, when given an offset", () => {
      const candidates = edgeLabelCandidates(
        [
          { x: 0, y: 50 },
          { x: 100, y: 50 },
        ],
        30,
        8,
        2,
      );
      expect(candidates).toHaveLength(15);
      const [above, below] = [candidates[5]!, candidates[6]!];
      expect([above.cx, above.cy]).toEqual([50, 44]);
      expect([below.cx, below.cy]).toEqual([50, 56]);
      const line = box(50, 50, 100, 0);
      expect(boxesIntersect(above, line, 2 - 1e-9)).toBe(false);
      expect(boxesIntersect(above, line, 2 + 1e-9)).toBe(true);
    });

    it("should offer nothing along a path of no length", () => {
      expect(
        edgeLabelCandidates(
          [
            { x: 3, y: 3 },
            { x: 3, y: 3 },
          ],
          10,
          4,
        ),
      ).toEqual([]);
    });

    it("should keep every angle upright, in (−π/2, π/2]", () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ x: coord, y: coord }), { minLength: 2, maxLength: 6 }),
          (path) => {
            for (const c of edgeLabelCandidates(path, 10, 4, 1)) {
              expect(c.angle).toBeGreaterThan(-Math.PI / 2);
              expect(c.angle).toBeLessThanOrEqual(Math.PI / 2);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe("uprightAngle", () => {
    it("should fold turned-over text by half a turn and keep readable angles", () => {
      expect(uprightAngle(Math.PI)).toBeCloseTo(0, 12);
      expect(uprightAngle(-Math.PI / 2)).toBeCloseTo(Math.PI / 2, 12);
      expect(uprightAngle(Math.PI / 2)).toBe(Math.PI / 2);
      expect(uprightAngle(0.3)).toBe(0.3);
      expect(uprightAngle(3 * Math.PI - 0.2)).toBeCloseTo(-0.2, 12);
    });
  });
});
