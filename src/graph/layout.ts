/**
 * Layout: deterministic ForceAtlas2 followed by noverlap.
 *
 * Start positions are a circle with companies grouped by kind, then in dataset
 * order, so the same dataset always starts (and ends) in the same place. Then
 * ForceAtlas2 runs for a number of iterations fixed by the graph's size, here
 * synchronously (`computeLayoutSync`, also used in Node) or in a web worker
 * (`forceLayoutRun.ts`, which may stop earlier on convergence); both stop
 * rules count iterations, never wall time, so the picture is the same on every
 * machine. The result is centred and scaled to a fixed extent, then noverlap
 * pushes overlapping discs apart. FA2 is O(N² + E) per iteration, O(N log N + E)
 * with Barnes–Hut (on above BARNES_HUT_ORDER nodes); noverlap is grid-based,
 * about O(N) per iteration.
 *
 * Reference: M. Jacomy et al., "ForceAtlas2, a continuous graph layout
 * algorithm", PLoS ONE 9(6), 2014; graphology-layout-noverlap.
 */
import { COMPANY_KINDS } from "../domain/schema.ts";
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { FlowGraph } from "./buildGraph.ts";
import { positionsExtent, readPositions } from "./positions.ts";

/** Side of the square a small layout is scaled to, in graph units (≈ pixels at zoom 1). */
export const LAYOUT_EXTENT = 1000;
/** Gap noverlap keeps between node discs, in graph units. */
export const NODE_MARGIN = 8;
/** Above this many nodes FA2 uses Barnes–Hut and fewer iterations. */
export const BARNES_HUT_ORDER = 300;
/** Above this many nodes the layout is a quick draft: few iterations of each pass. */
export const LARGE_ORDER = 2000;
/**
 * Up to this many nodes the first layout runs synchronously. NOTE: measured in
 * Chromium, the sync layout of the default dataset takes ~20 ms, while starting
 * the worker costs ~0.5 s while the page is still busy loading.
 */
export const SYNC_LAYOUT_MAX_ORDER = 300;

const KIND_RANK = new Map<string, number>(COMPANY_KINDS.map((k, i) => [k, i]));

/** Places nodes on a circle, grouped by company kind, then in graph (dataset) order. */
export function assignInitialPositions(graph: FlowGraph): void {
  const nodes = graph.nodes();
  const order = nodes
    .map((id, i) => ({ id, i, rank: KIND_RANK.get(graph.getNodeAttribute(id, "kind")) ?? 0 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const radius = Math.max(100, order.length * 8);
  order.forEach(({ id }, k) => {
    const angle = (2 * Math.PI * k) / Math.max(1, order.length);
    graph.mergeNodeAttributes(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
}

/** FA2 settings: graphology's inferred ones, tuned to spread hubs and their clients. */
export function forceLayoutSettings(order: number): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(order),
    // NOTE: hubs (Nvidia, OpenAI) go to the centre; dissuading hubs keeps their
    // many suppliers and clients from piling onto them.
    outboundAttractionDistribution: true,
    linLogMode: false,
    gravity: 1,
    scalingRatio: 20,
    barnesHutOptimize: order > BARNES_HUT_ORDER,
  };
}

/**
 * How many FA2 iterations a graph of `order` nodes gets. NOTE: measured on the
 * generated 10,000-deal graphs (tests/bench): Barnes–Hut costs about 20 ms per
 * iteration at 2,000 nodes and 40 ms at 5,000, so large graphs stay near 2 s.
 */
export function forceLayoutIterations(order: number): number {
  if (order > LARGE_ORDER) return 30;
  if (order > BARNES_HUT_ORDER) return 60;
  return 600;
}

/** Side of the finished layout: grows with √order so big graphs have room to spread. */
export function layoutExtent(order: number): number {
  return Math.max(LAYOUT_EXTENT, 100 * Math.sqrt(order));
}

/** Centres the layout on 0 and scales its larger side to `extent`. */
export function normalizeExtent(graph: FlowGraph, extent = layoutExtent(graph.order)): void {
  if (graph.order === 0) return;
  const box = positionsExtent(readPositions(graph));
  const span = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]);
  const scale = span > 0 ? extent / span : 1;
  const cx = (box.x[0] + box.x[1]) / 2;
  const cy = (box.y[0] + box.y[1]) / 2;
  graph.updateEachNodeAttributes((_id, attr) => {
    attr.x = (attr.x - cx) * scale;
    attr.y = (attr.y - cy) * scale;
    return attr;
  });
}

/**
 * Above this many companies overlaps are left: noverlap runs on the page's main
 * thread and costs ~2 s an iteration at 20,000 nodes (Chromium), while discs
 * that small are not told apart by eye anyway.
 */
export const NOVERLAP_MAX_ORDER = 5000;

/** Pushes overlapping node discs apart (noverlap), keeping NODE_MARGIN between them. */
export function removeOverlaps(graph: FlowGraph): void {
  if (graph.order < 2 || graph.order > NOVERLAP_MAX_ORDER) return;
  noverlap.assign(graph, {
    // NOTE: noverlap costs ~40 ms per iteration at 2,000 nodes and ~100 ms at 5,000
    // (in Chromium); big graphs get a few.
    maxIterations: graph.order > LARGE_ORDER ? 3 : graph.order > BARNES_HUT_ORDER ? 8 : 300,
    settings: { margin: NODE_MARGIN, ratio: 1, expansion: 1.1, speed: 3 },
  });
}

/** The whole layout, synchronously: start circle, FA2, normalisation, noverlap. Deterministic. */
export function computeLayoutSync(graph: FlowGraph, iterations?: number): void {
  validateIterations(iterations);
  assignInitialPositions(graph);
  relaxLayoutSync(graph, iterations);
}

/** FA2 from the current positions, then normalisation and noverlap, synchronously. */
export function relaxLayoutSync(graph: FlowGraph, iterations?: number): void {
  validateIterations(iterations);
  if (graph.order === 0) return;
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: iterations ?? forceLayoutIterations(graph.order),
      settings: forceLayoutSettings(graph.order),
    });
  }
  normalizeExtent(graph);
  removeOverlaps(graph);
}

function validateIterations(iterations: number | undefined): void {
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 1)) {
    throw new Error("graph/layout: iterations must be an integer >= 1");
  }
}
