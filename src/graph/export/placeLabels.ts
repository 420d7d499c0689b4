/**
 * Label placement: node labels and flow amount labels that overlap neither
 * each other nor any node disc, shared by the screen, the PNG and the SVG.
 *
 * Greedy placement in priority order (stable: ties keep input order). Each
 * request offers candidate boxes, best first; it takes the first one that stays
 * inside `bounds`, keeps `padding` pixels away from every disc it may not
 * ignore and from every label placed before it. A request with no such
 * candidate is dropped. Boxes are rectangles rotated about their centre, tested
 * exactly: the separating axis theorem between two boxes (then the exact
 * vertex-to-box distance when only the padding is at stake), and the disc
 * centre clamped into the box's frame for a disc. A uniform grid over the
 * drawing, with cells about one label wide, limits each test to nearby discs
 * and labels: O(N + L·k) time for N discs and L requests of k candidates when
 * the labels are spread out (O(L²·k) if every label sits on one spot), O(N + L·k)
 * memory. Deterministic: no randomness, no hashing, input order breaks ties.
 *
 * Reference: J. Christensen, J. Marks, S. Shieber, "An empirical study of
 * algorithms for point-feature label placement", ACM Transactions on Graphics
 * 14(3), 1995 (greedy placement, candidate positions); S. Gottschalk, M. Lin,
 * D. Manocha, "OBBTree", SIGGRAPH 1996 (separating axis test for oriented boxes).
 */
import type { Bounds, Point } from "./edgeGeometry.ts";

/** A rectangle rotated by `angle` radians (clockwise on screen) about its centre (cx, cy). Pixels. */
export interface RotatedBox {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
  readonly angle: number;
}
/** A node as labels see it: a disc they must keep clear of. Pixels. */
export interface Disc {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}
export interface LabelRequest {
  /** Unique among the requests; placements and drops are reported by it. */
  readonly id: string;
  /** Higher is placed first (e.g. highlighted hops, then larger amounts). Ties: input order. */
  readonly priority: number;
  /** Positions to try, best first. */
  readonly candidates: readonly RotatedBox[];
  /** Indices into `discs` this label may cover; usually empty. */
  readonly ignoreDiscs?: readonly number[];
}
export interface Placement {
  readonly id: string;
  readonly box: RotatedBox;
  /** Index of `box` in the request's candidates. */
  readonly candidate: number;
}
export interface LabelPlacement {
  /** In placement order: highest priority first. */
  readonly placed: Placement[];
  /** Ids of the requests that found no free candidate, in placement order. */
  readonly dropped: string[];
}
export interface PlaceLabelsOptions {
  /** Least distance between two labels, and between a label and a disc, in pixels. */
  readonly padding: number;
  /** Area every placed label must lie inside (all four corners), or null for none. */
  readonly bounds: Bounds | null;
}

/**
 * NOTE: 3 px because labels are drawn with a halo stroke 3 px wide
 * (`../labels.ts`), 1.5 px outside the text box: two halos just touch at 3 px.
 */
export const DEFAULT_PLACE_LABELS_OPTIONS: PlaceLabelsOptions = { padding: 3, bounds: null };

const NAMESPACE = "graph/export";

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new Error(`${NAMESPACE}: ${what} must be a finite number, got ${String(value)}`);
  }
}

function requireSize(value: number, what: string): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`${NAMESPACE}: ${what} must be a finite number >= 0, got ${String(value)}`);
  }
}

function validateBox(box: RotatedBox, what: string): void {
  requireFinite(box.cx, `${what}.cx`);
  requireFinite(box.cy, `${what}.cy`);
  requireSize(box.width, `${what}.width`);
  requireSize(box.height, `${what}.height`);
  requireFinite(box.angle, `${what}.angle`);
}

function validateDisc(disc: Disc, what: string): void {
  requireFinite(disc.x, `${what}.x`);
  requireFinite(disc.y, `${what}.y`);
  requireSize(disc.radius, `${what}.radius`);
}

/** Throws a namespaced error naming the first bad option. */
export function validatePlaceLabelsOptions(options: Partial<PlaceLabelsOptions>): void {
  const { padding, bounds } = options;
  if (padding !== undefined) requireSize(padding, "padding");
  if (bounds !== undefined && bounds !== null) {
    requireFinite(bounds.minX, "bounds.minX");
    requireFinite(bounds.minY, "bounds.minY");
    requireFinite(bounds.maxX, "bounds.maxX");
    requireFinite(bounds.maxY, "bounds.maxY");
    if (bounds.minX > bounds.maxX || bounds.minY > bounds.maxY) {
      throw new Error(
        `${NAMESPACE}: bounds must have min <= max, got x ${bounds.minX}..${bounds.maxX}, y ${bounds.minY}..${bounds.maxY}`,
      );
    }
  }
}

