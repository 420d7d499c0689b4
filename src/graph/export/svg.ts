/**
 * SVG export: the export scene and its frame as SVG elements, for print and
 * editing.
 *
 * NOTE: sigma draws with WebGL and canvas 2D and cannot emit vectors, so the
 * SVG is not a second renderer with its own rules: it serializes the scene
 * (`scene.ts`), whose display attributes come from the same reducers and
 * settings sigma draws the PNG with, and whose geometry follows sigma's
 * programs (see `edgeGeometry.ts`). Layers go in sigma's order: flows, their
 * amounts, discs, labels, then highlighted boxes with their disc and label.
 * Labels are real text (editable, searchable) with a halo drawn by
 * `paint-order: stroke`. O(N + E).
 *
 * Reference: SVG 1.1 / SVG 2 (`textPath`, `paint-order`); sigma 3 layer order.
 */
import { xmlSafe } from "../../domain/xmlText.ts";
import type { Point, Quad } from "./edgeGeometry.ts";
import type { ExportDescription } from "./describe.ts";
import type { ExportLayout } from "./frame.ts";
import type { ExportBackground } from "./options.ts";

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
 * `#rrggbb` or `#rrggbbaa` as an SVG paint and opacity. WebGL colours are
 * premultiplied (see palette.ts `withAlpha`) and are divided back; canvas 2D
 * colours are plain.
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

const quadPath = (q: Quad, o: Point) =>
  `M${n(q.p0.x + o.x)} ${n(q.p0.y + o.y)}Q${n(q.p1.x + o.x)} ${n(q.p1.y + o.y)} ${n(q.p2.x + o.x)} ${n(q.p2.y + o.y)}`;

const fontStyle = (font: string) => `style="font:${escapeXml(font)}"`;

/** The whole export as a standalone SVG document. */
export function serializeSvg(
  layout: ExportLayout,
  description: ExportDescription,
  background: ExportBackground,
): string {
  const { scene, frame, offset: o } = layout;
  const { style } = scene;
  const out: string[] = [];
  const w = Math.ceil(frame.width);
  const h = Math.ceil(frame.height);
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(description.title)}</title>`,
    `<desc>${escapeXml(description.subtitle)}</desc>`,
    `<defs><filter id="box-shadow" x="-20%" y="-50%" width="140%" height="200%"><feDropShadow dx="0" dy="0" stdDeviation="3" flood-color="#000000" flood-opacity="0.33"/></filter></defs>`,
  );
  if (background === "white") out.push(`<rect width="${w}" height="${h}" fill="#ffffff"/>`);

  out.push(`<g id="flows" fill="none" stroke-linecap="butt">`);
  for (const e of scene.edges) {
    out.push(
      `<path d="${quadPath(e.shape.shaft, o)}" ${paint("stroke", e.color, true)} stroke-width="${n(e.width)}"/>`,
    );
    if (e.shape.head) {
      const [a, b, c] = e.shape.head;
      out.push(
        `<path d="M${n(a.x + o.x)} ${n(a.y + o.y)}L${n(b.x + o.x)} ${n(b.y + o.y)}L${n(c.x + o.x)} ${n(c.y + o.y)}Z" stroke="none" ${paint("fill", e.color, true)}/>`,
      );
    }
  }
  out.push(
    `</g>`,
    `<g id="amounts" ${fontStyle(style.edgeLabelFont)} ${paint("fill", style.edgeLabelColor, false)}>`,
  );
  scene.edges.forEach((e, i) => {
    const label = e.label;
    if (!label) return;
    if (label.kind === "curved") {
      const id = `amount-path-${i}`;
      out.push(
        `<path id="${id}" d="${quadPath(label.path, o)}" fill="none" stroke="none"/>`,
        `<text><textPath href="#${id}" xlink:href="#${id}" startOffset="50%" text-anchor="middle">${escapeXml(label.text)}</textPath></text>`,
      );
    } else {
      const deg = (label.angle * 180) / Math.PI;
      out.push(
        `<text transform="translate(${n(label.x + o.x)} ${n(label.y + o.y)}) rotate(${n(deg)})" x="${n(label.dx)}" y="${n(label.dy)}">${escapeXml(label.text)}</text>`,
      );
    }
  });
  out.push(`</g>`, `<g id="companies">`);
  for (const node of scene.nodes) {
    out.push(
      `<circle cx="${n(node.x + o.x)}" cy="${n(node.y + o.y)}" r="${n(node.radius)}" ${paint("fill", node.color, true)}/>`,
    );
  }
  const labelText = (node: (typeof scene.nodes)[number]) =>
    node.label
      ? `<text x="${n(node.label.x + o.x)}" y="${n(node.label.y + o.y)}">${escapeXml(node.label.text)}</text>`
      : "";
  const labelGroup = `${fontStyle(style.labelFont)} ${paint("fill", style.labelColor, false)} ${paint("stroke", style.labelHalo, false)} stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
  out.push(`</g>`, `<g id="company-names" ${labelGroup}>`);
  for (const node of scene.nodes) out.push(labelText(node));
  out.push(`</g>`, `<g id="highlighted">`);
  for (const node of scene.nodes) {
    const b = node.box;
    if (!b) continue;
    out.push(
      `<rect x="${n(b.x + o.x)}" y="${n(b.y + o.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${n(b.radius)}" ${paint("fill", style.boxFill, false)} ${paint("stroke", style.boxStroke, false)} stroke-width="1" filter="url(#box-shadow)"/>`,
      `<g ${labelGroup}>${labelText(node)}</g>`,
      `<circle cx="${n(node.x + o.x)}" cy="${n(node.y + o.y)}" r="${n(node.radius)}" ${paint("fill", node.color, true)}/>`,
    );
  }
  out.push(`</g>`, `<g id="frame">`);
  for (const s of frame.swatches) {
    const colour = paint(s.kind === "line" ? "stroke" : "fill", s.color, false);
    const opacity = s.opacity === 1 ? "" : ` opacity="${s.opacity}"`;
    out.push(
      s.kind === "line"
        ? `<line x1="${n(s.x - s.length / 2)}" y1="${n(s.y)}" x2="${n(s.x + s.length / 2)}" y2="${n(s.y)}" ${colour} stroke-width="${n(s.size)}" stroke-linecap="round"${opacity}/>`
        : `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.size)}" ${colour}${opacity}/>`,
    );
  }
  for (const t of frame.texts) {
    out.push(
      `<text x="${n(t.x)}" y="${n(t.y)}" ${fontStyle(t.font)} fill="${t.color}">${escapeXml(t.text)}</text>`,
    );
  }
  out.push(`</g>`, `</svg>`, ``);
  return out.join("\n");
}
