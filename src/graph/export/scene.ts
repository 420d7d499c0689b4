/**
 * Export scene: every node, flow and label of an export subgraph as sigma
 * would draw it, in viewport pixels, plus the box around all of it.
 *
 * Display attributes come from the shared reducers (`createNodeReducer`,
 * `createEdgeReducer`) and the shared export settings, exactly as sigma gets
 * them; positions from a projection the caller takes from sigma; sizes from
 * sigma's size ratio (a radius or thickness of `size` draws `size / ratio`
 * pixels). The PNG export uses the scene's box to crop sigma's own drawing;
 * the SVG export serializes the scene. O(N + E).
 *
 * Reference: sigma 3 `nodeReducer` / `edgeReducer`, `scaleSize`; the label
 * and hover drawing of `../labels.ts`.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { FlowEdgeAttributes, FlowGraph, FlowNodeAttributes } from "../buildGraph.ts";
import { type GraphTheme, THEME_COLORS } from "../palette.ts";
import {
  type Highlight,
  type ReducerOverlays,
  createEdgeReducer,
  createNodeReducer,
} from "../reducers.ts";
import type { FlowSettings } from "../settings.ts";
import {
  type EdgeLabelShape,
  type EdgeShape,
  type Point,
  curvedEdgeLabel,
  edgeShape,
  samplePoints,
  straightEdgeLabel,
} from "./edgeGeometry.ts";
import type { TextMeasurer } from "./textMeasure.ts";

export interface SceneNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly color: string;
  readonly label: { readonly text: string; readonly x: number; readonly y: number } | null;
  /** The themed box drawn around a highlighted node and its label (see labels.ts). */
  readonly box: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly radius: number;
  } | null;
}
export interface SceneEdge {
  readonly id: string;
  readonly color: string;
  readonly width: number;
  readonly shape: EdgeShape;
  readonly label: EdgeLabelShape | null;
}
export interface SceneStyle {
  /** Full CSS fonts, e.g. "500 13px system-ui, …". */
  readonly labelFont: string;
  readonly labelSize: number;
  readonly labelColor: string;
  readonly labelHalo: string;
  readonly edgeLabelFont: string;
  readonly edgeLabelSize: number;
  readonly edgeLabelColor: string;
  readonly boxFill: string;
  readonly boxStroke: string;
}
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}
export interface Scene {
  /** Back to front, as sigma orders them (zIndex, then graph order). */
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  readonly style: SceneStyle;
  /** Everything drawn, labels and boxes included. */
  readonly bounds: Bounds;
}

export interface SceneInput {
  readonly graph: FlowGraph;
  readonly highlight: Highlight;
  readonly theme: GraphTheme;
  /** The resolved sigma settings the export draws with. */
  readonly settings: Partial<FlowSettings>;
  /** Graph coordinates to viewport pixels. */
  readonly project: (p: Point) => Point;
  /** Sigma's size ratio: a node of size s has a radius of s / sizeRatio pixels. */
  readonly sizeRatio: number;
  readonly measure: TextMeasurer;
  /** Layers drawn over the highlight (a stress result), as on screen. */
  readonly overlays?: ReducerOverlays;
}

/** Same as labels.ts: space between disc and label, and inside the hover box. */
const LABEL_PADDING = 3;
const HALO_WIDTH = 3;
const BOX_SHADOW_BLUR = 6;
const DEFAULT_CURVATURE = 0.25;

