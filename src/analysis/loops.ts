/**
 * Loop reports: what each elementary cycle means in money, largest first.
 *
 * For each cycle: the companies in money-flow order, its hops (shared `Hop`
 * objects from `hops.ts`, with their keys), the round trip (the smallest hop
 * total: the money that can go all the way round, counting undisclosed hops as 0
 * so it never overstates), the ceiling, the total, the mix of deal types and
 * the evidence it rests on. The search stops at `cap` cycles (`truncated` then
 * says so); the cycles found are ranked by round trip, then total, then length
 * and id, and cut to the `limit` largest with a bounded heap, so ranking never
 * holds more than `limit` candidates. `analyzeLoops` makes every kept loop's
 * report; `rankLoops` makes each one when it is read, so a writer of tens of
 * thousands of loops holds one report at a time. O(C·(L + log K)) for C
 * cycles of length up to L kept to K, after enumeration.
 *
 * Reference: the cycle enumeration of `cycles.ts`; "round trip" is the
 * bottleneck (minimum-capacity) value of the cycle, as in max-flow theory;
 * the bounded heap is the classic top-K selection (Knuth, TAOCP vol. 3, §5.2.3).
 */
import type { DealType, EvidenceTier } from "../domain/schema.ts";
import { forEachCycle } from "./cycles.ts";
import { type FlowIndex, buildFlowIndex } from "./flowIndex.ts";
import { type DescribedEdge, type Hop, describeHop, weakEvidence } from "./hops.ts";
import { type SccResult, stronglyConnectedComponents } from "./scc.ts";
import {
  type DatedDeal,
  datedDeal,
  isTimeRespecting,
  sortByMonth,
  timeOrderOfLoop,
} from "./timeOrder.ts";

export interface LoopOptions {
  /** Longest loop to look for, in hops (>= 2); `Infinity` for no bound. */
  readonly maxLength: number;
  /** A loop is time-respecting when it came back in order within this many months; `Infinity` for any time. */
  readonly windowMonths: number;
  /** Most loops the search enumerates before it stops; 0 for no cap. */
  readonly cap: number;
  /** Most loops reported, the largest round trips; 0 for all found. */
  readonly limit: number;
}

export const DEFAULT_LOOP_OPTIONS: LoopOptions = {
  maxLength: 6,
  windowMonths: 24,
  cap: 1_000_000,
  limit: 10_000,
};

/** Checks a partial options bag and throws a namespaced message on the first bad value. */
export function validateLoopOptions(options: Partial<LoopOptions>): void {
  const w = options.windowMonths;
  if (w !== undefined && w !== Infinity && (!Number.isInteger(w) || w < 0)) {
    throw new Error("analysis/loops: windowMonths must be an integer >= 0, or Infinity");
  }
  for (const name of ["cap", "limit"] as const) {
    const v = options[name];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      throw new Error(`analysis/loops: ${name} must be an integer >= 0 (0 means no cap)`);
    }
  }
}

/** Merges options with the defaults after validating them (maxLength is checked by cycles.ts). */
export function resolveLoopOptions(options: Partial<LoopOptions> = {}): LoopOptions {
  validateLoopOptions(options);
  return { ...DEFAULT_LOOP_OPTIONS, ...options };
}

export interface LoopReport {
  /** Stable id: the companies joined by ">" in money-flow order, from the lowest-numbered. */
  readonly id: string;
  /** Companies in money-flow order; the loop closes back to the first. */
  readonly companies: readonly string[];
  /** The hops, `hops[i]` leaving `companies[i]`. */
  readonly hops: readonly Hop[];
  /** Keys of the hops, in the same order: what the graph highlights and exports. */
  readonly hopKeys: readonly string[];
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
  readonly typeMix: Readonly<Partial<Record<DealType, number>>>;
  readonly hasUnknownAmount: boolean;
  /** Deals below `reported` the loop rests on, by tier. */
  readonly weakEvidence: Readonly<Partial<Record<EvidenceTier, number>>>;
  /** Superseded or cancelled deals counted on the loop (only when the view counts them). */
  readonly nonLiveDeals: number;
  /** Smallest month span of an in-order choice of deals round the loop; null when none is in order. */
  readonly spanMonths: number | null;
  /** True when the loop came back in order within the window in force. */
  readonly timeRespecting: boolean;
  /** The deals of one in-order choice achieving the span, in chain order; empty when none. */
  readonly chainDealIds: readonly string[];
  /** True when that chain relies on a deal dated only by year. */
  readonly orderApproximate: boolean;
}

