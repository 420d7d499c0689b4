/**
 * Export composition: one picture laid out for one preset, that the SVG
 * serializes and the PNG rasterises, so both show the same scene and the same
 * label placement.
 *
 * From top to bottom: headline, subtitle, the drawing, the legend (only what
 * is drawn, titled for the view), the caption, the numbered sources and the
 * as-of line. The drawing is fitted to the preset's width (and, for the fixed
 * social sizes, to the height the text leaves), node positions come from the
 * layout (graph y points up), discs and flows are sized for print, not copied
 * from the screen's zoom. Labels are placed by `placeLabels.ts`: highlighted
 * companies and hops first, then the rest by money; what cannot be placed
 * without touching another label or a disc is left out. A flow with no
 * disclosed amount is dashed and explained in the legend, never labelled.
 * Flexible presets list every source, wrapped; fixed ones list what fits and
 * end with the share link. O(N + E) plus the placement.
 *
 * Reference: `edgeGeometry.ts` (flow and arrow geometry, as sigma draws it).
 */
import { WEAK_EVIDENCE_TIERS, type EvidenceTier, type Source } from "../../domain/schema.ts";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "../buildGraph.ts";
import type { ViewportRect } from "../camera.ts";
import { THEME_COLORS } from "../palette.ts";
import { type ReducerOverlays, createEdgeReducer, createNodeReducer } from "../reducers.ts";
import { GRAPH_FONT } from "../settings.ts";
import type { ExportDescription } from "./describe.ts";
import { type Point, type Quad, edgeShape, samplePoints } from "./edgeGeometry.ts";
import {
  type Disc,
  EDGE_LABEL_STOPS,
  type LabelRequest,
  type RotatedBox,
  edgeLabelCandidates,
  nodeLabelCandidates,
  placeLabels,
} from "./placeLabels.ts";
import {
  type ExportSettings,
  type ExportWording,
  MIN_TEXT_PX,
  type PresetSize,
  presetSize,
} from "./presets.ts";
import type { ExportSubgraph } from "./subgraph.ts";
import { svgPaint } from "./svg.ts";
import { type TextMeasurer, wrapText } from "./textMeasure.ts";

export interface ComposedText {
  readonly text: string;
  /**
   * The anchor: the start of the baseline ("start"), or the centre of the text's
   * box ("middle", labels on the drawing, rotated about it).
   */
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly color: string;
  readonly anchor: "start" | "middle";
  /** Rotation about (x, y), in degrees (labels along a flow). A name may hold one line break. */
  readonly angle: number;
  /** Colour of a halo behind the text (labels on the drawing), or null. */
  readonly halo: string | null;
  readonly role: "headline" | "subtitle" | "legend" | "caption" | "source" | "note" | "label";
}
export interface ComposedEdge {
  readonly shaft: Quad;
  readonly head: readonly [Point, Point, Point] | null;
  readonly color: string;
  readonly width: number;
  readonly dashed: boolean;
}
export interface ComposedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly color: string;
  /** A ring around a focused company, or null. */
  readonly ring: string | null;
}
export interface ComposedSwatch {
  readonly kind: "line" | "dot";
  readonly x: number;
  readonly y: number;
  readonly color: string;
  readonly size: number;
  readonly length: number;
  readonly dashed: boolean;
}
export interface Composition {
  readonly width: number;
  readonly height: number;
  readonly size: PresetSize;
  readonly background: ExportSettings["background"];
  readonly title: string;
  readonly description: string;
  readonly graphArea: ViewportRect;
  readonly edges: readonly ComposedEdge[];
  readonly nodes: readonly ComposedNode[];
  readonly texts: readonly ComposedText[];
  readonly swatches: readonly ComposedSwatch[];
  /** Labels left out because they could not be placed without overlap. */
  readonly droppedLabels: number;
  /** Sources listed in the picture, of all cited. */
  readonly sourcesListed: number;
  readonly sourcesCited: number;
}

export interface ComposeInput {
  readonly subgraph: ExportSubgraph;
  readonly description: ExportDescription;
  readonly settings: ExportSettings;
  readonly wording: ExportWording;
  readonly measure: TextMeasurer;
  readonly overlays?: ReducerOverlays;
  /** A flow's evidence tiers, by edge key, to note an amount that is only estimated or inferred. */
  readonly evidenceOf?: (edge: string) => readonly EvidenceTier[];
  /** Where the view can be reopened, with every source: ends a fixed-size picture's source list. */
  readonly shareUrl?: string | null;
}