/** The scene of a subgraph; throws on a non-positive size ratio. */
export function buildExportScene(input: SceneInput): Scene {
  const { graph, highlight, theme, settings, project, measure } = input;
  if (!(input.sizeRatio > 0)) {
    throw new Error(`graph/export: sizeRatio must be positive, got ${input.sizeRatio}`);
  }
  const colors = THEME_COLORS[theme];
  const labelSize = settings.labelSize ?? 14;
  const edgeLabelSize = settings.edgeLabelSize ?? 14;
  const font = (weight: string | undefined, size: number, family: string | undefined) =>
    `${weight ?? "normal"} ${size}px ${family ?? "Arial"}`;
  const style: SceneStyle = {
    labelFont: font(settings.labelWeight, labelSize, settings.labelFont),
    labelSize,
    labelColor: colors.label,
    labelHalo: colors.labelHalo,
    edgeLabelFont: font(settings.edgeLabelWeight, edgeLabelSize, settings.edgeLabelFont),
    edgeLabelSize,
    edgeLabelColor: colors.edgeLabel,
    boxFill: colors.hoverBoxBg,
    boxStroke: colors.hoverBoxBorder,
  };
  const box = new BoundsBuilder();
  const nodeReducer = createNodeReducer(highlight, theme, input.overlays);
  const edgeReducer = createEdgeReducer(highlight, theme, input.overlays);

  const nodes: (SceneNode & { z: number })[] = [];
  const byId = new Map<string, SceneNode>();
  graph.forEachNode((id, attr) => {
    const d = nodeReducer(id, { ...attr }) as FlowNodeAttributes & Partial<NodeDisplayData>;
    if (d.hidden) return;
    const { x, y } = project({ x: d.x, y: d.y });
    const radius = d.size / input.sizeRatio;
    const text = typeof d.label === "string" ? d.label : "";
    const textWidth = text ? measure(text, style.labelFont) : 0;
    const label = text ? { text, x: x + radius + LABEL_PADDING, y: y + labelSize / 3 } : null;
    box.addCircle(x, y, radius);
    if (label) {
      box.addRect(label.x - HALO_WIDTH, y - labelSize, textWidth + 2 * HALO_WIDTH, 2 * labelSize);
    }
    let nodeBox: SceneNode["box"] = null;
    if (d.highlighted) {
      const r = Math.max(radius, labelSize / 2) + LABEL_PADDING;
      const height = Math.max(labelSize + 2 * LABEL_PADDING, r * 2);
      const width = text ? r * 2 + textWidth + LABEL_PADDING * 2 : r * 2;
      nodeBox = { x: x - r, y: y - height / 2, width, height, radius: Math.min(r, height / 2) };
      box.addRect(nodeBox.x, nodeBox.y, width, height, BOX_SHADOW_BLUR);
    }
    const node = { id, x, y, radius, color: d.color, label, box: nodeBox, z: d.zIndex ?? 0 };
    nodes.push(node);
    byId.set(id, node);
  });

  const edges: (SceneEdge & { z: number })[] = [];
  graph.forEachEdge((id, attr, sourceId, targetId) => {
    const d = edgeReducer(id, { ...attr }) as FlowEdgeAttributes & Partial<EdgeDisplayData>;
    const source = byId.get(sourceId);
    const target = byId.get(targetId);
    if (d.hidden || !source || !target) return;
    const scaledSize = d.size / input.sizeRatio;
    const width = Math.max(settings.minEdgeThickness ?? 1, scaledSize);
    const curved = d.type !== "arrow";
    const curvature = d.curvature || DEFAULT_CURVATURE;
    const shape = edgeShape(source, target, curved ? curvature : null, target.radius, width);
    const ends = [
      { x: source.x, y: source.y, size: source.radius },
      { x: target.x, y: target.y, size: target.radius },
    ] as const;
    // NOTE: sigma draws a flow's amount only when both ends show their label.
    const showLabel = Boolean(source.label && target.label && d.label);
    const label = !showLabel
      ? null
      : curved
        ? curvedEdgeLabel(
            d.label,
            ends[0],
            ends[1],
            curvature,
            scaledSize,
            style.edgeLabelFont,
            measure,
          )
        : straightEdgeLabel(
            d.label,
            ends[0],
            ends[1],
            scaledSize,
            style.edgeLabelFont,
            edgeLabelSize,
            measure,
          );
    for (const p of samplePoints(shape.shaft)) box.addCircle(p.x, p.y, width);
    if (label?.kind === "curved") {
      for (const p of samplePoints(label.path)) box.addCircle(p.x, p.y, edgeLabelSize);
    } else if (label) {
      box.addCircle(label.x, label.y, Math.abs(label.dx) + label.dy);
    }
    edges.push({ id, color: d.color, width, shape, label, z: d.zIndex ?? 0 });
  });

  // NOTE: Array.prototype.sort is stable, so ties keep graph order like sigma.
  const strip = <T extends { z: number }>(items: T[]) =>
    items.sort((a, b) => a.z - b.z).map(({ z: _z, ...rest }) => rest);
  return { nodes: strip(nodes), edges: strip(edges), style, bounds: box.build() };
}

class BoundsBuilder {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  addRect(x: number, y: number, width: number, height: number, margin = 0): void {
    this.minX = Math.min(this.minX, x - margin);
    this.minY = Math.min(this.minY, y - margin);
    this.maxX = Math.max(this.maxX, x + width + margin);
    this.maxY = Math.max(this.maxY, y + height + margin);
  }

  addCircle(x: number, y: number, radius: number): void {
    this.addRect(x - radius, y - radius, 2 * radius, 2 * radius);
  }

  build(): Bounds {
    if (this.minX === Infinity) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    return { minX: this.minX, minY: this.minY, maxX: this.maxX, maxY: this.maxY };
  }
}
