/**
 * PNG export: the export's SVG (`svg.ts`) rasterised by the browser at the
 * preset's pixel ratio, so the PNG shows exactly what the SVG and the export
 * dialog's preview show: same scene, same label placement, same text. The
 * SVG is loaded as an image from a blob: URL (allowed by the app's CSP) and
 * drawn once onto a 2D canvas, which the browser renders as vectors at the
 * target size. O(pixels).
 *
 * Reference: HTML `HTMLImageElement.decode()`, `CanvasRenderingContext2D.drawImage`.
 */
import { effectivePixelRatio } from "./options.ts";

/** The canvas's PNG bytes. */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("graph/export: the canvas gave no PNG"))),
      "image/png",
    );
  });
}

export interface RasterResult {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
  /** Pixels per CSS pixel used: the asked ratio, lowered only past the browser's canvas limits. */
  readonly pixelRatio: number;
}

/** Draws `svg` (a document of `width` × `height` CSS px) as a PNG at `pixelRatio`. */
export async function rasterizeSvg(
  svg: string,
  width: number,
  height: number,
  pixelRatio: number,
): Promise<RasterResult> {
  const ratio = effectivePixelRatio(pixelRatio, width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("graph/export: no 2D canvas context");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await canvasToPngBlob(canvas);
    return { blob, width: canvas.width, height: canvas.height, pixelRatio: ratio };
  } finally {
    URL.revokeObjectURL(url);
  }
}
