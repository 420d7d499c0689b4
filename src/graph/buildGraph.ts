/**
 * Flow graph: the hops of the analysis as a graphology graph that sigma can draw.
 *
 * One node per company that appears in the given hops, one directed edge per
 * hop, keyed by the hop key of `analysis/hops.ts` (the one owner of the fold
 * and of the amount wording). Each edge carries its deal ids, the disclosed
 * total, whether no amount is disclosed, whether it holds only superseded or
 * cancelled deals, its deal types and the dominant one (colour), a log-scaled
 * thickness and a curvature. Nodes carry their kind (colour), disclosed inflow
 * and outflow, and a log-scaled size. Positions start at 0; `layout.ts`
 * assigns them. O(N + H) for N companies and H hops.
 *
 * Reference: graphology DirectedGraph (https://graphology.github.io);
 * curvature follows the quadratic Bézier of @sigma/edge-curve.
 */
import { DirectedGraph } from "graphology";
import { type Hop, describeHops, foldHops, hopKey, isUndisclosedHop } from "../analysis/hops.ts";
import type { CompanyKind, Dataset, DealType } from "../domain/schema.ts";
import { LARGE_VIEW, type LargeViewLimits, largestFlows } from "./largeView.ts";
import { nodeKey } from "./nodeKeys.ts";
import {
  COMPANY_KIND_COLORS,
  DEAL_TYPE_COLORS,
  NON_LIVE_EDGE_ALPHA,
  UNDISCLOSED_EDGE_ALPHA,
  withAlpha,
} from "./palette.ts";

export interface FlowNodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  kind: CompanyKind;
  /** Disclosed dollars received over the given deals. */
  inflowUsdBn: number;
  /** Disclosed dollars paid over the given deals. */
  outflowUsdBn: number;
}

export interface FlowEdgeAttributes {
  dealIds: string[];
  /** Sum of the disclosed amounts of the hop's deals. */
  totalUsdBn: number;
  /** True when no deal on the hop discloses an amount. */
  undisclosed: boolean;
  /** True when at least one deal on the hop has no disclosed amount. */
  hasUndisclosed: boolean;
  /** True when every deal on the hop is superseded or cancelled (shown only when asked). */
  nonLive: boolean;
  /** Distinct deal types on the hop, in DEAL_TYPES order. */
  types: DealType[];
  dominantType: DealType;
  /** Amount text, e.g. "$300 bn", "up to $100 bn", "undisclosed". */
  label: string;
  size: number;
  color: string;
  /** Sigma edge program: curved arrows, or straight ones on very large graphs. */
  type: FlowEdgeType;
  curvature: number;
  /** ForceAtlas2 attraction weight. */
  weight: number;
}

export type FlowGraph = DirectedGraph<FlowNodeAttributes, FlowEdgeAttributes>;

export const FLOW_EDGE_TYPES = ["curved", "arrow"] as const;
export type FlowEdgeType = (typeof FLOW_EDGE_TYPES)[number];

/**
 * Above this many hops edges are drawn straight. NOTE: a curved edge's quad
 * covers the curve's whole hull, so it shades several times the pixels of a
 * straight one; measured in headless Chromium (software WebGL) a frame of
 * 7,000 curved edges took ~5 s against ~1 s straight. Reciprocal straight
 * arrows share a line but keep an arrow head at each end.
 */
export const STRAIGHT_EDGES_ABOVE_HOPS = 2000;

export interface BuildFlowGraphOptions {
  /** "auto" (default): curved, straight above STRAIGHT_EDGES_ABOVE_HOPS hops. */
  readonly edgeType: FlowEdgeType | "auto";
}

/** Curvature of a lone hop: a gentle arc reads as a flow without hiding arrow heads. */
export const LONE_EDGE_CURVATURE = 0.12;
/**
 * Curvature of each hop of a reciprocal pair. NOTE: the curve's bend is measured
 * on the source→target normal, so A→B and B→A with the same positive value bend
 * to opposite sides; see `curveControlPoint`.
 */
export const RECIPROCAL_EDGE_CURVATURE = 0.3;

export const MIN_NODE_SIZE = 5;
export const UNDISCLOSED_EDGE_SIZE = 1;

/** Edge thickness for a disclosed hop total: grows with log10 of the amount. */
export function edgeSizeForUsdBn(usdBn: number): number {
  return 1.5 + 1.6 * Math.log10(1 + Math.max(0, usdBn));
}

/**
 * Factor applied to node and edge sizes so a big dataset is not a wall of
 * discs: 1 up to 200 companies, then shrinking with √count, never below 0.3.
 * Based on the dataset's company count, so filtering never resizes anything.
 */
export function sizeScaleFor(companyCount: number): number {
  return Math.min(1, Math.max(0.3, Math.sqrt(200 / Math.max(1, companyCount))));
}

/** Node radius for a company's disclosed in + out flow; never below MIN_NODE_SIZE. */
export function nodeSizeForUsdBn(flowUsdBn: number): number {
  return MIN_NODE_SIZE + 3.5 * Math.log10(1 + Math.max(0, flowUsdBn));
}

