/**
 * PNG export: sigma draws the subgraph, a 2D canvas adds the frame.
 *
 * A temporary sigma, given the shared export settings and reducers, draws the
 * subgraph into an off-screen container the size of the cropped drawing, with
 * its camera placed so every node lands where the scene put it; its layers are
 * then copied, in sigma's order, onto one canvas that already holds the
 * background, title, legend and footer. Everything happens in one synchronous
 * stretch (WebGL buffers are read before the browser may clear them), like
 * @sigma/export-image's `drawOnCanvas`. NOTE: that helper is not used because
 * it copies the on-screen sigma's whole graph and sizes its canvas by
 * `window.devicePixelRatio`, where an export needs the subgraph at 1×, 2× or
 * 4×. Sigma has no pixel-ratio setting, so the ratio is set by shadowing
 * `devicePixelRatio` for that synchronous stretch only. Cost: one sigma
 * render of the subgraph, O(N + E) plus the pixels.
 *
 * Reference: @sigma/export-image 3 `drawOnCanvas`; sigma 3 `resize` (pixel ratio).
 */
import { DirectedGraph } from "graphology";
import Sigma from "sigma";
import type { CameraState } from "sigma/types";
import type { FlowEdgeAttributes, FlowGraph, FlowNodeAttributes } from "../buildGraph.ts";
import type { FlowSettings } from "../settings.ts";
import type { ExportLayout } from "./frame.ts";
import type { ExportBackground } from "./options.ts";

export type FlowSigma = Sigma<FlowNodeAttributes, FlowEdgeAttributes>;
type Extent = { x: [number, number]; y: [number, number] };

export interface SigmaDrawingInput {
  readonly graph: FlowGraph;
  /** Export settings with the reducers set. */
  readonly settings: Partial<FlowSettings>;
  /** The normalisation box of the on-screen sigma, so framed coordinates match. */
  readonly bbox: Extent;
  /** Size ratio the scene was built with (sigma's zoomToSizeRatioFunction value). */
  readonly sizeRatio: number;
  /** Pixels per framed-graph unit, and the framed point at the drawing's centre. */
  readonly pixelsPerFramedUnit: number;
  readonly center: { readonly x: number; readonly y: number };
  /** Checks, after drawing, where sigma put a few graph points (for tests). */
  readonly probe?: (toViewport: (p: { x: number; y: number }) => { x: number; y: number }) => void;
}

/** Runs `fn` while `window.devicePixelRatio` reads `ratio`; restores it even on error. */
function withPixelRatio<T>(ratio: number, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** The composed PNG as a canvas, `pixelRatio` pixels per CSS pixel of the layout. */
export function drawExportPng(
  layout: ExportLayout,
  drawing: SigmaDrawingInput,
  background: ExportBackground,
  pixelRatio: number,
): HTMLCanvasElement {
  const { frame } = layout;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(frame.width * pixelRatio);
  canvas.height = Math.round(frame.height * pixelRatio);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("graph/export: no 2D canvas context");
  if (background === "white") {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  drawSigmaLayers(ctx, drawing, frame.graph, pixelRatio);
  ctx.save();
  ctx.scale(pixelRatio, pixelRatio);
  for (const s of frame.swatches) {
    ctx.globalAlpha = s.opacity;
    ctx.beginPath();
    if (s.kind === "line") {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.size;
      ctx.lineCap = "round";
      ctx.moveTo(s.x - s.length / 2, s.y);
      ctx.lineTo(s.x + s.length / 2, s.y);
      ctx.stroke();
    } else {
      ctx.fillStyle = s.color;
      ctx.arc(s.x, s.y, s.size, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  for (const t of frame.texts) {
    ctx.font = t.font;
    ctx.fillStyle = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.restore();
  return canvas;
}

function drawSigmaLayers(
  ctx: CanvasRenderingContext2D,
  drawing: SigmaDrawingInput,
  area: { x: number; y: number; width: number; height: number },
  pixelRatio: number,
): void {
  const container = document.createElement("div");
  container.setAttribute("aria-hidden", "true");
  Object.assign(container.style, {
    position: "absolute",
    left: "-100000px",
    top: "0",
    width: `${area.width}px`,
    height: `${area.height}px`,
    pointerEvents: "none",
  });
  document.body.appendChild(container);
  let renderer: FlowSigma | null = null;
  try {
    withPixelRatio(pixelRatio, () => {
      // NOTE: built empty and given the subgraph last, so sigma renders it once, not twice.
      renderer = new Sigma(new DirectedGraph() as FlowGraph, container, {
        ...drawing.settings,
        stagePadding: 0,
        minCameraRatio: null,
        maxCameraRatio: null,
        zoomToSizeRatioFunction: () => drawing.sizeRatio,
        allowInvalidContainer: true,
      });
      renderer.setCustomBBox(drawing.bbox);
      const camera = renderer.getCamera();
      // NOTE: an explicit camera makes sigma recompute its matrix with the custom
      // box; the cached one still belongs to the empty graph.
      const unit = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
      const a = renderer.framedGraphToViewport({ x: 0, y: 0 }, unit);
      const b = renderer.framedGraphToViewport({ x: 1, y: 0 }, unit);
      const state: CameraState = {
        ...drawing.center,
        ratio: Math.abs(b.x - a.x) / drawing.pixelsPerFramedUnit,
        angle: 0,
      };
      camera.setState(state);
      renderer.setGraph(drawing.graph);
      const canvases = renderer.getCanvases();
      for (const id of Object.keys(canvases)) {
        if (id === "mouse") continue;
        ctx.drawImage(
          canvases[id]!,
          Math.round(area.x * pixelRatio),
          Math.round(area.y * pixelRatio),
        );
      }
      const drawn = renderer;
      drawing.probe?.((p) => drawn.graphToViewport(p));
    });
  } finally {
    (renderer as FlowSigma | null)?.kill();
    container.remove();
  }
}

/** The canvas as a PNG blob. */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("graph/export: the canvas gave no PNG"))),
      "image/png",
    );
  });
}
