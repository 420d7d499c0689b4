/**
 * Export frame: where the title, subtitle, drawing, legend and footer go.
 *
 * One layout, in CSS pixels, that both the PNG composition (2D canvas) and the
 * SVG serialization draw, so the two exports match. Text wraps on spaces to
 * the content width (at least MIN_CONTENT_WIDTH, else the drawing's width);
 * the sources line is shortened with "and N more" until it fits two lines.
 * O(words) measurements.
 *
 * Reference: none; a plain flow layout, top to bottom.
 */
import { GRAPH_FONT } from "../settings.ts";
import { type ExportDescription, formatSourcesLine } from "./describe.ts";
import type { Scene } from "./scene.ts";
import type { TextMeasurer } from "./textMeasure.ts";

export interface FrameText {
  readonly text: string;
  /** Left end of the baseline. */
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly color: string;
}
export interface FrameSwatch {
  readonly kind: "line" | "dot";
  /** Centre of the swatch. */
  readonly x: number;
  readonly y: number;
  readonly color: string;
  /** Line thickness, or dot radius. */
  readonly size: number;
  /** Line length; 0 for a dot. */
  readonly length: number;
  readonly opacity: number;
}
export interface FrameLayout {
  readonly width: number;
  readonly height: number;
  /** Where the drawing goes, at its own size. */
  readonly graph: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly texts: readonly FrameText[];
  readonly swatches: readonly FrameSwatch[];
}

export const MIN_CONTENT_WIDTH = 560;
const MARGIN = 28;
const INK = "#0f172a";
const MUTED = "#475569";
const TITLE_FONT = `700 22px ${GRAPH_FONT}`;
const SUBTITLE_FONT = `400 13px ${GRAPH_FONT}`;
const LEGEND_HEADING_FONT = `600 12px ${GRAPH_FONT}`;
const LEGEND_FONT = `400 12px ${GRAPH_FONT}`;
const FOOTER_FONT = `400 11px ${GRAPH_FONT}`;
const UNDISCLOSED_SWATCH = "#7a7a7a";
const SWATCH_LENGTH = 22;

