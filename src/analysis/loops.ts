/**
 * Loop reports: what each elementary cycle means in money.
 *
 * For each cycle: the companies in money-flow order, each hop's deals, the
 * round trip (the smallest hop total: the money that can go all the way round,
 * counting undisclosed hops as 0 so it never overstates), the total, the mix of deal types, and whether any amount is
 * undisclosed. Loops are ordered by round trip, largest first, then by total,
 * then by length and id, so the order is deterministic. O(C·L) for C cycles of
 * length up to L, after enumeration.
 *
 * Reference: the cycle enumeration of `cycles.ts`; "round trip" is the
 * bottleneck (minimum-capacity) value of the cycle, as in max-flow theory.
 */
import { formatUsdBn } from "../domain/money.ts";
import { type CycleOptions, findCycles } from "./cycles.ts";
import { type FlowEdge, type FlowIndex, buildFlowIndex } from "./flowIndex.ts";
import { type SccResult, stronglyConnectedComponents } from "./scc.ts";

/** An edge that can be reported: a deal with an id and a type. */
export interface ReportableEdge extends FlowEdge {
  readonly id: string;
  readonly type: string;
}

export interface LoopHop {
  readonly from: string;
  readonly to: string;
  readonly dealIds: readonly string[];
  /** Sum of the disclosed amounts on this hop. */
  readonly knownUsdBn: number;
  /** True when at least one deal on the hop has no disclosed amount. */
  readonly hasUnknown: boolean;
  /** True when no deal on the hop discloses an amount. */
  readonly undisclosed: boolean;
}

export interface LoopReport {
  /** Stable id: the companies joined by ">" in money-flow order, from the lowest-numbered. */
  readonly id: string;
  /** Companies in money-flow order; the loop closes back to the first. */
  readonly companies: readonly string[];
  readonly hops: readonly LoopHop[];
  /**
   * Smallest hop total of disclosed dollars: the money that is known to be able
   * to go all the way round. A hop with no disclosed amount counts as 0, so this
   * never overstates; see `roundTripCeilingUsdBn`.
   */
  readonly roundTripUsdBn: number;
  /**
   * Smallest total among the hops that disclose an amount: what could go round
   * if the undisclosed hops were at least as large. Null when no hop discloses one.
   */
  readonly roundTripCeilingUsdBn: number | null;
  readonly totalUsdBn: number;
  /** Number of deals of each type on the loop. */
  readonly typeMix: Readonly<Record<string, number>>;
  readonly hasUnknownAmount: boolean;
}

export interface LoopAnalysis {
  readonly loops: readonly LoopReport[];
  readonly truncated: boolean;
}

/** Canonical id of a loop given as company ids in order: rotated to start at the first listed. */
export function loopId(companies: readonly string[]): string {
  return companies.join(">");
}

/** Orders loops by round trip, then total, then length, then id. */
export function compareLoops(a: LoopReport, b: LoopReport): number {
  return (
    b.roundTripUsdBn - a.roundTripUsdBn ||
    b.totalUsdBn - a.totalUsdBn ||
    a.companies.length - b.companies.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Finds and reports the loops among `edges`, ordered largest round trip first. */
export function analyzeLoops(
  edges: readonly ReportableEdge[],
  options: Partial<CycleOptions> = {},
  prepared?: { index: FlowIndex; scc?: SccResult },
  nodeIds: readonly string[] = [],
): LoopAnalysis {
  const index = prepared?.index ?? buildFlowIndex(edges, nodeIds);
  const scc = prepared?.scc ?? stronglyConnectedComponents(index);
  const { cycles, truncated } = findCycles(index, options, scc);
  // NOTE: hops are shared by many loops; their deal lists are built once each.
  const hopDeals = new Map<number, { dealIds: string[]; types: string[] }>();
  const dealsOfHop = (h: number) => {
    let entry = hopDeals.get(h);
    if (!entry) {
      entry = { dealIds: [], types: [] };
      for (let k = index.hopEdgeOffsets[h]!; k < index.hopEdgeOffsets[h + 1]!; k++) {
        const edge = edges[index.hopEdges[k]!]!;
        entry.dealIds.push(edge.id);
        entry.types.push(edge.type);
      }
      hopDeals.set(h, entry);
    }
    return entry;
  };
  const loops = cycles.map((cycle) => {
    const companies = cycle.nodes.map((v) => index.nodeIds[v]!);
    const typeMix: Record<string, number> = {};
    let roundTripUsdBn = Infinity;
    let ceiling = Infinity;
    let totalUsdBn = 0;
    let hasUnknownAmount = false;
    const hops = cycle.hops.map((h, i): LoopHop => {
      const { dealIds, types } = dealsOfHop(h);
      for (const t of types) typeMix[t] = (typeMix[t] ?? 0) + 1;
      const knownUsdBn = index.hopKnownUsdBn[h]!;
      const hasUnknown = index.hopHasUnknown[h] === 1;
      const undisclosed = hasUnknown && knownUsdBn === 0;
      if (hasUnknown) hasUnknownAmount = true;
      roundTripUsdBn = Math.min(roundTripUsdBn, knownUsdBn);
      if (!undisclosed) ceiling = Math.min(ceiling, knownUsdBn);
      totalUsdBn += knownUsdBn;
      return {
        from: companies[i]!,
        to: companies[(i + 1) % companies.length]!,
        dealIds,
        knownUsdBn,
        hasUnknown,
        undisclosed,
      };
    });
    return {
      id: loopId(companies),
      companies,
      hops,
      roundTripUsdBn,
      roundTripCeilingUsdBn: ceiling === Infinity ? null : ceiling,
      totalUsdBn,
      typeMix,
      hasUnknownAmount,
    };
  });
  loops.sort(compareLoops);
  return { loops, truncated };
}

/** "$40 bn round trip", or "round trip undisclosed (at most $100 bn)". */
export function roundTripText(l: LoopReport): string {
  if (!l.hasUnknownAmount) return `${formatUsdBn(l.roundTripUsdBn)} round trip`;
  const ceiling =
    l.roundTripCeilingUsdBn === null ? "" : `, at most ${formatUsdBn(l.roundTripCeilingUsdBn)}`;
  if (l.roundTripUsdBn === 0) return `round trip undisclosed${ceiling}`;
  return `at least ${formatUsdBn(l.roundTripUsdBn)} round trip${ceiling}`;
}