/** The options with defaults filled in; throws like `validatePlaceLabelsOptions`. */
export function resolvePlaceLabelsOptions(
  options: Partial<PlaceLabelsOptions> = {},
): PlaceLabelsOptions {
  validatePlaceLabelsOptions(options);
  return {
    padding: options.padding ?? DEFAULT_PLACE_LABELS_OPTIONS.padding,
    bounds: options.bounds ?? DEFAULT_PLACE_LABELS_OPTIONS.bounds,
  };
}

/** A box in the form the tests use: half sizes and the rotation's cosine and sine. */
interface Frame {
  cx: number;
  cy: number;
  hw: number;
  hh: number;
  cos: number;
  sin: number;
}

const toFrame = (b: RotatedBox): Frame => ({
  cx: b.cx,
  cy: b.cy,
  hw: b.width / 2,
  hh: b.height / 2,
  cos: Math.cos(b.angle),
  sin: Math.sin(b.angle),
});

/** Distance from (px, py) to the filled box, 0 inside. */
function pointBoxDistance(f: Frame, px: number, py: number): number {
  const dx = px - f.cx;
  const dy = py - f.cy;
  const lx = dx * f.cos + dy * f.sin;
  const ly = -dx * f.sin + dy * f.cos;
  const ox = Math.max(Math.abs(lx) - f.hw, 0);
  const oy = Math.max(Math.abs(ly) - f.hh, 0);
  return Math.hypot(ox, oy);
}

function cornersOf(f: Frame): [Point, Point, Point, Point] {
  const ux = f.hw * f.cos;
  const uy = f.hw * f.sin;
  const vx = -f.hh * f.sin;
  const vy = f.hh * f.cos;
  return [
    { x: f.cx - ux - vx, y: f.cy - uy - vy },
    { x: f.cx + ux - vx, y: f.cy + uy - vy },
    { x: f.cx + ux + vx, y: f.cy + uy + vy },
    { x: f.cx - ux + vx, y: f.cy - uy + vy },
  ];
}

/** Gap between the two boxes' shadows on the unit axis (nx, ny); negative when they overlap. */
function axisGap(a: Frame, b: Frame, nx: number, ny: number): number {
  const ra = a.hw * Math.abs(a.cos * nx + a.sin * ny) + a.hh * Math.abs(-a.sin * nx + a.cos * ny);
  const rb = b.hw * Math.abs(b.cos * nx + b.sin * ny) + b.hh * Math.abs(-b.sin * nx + b.cos * ny);
  return Math.abs((b.cx - a.cx) * nx + (b.cy - a.cy) * ny) - ra - rb;
}

function framesIntersect(a: Frame, b: Frame, padding: number): boolean {
  // A shadow gap is a lower bound on the distance between the boxes.
  const g1 = axisGap(a, b, a.cos, a.sin);
  if (g1 >= padding) return false;
  const g2 = axisGap(a, b, -a.sin, a.cos);
  if (g2 >= padding) return false;
  const g3 = axisGap(a, b, b.cos, b.sin);
  if (g3 >= padding) return false;
  const g4 = axisGap(a, b, -b.sin, b.cos);
  if (g4 >= padding) return false;
  if (Math.max(g1, g2, g3, g4) < 0) return true;
  // NOTE: the boxes are apart (or touch) but closer than `padding` on every
  // axis; the axis gaps underestimate a diagonal distance, so measure it. For
  // two disjoint convex polygons the closest pair always includes a vertex.
  let distance = Infinity;
  for (const p of cornersOf(a)) distance = Math.min(distance, pointBoxDistance(b, p.x, p.y));
  for (const p of cornersOf(b)) distance = Math.min(distance, pointBoxDistance(a, p.x, p.y));
  return distance < padding;
}

