/**
 * Benchmark graph generators: deterministic, seeded, scale-free.
 *
 * `generateScaleFreeEdges` grows a directed multigraph by preferential
 * attachment on both ends: nodes arrive one by one while edges are added, and
 * each endpoint is drawn with probability proportional to (degree + 1) from a
 * repeated-endpoints array (every node appears once when it arrives, then once
 * more per edge it touches). A node that has just arrived takes one end of the
 * next edge, so old nodes become hubs and every node gets an edge when
 * edgeCount >= nodeCount. No self-loops; parallel edges are kept (they fold into
 * one hop in the flow index, like repeat deals). O(N + E) time and memory, with
 * typed arrays, so a 1,000,000-edge graph is generated in about a second.
 *
 * Reference: B. Bollobás, C. Borgs, J. Chayes, O. Riordan, "Directed scale-free
 * graphs", SODA 2003 (the α/β/γ growth scheme); PRNG: mulberry32 (T. Ettinger).
 */
import {
  DEAL_TYPES,
  SCHEMA_VERSION,
  type Company,
  type Dataset,
  type DealType,
  type Deal,
  type Source,
} from "../../src/domain/schema.ts";

/** A seeded PRNG returning floats in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny 32-bit PRNG, plenty for benchmarks and deterministic per seed. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

export interface GeneratedEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: DealType;
  readonly amountUsdBn: number | null;
  readonly amountQualifier: "exact" | "undisclosed";
  /** YYYY-MM, rising with the edge's position: the graph grows over time. */
  readonly announced: string;
}

export interface GeneratedGraph {
  readonly nodeIds: string[];
  readonly edges: GeneratedEdge[];
}

export const MIN_AMOUNT_USD_BN = 0.1;
export const MAX_AMOUNT_USD_BN = 500;
/** Share of edges with an undisclosed amount. */
export const UNDISCLOSED_SHARE = 0.1;

const LOG_MIN = Math.log(MIN_AMOUNT_USD_BN);
const LOG_SPAN = Math.log(MAX_AMOUNT_USD_BN) - LOG_MIN;

/** Node id of node number `i`: a valid dataset slug. */
export function nodeId(i: number): string {
  return `n${i}`;
}

/** Edge (deal) id of edge number `i`: a valid dataset slug. */
export function edgeId(i: number): string {
  return `d${i}`;
}

function validateSizes(nodeCount: number, edgeCount: number): void {
  if (!Number.isInteger(nodeCount) || nodeCount < 0) {
    throw new Error("bench/generators: nodeCount must be an integer >= 0");
  }
  if (!Number.isInteger(edgeCount) || edgeCount < 0) {
    throw new Error("bench/generators: edgeCount must be an integer >= 0");
  }
  if (edgeCount > 0 && nodeCount < 2) {
    throw new Error("bench/generators: edges without self-loops need nodeCount >= 2");
  }
}

/**
 * Endpoints of a scale-free directed graph as node numbers: `from[e] → to[e]`.
 * The typed-array core of `generateScaleFreeEdges`, for callers that need no strings.
 */
export function generateScaleFreeEndpoints(
  nodeCount: number,
  edgeCount: number,
  random: Random,
): { from: Int32Array; to: Int32Array } {
  validateSizes(nodeCount, edgeCount);
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  if (edgeCount === 0) return { from, to };

  // Each node once on arrival (the "+1"), then once per edge end it takes.
  const pool = new Int32Array(nodeCount + 2 * edgeCount);
  let poolLength = 0;
  let active = 0;

  for (let e = 0; e < edgeCount; e++) {
    // Spread arrivals evenly over the edges; at least two nodes so an edge can exist.
    const due = Math.min(nodeCount, Math.max(2, Math.floor(((e + 1) * nodeCount) / edgeCount)));
    let newcomer = -1;
    while (active < due) {
      pool[poolLength++] = active;
      newcomer = active++;
    }
    let s: number;
    let t: number;
    if (newcomer !== -1) {
      // The newcomer pays or is paid by a node drawn preferentially.
      let other = pool[randomInt(random, poolLength)]!;
      while (other === newcomer) other = pool[randomInt(random, poolLength)]!;
      if (random() < 0.5) {
        s = newcomer;
        t = other;
      } else {
        s = other;
        t = newcomer;
      }
    } else {
      s = pool[randomInt(random, poolLength)]!;
      t = pool[randomInt(random, poolLength)]!;
      // NOTE: redraws stay cheap: a node holds a tiny share of the pool except
      // in the first few edges, where a handful of retries suffice.
      while (t === s) t = pool[randomInt(random, poolLength)]!;
    }
    from[e] = s;
    to[e] = t;
    pool[poolLength++] = s;
    pool[poolLength++] = t;
  }
  return { from, to };
}

