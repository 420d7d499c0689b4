/**
 * Export of the highlighted subgraph as PNG or SVG, from the on-screen sigma.
 *
 * Steps: pick the subgraph (`subgraph.ts`); take positions and sizes from the
 * on-screen camera, so the export looks like the screen (zoomed back to the
 * fit-to-screen scale when the user has zoomed further out, and kept under
 * MAX_GRAPH_SIDE_CSS when zoomed far in); build the scene with the shared
 * export settings and reducers; lay the frame out around its box; then either
 * let sigma draw the PNG (`png.ts`) or serialize the scene (`svg.ts`).
 * O(N + E) plus the pixels.
 *
 * Reference: sigma 3 `graphToViewport`, `framedGraphToViewport`,
 * `viewportToFramedGraph`, `zoomToSizeRatioFunction`.
 */
import type { LoopReport } from "../../analysis/loops.ts";
import { type GraphTheme } from "../palette.ts";
import { createEdgeReducer, createNodeReducer, type HighlightSelection } from "../reducers.ts";
import { resolveGraphSettings } from "../settings.ts";
import { type ExportDataset, describeExport, exportFileName } from "./describe.ts";
import type { Point } from "./edgeGeometry.ts";
import { GRAPH_PADDING, layoutExport } from "./frame.ts";
import {
  EXPORT_WARN_EDGES,
  type ExportFormat,
  type ExportOptions,
  MAX_GRAPH_SIDE_CSS,
  effectivePixelRatio,
  resolveExportOptions,
} from "./options.ts";
import { type FlowSigma, canvasToPngBlob, drawExportPng } from "./png.ts";
import { buildExportScene } from "./scene.ts";
import { serializeSvg } from "./svg.ts";
import type { StressOverlay } from "../stressStyle.ts";
import { withLargeViewNote, withStressLegend } from "./describe.ts";
import type { LargeViewSummary } from "../largeView.ts";
import { selectExportSubgraph } from "./subgraph.ts";
import { type TextMeasurer, createCanvasMeasurer } from "./textMeasure.ts";

/** Exports are drawn in the light theme: they go on paper and slides, white or not. */
export const EXPORT_THEME: GraphTheme = "light";

export interface ExportRequest {
  readonly sigma: FlowSigma;
  readonly selection: HighlightSelection;
  readonly dataset: ExportDataset;
  /** The selected loop's report, whose round trip the subtitle states. */
  readonly loop?: LoopReport | null;
  readonly format: ExportFormat;
  readonly options?: Partial<ExportOptions>;
  /** A stress-test scenario to draw, with its caption. */
  readonly stress?: { readonly overlay: StressOverlay; readonly caption: string } | null;
  /** What a large dataset's graph leaves out; said in a whole-graph picture. */
  readonly largeView?: LargeViewSummary | null;
}

export interface ExportResult {
  readonly blob: Blob;
  readonly fileName: string;
  /** Image size: pixels for a PNG, CSS pixels (user units) for an SVG. */
  readonly width: number;
  readonly height: number;
  /** Pixels per CSS pixel actually used (below the asked scale only past the size limits). */
  readonly pixelRatio: number;
  readonly edgeCount: number;
  /** Set when the subgraph has more than EXPORT_WARN_EDGES flows. */
  readonly warning: string | null;
  /** Largest distance between where sigma drew a node and where the scene put it, in CSS px. */
  readonly alignmentErrorPx: number;
}

