/** Sigma's frame (the graph box it normalises to), shared by the controllers. */
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { positionsExtent, readPositions } from "../../graph/positions.ts";
import type { FlowSigma } from "./sigmaContext.ts";

/**
 * Frames sigma on the full graph's extent, so filtering (which draws a subset)
 * never moves the nodes that stay on screen.
 */
export function frameFullGraph(sigma: FlowSigma, fullGraph: FlowGraph): void {
  const box = positionsExtent(readPositions(fullGraph));
  const flat = box.x[1] - box.x[0] === 0 && box.y[1] - box.y[0] === 0;
  sigma.setCustomBBox(flat ? null : box);
}