/** A disclosed amount drawn log-uniform in [0.1, 500] USD bn (cents rounded), or null ~10% of the time. */
export function randomAmountUsdBn(random: Random): number | null {
  if (random() < UNDISCLOSED_SHARE) return null;
  return Math.round(Math.exp(LOG_MIN + random() * LOG_SPAN) * 100) / 100;
}

/** A deterministic scale-free directed graph with `nodeCount` nodes and `edgeCount` edges. */
export function generateScaleFreeEdges(
  nodeCount: number,
  edgeCount: number,
  seed: number,
): GeneratedGraph {
  const random = mulberry32(seed);
  const { from, to } = generateScaleFreeEndpoints(nodeCount, edgeCount, random);
  const nodeIds = new Array<string>(nodeCount);
  for (let i = 0; i < nodeCount; i++) nodeIds[i] = nodeId(i);
  const edges = new Array<GeneratedEdge>(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const amountUsdBn = randomAmountUsdBn(random);
    edges[e] = {
      id: edgeId(e),
      from: nodeIds[from[e]!]!,
      to: nodeIds[to[e]!]!,
      type: DEAL_TYPES[randomInt(random, DEAL_TYPES.length)]!,
      amountUsdBn,
      amountQualifier: amountUsdBn === null ? "undisclosed" : "exact",
      announced: announcedMonth(e, edgeCount),
    };
  }
  return { nodeIds, edges };
}

/** First and last month of the generated announcement dates. */
export const FIRST_MONTH = { year: 2023, month: 1 } as const;
export const LAST_MONTH = { year: 2026, month: 2 } as const;
const MONTH_SPAN =
  (LAST_MONTH.year - FIRST_MONTH.year) * 12 + (LAST_MONTH.month - FIRST_MONTH.month) + 1;

/** "YYYY-MM" for edge `e` of `edgeCount`: growth order is time order. */
function announcedMonth(e: number, edgeCount: number): string {
  const offset = FIRST_MONTH.month - 1 + Math.floor((e * MONTH_SPAN) / edgeCount);
  const year = FIRST_MONTH.year + Math.floor(offset / 12);
  const month = (offset % 12) + 1;
  return `${year}-${month < 10 ? "0" : ""}${month}`;
}

export const GENERATED_SOURCE: Source = {
  id: "generated",
  kind: "external",
  title: "Generated benchmark graph",
};

/** A full, valid dataset around `generateScaleFreeEdges` (same seed, same graph). */
export function generateDataset(nodeCount: number, edgeCount: number, seed: number): Dataset {
  const { nodeIds, edges } = generateScaleFreeEdges(nodeCount, edgeCount, seed);
  const companies = nodeIds.map((id, i): Company => ({ id, name: `Company ${i}`, kind: "other" }));
  const deals = edges.map((edge, e): Deal => ({
    id: edge.id,
    from: edge.from,
    to: edge.to,
    type: edge.type,
    amountUsdBn: edge.amountUsdBn,
    amountQualifier: edge.amountUsdBn === null ? "undisclosed" : "exact",
    announced: announcedMonth(e, edgeCount),
    status: "announced",
    evidence: "reported",
    description: `Generated ${edge.type} deal from ${edge.from} to ${edge.to}.`,
    notes: [],
    sources: [{ sourceId: GENERATED_SOURCE.id, quote: "generated" }],
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    title: `Generated benchmark graph (${nodeCount} companies, ${edgeCount} deals, seed ${seed})`,
    asOf: `${LAST_MONTH.year}-${LAST_MONTH.month < 10 ? "0" : ""}${LAST_MONTH.month}`,
    companies,
    deals,
    sources: [{ ...GENERATED_SOURCE }],
    facts: [],
  };
}

/**
 * A preferential-attachment deal list as CSV, for `npm run bench:cli`: each new
 * company pays `perCompany` companies drawn in proportion to their deals so far
 * (new → old, so few loops), and one deal in `1 / reverse` goes the other way,
 * closing loops. 10,000 companies, 5 deals each and reverse 0.002 (seed 42)
 * give 49,990 deals and 2,402 loops of length 2 to 6.
 */
export function generatePreferentialCsv(
  companyCount: number,
  perCompany: number,
  reverse: number,
  seed: number,
): string {
  const random = mulberry32(seed);
  const pool = [0, 1];
  const rows = ["from,to,type,amount_usd_bn,announced"];
  for (let v = 2; v < companyCount; v++) {
    for (let k = 0; k < perCompany; k++) {
      const other = pool[Math.floor(random() * pool.length)]!;
      if (other === v) continue;
      const [a, b] = random() < reverse ? [other, v] : [v, other];
      const amount = 1 + Math.floor(random() * 100);
      rows.push(`c${a},c${b},equity,${amount},2025-0${1 + Math.floor(random() * 9)}`);
      pool.push(other);
    }
    pool.push(v);
  }
  return `${rows.join("\n")}\n`;
}