const INK = "#0f172a";
const MUTED = "#475569";
const DASHED_GREY = "#64748b";
const font = (weight: number, size: number) => `${weight} ${size}px ${GRAPH_FONT}`;
const LEGEND_SWATCH = 24;
const LABEL_GAP = 4;
const LABEL_PADDING = 2;
const DEFAULT_CURVATURE = 0.25;
/** Narrowest column of sources, in CSS px: a full-width picture lists them in two or three. */
const SOURCE_COLUMN_MIN = 360;
/** A share link longer than this is not printed (an imported dataset travels in it). */
const MAX_PRINTED_URL = 160;

/** The standard caption: how to read the picture. */
export function defaultCaption(): string {
  return "Arrows point from payer to payee. Amounts are announced commitments in US$, not cash paid; dashed flows have no disclosed amount.";
}

/** "1. Reuters, “Title”, 2025-09-22." */
export function sourceEntry(source: Source, n: number): string {
  const who = source.publisher?.trim();
  const title = source.title.trim();
  const parts = [who && who !== title ? `${who}, “${title}”` : `“${title}”`];
  if (source.date) parts.push(source.date);
  return `${n}. ${parts.join(", ")}.`;
}

interface Typography {
  readonly margin: number;
  readonly headline: string;
  readonly headlineSize: number;
  readonly subtitle: string;
  readonly subtitleSize: number;
  readonly small: string;
  readonly smallBold: string;
  readonly smallSize: number;
  readonly label: string;
  readonly labelSize: number;
  readonly edgeLabel: string;
  readonly edgeLabelSize: number;
}

function typographyFor(width: number): Typography {
  const wide = width >= 1000;
  const headlineSize = wide ? 30 : 22;
  const subtitleSize = wide ? 17 : 14;
  const smallSize = wide ? 14 : MIN_TEXT_PX;
  const labelSize = wide ? 15 : 13;
  const edgeLabelSize = wide ? 13 : MIN_TEXT_PX;
  return {
    margin: wide ? 40 : 20,
    headline: font(700, headlineSize),
    headlineSize,
    subtitle: font(400, subtitleSize),
    subtitleSize,
    small: font(400, smallSize),
    smallBold: font(600, smallSize),
    smallSize,
    label: font(600, labelSize),
    labelSize,
    edgeLabel: font(500, edgeLabelSize),
    edgeLabelSize,
  };
}

