/**
 * Camera targets: where sigma's camera goes to frame a group of nodes or to
 * focus on one company, kept clear of the legend and the other overlays
 * (`cameraToFitAround`). Sigma's camera works in "framed graph" coordinates,
 * where the whole graph's bounding box maps to [0, 1] and ratio 1 shows all
 * of it; a floor on the ratio keeps a 2-company loop from zooming in absurdly.
 *
 * Reference: @sigma/utils `getCameraStateToFitViewportToNodes` (same idea,
 * without the overlays and the labels' room).
 */
import type { CameraState } from "sigma/types";

/** The camera never zooms in further than this ratio to fit a group. */
export const MIN_FIT_RATIO = 0.2;
/** Ratio used to focus on a single company; also the closest a selection is framed. */
export const FOCUS_RATIO = 0.35;

/*
 * Fitting into the free part of the view. Sigma maps a graph point g to the
 * viewport in two steps: the frame (its custom bbox, centre c, larger side S)
 * gives framed coordinates f = 0.5 + (g − c) / S; the camera (x, y, ratio)
 * then puts f at viewport (w/2 + k·(f.x − x)/ratio, h/2 − k·(f.y − y)/ratio),
 * where k = (min(w, h) − 2·padding) × sigma's correction ratio. With that
 * written out, a camera can be solved for directly: the one that puts every
 * target's box (disc and label) inside a rectangle of the viewport that the
 * legend and the other overlays leave free, as large as it fits. O(k²) for
 * k targets (pairs of targets bound the zoom) times a 30-step bisection on
 * the ratio (discs grow as the camera zooms in); O(r⁴) candidate rectangles
 * for r overlays.
 */