export interface LoopAnalysis extends Pick<RankedLoops, "truncated" | "found"> {
  readonly loops: readonly LoopReport[];
}

/** Canonical id of a loop given as company ids in order: rotated to start at the first listed. */
export function loopId(companies: readonly string[]): string {
  return companies.join(">");
}

/** Orders loops by round trip, then total, then length, then id. */
export function compareLoops(
  a: Pick<LoopReport, "roundTripUsdBn" | "totalUsdBn" | "companies" | "id">,
  b: Pick<LoopReport, "roundTripUsdBn" | "totalUsdBn" | "companies" | "id">,
): number {
  return (
    b.roundTripUsdBn - a.roundTripUsdBn ||
    b.totalUsdBn - a.totalUsdBn ||
    a.companies.length - b.companies.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

interface Candidate {
  readonly roundTripUsdBn: number;
  readonly totalUsdBn: number;
  readonly companies: readonly string[];
  readonly id: string;
  readonly hops: readonly number[];
}

/**
 * The loops found, ranked, with each report made only when it is read: a
 * report of tens of thousands of loops then never holds them all at once.
 */
export interface RankedLoops {
  /** How many loops are ranked (at most `limit`). */
  readonly length: number;
  /** The report of the loop ranked `i` (0 is the largest round trip), made anew on each call. */
  at(i: number): LoopReport;
  /** True when the search stopped at `cap`. */
  readonly truncated: boolean;
  /** Cycles the search found (at most `cap`), before the cut to `limit`. */
  readonly found: number;
}

/**
 * Finds and reports the loops among `edges`, ordered largest round trip first:
 * `rankLoops` with every report read (the same arguments).
 */
export function analyzeLoops(...args: Parameters<typeof rankLoops>): LoopAnalysis {
  const ranked = rankLoops(...args);
  const loops = Array.from({ length: ranked.length }, (_, i) => ranked.at(i));
  return { loops, truncated: ranked.truncated, found: ranked.found };
}

/** Finds the loops among `edges` and ranks them; `analyzeLoops` reads every report. */
export function rankLoops(
  edges: readonly DescribedEdge[],
  options: Partial<LoopOptions> = {},
  prepared?: { index: FlowIndex; scc?: SccResult; hops?: readonly Hop[] },
  nodeIds: readonly string[] = [],
): RankedLoops {
  const { maxLength, cap, limit, windowMonths } = resolveLoopOptions(options);
  const index = prepared?.index ?? buildFlowIndex(edges, nodeIds);
  const scc = prepared?.scc ?? stronglyConnectedComponents(index);
  const { hopKnownUsdBn, nodeIds: ids } = index;

  // A max-heap on "worse" (the worst kept loop on top), holding at most `limit`
  // (with no limit, simply every loop found).
  const heap: Candidate[] = [];
  const worse = (a: Candidate, b: Candidate) => compareLoops(a, b) > 0;
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  let found = 0;
  const truncated = forEachCycle(
    index,
    { maxLength, limit: cap },
    (nodes, hopIds) => {
      found++;
      let roundTripUsdBn = Infinity;
      let totalUsdBn = 0;
      for (let i = 0; i < hopIds.length; i++) {
        const known = hopKnownUsdBn[hopIds[i]!]!;
        if (known < roundTripUsdBn) roundTripUsdBn = known;
        totalUsdBn += known;
      }
      const top = heap[0];
      if (limit > 0 && heap.length >= limit && top) {
        // NOTE: most cycles lose on the numbers alone; the id is built only for near ties.
        const byNumbers =
          top.roundTripUsdBn - roundTripUsdBn ||
          top.totalUsdBn - totalUsdBn ||
          nodes.length - top.companies.length;
        if (byNumbers > 0) return;
      }
      const companies: string[] = new Array(nodes.length);
      const hops: number[] = new Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        companies[i] = ids[nodes[i]!]!;
        hops[i] = hopIds[i]!;
      }
      const candidate: Candidate = {
        roundTripUsdBn,
        totalUsdBn,
        companies,
        id: loopId(companies),
        hops,
      };
      // NOTE: with no limit every loop is kept, and the list is sorted once below.
      if (limit === 0) heap.push(candidate);
      else if (heap.length < limit) {
        heap.push(candidate);
        siftUp(heap.length - 1);
      } else if (worse(heap[0]!, candidate)) {
        heap[0] = candidate;
        siftDown(0);
      }
    },
    scc,
  );

  // NOTE: hops are shared by many loops; each is described once.
  const hopObjects = new Map<number, Hop>();
  const hopAt = (h: number): Hop => {
    let hop = prepared?.hops?.[h] ?? hopObjects.get(h);
    if (!hop) {
      hop = describeHop(index, h, edges);
      hopObjects.set(h, hop);
    }
    return hop;
  };
  // NOTE: each hop's dated deals are sorted once, however many loops use it.
  const datedByHop = new Map<number, DatedDeal[]>();
  const datedAt = (h: number): DatedDeal[] => {
    let list = datedByHop.get(h);
    if (!list) {
      list = [];
      for (let k = index.hopEdgeOffsets[h]!; k < index.hopEdgeOffsets[h + 1]!; k++) {
        const dated = datedDeal(edges[index.hopEdges[k]!]!);
        if (dated) list.push(dated);
      }
      datedByHop.set(h, sortByMonth(list));
    }
    return list;
  };
  // NOTE: candidates sort as their reports would: the keys are the same numbers and id.
  heap.sort(compareLoops);
  const report = (c: Candidate): LoopReport => {
    const hops = c.hops.map(hopAt);
    const order = timeOrderOfLoop(c.hops.map(datedAt));
    const typeMix: Partial<Record<DealType, number>> = {};
    let ceiling = Infinity;
    let hasUnknownAmount = false;
    let nonLiveDeals = 0;
    for (const hop of hops) {
      if (hop.undisclosedDeals > 0) hasUnknownAmount = true;
      if (hop.undisclosedDeals < hop.dealIds.length) ceiling = Math.min(ceiling, hop.totalUsdBn);
      nonLiveDeals += hop.nonLiveDeals;
    }
    countTypes(index, c.hops, edges, typeMix);
    return {
      id: c.id,
      companies: c.companies,
      hops,
      hopKeys: hops.map((h) => h.key),
      roundTripUsdBn: c.roundTripUsdBn,
      roundTripCeilingUsdBn: ceiling === Infinity ? null : ceiling,
      totalUsdBn: c.totalUsdBn,
      typeMix,
      hasUnknownAmount,
      weakEvidence: weakEvidence(hops),
      nonLiveDeals,
      spanMonths: order.spanMonths,
      timeRespecting: isTimeRespecting(order.spanMonths, windowMonths),
      chainDealIds: order.chainDealIds,
      orderApproximate: order.orderApproximate,
    };
  };
  return { length: heap.length, at: (i) => report(heap[i]!), truncated, found };
}

function countTypes(
  index: FlowIndex,
  hopIds: readonly number[],
  edges: readonly DescribedEdge[],
  typeMix: Partial<Record<DealType, number>>,
): void {
  for (const h of hopIds) {
    for (let k = index.hopEdgeOffsets[h]!; k < index.hopEdgeOffsets[h + 1]!; k++) {
      const t = edges[index.hopEdges[k]!]!.type;
      typeMix[t] = (typeMix[t] ?? 0) + 1;
    }
  }
}
