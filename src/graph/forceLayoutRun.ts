/**
 * ForceAtlas2 in a web worker, with a deterministic stop.
 *
 * graphology's FA2 supervisor runs one iteration per message and writes each
 * result to the graph; this counts those updates and stops once the mean move
 * per iteration falls below a small share of the drawing (converged), or after
 * an iteration cap, so two runs on the same graph stop at the same iteration.
 * A wall-time cap only guards very large graphs. Then, like the synchronous
 * layout, it normalises the extent and removes overlaps. O(N) bookkeeping per
 * iteration on top of FA2's own cost.
 *
 * Reference: M. Jacomy et al., "ForceAtlas2", PLoS ONE 9(6), 2014;
 * graphology-layout-forceatlas2/worker.
 */
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import type { FlowGraph } from "./buildGraph.ts";
import { forceLayoutSettings, normalizeExtent, removeOverlaps } from "./layout.ts";

/** The worker stops once the mean move per iteration is below this share of the extent. */
export const CONVERGED_MOVE_SHARE = 0.0005;

export interface ForceLayoutOptions {
  readonly maxIterations: number;
  /** Safety cap for very large graphs; normal runs stop on iterations first. */
  readonly maxMs: number;
  /** Called after each iteration has been written to the graph. */
  readonly onTick?: () => void;
}

export interface ForceLayoutResult {
  readonly iterations: number;
  readonly reason: "converged" | "max-iterations" | "max-time" | "stopped";
}

export interface ForceLayoutRun {
  readonly done: Promise<ForceLayoutResult>;
  /** Stops the run, leaving positions as they are; `done` resolves with reason "stopped". */
  stop(): void;
}

/**
 * Runs FA2 in a web worker from the graph's current positions, then normalises
 * and removes overlaps. The worker applies one iteration per message, so
 * stopping inside the update event keeps exactly the iterations counted.
 */
export function runForceLayout(graph: FlowGraph, options: ForceLayoutOptions): ForceLayoutRun {
  if (!(Number.isInteger(options.maxIterations) && options.maxIterations >= 1)) {
    throw new Error("graph/forceLayoutRun: maxIterations must be an integer >= 1");
  }
  if (typeof Worker === "undefined") {
    throw new Error("graph/forceLayoutRun: web workers are unavailable; use computeLayoutSync");
  }
  let finish: (reason: ForceLayoutResult["reason"]) => void = () => {};
  const done = new Promise<ForceLayoutResult>((resolve) => {
    if (graph.order === 0 || graph.size === 0) {
      finish = () => {};
      normalizeExtent(graph);
      removeOverlaps(graph);
      resolve({ iterations: 0, reason: "converged" });
      return;
    }
    const supervisor = new FA2LayoutSupervisor(graph, {
      settings: forceLayoutSettings(graph.order),
    });
    const startedAt = performance.now();
    let previous = snapshot(graph);
    let iterations = 0;
    let settled = false;
    const onUpdate = () => {
      if (settled) return;
      iterations++;
      const current = snapshot(graph);
      const move = meanMove(previous, current) / Math.max(1, spanOf(current));
      previous = current;
      options.onTick?.();
      if (move < CONVERGED_MOVE_SHARE) finish("converged");
      else if (iterations >= options.maxIterations) finish("max-iterations");
      else if (performance.now() - startedAt > options.maxMs) finish("max-time");
    };
    finish = (reason) => {
      if (settled) return;
      settled = true;
      // NOTE: this runs inside the supervisor's message handler, which still uses
      // its buffers afterwards: stop now (drops the next iteration), kill after.
      supervisor.stop();
      queueMicrotask(() => supervisor.kill());
      graph.removeListener("eachNodeAttributesUpdated", onUpdate);
      // A stopped run is abandoned: its positions are not worth finishing.
      if (reason !== "stopped") {
        normalizeExtent(graph);
        removeOverlaps(graph);
      }
      resolve({ iterations, reason });
    };
    graph.on("eachNodeAttributesUpdated", onUpdate);
    supervisor.start();
  });
  return { done, stop: () => finish("stopped") };
}

function snapshot(graph: FlowGraph): Float64Array {
  const xy = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_id, attr) => {
    xy[i++] = attr.x;
    xy[i++] = attr.y;
  });
  return xy;
}

function meanMove(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 2) total += Math.hypot(b[i]! - a[i]!, b[i + 1]! - a[i + 1]!);
  return total / Math.max(1, a.length / 2);
}

function spanOf(xy: Float64Array): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    minX = Math.min(minX, xy[i]!);
    maxX = Math.max(maxX, xy[i]!);
    minY = Math.min(minY, xy[i + 1]!);
    maxY = Math.max(maxY, xy[i + 1]!);
  }
  return xy.length ? Math.max(maxX - minX, maxY - minY) : 0;
}
