/**
 * Export options: resolution and background of a PNG or SVG export.
 *
 * `scale` is output pixels per CSS pixel of the on-screen drawing (1×, 2× or
 * 4×); `background` is white or transparent. Every bag is checked by
 * `validateExportOptions` before use, with namespaced messages, and completed
 * by `resolveExportOptions`. The limits below keep an export inside what a
 * browser canvas and a WebGL drawing buffer can hold.
 *
 * Reference: sigma.js `packages/export-image/src/options.ts`.
 */

export const EXPORT_SCALES = [1, 2, 4] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

export const EXPORT_BACKGROUNDS = ["white", "transparent"] as const;
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];

export const EXPORT_FORMATS = ["png", "svg"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Output pixels per CSS pixel of the drawing as seen on screen. */
  readonly scale: ExportScale;
  readonly background: ExportBackground;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { scale: 2, background: "white" };

/**
 * Above this many flows an export shows a warning (it still runs): labels
 * crowd and software WebGL takes seconds. Below the largest-flows view's
 * 2,500 (`largeView.ts`), so a large dataset's picture is warned of.
 */
export const EXPORT_WARN_EDGES = 2_000;

/** Longest side of a PNG, in pixels: WebGL drawing buffers are often capped at 8,192. */
export const MAX_EXPORT_SIDE_PX = 8192;
/**
 * Most pixels in a PNG. NOTE: sigma keeps seven full-size layers while
 * drawing, so 16 Mpx already means about 450 MB of canvases for a moment.
 */
export const MAX_EXPORT_AREA_PX = 16_777_216;
/**
 * Longest side of the drawn graph, in CSS pixels. The camera can zoom far in,
 * and an export of what the camera frames at ratio 0.05 would be huge: beyond
 * this the positions are drawn closer together (labels keep their size).
 */
export const MAX_GRAPH_SIDE_CSS = 2400;

/** Throws a namespaced error naming the first bad option. */
export function validateExportOptions(options: unknown): asserts options is Partial<ExportOptions> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error("graph/export: options must be an object");
  }
  const { scale, background } = options as Record<string, unknown>;
  if (scale !== undefined && !EXPORT_SCALES.includes(scale as ExportScale)) {
    throw new Error(
      `graph/export: scale must be one of ${EXPORT_SCALES.join(", ")}, got ${String(scale)}`,
    );
  }
  if (background !== undefined && !EXPORT_BACKGROUNDS.includes(background as ExportBackground)) {
    throw new Error(
      `graph/export: background must be one of ${EXPORT_BACKGROUNDS.join(", ")}, got ${String(background)}`,
    );
  }
}

/** The options with defaults filled in; throws like `validateExportOptions`. */
export function resolveExportOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  validateExportOptions(options);
  return { ...DEFAULT_EXPORT_OPTIONS, ...options };
}

/**
 * The pixel ratio actually used for a drawing of `width` × `height` CSS pixels:
 * the asked scale, lowered when the image would pass the size limits.
 */
export function effectivePixelRatio(scale: number, width: number, height: number): number {
  if (!(width > 0 && height > 0)) {
    throw new Error(`graph/export: size must be positive, got ${width} × ${height}`);
  }
  return Math.min(
    scale,
    MAX_EXPORT_SIDE_PX / Math.max(width, height),
    Math.sqrt(MAX_EXPORT_AREA_PX / (width * height)),
  );
}
