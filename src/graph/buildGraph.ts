/**
 * Flow graph: the dataset as a graphology graph that sigma can draw.
 *
 * One node per company that appears in the given deals, one directed edge per
 * hop (all deals from A to B fold into the edge `A>B`). Each edge carries its
 * deal ids, the disclosed total, whether no amount is disclosed, its deal types
 * and the dominant one (colour), a log-scaled thickness and a curvature. Nodes
 * carry their kind (colour), disclosed inflow and outflow, and a log-scaled size.
 * Positions start at 0; `layout.ts` assigns them. One pass over the deals,
 * then one over the hops: O(N + E).
 *
 * Reference: graphology DirectedGraph (https://graphology.github.io);
 * curvature follows the quadratic Bézier of @sigma/edge-curve.
 */
import { DirectedGraph } from "graphology";
import { formatDealAmount, formatUsdBn } from "../domain/money.ts";
import {
  DEAL_TYPES,
  type CompanyKind,
  type Dataset,
  type Deal,
  type DealType,
} from "../domain/schema.ts";
import {
  COMPANY_KIND_COLORS,
  DEAL_TYPE_COLORS,
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

/** Key of the edge for the hop from → to. */
export function hopKey(from: string, to: string): string {
  return `${from}>${to}`;
}

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

/** A deal's disclosed amount, or null when it has none. */
function disclosedUsdBn(deal: Deal): number | null {
  return deal.amountQualifier === "undisclosed" ? null : deal.amountUsdBn;
}

interface HopAccumulator {
  from: string;
  to: string;
  deals: Deal[];
}

/** Builds the flow graph of `deals` over the companies of `dataset`. */
export function buildFlowGraph(
  dataset: Pick<Dataset, "companies">,
  deals: readonly Deal[],
  options: Partial<BuildFlowGraphOptions> = {},
): FlowGraph {
  if (!dataset || !Array.isArray(dataset.companies)) {
    throw new Error("graph/buildGraph: dataset.companies must be an array");
  }
  if (!Array.isArray(deals)) throw new Error("graph/buildGraph: deals must be an array");
  const edgeTypeOption = options.edgeType ?? "auto";
  if (edgeTypeOption !== "auto" && !FLOW_EDGE_TYPES.includes(edgeTypeOption)) {
    throw new Error(
      `graph/buildGraph: edgeType must be auto, curved or arrow, got ${edgeTypeOption}`,
    );
  }
  const companyIndex = new Map(dataset.companies.map((c, i) => [c.id, i]));

  const hops = new Map<string, HopAccumulator>();
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const deal of deals) {
    for (const end of [deal.from, deal.to]) {
      if (!companyIndex.has(end)) {
        throw new Error(`graph/buildGraph: deal "${deal.id}" references unknown company "${end}"`);
      }
    }
    if (deal.from === deal.to) {
      throw new Error(`graph/buildGraph: deal "${deal.id}" is a self-loop on "${deal.from}"`);
    }
    const key = hopKey(deal.from, deal.to);
    let hop = hops.get(key);
    if (!hop) {
      hop = { from: deal.from, to: deal.to, deals: [] };
      hops.set(key, hop);
    }
    hop.deals.push(deal);
    const usdBn = disclosedUsdBn(deal) ?? 0;
    outflow.set(deal.from, (outflow.get(deal.from) ?? 0) + usdBn);
    inflow.set(deal.to, (inflow.get(deal.to) ?? 0) + usdBn);
  }

  const sizeScale = sizeScaleFor(dataset.companies.length);
  const graph: FlowGraph = new DirectedGraph<FlowNodeAttributes, FlowEdgeAttributes>();
  // NOTE: nodes go in dataset order, so the graph (and the layout) never depend on deal order.
  for (const company of dataset.companies) {
    if (!inflow.has(company.id) && !outflow.has(company.id)) continue;
    const inflowUsdBn = inflow.get(company.id) ?? 0;
    const outflowUsdBn = outflow.get(company.id) ?? 0;
    graph.addNode(company.id, {
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
      : hops.size > STRAIGHT_EDGES_ABOVE_HOPS
        ? "arrow"
        : "curved";
  for (const [key, hop] of hops) {
    const reciprocal = hops.has(hopKey(hop.to, hop.from));
    const attributes = hopAttributes(hop.deals, reciprocal);
    attributes.type = edgeType;
    attributes.size *= sizeScale;
    graph.addDirectedEdgeWithKey(key, hop.from, hop.to, attributes);
  }
  return graph;
}

function hopAttributes(deals: readonly Deal[], reciprocal: boolean): FlowEdgeAttributes {
  let totalUsdBn = 0;
  let disclosedCount = 0;
  const usdBnByType = new Map<DealType, number>();
  const countByType = new Map<DealType, number>();
  for (const d of deals) {
    countByType.set(d.type, (countByType.get(d.type) ?? 0) + 1);
    const usdBn = disclosedUsdBn(d);
    if (usdBn !== null) {
      totalUsdBn += usdBn;
      disclosedCount++;
      usdBnByType.set(d.type, (usdBnByType.get(d.type) ?? 0) + usdBn);
    }
  }
  const types = DEAL_TYPES.filter((t) => countByType.has(t));
  const dominantType = dominant(types, usdBnByType, countByType);
  const undisclosed = disclosedCount === 0;
  const hasUndisclosed = disclosedCount < deals.length;
  const baseColor = DEAL_TYPE_COLORS[dominantType];
  return {
    dealIds: deals.map((d) => d.id),
    totalUsdBn,
    undisclosed,
    hasUndisclosed,
    types,
    dominantType,
    label: hopLabel(deals, totalUsdBn, undisclosed, hasUndisclosed),
    size: undisclosed ? UNDISCLOSED_EDGE_SIZE : edgeSizeForUsdBn(totalUsdBn),
    color: undisclosed ? withAlpha(baseColor, UNDISCLOSED_EDGE_ALPHA) : baseColor,
    type: "curved",
    curvature: reciprocal ? RECIPROCAL_EDGE_CURVATURE : LONE_EDGE_CURVATURE,
    weight: 1 + Math.log10(1 + totalUsdBn) / 2,
  };
}

/** The type with the most disclosed dollars; then the most deals; then DEAL_TYPES order. */
function dominant(
  types: readonly DealType[],
  usdBnByType: ReadonlyMap<DealType, number>,
  countByType: ReadonlyMap<DealType, number>,
): DealType {
  let best = types[0] ?? "other";
  for (const t of types) {
    const byUsd = (usdBnByType.get(t) ?? 0) - (usdBnByType.get(best) ?? 0);
    const byCount = (countByType.get(t) ?? 0) - (countByType.get(best) ?? 0);
    if (byUsd > 0 || (byUsd === 0 && byCount > 0)) best = t;
  }
  return best;
}

function hopLabel(
  deals: readonly Deal[],
  totalUsdBn: number,
  undisclosed: boolean,
  hasUndisclosed: boolean,
): string {
  const only = deals.length === 1 ? deals[0] : undefined;
  if (only) return formatDealAmount(only.amountUsdBn, only.amountQualifier);
  if (undisclosed) return "undisclosed";
  return hasUndisclosed ? `${formatUsdBn(totalUsdBn)} + undisclosed` : formatUsdBn(totalUsdBn);
}