/** The frame around a drawing of `graphWidth` × `graphHeight` CSS pixels. */
export function layoutFrame(
  graphWidth: number,
  graphHeight: number,
  description: ExportDescription,
  measure: TextMeasurer,
): FrameLayout {
  if (!(graphWidth >= 0 && graphHeight >= 0)) {
    throw new Error(`graph/export: drawing size must be >= 0, got ${graphWidth} × ${graphHeight}`);
  }
  const contentWidth = Math.max(graphWidth, MIN_CONTENT_WIDTH);
  const texts: FrameText[] = [];
  const swatches: FrameSwatch[] = [];
  let y = MARGIN;
  const addLines = (lines: string[], font: string, color: string, size: number, gap: number) => {
    for (const line of lines) {
      texts.push({ text: line, x: MARGIN, y: y + size, font, color });
      y += size + gap;
    }
  };

  addLines(
    wrapText(description.title, TITLE_FONT, contentWidth, measure, 3),
    TITLE_FONT,
    INK,
    22,
    6,
  );
  y += 2;
  addLines(
    wrapText(description.subtitle, SUBTITLE_FONT, contentWidth, measure, 2),
    SUBTITLE_FONT,
    MUTED,
    13,
    5,
  );
  y += 14;
  const graph = {
    x: MARGIN + Math.round((contentWidth - graphWidth) / 2),
    y,
    width: graphWidth,
    height: graphHeight,
  };
  y += graphHeight + 14;

  // Legend: a heading, then swatch + name items that wrap like words.
  const legendRow = (
    heading: string,
    items: { label: string; swatch: Omit<FrameSwatch, "x" | "y"> }[],
  ) => {
    if (items.length === 0) return;
    const rowHeight = 20;
    let x = MARGIN;
    const baseline = () => y + 14;
    texts.push({ text: heading, x, y: baseline(), font: LEGEND_HEADING_FONT, color: INK });
    x += measure(heading, LEGEND_HEADING_FONT) + 12;
    for (const item of items) {
      const width = SWATCH_LENGTH + 6 + measure(item.label, LEGEND_FONT);
      if (x + width > MARGIN + contentWidth && x > MARGIN + 80) {
        y += rowHeight;
        x = MARGIN + 12;
      }
      const cx = item.swatch.kind === "line" ? x + SWATCH_LENGTH / 2 : x + 6;
      swatches.push({ ...item.swatch, x: cx, y: y + 10 });
      const textX = item.swatch.kind === "line" ? x + SWATCH_LENGTH + 6 : x + 16;
      texts.push({ text: item.label, x: textX, y: baseline(), font: LEGEND_FONT, color: INK });
      x = textX + measure(item.label, LEGEND_FONT) + 16;
    }
    y += rowHeight + 4;
  };
  legendRow("Flows by deal type", [
    ...description.dealTypes.map((e) => ({
      label: e.label,
      swatch: { kind: "line" as const, color: e.color, size: 4, length: SWATCH_LENGTH, opacity: 1 },
    })),
    ...(description.hasUndisclosed
      ? [
          {
            label: "Amount undisclosed",
            swatch: {
              kind: "line" as const,
              color: UNDISCLOSED_SWATCH,
              size: 1.5,
              length: SWATCH_LENGTH,
              opacity: 0.7,
            },
          },
        ]
      : []),
  ]);
  legendRow(
    "Companies",
    description.companyKinds.map((e) => ({
      label: e.label,
      swatch: { kind: "dot" as const, color: e.color, size: 6, length: 0, opacity: 1 },
    })),
  );

  y += 6;
  let budget = Math.floor((2 * contentWidth) / Math.max(1, measure("n", FOOTER_FONT)));
  let sources = wrapText(
    formatSourcesLine(description.sources, budget),
    FOOTER_FONT,
    contentWidth,
    measure,
    99,
  );
  while (sources.length > 2 && budget > 40) {
    budget -= 20;
    sources = wrapText(
      formatSourcesLine(description.sources, budget),
      FOOTER_FONT,
      contentWidth,
      measure,
      99,
    );
  }
  addLines(sources.slice(0, 2), FOOTER_FONT, MUTED, 11, 5);
  const note =
    `Data as of ${description.asOf}. Arrows point from payer to payee; amounts are announced ` +
    "commitments in US$, not cash paid. Made with Ouroboros.";
  addLines(wrapText(note, FOOTER_FONT, contentWidth, measure, 3), FOOTER_FONT, MUTED, 11, 5);

  return {
    width: contentWidth + 2 * MARGIN,
    height: Math.ceil(y + MARGIN - 5),
    graph,
    texts,
    swatches,
  };
}

/** Splits `text` on spaces into lines no wider than `maxWidth`; the last kept line ends in "…" if cut. */
export function wrapText(
  text: string,
  font: string,
  maxWidth: number,
  measure: TextMeasurer,
  maxLines: number,
): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (measure(last, font) > maxWidth && last.length > 1)
    last = `${last.slice(0, -2).trimEnd()}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** Space around the drawing inside its area, in CSS pixels. */
export const GRAPH_PADDING = 16;

export interface ExportLayout {
  readonly scene: Scene;
  readonly frame: FrameLayout;
  /** Add to a scene point to get its place in the image. */
  readonly offset: { readonly x: number; readonly y: number };
}

/** The frame around a scene's drawing, and where the scene goes in it. */
export function layoutExport(
  scene: Scene,
  description: ExportDescription,
  measure: TextMeasurer,
): ExportLayout {
  const { minX, minY, maxX, maxY } = scene.bounds;
  const frame = layoutFrame(
    Math.ceil(maxX - minX + 2 * GRAPH_PADDING),
    Math.ceil(maxY - minY + 2 * GRAPH_PADDING),
    description,
    measure,
  );
  return {
    scene,
    frame,
    offset: { x: frame.graph.x + GRAPH_PADDING - minX, y: frame.graph.y + GRAPH_PADDING - minY },
  };
}
