/**
 * Edge geometry in viewport pixels, as sigma's WebGL programs draw it, for the
 * SVG export and the export's crop box.
 *
 * Curved flows (@sigma/edge-curve): a quadratic Bézier from source to target
 * whose control point is the midpoint moved by curvature × the source→target
 * vector turned a quarter (screen y points down, hence (dy, −dx)). Straight
 * flows (sigma's EdgeArrowProgram): a segment. Both end in an arrow head whose
 * tip touches the target's disc, 2.5 × the thickness long and 2 × wide
 * (DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS). Amount labels follow sigma's
 * `drawStraightEdgeLabel` and edge-curve's `createDrawCurvedEdgeLabel`: same
 * offsets, same "…" cut, same rule that a label too long for its flow is
 * dropped. O(1) per edge (fixed-step curve sampling).
 *
 * Reference: @sigma/edge-curve 3.1 shaders and `createDrawCurvedEdgeLabel`;
 * sigma 3 `drawStraightEdgeLabel`.
 */
import type { TextMeasurer } from "./textMeasure.ts";

export interface Point {
  readonly x: number;
  readonly y: number;
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
export type EdgeLabelShape =
  | { readonly kind: "curved"; readonly text: string; readonly path: Quad }
  | {
      readonly kind: "straight";
      readonly text: string;
      /** Anchor (the segment's middle), rotation in radians, and text offset from the anchor. */
      readonly x: number;
      readonly y: number;
      readonly angle: number;
      readonly dx: number;
      readonly dy: number;
    };

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

/** Cuts `label` with "…" to fit `available` pixels, or null when under 4 characters remain. */
function fitLabel(
  label: string,
  font: string,
  available: number,
  measure: TextMeasurer,
): string | null {
  if (measure(label, font) <= available) return label;
  let text = label + "…";
  while (measure(text, font) > available && text.length > 1) text = text.slice(0, -2) + "…";
  return text.length < 4 ? null : text;
}

/** Where a curved flow's amount goes: a path parallel to the curve, text kept upright. */
export function curvedEdgeLabel(
  label: string,
  source: Point & { readonly size: number },
  target: Point & { readonly size: number },
  curvature: number,
  edgeSize: number,
  font: string,
  measure: TextMeasurer,
): EdgeLabelShape | null {
  if (!label) return null;
  const ltr = source.x < target.x;
  let s: Point = ltr ? source : target;
  let t: Point = ltr ? target : source;
  const diffX = t.x - s.x;
  const diffY = t.y - s.y;
  const diff = Math.hypot(diffX, diffY);
  const orientation = ltr ? 1 : -1;
  let a: Point = {
    x: (s.x + t.x) / 2 + diffY * curvature * orientation,
    y: (s.y + t.y) / 2 - diffX * curvature * orientation,
  };
  const offset = edgeSize * 0.7 + 5;
  const push = (p: Point, vx: number, vy: number): Point => {
    const l = Math.hypot(vx, vy) || 1;
    return { x: p.x + (offset * vx) / l, y: p.y + (offset * vy) / l };
  };
  const s2 = push(s, a.y - s.y, -(a.x - s.x));
  const t2 = push(t, t.y - a.y, -(t.x - a.x));
  a = push(a, diffY, -diffX);
  s = s2;
  t = t2;
  const path: Quad = { p0: s, p1: a, p2: t };
  const length = quadLength(path);
  if (diff === 0 || length < source.size + target.size) return null;
  const text = fitLabel(label, font, length - source.size - target.size, measure);
  return text === null ? null : { kind: "curved", text, path };
}

/** Where a straight flow's amount goes: centred under the segment, text kept upright. */
export function straightEdgeLabel(
  label: string,
  source: Point & { readonly size: number },
  target: Point & { readonly size: number },
  edgeSize: number,
  font: string,
  fontSize: number,
  measure: TextMeasurer,
): EdgeLabelShape | null {
  if (!label) return null;
  let dx = target.x - source.x;
  let dy = target.y - source.y;
  let d = Math.hypot(dx, dy);
  if (d < source.size + target.size) return null;
  const sx = source.x + (dx * source.size) / d;
  const sy = source.y + (dy * source.size) / d;
  const tx = target.x - (dx * target.size) / d;
  const ty = target.y - (dy * target.size) / d;
  dx = tx - sx;
  dy = ty - sy;
  d = Math.hypot(dx, dy);
  const text = fitLabel(label, font, d, measure);
  if (text === null) return null;
  // NOTE: sigma's own case analysis, kept as is so vertical labels turn the same way.
  const angle =
    dx > 0
      ? dy > 0
        ? Math.acos(dx / d)
        : Math.asin(dy / d)
      : dy > 0
        ? Math.acos(dx / d) + Math.PI
        : Math.asin(dx / d) + Math.PI / 2;
  return {
    kind: "straight",
    text,
    x: (sx + tx) / 2,
    y: (sy + ty) / 2,
    angle,
    dx: -measure(text, font) / 2,
    dy: edgeSize / 2 + fontSize,
  };
}
