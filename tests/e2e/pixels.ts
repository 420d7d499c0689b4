/** Pixel checks on PNG screenshots, for "the canvas is not blank" and exports. */
import { PNG } from "pngjs";

/** Share of pixels that differ from the most common colour (the background). */
export function nonBackgroundShare(png: Buffer): number {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  const { data } = img;
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  const total = data.length / 4;
  return (total - top) / total;
}

/** Count of pixels close to an RGB colour. */
export function countNear(png: Buffer, rgb: [number, number, number], tolerance = 40): number {
  const img = PNG.sync.read(png);
  const { data } = img;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const d =
      Math.abs(data[i]! - rgb[0]) +
      Math.abs(data[i + 1]! - rgb[1]) +
      Math.abs(data[i + 2]! - rgb[2]);
    if (d <= tolerance) n++;
  }
  return n;
}
