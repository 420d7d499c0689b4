/**
 * Text measurement for export layout: label widths decide the crop, the
 * legend's wrapping and the footer's cut. In the browser a 2D canvas measures
 * with the real font (the same one sigma draws labels with); in Node an
 * average-advance estimate stands in, so the pure layout can be unit-tested.
 * O(length) per call.
 *
 * Reference: CanvasRenderingContext2D.measureText (HTML Living Standard).
 */

/** Width in CSS pixels of `text` drawn in the CSS `font` (e.g. "500 13px system-ui"). */
export type TextMeasurer = (text: string, font: string) => number;

/** The pixel size in a CSS font shorthand; throws when it has none. */
export function fontSizeOf(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  if (!m) throw new Error(`graph/export: font must give a size in px, got "${font}"`);
  return Number(m[1]);
}

/** An estimate: 0.56 em per character (0.6 em when bold), fine for sans-serif text. */
export const approximateTextWidth: TextMeasurer = (text, font) =>
  text.length * fontSizeOf(font) * (/\b(bold|[6-9]00)\b/.test(font) ? 0.6 : 0.56);

/** A measurer backed by a 2D canvas, or the estimate when no canvas is available. */
export function createCanvasMeasurer(): TextMeasurer {
  const context =
    typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!context) return approximateTextWidth;
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

/**
 * Splits `text` on spaces (a word wider than a line, such as a link, anywhere) into lines
 * no wider than `maxWidth`; the last kept line ends in "…" if cut.
 */
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
  for (const word of text.split(/\s+/).flatMap((w) => breakWord(w, font, maxWidth, measure))) {
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

/** A word wider than `maxWidth` (a link) cut into pieces that fit; any other word as is. */
function breakWord(word: string, font: string, maxWidth: number, measure: TextMeasurer): string[] {
  if (measure(word, font) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && measure(piece + ch, font) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
