/**
 * Export of the highlighted subgraph for a preset, as PNG or SVG.
 *
 * Steps: pick the subgraph (`subgraph.ts`); describe it (`describe.ts`: title,
 * subtitle, legend entries, cited sources, file name); compose the picture for
 * the preset with the user's wording (`compose.ts`); serialize it (`svg.ts`)
 * and, for a PNG, rasterise that same SVG (`png.ts`). The export dialog shows
 * the composed SVG as its preview, so the preview is the export.
 * O(N + E) plus the label placement and the pixels.
 *
 * Reference: none beyond the modules above.
 */
import type { EvidenceTier } from "../../domain/schema.ts";
import type { LoopReport } from "../../analysis/loops.ts";
import type { FlowGraph } from "../buildGraph.ts";
import type { LargeViewSummary } from "../largeView.ts";
import type { HighlightSelection } from "../reducers.ts";
import type { StressOverlay } from "../stressStyle.ts";
import { type Composition, composeExport } from "./compose.ts";
import {
  type ExportDataset,
  describeExport,
  exportFileName,
  withLargeViewNote,
  withStressLegend,
} from "./describe.ts";
import { EXPORT_WARN_EDGES } from "./options.ts";
import { rasterizeSvg } from "./png.ts";
import {
  type ExportFormat,
  type ExportSettings,
  type ExportWording,
  DEFAULT_WORDING,
  resolveExportSettings,
} from "./presets.ts";
import { selectExportSubgraph } from "./subgraph.ts";
import { serializeSvg } from "./svg.ts";
import { type TextMeasurer, createCanvasMeasurer } from "./textMeasure.ts";

export interface ExportRequest {
  /** The drawn (filtered) graph. */
  readonly graph: FlowGraph;
  readonly selection: HighlightSelection;
  readonly dataset: ExportDataset;
  /** The selected loop's report, whose round trip the subtitle states. */
  readonly loop?: LoopReport | null;
  readonly settings?: Partial<ExportSettings>;
  readonly wording?: ExportWording;
  /** A stress-test scenario to draw, with its caption. */
  readonly stress?: { readonly overlay: StressOverlay; readonly caption: string } | null;
  /** What a large dataset's graph leaves out; said in a whole-graph picture. */
  readonly largeView?: LargeViewSummary | null;
  /** A flow's evidence tiers by edge key (hop key). */
  readonly evidenceOf?: (edge: string) => readonly EvidenceTier[];
  readonly shareUrl?: string | null;
}

export interface PreparedExport {
  readonly composition: Composition;
  readonly svg: string;
  /** The words the view suggests, before the user's edits (the dialog's placeholders). */
  readonly suggested: { readonly headline: string; readonly subtitle: string };
  readonly fileStem: string;
  readonly edgeCount: number;
  /** Set when the subgraph has more than EXPORT_WARN_EDGES flows. */
  readonly warning: string | null;
}

export interface ExportResult {
  readonly blob: Blob;
  readonly fileName: string;
  /** Pixels for a PNG, CSS pixels (user units) for an SVG. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** Composes the export of what `request.selection` highlights. */
export function prepareExport(
  request: ExportRequest,
  measure: TextMeasurer = createCanvasMeasurer(),
): PreparedExport {
  const settings = resolveExportSettings(request.settings);
  const subgraph = selectExportSubgraph(request.graph, request.selection);
  const stress = request.stress ?? null;
  const described = stress
    ? withStressLegend(describeExport(subgraph, request.dataset, request.loop), stress.caption)
    : describeExport(subgraph, request.dataset, request.loop);
  const description =
    request.largeView && subgraph.kind === "graph"
      ? withLargeViewNote(described, request.largeView)
      : described;
  const composition = composeExport({
    subgraph,
    description,
    settings,
    wording: request.wording ?? DEFAULT_WORDING,
    measure,
    overlays: { stress: stress?.overlay ?? null },
    ...(request.evidenceOf ? { evidenceOf: request.evidenceOf } : {}),
    shareUrl: request.shareUrl ?? null,
  });
  const edgeCount = subgraph.graph.size;
  return {
    composition,
    svg: serializeSvg(composition),
    suggested: { headline: description.title, subtitle: description.subtitle },
    fileStem: description.fileStem,
    edgeCount,
    warning:
      edgeCount > EXPORT_WARN_EDGES
        ? `This export draws ${edgeCount.toLocaleString("en-US")} flows, over ${EXPORT_WARN_EDGES.toLocaleString("en-US")}: many amounts will be left out where they would overlap.`
        : null,
  };
}

/** The file of a prepared export: its SVG, or that SVG rasterised. */
export async function renderExport(
  prepared: PreparedExport,
  format: ExportFormat,
): Promise<ExportResult> {
  const { composition, svg } = prepared;
  const fileName = exportFileName({ fileStem: prepared.fileStem }, format);
  if (format === "svg") {
    return {
      blob: new Blob([svg], { type: "image/svg+xml" }),
      fileName,
      width: Math.ceil(composition.width),
      height: Math.ceil(composition.height),
      pixelRatio: 1,
    };
  }
  const raster = await rasterizeSvg(
    svg,
    composition.width,
    composition.height,
    composition.size.pixelRatio,
  );
  return { ...raster, fileName };
}