function frameIntersectsDisc(f: Frame, x: number, y: number, reach: number): boolean {
  const dx = x - f.cx;
  const dy = y - f.cy;
  const lx = dx * f.cos + dy * f.sin;
  const ly = -dx * f.sin + dy * f.cos;
  // A centre inside the box always meets it, even for a disc of no reach (a point).
  if (Math.abs(lx) < f.hw && Math.abs(ly) < f.hh) return true;
  // NOTE: hypot, not squares: a tiny radius squared underflows to 0 (found by fast-check).
  return Math.hypot(Math.max(Math.abs(lx) - f.hw, 0), Math.max(Math.abs(ly) - f.hh, 0)) < reach;
}

/** The four corners, in the box's own frame: top-left, top-right, bottom-right, bottom-left. */
export function boxCorners(box: RotatedBox): [Point, Point, Point, Point] {
  validateBox(box, "box");
  return cornersOf(toFrame(box));
}

/**
 * Whether two boxes come closer than `padding` pixels (overlap when 0; boxes
 * that only touch do not intersect). Separating axis theorem, then exact distance.
 */
export function boxesIntersect(a: RotatedBox, b: RotatedBox, padding = 0): boolean {
  validateBox(a, "box a");
  validateBox(b, "box b");
  requireSize(padding, "padding");
  return framesIntersect(toFrame(a), toFrame(b), padding);
}

/** Whether a box comes closer than `padding` pixels to a disc (touching does not count). */
export function boxIntersectsDisc(box: RotatedBox, disc: Disc, padding = 0): boolean {
  validateBox(box, "box");
  validateDisc(disc, "disc");
  requireSize(padding, "padding");
  return frameIntersectsDisc(toFrame(box), disc.x, disc.y, disc.radius + padding);
}

/**
 * Candidates for a node label of `width` × `height` beside a disc, `gap` pixels
 * from it: right (preferred, as sigma draws it), left, above, below, then the
 * diagonals top-right, bottom-right, top-left, bottom-left. Screen y points down.
 * NOTE: keep `gap` >= the placement padding, or the node's own disc blocks them.
 */
export function nodeLabelCandidates(
  x: number,
  y: number,
  radius: number,
  width: number,
  height: number,
  gap: number,
): RotatedBox[] {
  requireFinite(x, "x");
  requireFinite(y, "y");
  requireSize(radius, "radius");
  requireSize(width, "width");
  requireSize(height, "height");
  requireSize(gap, "gap");
  const reach = radius + gap;
  const diagonal = reach / Math.SQRT2;
  const hw = width / 2;
  const hh = height / 2;
  const at = (cx: number, cy: number): RotatedBox => ({ cx, cy, width, height, angle: 0 });
  return [
    at(x + reach + hw, y),
    at(x - reach - hw, y),
    at(x, y - reach - hh),
    at(x, y + reach + hh),
    at(x + diagonal + hw, y - diagonal - hh),
    at(x + diagonal + hw, y + diagonal + hh),
    at(x - diagonal - hw, y - diagonal - hh),
    at(x - diagonal - hw, y + diagonal + hh),
  ];
}

/** Where amount labels sit along a flow, as fractions of its length, best first. */
export const EDGE_LABEL_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7] as const;

/** An angle folded into (−π/2, π/2], so text along it never reads upside down. */
export function uprightAngle(angle: number): number {
  let folded = angle % (2 * Math.PI);
  if (folded > Math.PI) folded -= 2 * Math.PI;
  if (folded <= -Math.PI) folded += 2 * Math.PI;
  if (folded > Math.PI / 2) return folded - Math.PI;
  if (folded <= -Math.PI / 2) return folded + Math.PI;
  return folded;
}

/**
 * Candidates for a flow's amount label of `width` × `height` along `path`
 * (sampled points, source to target): centred on the path at each of
 * `EDGE_LABEL_STOPS`, turned to the local direction but upright; then, when
 * `offset` is given, at each stop beside the line (`offset` pixels between line
 * and text), the side above the text first. A path of no length gets none.
 */