/** A rectangle in viewport pixels (CSS), from the top left. */
export interface ViewportRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What maps graph coordinates to the viewport: the frame, the viewport and sigma's padding. */
export interface ViewGeometry {
  readonly bbox: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

/** Something to keep in view: its graph position and its box around that point, in pixels. */
export interface FitTarget {
  readonly x: number;
  readonly y: number;
  /** Disc radius in pixels at ratio 1; drawn as radius / √ratio (sigma's default zoom sizing). */
  readonly radius: number;
  /** Width of the label drawn right of the disc, in pixels (0 for none). */
  readonly labelWidth: number;
}

export interface FitOptions {
  /** Closest zoom a fit may reach (sigma's ratio). */
  readonly minRatio: number;
  readonly maxRatio: number;
  /** Room kept around each target's box, in pixels. */
  readonly marginPx: number;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = {
  minRatio: MIN_FIT_RATIO,
  maxRatio: 4,
  marginPx: 6,
};

/** Gap between a disc and its label, and around the hover box, in pixels (labels.ts). */
const LABEL_GAP_PX = 3;
/** Half the height of a label's box, in pixels (13 px labels plus padding). */
const LABEL_HALF_HEIGHT_PX = 9.5;

/** Framed coordinates of a graph point (sigma's normalisation). */
export function framedOf(geometry: ViewGeometry, point: { x: number; y: number }) {
  const { x, y } = geometry.bbox;
  const side = Math.max(x[1] - x[0], y[1] - y[0]) || 1;
  return {
    x: 0.5 + (point.x - (x[0] + x[1]) / 2) / side,
    y: 0.5 + (point.y - (y[0] + y[1]) / 2) / side,
  };
}

/** Pixels per framed unit at ratio 1 (sigma's camera matrix). */
export function framedScale(geometry: ViewGeometry): number {
  const { width, height, padding, bbox } = geometry;
  const graphWidth = bbox.x[1] - bbox.x[0] || 1;
  const graphHeight = bbox.y[1] - bbox.y[0] || 1;
  const viewportRatio = height / width;
  const graphRatio = graphHeight / graphWidth;
  // sigma's getCorrectionRatio.
  const correction =
    (viewportRatio < 1 && graphRatio > 1) || (viewportRatio > 1 && graphRatio < 1)
      ? 1
      : Math.min(Math.max(graphRatio, 1 / graphRatio), Math.max(1 / viewportRatio, viewportRatio));
  return (Math.min(width, height) - 2 * padding) * correction;
}

/** Where a graph point is drawn for a camera (angle 0), in viewport pixels. */
export function viewportOf(
  geometry: ViewGeometry,
  camera: Pick<CameraState, "x" | "y" | "ratio">,
  point: { x: number; y: number },
): { x: number; y: number } {
  const f = framedOf(geometry, point);
  const k = framedScale(geometry);
  return {
    x: geometry.width / 2 + (k * (f.x - camera.x)) / camera.ratio,
    y: geometry.height / 2 - (k * (f.y - camera.y)) / camera.ratio,
  };
}

/**
 * The camera that keeps the same picture when the frame changes from
 * `before` to `after` (e.g. a node dragged past the edge of the drawing).
 */
export function reframedCamera(
  before: ViewGeometry,
  after: ViewGeometry,
  camera: Pick<CameraState, "x" | "y" | "ratio">,
): Pick<CameraState, "x" | "y" | "ratio"> {
  const side = (g: ViewGeometry) =>
    Math.max(g.bbox.x[1] - g.bbox.x[0], g.bbox.y[1] - g.bbox.y[0]) || 1;
  const sb = side(before);
  const centre = {
    x: (before.bbox.x[0] + before.bbox.x[1]) / 2 + (camera.x - 0.5) * sb,
    y: (before.bbox.y[0] + before.bbox.y[1]) / 2 + (camera.y - 0.5) * sb,
  };
  const f = framedOf(after, centre);
  // Same pixels per graph unit: k / (ratio · S) stays put.
  const ratio = (camera.ratio * framedScale(after) * sb) / (framedScale(before) * side(after));
  return { x: f.x, y: f.y, ratio };
}

/**
 * Rectangles of the viewport that overlap none of `obstacles` and are bounded
 * by the viewport's and the obstacles' edges: the candidates to fit into.
 * The whole viewport when there is no obstacle.
 */
export function freeRects(
  width: number,
  height: number,
  obstacles: readonly ViewportRect[],
): ViewportRect[] {
  const inside = obstacles
    .map((o) => ({
      x0: Math.max(0, o.x),
      y0: Math.max(0, o.y),
      x1: Math.min(width, o.x + o.width),
      y1: Math.min(height, o.y + o.height),
    }))
    .filter((o) => o.x1 > o.x0 && o.y1 > o.y0);
  const lefts = [0, ...inside.map((o) => o.x1)];
  const rights = [width, ...inside.map((o) => o.x0)];
  const tops = [0, ...inside.map((o) => o.y1)];
  const bottoms = [height, ...inside.map((o) => o.y0)];
  const found: ViewportRect[] = [];
  const seen = new Set<string>();
  for (const x0 of lefts) {
    for (const x1 of rights) {
      if (x1 <= x0) continue;
      for (const y0 of tops) {
        for (const y1 of bottoms) {
          if (y1 <= y0) continue;
          if (inside.some((o) => o.x0 < x1 && o.x1 > x0 && o.y0 < y1 && o.y1 > y0)) continue;
          const key = `${x0},${y0},${x1},${y1}`;
          if (seen.has(key)) continue;
          seen.add(key);
          found.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
        }
      }
    }
  }
  // Keep the maximal ones: a rectangle inside another is never the better fit.
  return found.filter(
    (r) =>
      !found.some(
        (o) =>
          o !== r &&
          o.x <= r.x &&
          o.y <= r.y &&
          o.x + o.width >= r.x + r.width &&
          o.y + o.height >= r.y + r.height,
      ),
  );
}

/** Above this many targets a fit pads every target by the largest box (O(k), not O(k²)). */
export const EXACT_FIT_MAX_TARGETS = 120;

/** One axis of the fit: the largest scale s such that some offset u puts every u + s·t_i inside [lo, hi]. */
function fitAxis(
  ts: readonly number[],
  before: readonly number[],
  after: readonly number[],
  lo: number,
  hi: number,
): number {
  const room = hi - lo;
  if (ts.length > EXACT_FIT_MAX_TARGETS) {
    const span = Math.max(...ts) - Math.min(...ts);
    const pad = Math.max(...before) + Math.max(...after);
    return span > 0 ? (room - pad) / span : Infinity;
  }
  let scale = Infinity;
  // Each pair (i left of j) bounds the scale: both boxes must fit in the room.
  for (let i = 0; i < ts.length; i++) {
    for (let j = 0; j < ts.length; j++) {
      const span = ts[j]! - ts[i]!;
      if (span > 0) scale = Math.min(scale, (room - before[i]! - after[j]!) / span);
    }
  }
  return scale;
}

function offsetAxis(
  ts: readonly number[],
  before: readonly number[],
  after: readonly number[],
  lo: number,
  hi: number,
  scale: number,
): number {
  let least = -Infinity;
  let most = Infinity;
  for (let i = 0; i < ts.length; i++) {
    least = Math.max(least, lo + before[i]! - scale * ts[i]!);
    most = Math.min(most, hi - after[i]! - scale * ts[i]!);
  }
  return (least + most) / 2;
}

/**
 * The camera that shows every target, disc and label, inside `rect` as large
 * as it fits, centred in it. Null when there is no target, or when the
 * targets cannot fit in the rectangle even at the widest ratio allowed. The
 * ratio never goes below `minRatio`, so a lone company is not zoomed in absurdly.
 */
export function cameraToFitRect(
  geometry: ViewGeometry,
  targets: readonly FitTarget[],
  rect: ViewportRect,
  options: Partial<FitOptions> = {},
): Pick<CameraState, "x" | "y" | "ratio"> | null {
  const { minRatio, maxRatio, marginPx } = { ...DEFAULT_FIT_OPTIONS, ...options };
  if (targets.length === 0) return null;
  const k = framedScale(geometry);
  const framed = targets.map((t) => framedOf(geometry, t));
  const tx = framed.map((f) => f.x);
  // Screen y grows downwards: fit on −y.
  const ty = framed.map((f) => -f.y);
  const boxesAt = (ratio: number) => {
    const radii = targets.map((t) => t.radius / Math.sqrt(ratio));
    const half = radii.map((r) => Math.max(r, LABEL_HALF_HEIGHT_PX) + marginPx);
    return {
      left: radii.map((r) => r + LABEL_GAP_PX + marginPx),
      right: radii.map(
        (r, i) =>
          r +
          marginPx +
          (targets[i]!.labelWidth > 0 ? LABEL_GAP_PX * 2 + targets[i]!.labelWidth : 0),
      ),
      up: half,
      down: half,
    };
  };
  // The ratio the boxes need when their discs are drawn for `ratio` (Infinity: they cannot fit).
  const needed = (ratio: number) => {
    const b = boxesAt(ratio);
    const fitsAlone = (before: number[], after: number[], room: number) =>
      before.every((x, i) => x + after[i]! <= room);
    if (!fitsAlone(b.left, b.right, rect.width) || !fitsAlone(b.up, b.down, rect.height)) {
      return Infinity;
    }
    const scale = Math.min(
      fitAxis(tx, b.left, b.right, rect.x, rect.x + rect.width),
      fitAxis(ty, b.up, b.down, rect.y, rect.y + rect.height),
    );
    // An infinite scale: every target on one point, so the floor decides.
    return scale > 0 ? k / scale : Infinity;
  };
  // Discs grow as the camera zooms in, so `needed` falls as the ratio rises: the
  // fit is its fixed point, found by bisection on a log scale.
  if (needed(maxRatio) > maxRatio) return null;
  const settle = () => {
    if (needed(minRatio) <= minRatio) return minRatio;
    let low = Math.log(minRatio);
    let high = Math.log(maxRatio);
    for (let step = 0; step < 30; step++) {
      const mid = (low + high) / 2;
      if (needed(Math.exp(mid)) <= Math.exp(mid)) high = mid;
      else low = mid;
    }
    return Math.exp(high);
  };
  const ratio = settle();
  const boxes = boxesAt(ratio);
  const s = k / ratio;
  const ux = offsetAxis(tx, boxes.left, boxes.right, rect.x, rect.x + rect.width, s);
  const uy = offsetAxis(ty, boxes.up, boxes.down, rect.y, rect.y + rect.height, s);
  // Viewport x = ux + s·f.x = w/2 + s·(f.x − cam.x); viewport y = uy − s·f.y = h/2 − s·(f.y − cam.y).
  return {
    x: (geometry.width / 2 - ux) / s,
    y: (uy - geometry.height / 2) / s,
    ratio,
  };
}

/**
 * The camera fitting the targets into the best free rectangle left by the
 * obstacles: the one where they are drawn largest (ties: the first found).
 * When they fit in none, the whole view is used, as wide as the range allows.
 * Null when there is no target.
 */
export function cameraToFitAround(
  geometry: ViewGeometry,
  targets: readonly FitTarget[],
  obstacles: readonly ViewportRect[],
  options: Partial<FitOptions> = {},
): Pick<CameraState, "x" | "y" | "ratio"> | null {
  if (targets.length === 0) return null;
  let best: Pick<CameraState, "x" | "y" | "ratio"> | null = null;
  for (const rect of freeRects(geometry.width, geometry.height, obstacles)) {
    const camera = cameraToFitRect(geometry, targets, rect, options);
    if (camera && (!best || camera.ratio < best.ratio - 1e-9)) best = camera;
  }
  if (best) return best;
  const whole = { x: 0, y: 0, width: geometry.width, height: geometry.height };
  const bare = targets.map((t) => ({ ...t, radius: 0, labelWidth: 0 }));
  const fallback = cameraToFitRect(geometry, bare, whole, { ...options, maxRatio: 1e6 });
  const maxRatio = options.maxRatio ?? DEFAULT_FIT_OPTIONS.maxRatio;
  return fallback && { ...fallback, ratio: Math.min(maxRatio, fallback.ratio) };
}