/**
 * The Bézier control point @sigma/edge-curve uses for an edge (its vertex
 * shader: midpoint + curvature × the source→target vector turned a quarter).
 */
export function curveControlPoint(
  source: { x: number; y: number },
  target: { x: number; y: number },
  curvature: number,
): { x: number; y: number } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  return {
    x: (source.x + target.x) / 2 - dy * curvature,
    y: (source.y + target.y) / 2 + dx * curvature,
  };
}

/** Builds the flow graph of `hops` over the companies of `dataset`. */
export function buildFlowGraph(
  dataset: Pick<Dataset, "companies">,
  hops: readonly Hop[],
  options: Partial<BuildFlowGraphOptions> = {},
): FlowGraph {
  if (!dataset || !Array.isArray(dataset.companies)) {
    throw new Error("graph/buildGraph: dataset.companies must be an array");
  }
  if (!Array.isArray(hops)) throw new Error("graph/buildGraph: hops must be an array");
  const edgeTypeOption = options.edgeType ?? "auto";
  if (edgeTypeOption !== "auto" && !FLOW_EDGE_TYPES.includes(edgeTypeOption)) {
    throw new Error(
      `graph/buildGraph: edgeType must be auto, curved or arrow, got ${edgeTypeOption}`,
    );
  }
  const companyIds = new Set(dataset.companies.map((c) => c.id));
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  const keys = new Set<string>();
  for (const hop of hops) {
    for (const end of [hop.from, hop.to]) {
      if (!companyIds.has(end)) {
        throw new Error(`graph/buildGraph: hop "${hop.key}" references unknown company "${end}"`);
      }
    }
    keys.add(hop.key);
    outflow.set(hop.from, (outflow.get(hop.from) ?? 0) + hop.totalUsdBn);
    inflow.set(hop.to, (inflow.get(hop.to) ?? 0) + hop.totalUsdBn);
  }

  const sizeScale = sizeScaleFor(dataset.companies.length);
  const graph: FlowGraph = new DirectedGraph<FlowNodeAttributes, FlowEdgeAttributes>();
  // NOTE: nodes go in dataset order, so the graph (and the layout) never depend on deal order.
  for (const company of dataset.companies) {
    if (!inflow.has(company.id) && !outflow.has(company.id)) continue;
    const inflowUsdBn = inflow.get(company.id) ?? 0;
    const outflowUsdBn = outflow.get(company.id) ?? 0;
    graph.addNode(nodeKey(company.id), {
      label: company.name,
      x: 0,
      y: 0,
      size: nodeSizeForUsdBn(inflowUsdBn + outflowUsdBn) * sizeScale,
      color: COMPANY_KIND_COLORS[company.kind],
      kind: company.kind,
      inflowUsdBn,
      outflowUsdBn,
    });
  }
  const edgeType: FlowEdgeType =
    edgeTypeOption !== "auto"
      ? edgeTypeOption
      : hops.length > STRAIGHT_EDGES_ABOVE_HOPS
        ? "arrow"
        : "curved";
  for (const hop of hops) {
    const attributes = hopAttributes(hop, keys.has(hopKey(hop.to, hop.from)));
    attributes.type = edgeType;
    attributes.size *= sizeScale;
    graph.addDirectedEdgeWithKey(hop.key, nodeKey(hop.from), nodeKey(hop.to), attributes);
  }
  return graph;
}

/**
 * The graph that holds the layout: every deal of the dataset, superseded and
 * cancelled ones included, so positions survive any filter or status choice.
 * A large dataset keeps the largest-flows view of `largeView.ts`.
 */
export function buildLayoutGraph(
  dataset: Pick<Dataset, "companies" | "deals">,
  limits: LargeViewLimits = LARGE_VIEW,
): FlowGraph {
  const fold = foldHops(
    dataset.deals,
    dataset.companies.map((c) => c.id),
    { countNonLive: true },
  );
  return buildFlowGraph(dataset, largestFlows(describeHops(fold, dataset.deals), limits));
}

function hopAttributes(hop: Hop, reciprocal: boolean): FlowEdgeAttributes {
  const undisclosed = isUndisclosedHop(hop);
  const nonLive = hop.nonLiveDeals === hop.dealIds.length;
  const baseColor = DEAL_TYPE_COLORS[hop.dominantType];
  const alpha = nonLive ? NON_LIVE_EDGE_ALPHA : undisclosed ? UNDISCLOSED_EDGE_ALPHA : 1;
  return {
    dealIds: [...hop.dealIds],
    totalUsdBn: hop.totalUsdBn,
    undisclosed,
    hasUndisclosed: hop.undisclosedDeals > 0,
    nonLive,
    types: [...hop.types],
    dominantType: hop.dominantType,
    label: hop.label,
    size: undisclosed || nonLive ? UNDISCLOSED_EDGE_SIZE : edgeSizeForUsdBn(hop.totalUsdBn),
    color: alpha === 1 ? baseColor : withAlpha(baseColor, alpha),
    type: "curved",
    curvature: reciprocal ? RECIPROCAL_EDGE_CURVATURE : LONE_EDGE_CURVATURE,
    weight: 1 + Math.log10(1 + hop.totalUsdBn) / 2,
  };
}