export function edgeLabelCandidates(
  path: readonly Point[],
  width: number,
  height: number,
  offset?: number,
): RotatedBox[] {
  if (path.length < 2) {
    throw new Error(`${NAMESPACE}: an edge path needs at least 2 points, got ${path.length}`);
  }
  path.forEach((p, i) => {
    requireFinite(p.x, `path[${i}].x`);
    requireFinite(p.y, `path[${i}].y`);
  });
  requireSize(width, "width");
  requireSize(height, "height");
  if (offset !== undefined) requireSize(offset, "offset");

  const cumulative = [0];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    cumulative.push(cumulative[i - 1]! + Math.hypot(b.x - a.x, b.y - a.y));
  }
  const total = cumulative[cumulative.length - 1]!;
  if (!(total > 0)) return [];

  const anchors = EDGE_LABEL_STOPS.map((t) => {
    const target = t * total;
    // The first segment of non-zero length that reaches the target.
    let i = 1;
    while (
      i < path.length - 1 &&
      (cumulative[i]! < target || cumulative[i]! === cumulative[i - 1]!)
    ) {
      i++;
    }
    const a = path[i - 1]!;
    const b = path[i]!;
    const length = cumulative[i]! - cumulative[i - 1]!;
    const s = length > 0 ? (target - cumulative[i - 1]!) / length : 0;
    return {
      x: a.x + (b.x - a.x) * s,
      y: a.y + (b.y - a.y) * s,
      angle: uprightAngle(Math.atan2(b.y - a.y, b.x - a.x)),
    };
  });

  const box = (x: number, y: number, angle: number): RotatedBox => ({
    cx: x,
    cy: y,
    width,
    height,
    angle,
  });
  const candidates = anchors.map((p) => box(p.x, p.y, p.angle));
  if (offset !== undefined) {
    const shift = offset + height / 2;
    for (const p of anchors) {
      // Above the upright text is (sin, −cos) on screen, where y points down.
      const nx = Math.sin(p.angle) * shift;
      const ny = -Math.cos(p.angle) * shift;
      candidates.push(box(p.x + nx, p.y + ny, p.angle), box(p.x - nx, p.y - ny, p.angle));
    }
  }
  return candidates;
}

/** Half extents of a frame's axis-aligned bounding box. */
const extentX = (f: Frame): number => f.hw * Math.abs(f.cos) + f.hh * Math.abs(f.sin);
const extentY = (f: Frame): number => f.hw * Math.abs(f.sin) + f.hh * Math.abs(f.cos);

/**
 * Uniform grid of item indices over a fixed area. Items are discs (0..N−1)
 * and placed labels (N…); each is listed in every cell its bounding box meets.
 */
class Grid {
  private readonly cells: (number[] | undefined)[];
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    private readonly minX: number,
    private readonly minY: number,
    width: number,
    height: number,
    private readonly cell: number,
  ) {
    this.cols = Math.floor(width / cell) + 1;
    this.rows = Math.floor(height / cell) + 1;
    this.cells = new Array<number[] | undefined>(this.cols * this.rows);
  }

  private column(x: number): number {
    return Math.min(Math.max(Math.floor((x - this.minX) / this.cell), 0), this.cols - 1);
  }

  private row(y: number): number {
    return Math.min(Math.max(Math.floor((y - this.minY) / this.cell), 0), this.rows - 1);
  }

  insert(item: number, x0: number, y0: number, x1: number, y1: number): void {
    const c1 = this.column(x1);
    const r1 = this.row(y1);
    for (let r = this.row(y0); r <= r1; r++) {
      for (let c = this.column(x0); c <= c1; c++) {
        const index = r * this.cols + c;
        const cell = this.cells[index];
        if (cell) cell.push(item);
        else this.cells[index] = [item];
      }
    }
  }

  /** Calls `visit` for each item listed in the cells the box meets; stops when it returns true. */
  some(x0: number, y0: number, x1: number, y1: number, visit: (item: number) => boolean): boolean {
    const c1 = this.column(x1);
    const r1 = this.row(y1);
    for (let r = this.row(y0); r <= r1; r++) {
      for (let c = this.column(x0); c <= c1; c++) {
        const cell = this.cells[r * this.cols + c];
        if (cell) for (const item of cell) if (visit(item)) return true;
      }
    }
    return false;
  }
}

/** Most grid cells per item: bounds the grid's memory when coordinates spread far. */
const CELLS_PER_ITEM = 4;
const MIN_CELLS = 1024;

function validateRequests(requests: readonly LabelRequest[], discCount: number): void {
  const ids = new Set<string>();
  requests.forEach((request, i) => {
    if (typeof request.id !== "string") {
      throw new Error(`${NAMESPACE}: requests[${i}].id must be a string`);
    }
    if (ids.has(request.id)) {
      throw new Error(`${NAMESPACE}: label ids must be unique, "${request.id}" is repeated`);
    }
    ids.add(request.id);
    requireFinite(request.priority, `requests[${i}].priority`);
    request.candidates.forEach((box, j) => validateBox(box, `requests[${i}].candidates[${j}]`));
    for (const disc of request.ignoreDiscs ?? []) {
      if (!Number.isInteger(disc) || disc < 0 || disc >= discCount) {
        throw new Error(
          `${NAMESPACE}: requests[${i}].ignoreDiscs must hold disc indices 0..${discCount - 1}, got ${disc}`,
        );
      }
    }
  });
}