/** The picture for `input.settings`' preset. */
export function composeExport(input: ComposeInput): Composition {
  const { subgraph, description, settings, wording, measure } = input;
  const size = presetSize(settings);
  const type = typographyFor(size.width);
  const W = size.width;
  const contentWidth = W - 2 * type.margin;
  const line = (fontSize: number) => Math.round(fontSize * 1.3);
  const texts: ComposedText[] = [];
  const frameText = (
    text: string,
    x: number,
    y: number,
    fontSpec: string,
    color: string,
    role: ComposedText["role"],
  ) =>
    texts.push({ text, x, y, font: fontSpec, color, anchor: "start", angle: 0, halo: null, role });

  // Header.
  const headline = (wording.headline ?? description.title).trim();
  const subtitle = (wording.subtitle ?? description.subtitle).trim();
  let y = type.margin;
  for (const l of wrapText(headline, type.headline, contentWidth, measure, 4)) {
    frameText(l, type.margin, y + type.headlineSize, type.headline, INK, "headline");
    y += line(type.headlineSize);
  }
  y += 4;
  for (const l of wrapText(subtitle, type.subtitle, contentWidth, measure, 4)) {
    frameText(l, type.margin, y + type.subtitleSize, type.subtitle, MUTED, "subtitle");
    y += line(type.subtitleSize);
  }
  y += 12;
  const headerBottom = y;

  // The drawing's companies and flows, with the shared reducers' colours.
  const theme = "light" as const;
  const colors = THEME_COLORS[theme];
  const nodeReducer = createNodeReducer(subgraph.highlight, theme, input.overlays);
  const edgeReducer = createEdgeReducer(subgraph.highlight, theme, input.overlays);
  const graph = subgraph.graph;
  const rawNodes: {
    id: string;
    gx: number;
    gy: number;
    radius: number;
    color: string;
    label: string;
    focus: boolean;
    z: number;
    money: number;
  }[] = [];
  graph.forEachNode((id, attr) => {
    const d = nodeReducer(id, { ...attr }) as FlowNodeAttributes & {
      hidden?: boolean;
      highlighted?: boolean;
      zIndex?: number;
    };
    if (d.hidden) return;
    rawNodes.push({
      id,
      gx: attr.x,
      gy: attr.y,
      radius: Math.min(14, Math.max(3.5, attr.size * 0.9)),
      color: d.color,
      label: typeof d.label === "string" ? d.label : "",
      focus: Boolean(d.highlighted),
      z: d.zIndex ?? 0,
      money: attr.inflowUsdBn + attr.outflowUsdBn,
    });
  });
  const dashedDrawn = graphHasDashed(subgraph, edgeReducer);

  // Footer, for a given number of source lines (Infinity: all of them).
  // NOTE: a landscape social picture puts the drawing left and the words in a column on the right.
  const side = size.height !== null && size.width > size.height * 1.3;
  const columnWidth = side ? Math.round(contentWidth * 0.36) : contentWidth;
  const stress = Boolean(input.overlays?.stress);
  const footer = (sourceLineBudget: number, top: number) =>
    layoutFooter({
      description,
      caption: (wording.caption ?? defaultCaption()).trim(),
      stress,
      dashed: dashedDrawn,
      type,
      contentWidth: columnWidth,
      left: side ? W - type.margin - columnWidth : type.margin,
      measure,
      top,
      sourceLineBudget,
      shareUrl: input.shareUrl ?? null,
    });

  // The drawing's area: flexible presets take the layout's shape; fixed ones what the text leaves.
  const extent = extentOf(rawNodes);
  let area: { x: number; y: number; width: number; height: number };
  let foot: FooterLayout;
  if (size.height === null) {
    const aspect = Math.min(1, Math.max(0.5, extent.height / Math.max(1e-9, extent.width) || 0.6));
    const areaHeight = Math.max(220, Math.round(contentWidth * aspect));
    area = { x: type.margin, y: headerBottom, width: contentWidth, height: areaHeight };
    foot = footer(Infinity, headerBottom + areaHeight + 12);
  } else if (side) {
    const bottom = size.height - type.margin;
    let budget = 12;
    foot = footer(budget, headerBottom);
    while (budget > 0 && foot.bottom > bottom) foot = footer(--budget, headerBottom);
    area = {
      x: type.margin,
      y: headerBottom,
      width: contentWidth - columnWidth - 24,
      height: Math.max(120, bottom - headerBottom),
    };
  } else {
    let budget = 6;
    foot = footer(budget, 0);
    while (budget > 0 && size.height - headerBottom - foot.height - 12 < size.height * 0.55) {
      foot = footer(--budget, 0);
    }
    const areaHeight = Math.max(120, size.height - headerBottom - foot.height - 12 - type.margin);
    area = { x: type.margin, y: headerBottom, width: contentWidth, height: areaHeight };
    foot = footer(budget, headerBottom + areaHeight + 12);
  }

  // Fit positions into the area, leaving room at the sides for names.
  const padX = Math.min(110, area.width * 0.14);
  const padY = Math.max(20, type.labelSize * 1.6);
  const scale = Math.min(
    (area.width - 2 * padX) / Math.max(1e-9, extent.width),
    (area.height - 2 * padY) / Math.max(1e-9, extent.height),
  );
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  const midX = (extent.minX + extent.maxX) / 2;
  const midY = (extent.minY + extent.maxY) / 2;
  const project = (gx: number, gy: number): Point => ({
    x: cx + (gx - midX) * s,
    // NOTE: graph y points up, as sigma draws it.
    y: cy - (gy - midY) * s,
  });
  const nodes = rawNodes.map((n) => ({ ...n, ...project(n.gx, n.gy) })).sort((a, b) => a.z - b.z);
  const nodeAt = new Map(nodes.map((n) => [n.id, n]));

  const edges: (ComposedEdge & { z: number; key: string; label: string; priority: number })[] = [];
  graph.forEachEdge((key, attr, source, target) => {
    const d = edgeReducer(key, { ...attr }) as FlowEdgeAttributes & {
      hidden?: boolean;
      zIndex?: number;
    };
    const a = nodeAt.get(source);
    const b = nodeAt.get(target);
    if (d.hidden || !a || !b) return;
    const width = Math.min(7, Math.max(1.25, d.size * 0.75));
    const dashed = attr.undisclosed || attr.nonLive;
    const shape = edgeShape(a, b, d.curvature || DEFAULT_CURVATURE, b.radius, width);
    const weak = (input.evidenceOf?.(key) ?? []).filter((t) =>
      (WEAK_EVIDENCE_TIERS as readonly string[]).includes(t),
    );
    const label = attr.undisclosed
      ? ""
      : `${attr.label}${weak.length ? ` (${weak.join(", ")})` : ""}`;
    const lit = subgraph.highlight.active && subgraph.highlight.edges.has(key);
    edges.push({
      shaft: shape.shaft,
      head: shape.head,
      color: dashed ? opaque(d.color) : d.color,
      width: dashed ? Math.min(width, 1.5) : width,
      dashed,
      z: d.zIndex ?? 0,
      key,
      label,
      priority: (lit ? 2e6 : 0) + attr.totalUsdBn,
    });
  });
  edges.sort((p, q) => p.z - q.z);

  // Labels: names and amounts, placed so that none overlaps another or a disc.
  const discs: Disc[] = nodes.map((n) => ({ x: n.x, y: n.y, radius: n.radius }));
  const requests: LabelRequest[] = [];
  const labelHeight = type.labelSize * 1.25;
  const edgeLabelHeight = type.edgeLabelSize * 1.25;
  // A long name goes on two lines (cut with "…" beyond), so it fits beside its disc.
  const maxLabelWidth = Math.max(120, Math.min(220, area.width * 0.4));
  const nodeLabel = new Map<string, string>();
  for (const n of nodes) {
    if (!n.label) continue;
    const lines = wrapText(n.label, type.label, maxLabelWidth, measure, 2);
    nodeLabel.set(`n:${n.id}`, lines.join("\n"));
  }
  for (const n of nodes) {
    const text = nodeLabel.get(`n:${n.id}`);
    if (!text) continue;
    const lines = text.split("\n");
    const width = Math.max(...lines.map((l) => measure(l, type.label))) + 2;
    const height = labelHeight * lines.length;
    const lit = subgraph.highlight.active && subgraph.highlight.nodes.has(n.id);
    requests.push({
      id: `n:${n.id}`,
      priority: (lit ? 3e6 : 1e6) + n.money,
      // NOTE: then the same eight places further out, so a crowded name still finds room.
      candidates: [LABEL_GAP, LABEL_GAP + labelHeight, LABEL_GAP + 2.5 * labelHeight].flatMap(
        (gap) => nodeLabelCandidates(n.x, n.y, n.radius, width, height, gap),
      ),
    });
  }
  for (const e of edges) {
    if (!e.label) continue;
    requests.push({
      id: `e:${e.key}`,
      priority: e.priority,
      candidates: besideFirst(
        edgeLabelCandidates(
          samplePoints(e.shaft, 0.15, 0.85, 14),
          measure(e.label, type.edgeLabel) + 2,
          edgeLabelHeight,
          3,
        ),
      ),
    });
  }
  const bounds = {
    minX: area.x,
    minY: area.y,
    maxX: area.x + area.width,
    maxY: area.y + area.height,
  };
  const { placed, dropped } = placeLabels(requests, discs, { padding: LABEL_PADDING, bounds });
  const edgeLabel = new Map(edges.map((e) => [`e:${e.key}`, e.label]));
  for (const p of placed) {
    const isNode = p.id.startsWith("n:");
    const text = (isNode ? nodeLabel.get(p.id) : edgeLabel.get(p.id)) ?? "";
    texts.push({
      text,
      x: p.box.cx,
      y: p.box.cy,
      font: isNode ? type.label : type.edgeLabel,
      color: isNode ? colors.label : colors.edgeLabel,
      anchor: "middle",
      angle: (p.box.angle * 180) / Math.PI,
      halo: "#ffffff",
      role: "label",
    });
  }

  texts.push(...foot.texts);
  const height = size.height ?? Math.ceil(foot.bottom + type.margin - 4);
  return {
    width: W,
    height,
    size,
    background: settings.background,
    title: headline,
    description: subtitle,
    graphArea: area,
    edges: edges.map(({ shaft, head, color, width, dashed }) => ({
      shaft,
      head,
      color,
      width,
      dashed,
    })),
    nodes: nodes.map((n) => ({
      id: n.id,
      x: n.x,
      y: n.y,
      radius: n.radius,
      color: n.color,
      ring: n.focus ? colors.hoverBoxBorder : null,
    })),
    texts,
    swatches: foot.swatches,
    droppedLabels: dropped.length,
    sourcesListed: foot.sourcesListed,
    sourcesCited: description.sources.length,
  };
}

