/**
 * Node positions: reading them off a graph, writing them back (placing nodes
 * that have none near their neighbours), copying them between the full
 * dataset graph and the filtered one, and their bounding box. All O(N), or
 * O(N + E) when nodes need placing.
 *
 * Reference: graphology attribute updates (`updateEachNodeAttributes`).
 */
import type { FlowGraph } from "./buildGraph.ts";

export type Positions = Record<string, { x: number; y: number }>;

/** Radius of the ring where a node with no placed neighbour goes, as a share of the drawing. */
const RING_SHARE = 0.6;
/** Minimum side of the drawing used to size that ring, in graph units. */
const MIN_RING_SPAN = 1000;

/** The graph's node positions. */
export function readPositions(graph: FlowGraph): Positions {
  const positions: Positions = {};
  graph.forEachNode((id, attr) => {
    positions[id] = { x: attr.x, y: attr.y };
  });
  return positions;
}

/**
 * Writes `positions` onto the graph's nodes. A node without one goes to the
 * centroid of its placed neighbours (or onto a ring outside the drawing),
 * nudged by its index so two new nodes never land on the same spot.
 * Returns the ids that had no position.
 */
export function applyPositions(graph: FlowGraph, positions: Positions): string[] {
  const missing: string[] = [];
  graph.updateEachNodeAttributes((id, attr) => {
    const p = positions[id];
    if (p) {
      attr.x = p.x;
      attr.y = p.y;
    } else missing.push(id);
    return attr;
  });
  if (missing.length === 0) return missing;
  const box = positionsExtent(positions);
  const ring = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0], MIN_RING_SPAN) * RING_SHARE;
  missing.forEach((id, k) => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    graph.forEachNeighbor(id, (nb) => {
      const p = positions[nb];
      if (p) {
        sx += p.x;
        sy += p.y;
        n++;
      }
    });
    const angle = k * 2.399963; // golden angle: successive nodes spread evenly
    const x = n ? sx / n + 40 * Math.cos(angle) : ring * Math.cos(angle);
    const y = n ? sy / n + 40 * Math.sin(angle) : ring * Math.sin(angle);
    graph.mergeNodeAttributes(id, { x, y });
  });
  return missing;
}

/** Copies x and y from `source` onto the nodes of `target` that `source` has. */
export function copyPositions(source: FlowGraph, target: FlowGraph): void {
  target.updateEachNodeAttributes(
    (id, attr) => {
      if (source.hasNode(id)) {
        attr.x = source.getNodeAttribute(id, "x");
        attr.y = source.getNodeAttribute(id, "y");
      }
      return attr;
    },
    { attributes: ["x", "y"] },
  );
}

/** Bounding box of positions; [0, 0] on both axes when empty. */
export function positionsExtent(positions: Positions): {
  x: [number, number];
  y: [number, number];
} {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const id in positions) {
    const p = positions[id]!;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return { x: [0, 0], y: [0, 0] };
  return { x: [minX, maxX], y: [minY, maxY] };
}

/**
 * Positions rounded to `decimals` decimal places (a new object). NOTE: the
 * layout cache keeps positions to 2 places with the same formula; rounding a
 * freshly computed layout so makes it the very picture a reload (or another
 * browser) gets.
 */
export function roundPositions(positions: Positions, decimals = 2): Positions {
  if (!(Number.isInteger(decimals) && decimals >= 0)) {
    throw new Error("graph/positions: decimals must be an integer >= 0");
  }
  const k = 10 ** decimals;
  const rounded: Positions = Object.create(null) as Positions;
  for (const id of Object.keys(positions)) {
    const p = positions[id]!;
    rounded[id] = { x: Math.round(p.x * k) / k + 0, y: Math.round(p.y * k) / k + 0 };
  }
  return rounded;
}
