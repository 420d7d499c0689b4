/**
 * Export limits: what a browser canvas can hold, and when an export warns.
 * The preset sizes and the user's settings are in `presets.ts`.
 *
 * Reference: Chromium canvas limits (a 16,384 px side, 268 Mpx area; GPU
 * drawing buffers are often capped at 8,192 px).
 */

/**
 * Above this many flows an export shows a warning (it still runs): labels
 * are dropped where they would overlap. Below the largest-flows view's 2,500
 * (`largeView.ts`), so a large dataset's picture is warned of.
 */
export const EXPORT_WARN_EDGES = 2_000;

/** Longest side of a PNG, in pixels. */
export const MAX_EXPORT_SIDE_PX = 16_384;
/** Most pixels in a PNG (256 MB of canvas at 4 bytes a pixel). */
export const MAX_EXPORT_AREA_PX = 67_108_864;

/**
 * The pixel ratio actually used for a drawing of `width` × `height` CSS pixels:
 * the asked ratio, lowered when the image would pass the size limits.
 */
export function effectivePixelRatio(ratio: number, width: number, height: number): number {
  if (!(width > 0 && height > 0)) {
    throw new Error(`graph/export: size must be positive, got ${width} × ${height}`);
  }
  if (!(ratio > 0)) throw new Error(`graph/export: pixel ratio must be positive, got ${ratio}`);
  return Math.min(
    ratio,
    MAX_EXPORT_SIDE_PX / Math.max(width, height),
    Math.sqrt(MAX_EXPORT_AREA_PX / (width * height)),
  );
}