/** An amount reads best beside its flow, not struck through by it: those candidates first. */
function besideFirst(candidates: RotatedBox[]): RotatedBox[] {
  const on = EDGE_LABEL_STOPS.length;
  return [...candidates.slice(on), ...candidates.slice(0, on)];
}

/** A translucent (premultiplied) colour made opaque: a dashed flow carries its fading in its dashes. */
function opaque(color: string): string {
  return /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(color) ? svgPaint(color, false).color : DASHED_GREY;
}

function graphHasDashed(
  subgraph: ExportSubgraph,
  edgeReducer: ReturnType<typeof createEdgeReducer>,
): boolean {
  let dashed = false;
  subgraph.graph.forEachEdge((key, attr) => {
    const d = edgeReducer(key, { ...attr }) as { hidden?: boolean };
    if (!d.hidden && (attr.undisclosed || attr.nonLive)) dashed = true;
  });
  return dashed;
}

function extentOf(nodes: readonly { gx: number; gy: number }[]) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.gx);
    maxX = Math.max(maxX, n.gx);
    minY = Math.min(minY, n.gy);
    maxY = Math.max(maxY, n.gy);
  }
  if (minX === Infinity) return { minX: 0, minY: 0, maxX: 0, maxY: 0, width: 0, height: 0 };
  return { minX, minY, maxX, maxY, width: maxX - minX, height: maxY - minY };
}

