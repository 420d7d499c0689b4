/**
 * Flow geometry in picture pixels, as sigma's programs draw it, for the export.
 *
 * Curved flows (@sigma/edge-curve): a quadratic Bézier from source to target
 * whose control point is the midpoint moved by curvature × the source→target
 * vector turned a quarter (screen y points down, hence (dy, −dx)). Straight
 * flows (sigma's EdgeArrowProgram): a segment. Both end in an arrow head whose
 * tip touches the target's disc, 2.5 × the thickness long and 2 × wide
 * (DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS). O(1) per edge (fixed-step curve
 * sampling).
 *
 * Reference: @sigma/edge-curve 3.1 shaders; sigma 3 EdgeArrowProgram.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}
/** An axis-aligned box, in the same pixels. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}
/** A quadratic Bézier; a straight segment has its control point at the midpoint. */
export interface Quad {
  readonly p0: Point;
  readonly p1: Point;
  readonly p2: Point;
}
export interface EdgeShape {
  /** The line, from the source's centre to the arrow head's base. */
  readonly shaft: Quad;
  /** Tip, then the two base corners; null when the nodes overlap. */
  readonly head: readonly [Point, Point, Point] | null;
}
export const ARROW_LENGTH_TO_THICKNESS = 2.5;
export const ARROW_WIDENESS_TO_THICKNESS = 2;
const CURVE_STEPS = 20;

const lerp = (a: Point, b: Point, t: number): Point => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});

/** The point at parameter t of a quadratic Bézier. */
export function quadPoint(q: Quad, t: number): Point {
  return lerp(lerp(q.p0, q.p1, t), lerp(q.p1, q.p2, t), t);
}

/** Length of a quadratic Bézier, summed over 20 chords like edge-curve does. */
export function quadLength(q: Quad): number {
  let length = 0;
  let last = q.p0;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const p = quadPoint(q, i / CURVE_STEPS);
    length += Math.hypot(p.x - last.x, p.y - last.y);
    last = p;
  }
  return length;
}

/** Evenly spaced points of a curve between parameters t0 and t1 (for bounding boxes). */
export function samplePoints(q: Quad, t0 = 0, t1 = 1, steps = 8): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => quadPoint(q, t0 + ((t1 - t0) * i) / steps));
}

/** Control point of a curved flow between two viewport points. */
export function curveControl(s: Point, t: Point, curvature: number): Point {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  return { x: (s.x + t.x) / 2 + dy * curvature, y: (s.y + t.y) / 2 - dx * curvature };
}

/** The last parameter at which the curve is `distance` away from its end (bisection). */
function tAtDistanceFromEnd(q: Quad, distance: number): number {
  const dist = (t: number) => {
    const p = quadPoint(q, t);
    return Math.hypot(p.x - q.p2.x, p.y - q.p2.y);
  };
  if (dist(0) <= distance) return 0;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (dist(mid) > distance) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Line and arrow head of a flow of `width` pixels into a target disc of radius `targetRadius`. */
export function edgeShape(
  s: Point,
  t: Point,
  curvature: number | null,
  targetRadius: number,
  width: number,
): EdgeShape {
  const full: Quad = {
    p0: s,
    p1: curvature === null ? lerp(s, t, 0.5) : curveControl(s, t, curvature),
    p2: t,
  };
  const headLength = width * ARROW_LENGTH_TO_THICKNESS;
  const tBase = tAtDistanceFromEnd(full, targetRadius + headLength);
  const tTip = tAtDistanceFromEnd(full, targetRadius);
  // de Casteljau: the part of the curve from 0 to tBase.
  const shaft: Quad = { p0: s, p1: lerp(s, full.p1, tBase), p2: quadPoint(full, tBase) };
  if (tTip <= tBase) return { shaft, head: null };
  const tip = quadPoint(full, tTip);
  const base = shaft.p2;
  const len = Math.hypot(tip.x - base.x, tip.y - base.y) || 1;
  const half = (width * ARROW_WIDENESS_TO_THICKNESS) / 2;
  const nx = (-(tip.y - base.y) / len) * half;
  const ny = ((tip.x - base.x) / len) * half;
  return {
    shaft,
    head: [tip, { x: base.x + nx, y: base.y + ny }, { x: base.x - nx, y: base.y - ny }],
  };
}
