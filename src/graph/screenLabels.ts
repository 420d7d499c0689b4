/**
 * Labels on screen, placed by the same module as the exports' (`placeLabels.ts`):
 * once per frame, before sigma draws, every on-screen company name and every
 * highlighted flow's amount asks for a place, highlighted ones first, then by
 * size or money; each takes the first of its candidate places (beside its disc,
 * or along its flow, upright) that touches no other label and no disc, or is
 * left out; a highlighted name left out then may cover grey (not highlighted)
 * discs, never a label. Sigma's label drawers then draw exactly the planned labels, where
 * they were planned, with a halo in the background colour. O(N + L) a frame
 * plus the placement.
 *
 * Reference: `export/placeLabels.ts`; sigma 3 `renderLabels` / `renderEdgeLabels`
 * (the drawers receive the item's key).
 */
import { type Point, curveControl, quadPoint } from "./export/edgeGeometry.ts";
import {
  type Disc,
  EDGE_LABEL_STOPS,
  type LabelRequest,
  type RotatedBox,
  boxesIntersect,
  edgeLabelCandidates,
  nodeLabelCandidates,
  placeLabels,
} from "./export/placeLabels.ts";
import type { ViewportRect } from "./camera.ts";
import type { GraphThemeColors } from "./palette.ts";

export interface ScreenNode {
  readonly key: string;
  /** Viewport pixels. */
  readonly x: number;
  readonly y: number;
  /** Drawn radius, pixels. */
  readonly size: number;
  readonly label: string;
  /** Highlighted (selected loop, company, hover) or forced by a layer (stress). */
  readonly forced: boolean;
}
export interface ScreenEdge {
  readonly key: string;
  readonly source: Point;
  readonly target: Point;
  /** Null for a straight flow. */
  readonly curvature: number | null;
  readonly label: string;
  readonly usdBn: number;
}
export interface ScreenFrame {
  readonly width: number;
  readonly height: number;
  /** Boxes covered by overlays (legend, buttons): no label goes under them. */
  readonly covered?: readonly ViewportRect[];
  readonly nodes: readonly ScreenNode[];
  readonly edges: readonly ScreenEdge[];
}

/** Where each planned label goes, by node key and by edge key. */
export interface ScreenLabelPlan {
  readonly nodes: ReadonlyMap<string, RotatedBox>;
  readonly edges: ReadonlyMap<string, RotatedBox>;
}

export const EMPTY_PLAN: ScreenLabelPlan = { nodes: new Map(), edges: new Map() };

export interface ScreenLabelStyle {
  /** CSS font of names and of amounts. */
  readonly labelFont: string;
  readonly labelSize: number;
  readonly edgeLabelFont: string;
  readonly edgeLabelSize: number;
}

const GAP = 3;
const PADDING = 2;
/** How far off screen a name may start and still be planned (it may scroll in). */
const MARGIN = 40;

/** Plans the frame's labels; `measure` gives a text's width in the given font. */
export function planScreenLabels(
  frame: ScreenFrame,
  style: ScreenLabelStyle,
  measure: (text: string, font: string) => number,
): ScreenLabelPlan {
  const visible = frame.nodes.filter(
    (n) =>
      n.x > -MARGIN && n.x < frame.width + MARGIN && n.y > -MARGIN && n.y < frame.height + MARGIN,
  );
  const discs: Disc[] = visible.map((n) => ({ x: n.x, y: n.y, radius: n.size }));
  const requests: LabelRequest[] = [];
  const height = style.labelSize * 1.25;
  for (const n of visible) {
    if (!n.label) continue;
    requests.push({
      id: `n\u0000${n.key}`,
      priority: (n.forced ? 2e9 : 0) + n.size,
      candidates: nodeLabelCandidates(
        n.x,
        n.y,
        n.size,
        measure(n.label, style.labelFont) + 2,
        height,
        GAP,
      ),
    });
  }
  const edgeHeight = style.edgeLabelSize * 1.25;
  for (const e of frame.edges) {
    if (!e.label) continue;
    const control =
      e.curvature === null
        ? { x: (e.source.x + e.target.x) / 2, y: (e.source.y + e.target.y) / 2 }
        : curveControl(e.source, e.target, e.curvature);
    const q = { p0: e.source, p1: control, p2: e.target };
    const path = Array.from({ length: 15 }, (_, i) => quadPoint(q, 0.15 + (0.7 * i) / 14));
    const all = edgeLabelCandidates(path, measure(e.label, style.edgeLabelFont) + 2, edgeHeight, 3);
    // NOTE: beside the flow first: an amount struck through by its line is hard to read.
    const on = EDGE_LABEL_STOPS.length;
    requests.push({
      id: `e\u0000${e.key}`,
      priority: 1e9 + e.usdBn,
      candidates: [...all.slice(on), ...all.slice(0, on)],
    });
  }
  // A place under an overlay is no place: such candidates are struck before placing.
  const covered = (frame.covered ?? []).map((r) => ({
    cx: r.x + r.width / 2,
    cy: r.y + r.height / 2,
    width: r.width,
    height: r.height,
    angle: 0,
  }));
  const open =
    covered.length === 0
      ? requests
      : requests.map((r) => ({
          ...r,
          candidates: r.candidates.filter((c) => !covered.some((o) => boxesIntersect(c, o))),
        }));
  const options = {
    padding: PADDING,
    bounds: { minX: 0, minY: 0, maxX: frame.width, maxY: frame.height },
  };
  let { placed } = placeLabels(open, discs, options);
  // A highlighted name with no clear place may cover the grey discs of the rest
  // (the selected company is never left unnamed): placed again, before the grey
  // names; the highlighted names that had a clear place keep it.
  const forcedIds = new Set(visible.filter((n) => n.forced).map((n) => `n\u0000${n.key}`));
  const placedBox = new Map(placed.map((p) => [p.id, p.box]));
  if ([...forcedIds].some((id) => !placedBox.has(id))) {
    const background = visible.flatMap((n, i) => (n.forced ? [] : [i]));
    const again = open.map((r) => {
      if (!forcedIds.has(r.id)) return r;
      const box = placedBox.get(r.id);
      return box ? { ...r, candidates: [box] } : { ...r, ignoreDiscs: background };
    });
    placed = placeLabels(again, discs, options).placed;
  }
  const nodes = new Map<string, RotatedBox>();
  const edges = new Map<string, RotatedBox>();
  for (const p of placed) {
    const key = p.id.slice(2);
    if (p.id.startsWith("n")) nodes.set(key, p.box);
    else edges.set(key, p.box);
  }
  return { nodes, edges };
}

/** Draws `text` centred in `box` (rotated with it), with a halo. */
export function drawPlacedLabel(
  context: CanvasRenderingContext2D,
  text: string,
  box: RotatedBox,
  font: string,
  colors: Pick<GraphThemeColors, "labelHalo">,
  color: string,
): void {
  context.save();
  context.translate(box.cx, box.cy);
  if (box.angle !== 0) context.rotate(box.angle);
  context.font = font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineJoin = "round";
  context.lineWidth = 3;
  context.strokeStyle = colors.labelHalo;
  context.strokeText(text, 0, 0);
  context.fillStyle = color;
  context.fillText(text, 0, 0);
  context.restore();
}