interface FooterInput {
  readonly description: ExportDescription;
  readonly caption: string;
  readonly stress: boolean;
  readonly dashed: boolean;
  readonly type: Typography;
  readonly contentWidth: number;
  readonly left: number;
  readonly measure: TextMeasurer;
  readonly top: number;
  readonly sourceLineBudget: number;
  readonly shareUrl: string | null;
}
interface FooterLayout {
  readonly texts: ComposedText[];
  readonly swatches: ComposedSwatch[];
  readonly height: number;
  readonly bottom: number;
  readonly sourcesListed: number;
}

/** Legend, caption, numbered sources and the as-of line, from `top` down. */
function layoutFooter(input: FooterInput): FooterLayout {
  const { description, type, contentWidth, measure, left } = input;
  const texts: ComposedText[] = [];
  const swatches: ComposedSwatch[] = [];
  const step = Math.round(type.smallSize * 1.45);
  let y = input.top;
  const text = (
    t: string,
    x: number,
    fontSpec: string,
    color: string,
    role: ComposedText["role"],
  ) =>
    texts.push({
      text: t,
      x,
      y: y + type.smallSize,
      font: fontSpec,
      color,
      anchor: "start",
      angle: 0,
      halo: null,
      role,
    });

  const legendRow = (
    heading: string,
    items: { label: string; swatch: Omit<ComposedSwatch, "x" | "y"> }[],
  ) => {
    if (items.length === 0) return;
    let x = left;
    text(heading, x, type.smallBold, INK, "legend");
    x += measure(heading, type.smallBold) + 12;
    for (const item of items) {
      const lead = item.swatch.kind === "line" ? LEGEND_SWATCH + 6 : 16;
      const width = lead + measure(item.label, type.small);
      if (x + width > left + contentWidth && x > left + 60) {
        y += step;
        x = left + 12;
      }
      const centre = item.swatch.kind === "line" ? x + LEGEND_SWATCH / 2 : x + 6;
      swatches.push({ ...item.swatch, x: centre, y: y + type.smallSize * 0.65 });
      text(item.label, x + lead, type.small, INK, "legend");
      x += width + 16;
    }
    y += step + 2;
  };
  legendRow(input.stress ? "Stress test" : "Deal types", [
    ...description.dealTypes.map((e) => ({
      label: e.label,
      swatch: {
        kind: "line" as const,
        color: e.color,
        size: 4,
        length: LEGEND_SWATCH,
        dashed: false,
      },
    })),
    ...(input.dashed
      ? [
          {
            label: "Amount undisclosed",
            swatch: {
              kind: "line" as const,
              color: DASHED_GREY,
              size: 1.5,
              length: LEGEND_SWATCH,
              dashed: true,
            },
          },
        ]
      : []),
  ]);
  legendRow(
    input.stress ? "Companies by stress" : "Companies",
    description.companyKinds.map((e) => ({
      label: e.label,
      swatch: { kind: "dot" as const, color: e.color, size: 6, length: 0, dashed: false },
    })),
  );
  y += 4;
  if (input.caption) {
    for (const l of wrapText(input.caption, type.small, contentWidth, measure, 6)) {
      text(l, left, type.small, INK, "caption");
      y += step;
    }
    y += 4;
  }

  // Sources, numbered and wrapped, in columns on a wide picture; a fixed-size picture lists what fits.
  const sources = description.sources;
  let listed = 0;
  let linesLeft = input.sourceLineBudget;
  if (sources.length > 0 && linesLeft > 0) {
    text(sources.length === 1 ? "Source" : "Sources", left, type.smallBold, MUTED, "source");
    y += step;
    linesLeft--;
    const columns =
      input.sourceLineBudget === Infinity
        ? Math.max(1, Math.min(3, Math.floor((contentWidth + 24) / SOURCE_COLUMN_MIN)))
        : 1;
    const gap = 24;
    const columnWidth = (contentWidth - gap * (columns - 1)) / columns;
    const entries: string[][] = [];
    for (let i = 0; i < sources.length; i++) {
      const lines = wrapText(sourceEntry(sources[i]!, i + 1), type.small, columnWidth, measure, 99);
      const reserve = i < sources.length - 1 && input.sourceLineBudget !== Infinity ? 1 : 0;
      if (lines.length + reserve > linesLeft) break;
      entries.push(lines);
      linesLeft -= lines.length;
      listed++;
    }
    // Column-major, each column about a share of the lines; an entry never splits.
    const total = entries.reduce((sum, e) => sum + e.length, 0);
    const perColumn = Math.ceil(total / columns);
    let column = 0;
    let row = 0;
    let tallest = 0;
    for (const lines of entries) {
      if (row > 0 && row + lines.length > perColumn && column < columns - 1) {
        column++;
        row = 0;
      }
      const x = left + column * (columnWidth + gap);
      for (const l of lines) {
        texts.push({
          text: l,
          x,
          y: y + row * step + type.smallSize,
          font: type.small,
          color: MUTED,
          anchor: "start",
          angle: 0,
          halo: null,
          role: "source",
        });
        row++;
      }
      tallest = Math.max(tallest, row);
    }
    y += tallest * step;
  }
  if (listed < sources.length) {
    const rest = sources.length - listed;
    const url = input.shareUrl && input.shareUrl.length <= MAX_PRINTED_URL ? input.shareUrl : null;
    const more =
      `${listed > 0 ? `${rest} more ${rest === 1 ? "source" : "sources"}` : `${sources.length} ${sources.length === 1 ? "source" : "sources"}`}` +
      (url ? ` at ${url}` : " in the Ouroboros view this picture comes from");
    for (const l of wrapText(more, type.small, contentWidth, measure, 3)) {
      text(l, left, type.small, MUTED, "source");
      y += step;
    }
  }
  y += 2;
  text(`Data as of ${description.asOf}. Made with Ouroboros.`, left, type.small, MUTED, "note");
  y += step;
  return {
    texts,
    swatches,
    height: y - input.top,
    bottom: y,
    sourcesListed: listed,
  };
}
