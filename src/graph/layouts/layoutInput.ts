/**
 * Layout input: a graph as the ordering layouts read it, built once per run.
 *
 * Nodes are numbered in graph (dataset) order, with their company kind and
 * drawn radius. Directed edges keep payer → payee; the undirected simple graph
 * (reciprocal hops folded into one pair, self-loops dropped) is kept as CSR
 * adjacency in typed arrays, which the crossing counts and the orderings walk.
 * O(N + E log E) to build (the pairs are sorted to deduplicate them).
 *
 * Reference: compressed sparse row adjacency (Saad, "Iterative Methods for
 * Sparse Linear Systems", 2003, §3.4).
 */
import type { CompanyKind } from "../../domain/schema.ts";
import type { FlowGraph } from "../buildGraph.ts";

export interface LayoutNode {
  /** The graphology node key. */
  readonly key: string;
  readonly kind: CompanyKind;
  /** Drawn radius, in graph units (≈ pixels at zoom 1). */
  readonly size: number;
}

/** An undirected simple graph on nodes 0..order-1, as sorted pairs and CSR adjacency. */
export interface Adjacency {
  readonly order: number;
  /** Neighbours of i are adjacency[offsets[i] .. offsets[i+1]), sorted. */
  readonly offsets: Int32Array;
  readonly adjacency: Int32Array;
  /** Edges as pairs (a < b), sorted. */
  readonly pairA: Int32Array;
  readonly pairB: Int32Array;
}

export interface LayoutInput extends Adjacency {
  readonly nodes: readonly LayoutNode[];
  /** Directed edges, payer → payee, as node indices; one per distinct ordered pair. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** Builds the layout input from nodes and payer → payee pairs of node keys. */
export function makeLayoutInput(
  nodes: readonly LayoutNode[],
  edges: readonly (readonly [string, string])[],
): LayoutInput {
  if (!Array.isArray(nodes)) throw new Error("graph/layouts: nodes must be an array");
  if (!Array.isArray(edges)) throw new Error("graph/layouts: edges must be an array");
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (index.has(n.key)) throw new Error(`graph/layouts: duplicate node "${n.key}"`);
    index.set(n.key, i);
  });
  const n = nodes.length;
  const directed = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [a, b] of edges) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) {
      throw new Error(`graph/layouts: edge ${a} → ${b} names an unknown node`);
    }
    if (i === j) continue;
    directed.add(i * n + j);
    pairs.push([i, j]);
  }
  const dir = [...directed].sort((x, y) => x - y);
  return {
    nodes,
    from: Int32Array.from(dir, (c) => Math.floor(c / n)),
    to: Int32Array.from(dir, (c) => c % n),
    ...buildAdjacency(n, pairs),
  };
}

/** The undirected simple graph of some node pairs (either direction; self-pairs dropped). */
export function buildAdjacency(
  order: number,
  pairs: Iterable<readonly [number, number]>,
): Adjacency {
  const codes = new Set<number>();
  for (const [i, j] of pairs) {
    if (!(i >= 0 && i < order && j >= 0 && j < order)) {
      throw new Error("graph/layouts: a pair names a node outside the graph");
    }
    if (i !== j) codes.add(Math.min(i, j) * order + Math.max(i, j));
  }
  const sorted = [...codes].sort((x, y) => x - y);
  const pairA = Int32Array.from(sorted, (c) => Math.floor(c / order));
  const pairB = Int32Array.from(sorted, (c) => c % order);
  const offsets = new Int32Array(order + 1);
  for (let e = 0; e < pairA.length; e++) {
    offsets[pairA[e]! + 1]!++;
    offsets[pairB[e]! + 1]!++;
  }
  for (let i = 0; i < order; i++) offsets[i + 1]! += offsets[i]!;
  const adjacency = new Int32Array(offsets[order]!);
  const fill = offsets.slice(0, order);
  for (let e = 0; e < pairA.length; e++) {
    adjacency[fill[pairA[e]!]!++] = pairB[e]!;
    adjacency[fill[pairB[e]!]!++] = pairA[e]!;
  }
  for (let i = 0; i < order; i++) adjacency.subarray(offsets[i], offsets[i + 1]).sort();
  return { order, offsets, adjacency, pairA, pairB };
}

/** The layout input of a flow graph, nodes in graph order. */
export function layoutInputOf(graph: FlowGraph): LayoutInput {
  const nodes = graph.mapNodes((key, attr) => ({ key, kind: attr.kind, size: attr.size }));
  const edges = graph.mapEdges((_edge, _attr, source, target) => [source, target] as const);
  return makeLayoutInput(nodes, edges);
}

/** The neighbours of node i in the undirected simple graph. */
export function neighboursOf(input: Adjacency, i: number): Int32Array {
  return input.adjacency.subarray(input.offsets[i], input.offsets[i + 1]);
}