/** Exports what `selection` highlights on `sigma`'s graph. */
export async function exportHighlighted(
  request: ExportRequest,
  measure: TextMeasurer = createCanvasMeasurer(),
): Promise<ExportResult> {
  const options = resolveExportOptions(request.options);
  const { sigma } = request;
  const subgraph = selectExportSubgraph(sigma.getGraph(), request.selection);
  const stress = request.stress ?? null;
  const overlays = { stress: stress?.overlay ?? null };
  const described = stress
    ? withStressLegend(describeExport(subgraph, request.dataset, request.loop), stress.caption)
    : describeExport(subgraph, request.dataset, request.loop);
  const description =
    request.largeView && subgraph.kind === "graph"
      ? withLargeViewNote(described, request.largeView)
      : described;
  const settings = resolveGraphSettings(EXPORT_THEME, true);

  // Screen mapping: viewport = graphToViewport(p); zoom it by `zoom` at most
  // back to the fit-to-screen scale, and cap the drawing's size.
  const screenRatio = sigma.getCamera().getState().ratio;
  let zoom = Math.max(1, screenRatio);
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  subgraph.graph.forEachNode((_id, a) => {
    const v = sigma.graphToViewport({ x: a.x, y: a.y });
    box.minX = Math.min(box.minX, v.x);
    box.maxX = Math.max(box.maxX, v.x);
    box.minY = Math.min(box.minY, v.y);
    box.maxY = Math.max(box.maxY, v.y);
  });
  const extent = Math.max(box.maxX - box.minX, box.maxY - box.minY, 0) * zoom;
  if (extent > MAX_GRAPH_SIDE_CSS) zoom *= MAX_GRAPH_SIDE_CSS / extent;
  const sizeRatio = sigma.getSetting("zoomToSizeRatioFunction")(screenRatio / zoom);
  const project = (p: Point): Point => {
    const v = sigma.graphToViewport(p);
    return { x: v.x * zoom, y: v.y * zoom };
  };

  const scene = buildExportScene({
    graph: subgraph.graph,
    highlight: subgraph.highlight,
    theme: EXPORT_THEME,
    settings,
    project,
    sizeRatio,
    measure,
    overlays,
  });
  const layout = layoutExport(scene, description, measure);
  const { frame } = layout;
  const edgeCount = subgraph.graph.size;
  const warning =
    edgeCount > EXPORT_WARN_EDGES
      ? `This export draws ${edgeCount.toLocaleString("en-US")} flows, over ${EXPORT_WARN_EDGES.toLocaleString("en-US")}: labels will overlap.`
      : null;
  const fileName = exportFileName(description, request.format);

  if (request.format === "svg") {
    const svg = serializeSvg(layout, description, options.background);
    return {
      blob: new Blob([svg], { type: "image/svg+xml" }),
      fileName,
      width: Math.ceil(frame.width),
      height: Math.ceil(frame.height),
      pixelRatio: 1,
      edgeCount,
      warning,
      alignmentErrorPx: 0,
    };
  }

  const pixelRatio = effectivePixelRatio(options.scale, frame.width, frame.height);
  // The drawing's top-left corner in scene coordinates, and its centre in framed coordinates.
  const origin = { x: scene.bounds.minX - GRAPH_PADDING, y: scene.bounds.minY - GRAPH_PADDING };
  const centre = sigma.viewportToFramedGraph({
    x: (origin.x + frame.graph.width / 2) / zoom,
    y: (origin.y + frame.graph.height / 2) / zoom,
  });
  const f0 = sigma.framedGraphToViewport({ x: 0, y: 0 });
  const f1 = sigma.framedGraphToViewport({ x: 1, y: 0 });
  let alignmentErrorPx = 0;
  const canvas = drawExportPng(
    layout,
    {
      graph: subgraph.graph,
      settings: {
        ...settings,
        nodeReducer: createNodeReducer(subgraph.highlight, EXPORT_THEME, overlays),
        edgeReducer: createEdgeReducer(subgraph.highlight, EXPORT_THEME, overlays),
      },
      bbox: sigma.getCustomBBox() ?? sigma.getBBox(),
      sizeRatio,
      pixelsPerFramedUnit: Math.abs(f1.x - f0.x) * zoom,
      center: centre,
      probe: (toViewport) => {
        subgraph.graph.forEachNode((_id, a) => {
          const drawn = toViewport({ x: a.x, y: a.y });
          const want = project({ x: a.x, y: a.y });
          const error = Math.hypot(drawn.x - (want.x - origin.x), drawn.y - (want.y - origin.y));
          alignmentErrorPx = Math.max(alignmentErrorPx, error);
        });
      },
    },
    options.background,
    pixelRatio,
  );
  const blob = await canvasToPngBlob(canvas);
  return {
    blob,
    fileName,
    width: canvas.width,
    height: canvas.height,
    pixelRatio,
    edgeCount,
    warning,
    alignmentErrorPx,
  };
}