/**
 * Places labels greedily by priority: each request takes its first candidate
 * that is inside the bounds and clear of the discs and of the labels placed
 * before it, or is dropped. Never mutates its input.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  discs: readonly Disc[],
  options: Partial<PlaceLabelsOptions> = {},
): LabelPlacement {
  const { padding, bounds } = resolvePlaceLabelsOptions(options);
  discs.forEach((disc, i) => validateDisc(disc, `discs[${i}]`));
  validateRequests(requests, discs.length);
  if (requests.length === 0) return { placed: [], dropped: [] };

  const frames = requests.map((r) => r.candidates.map(toFrame));

  // The grid covers every disc and candidate; cells about one item across.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let sizeSum = 0;
  let sizeCount = 0;
  const cover = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
    sizeSum += Math.max(x1 - x0, y1 - y0);
    sizeCount++;
  };
  for (const d of discs) cover(d.x - d.radius, d.y - d.radius, d.x + d.radius, d.y + d.radius);
  for (const list of frames) {
    for (const f of list) {
      const ex = extentX(f);
      const ey = extentY(f);
      cover(f.cx - ex, f.cy - ey, f.cx + ex, f.cy + ey);
    }
  }
  if (sizeCount === 0) minX = minY = maxX = maxY = 0;
  const width = maxX - minX;
  const height = maxY - minY;
  const maxCells = Math.max(MIN_CELLS, CELLS_PER_ITEM * (discs.length + requests.length));
  let cell = Math.max(sizeCount > 0 ? sizeSum / sizeCount + padding : 0, 1);
  while ((Math.floor(width / cell) + 1) * (Math.floor(height / cell) + 1) > maxCells) cell *= 2;
  const grid = new Grid(minX, minY, width, height, cell);
  discs.forEach((d, i) =>
    grid.insert(i, d.x - d.radius, d.y - d.radius, d.x + d.radius, d.y + d.radius),
  );

  const order = requests.map((_, i) => i);
  order.sort((a, b) => requests[b]!.priority - requests[a]!.priority || a - b);

  const placedFrames: Frame[] = [];
  // NOTE: a cell list can name an item several times (it spans several cells);
  // `seen[item] === query` skips the repeats within one query.
  const seen = new Int32Array(discs.length + requests.length);
  const ignored = new Int32Array(discs.length);
  let query = 0;
  const placed: Placement[] = [];
  const dropped: string[] = [];

  order.forEach((r, rank) => {
    const request = requests[r]!;
    for (const disc of request.ignoreDiscs ?? []) ignored[disc] = rank + 1;
    const list = frames[r]!;
    const found = list.findIndex((f) => {
      const ex = extentX(f);
      const ey = extentY(f);
      if (
        bounds &&
        (f.cx - ex < bounds.minX ||
          f.cx + ex > bounds.maxX ||
          f.cy - ey < bounds.minY ||
          f.cy + ey > bounds.maxY)
      ) {
        return false;
      }
      query++;
      const blocked = grid.some(
        f.cx - ex - padding,
        f.cy - ey - padding,
        f.cx + ex + padding,
        f.cy + ey + padding,
        (item) => {
          if (seen[item] === query) return false;
          seen[item] = query;
          if (item < discs.length) {
            if (ignored[item] === rank + 1) return false;
            const d = discs[item]!;
            return frameIntersectsDisc(f, d.x, d.y, d.radius + padding);
          }
          return framesIntersect(f, placedFrames[item - discs.length]!, padding);
        },
      );
      return !blocked;
    });
    if (found < 0) {
      dropped.push(request.id);
      return;
    }
    const f = list[found]!;
    const ex = extentX(f);
    const ey = extentY(f);
    grid.insert(discs.length + placedFrames.length, f.cx - ex, f.cy - ey, f.cx + ex, f.cy + ey);
    placedFrames.push(f);
    placed.push({ id: request.id, box: request.candidates[found]!, candidate: found });
  });
  return { placed, dropped };
}
