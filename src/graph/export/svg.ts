/**
 * SVG export: a composition (`compose.ts`) as a standalone SVG document. The
 * PNG is this SVG rasterised (`png.ts`), so both carry the same scene, the
 * same label placement and the same words.
 *
 * Layers: the frame's texts, then flows (dashed when no amount is disclosed),
 * arrow heads, discs with a ring for focused companies, then labels as real
 * text (editable, searchable) with a halo drawn by `paint-order: stroke`. A
 * print preset states its physical width in millimetres. O(N + E + T).
 *
 * Reference: SVG 2 (`paint-order`, `dominant-baseline`, `stroke-dasharray`).
 */
import { xmlSafe } from "../../domain/xmlText.ts";
import type { Composition, ComposedText } from "./compose.ts";
import type { Quad } from "./edgeGeometry.ts";

/** Escapes text for XML content and attribute values, dropping characters XML forbids. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * `#rrggbb` or `#rrggbbaa` as an SVG paint and opacity. The graph's colours
 * carry straight alpha (`palette.ts` `withAlpha`); `premultiplied` divides the
 * channels back for colours read from a premultiplied buffer.
 */
export function svgPaint(hex: string, premultiplied: boolean): { color: string; opacity: number } {
  if (!/^#([0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex)) {
    throw new Error(`graph/export: colour must be #rrggbb or #rrggbbaa, got "${hex}"`);
  }
  const alpha = hex.length === 9 ? parseInt(hex.slice(7, 9), 16) / 255 : 1;
  if (!premultiplied || alpha === 1 || alpha === 0)
    return { color: hex.slice(0, 7), opacity: alpha };
  const channel = (i: number) =>
    Math.min(255, Math.round(parseInt(hex.slice(i, i + 2), 16) / alpha))
      .toString(16)
      .padStart(2, "0");
  return {
    color: `#${channel(1)}${channel(3)}${channel(5)}`,
    opacity: Math.round(alpha * 1000) / 1000,
  };
}

function paint(attr: "fill" | "stroke", hex: string, premultiplied: boolean): string {
  const { color, opacity } = svgPaint(hex, premultiplied);
  return opacity === 1 ? `${attr}="${color}"` : `${attr}="${color}" ${attr}-opacity="${opacity}"`;
}

const quadPath = (q: Quad) =>
  `M${n(q.p0.x)} ${n(q.p0.y)}Q${n(q.p1.x)} ${n(q.p1.y)} ${n(q.p2.x)} ${n(q.p2.y)}`;

function textElement(t: ComposedText): string {
  const attrs = [
    `x="${n(t.x)}"`,
    `y="${n(t.y)}"`,
    `style="font:${escapeXml(t.font)}"`,
    paint("fill", t.color, false),
  ];
  if (t.anchor === "middle") attrs.push(`text-anchor="middle"`, `dominant-baseline="central"`);
  if (t.angle !== 0) attrs.push(`transform="rotate(${n(t.angle)} ${n(t.x)} ${n(t.y)})"`);
  if (t.halo) {
    attrs.push(
      paint("stroke", t.halo, false),
      `stroke-width="3"`,
      `stroke-linejoin="round"`,
      `paint-order="stroke"`,
    );
  }
  const lines = t.text.split("\n");
  // NOTE: centred lines: the first goes up half a line per extra line, the rest follow.
  const body =
    lines.length === 1
      ? escapeXml(t.text)
      : lines
          .map(
            (line, i) =>
              `<tspan x="${n(t.x)}" dy="${i === 0 ? n(-0.6 * (lines.length - 1)) : "1.2"}em">${escapeXml(line)}</tspan>`,
          )
          .join("");
  return `<text class="${t.role}" ${attrs.join(" ")}>${body}</text>`;
}

/** The composition as a standalone SVG document. */
export function serializeSvg(c: Composition): string {
  const w = n(c.width);
  const h = n(c.height);
  const physical =
    c.size.widthMm === null
      ? `width="${w}" height="${h}"`
      : `width="${n(c.size.widthMm)}mm" height="${n((c.size.widthMm * c.height) / c.width)}mm"`;
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" ${physical} viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(c.title)}</title>`,
    `<desc>${escapeXml(c.description)}</desc>`,
  ];
  if (c.background === "white") out.push(`<rect width="${w}" height="${h}" fill="#ffffff"/>`);
  out.push(`<g id="flows" fill="none" stroke-linecap="butt">`);
  for (const e of c.edges) {
    const dash = e.dashed ? ` stroke-dasharray="${n(e.width * 4)} ${n(e.width * 3)}"` : "";
    out.push(
      `<path d="${quadPath(e.shaft)}" ${paint("stroke", e.color, false)} stroke-width="${n(e.width)}"${dash}/>`,
    );
    if (e.head) {
      const [a, b, d] = e.head;
      out.push(
        `<path d="M${n(a.x)} ${n(a.y)}L${n(b.x)} ${n(b.y)}L${n(d.x)} ${n(d.y)}Z" stroke="none" ${paint("fill", e.color, false)}/>`,
      );
    }
  }
  out.push(`</g>`, `<g id="companies">`);
  for (const node of c.nodes) {
    const ring = node.ring ? ` ${paint("stroke", node.ring, false)} stroke-width="2"` : "";
    out.push(
      `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.radius)}" ${paint("fill", node.color, false)}${ring}/>`,
    );
  }
  out.push(`</g>`, `<g id="labels">`);
  for (const t of c.texts) if (t.role === "label") out.push(textElement(t));
  out.push(`</g>`, `<g id="frame">`);
  for (const s of c.swatches) {
    const colour = paint(s.kind === "line" ? "stroke" : "fill", s.color, false);
    const dash = s.dashed ? ` stroke-dasharray="5 3"` : "";
    out.push(
      s.kind === "line"
        ? `<line x1="${n(s.x - s.length / 2)}" y1="${n(s.y)}" x2="${n(s.x + s.length / 2)}" y2="${n(s.y)}" ${colour} stroke-width="${n(s.size)}"${dash}/>`
        : `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.size)}" ${colour}/>`,
    );
  }
  for (const t of c.texts) if (t.role !== "label") out.push(textElement(t));
  out.push(`</g>`, `</svg>`, ``);
  return out.join("\n");
}
