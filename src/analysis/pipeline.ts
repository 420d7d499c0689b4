/**
 * The analysis pipeline: one pass from a dataset and a view to everything the
 * app and the CLI show.
 *
 *   filter → (lineage as of the date) → (merge vehicles) → hops → index → SCC
 *     → loops, concentration, circularity
 *                                                   → timeline (without the date filter)
 *
 * Each stage reads the one before; nothing is folded twice. `runPipeline` is
 * the pure function (the CLI and tests call it); `createPipeline` wraps it
 * with per-stage memoisation for the worker, so a change of loop length does
 * not re-fold the hops and a change of date does not rebuild the timeline. Its
 * memory is the closure, keyed on the inputs: no module-level state.
 * O(N + D + C·L) for N companies, D deals and C loops of length up to L.
 *
 * Reference: see `hops.ts`, `flowIndex.ts`, `scc.ts`, `cycles.ts`, `loops.ts`,
 * `concentration.ts`, `timeline.ts`, `vehicles.ts`.
 */
import type { Dataset, Deal } from "../domain/schema.ts";
import {
  type CompanyConcentration,
  DEFAULT_CONCENTRATION_THRESHOLDS,
  analyzeConcentration,
} from "./concentration.ts";
import {
  DEFAULT_DEAL_FILTERS,
  type DealFilters,
  countsNonLive,
  filterDeals,
  periodEnd,
} from "./filterDeals.ts";
import { type FlowIndex, buildFlowIndex } from "./flowIndex.ts";
import { type Hop, describeHops } from "./hops.ts";
import {
  DEFAULT_LOOP_OPTIONS,
  type LoopAnalysis,
  type LoopOptions,
  type LoopReport,
  type RankedLoops,
  analyzeLoops,
  rankLoops,
} from "./loops.ts";
import { announcedByIdOf, lineageAsOf, monthOf } from "./lineage.ts";
import { type Circularity, circularityIndex } from "./circularity.ts";
import { type SccResult, listComponents, stronglyConnectedComponents } from "./scc.ts";
import { type TimelinePoint, buildTimeline, timelineMonths } from "./timeline.ts";
import { mergeVehicles } from "./vehicles.ts";

export type PipelineDataset = Pick<Dataset, "companies" | "deals" | "facts">;

/** How the money is viewed, beyond which deals pass the filters. */
export interface PipelineView {
  /** Draw each vehicle as its lead sponsor. */
  readonly mergeVehicles: boolean;
  /** Build the month-by-month timeline (the app does; the CLI does not). */
  readonly timeline: boolean;
}

export const DEFAULT_PIPELINE_VIEW: PipelineView = { mergeVehicles: false, timeline: false };

export interface PipelineInput {
  readonly dataset: PipelineDataset;
  readonly filters: DealFilters;
  readonly view: PipelineView;
  readonly loops: LoopOptions;
}

/** Above this many deals the timeline skips its per-month loop counts. */
export const TIMELINE_LOOP_MAX_DEALS = 3000;

export interface PipelineTimeline {
  /** Every month from the first dated deal of the dataset to the last. */
  readonly months: readonly string[];
  /** Points for the deals that pass every filter but the dates; empty on large data. */
  readonly points: readonly TimelinePoint[];
}

export interface PipelineResult {
  /** Deals that passed the filters, in dataset order. */
  readonly dealIds: readonly string[];
  /** The hops of the view; `hops[h]` is hop h of `index`. */
  readonly hops: readonly Hop[];
  readonly index: FlowIndex;
  readonly loops: readonly LoopReport[];
  /** True when the loop search stopped at its cap. */
  readonly truncated: boolean;
  /** Loops the search found before the list was cut to its limit. */
  readonly loopsFound: number;
  /** Empty when the view asked for no concentration records. */
  readonly concentration: readonly CompanyConcentration[];
  /** The strongly connected components of the view's companies. */
  readonly scc: SccResult;
  /** Components of two or more companies, as sorted id lists. */
  readonly components: readonly string[][];
  /** Finn's cycling index of the view's disclosed live dollars. */
  readonly circularity: Circularity;
  /** True when superseded or cancelled deals are counted (the user ticked them). */
  readonly countsNonLive: boolean;
  /** With merged vehicles: each vehicle's sponsor, and the deals internal to a sponsor. */
  readonly vehicles: {
    readonly sponsorOf: ReadonlyMap<string, string>;
    readonly internalDealIds: readonly string[];
  };
  readonly timeline: PipelineTimeline | null;
}

interface Fold {
  readonly dealIds: string[];
  readonly deals: Deal[];
  readonly internalDealIds: string[];
  readonly sponsorOf: ReadonlyMap<string, string>;
  readonly index: FlowIndex;
  readonly hops: Hop[];
  readonly scc: SccResult;
  readonly circularity: Circularity;
}

function foldStage(dataset: PipelineDataset, filters: DealFilters, view: PipelineView): Fold {
  // NOTE: looking back in time, a superseded deal counts until its replacement
  // came, so lineage is read as of the date before the status filter applies.
  const asOf =
    filters.dateTo === null
      ? dataset.deals
      : lineageAsOf(
          dataset.deals,
          monthOf(periodEnd(filters.dateTo))!,
          announcedByIdOf(dataset.deals),
        );
  const passed = filterDeals(asOf, filters);
  const merged = view.mergeVehicles
    ? mergeVehicles(passed, dataset.companies)
    : { deals: passed, internal: [], sponsorOf: new Map<string, string>() };
  const index = buildFlowIndex(
    merged.deals,
    dataset.companies.map((c) => c.id),
    { countNonLive: countsNonLive(filters) },
  );
  const scc = stronglyConnectedComponents(index);
  return {
    dealIds: passed.map((d) => d.id),
    deals: merged.deals,
    internalDealIds: merged.internal.map((d) => d.id),
    sponsorOf: merged.sponsorOf,
    index,
    hops: describeHops(index, merged.deals),
    scc,
    circularity: circularityIndex(index, scc),
  };
}

function timelineStage(
  dataset: PipelineDataset,
  filters: DealFilters,
  view: PipelineView,
  maxLength: number,
): PipelineTimeline {
  // Superseded deals go in: each month reads them as live until their replacement came.
  const statuses = filters.statuses.includes("superseded")
    ? filters.statuses
    : [...filters.statuses, "superseded" as const];
  const undated = filterDeals(dataset.deals, {
    ...filters,
    statuses,
    dateFrom: null,
    dateTo: null,
  });
  const deals = view.mergeVehicles ? mergeVehicles(undated, dataset.companies).deals : undated;
  const points =
    deals.length > TIMELINE_LOOP_MAX_DEALS
      ? []
      : buildTimeline(
          deals,
          maxLength,
          dataset.companies.map((c) => c.id),
          countsNonLive(filters),
          announcedByIdOf(dataset.deals),
        );
  return { months: timelineMonths(dataset.deals), points };
}

/** What the fold already built that the loop search would build again. */
const preparedOf = (fold: Fold) => ({ index: fold.index, scc: fold.scc, hops: fold.hops });

function loopStage(fold: Fold, loops: LoopOptions) {
  return analyzeLoops(fold.deals, loops, preparedOf(fold));
}

function assemble(
  dataset: PipelineDataset,
  filters: DealFilters,
  fold: Fold,
  loopAnalysis: LoopAnalysis,
  concentration: readonly CompanyConcentration[],
  timeline: PipelineTimeline | null,
): PipelineResult {
  return {
    dealIds: fold.dealIds,
    hops: fold.hops,
    index: fold.index,
    loops: loopAnalysis.loops,
    truncated: loopAnalysis.truncated,
    loopsFound: loopAnalysis.found,
    concentration,
    scc: fold.scc,
    components: listComponents(fold.index, fold.scc),
    circularity: fold.circularity,
    countsNonLive: countsNonLive(filters) && fold.hops.some((h) => h.nonLiveDeals > 0),
    vehicles: { sponsorOf: fold.sponsorOf, internalDealIds: fold.internalDealIds },
    timeline,
  };
}

function concentrationStage(dataset: PipelineDataset, fold: Fold) {
  return analyzeConcentration(
    { companies: dataset.companies, deals: fold.deals, facts: dataset.facts },
    DEFAULT_CONCENTRATION_THRESHOLDS,
    { index: fold.index, scc: fold.scc, hops: fold.hops },
  );
}

/** Checks an input and throws a namespaced message on the first bad part. */
export function validatePipelineInput(input: PipelineInput): void {
  if (!input || !input.dataset || !Array.isArray(input.dataset.deals)) {
    throw new Error("analysis/pipeline: dataset must have a list of deals");
  }
  if (!Array.isArray(input.dataset.companies)) {
    throw new Error("analysis/pipeline: dataset must have a list of companies");
  }
}

/** Runs the whole pipeline once. */
export function runPipeline(input: PipelineInput): PipelineResult {
  validatePipelineInput(input);
  const { dataset, filters, view } = input;
  const fold = foldStage(dataset, filters, view);
  const timeline = view.timeline
    ? timelineStage(dataset, filters, view, input.loops.maxLength)
    : null;
  return assemble(
    dataset,
    filters,
    fold,
    loopStage(fold, input.loops),
    concentrationStage(dataset, fold),
    timeline,
  );
}

/** The whole analysis of a dataset with default filters: what the CLI reports. */
export function analyzeDataset(
  dataset: PipelineDataset,
  loops: Partial<LoopOptions> = {},
  view: Partial<PipelineView> = {},
): PipelineResult {
  return runPipeline(defaultInput(dataset, loops, view));
}

/** A pipeline input with default filters: what `analyzeDataset` and the CLI analyse. */
function defaultInput(
  dataset: PipelineDataset,
  loops: Partial<LoopOptions>,
  view: Partial<PipelineView> = {},
): PipelineInput {
  return {
    dataset,
    filters: DEFAULT_DEAL_FILTERS,
    view: { ...DEFAULT_PIPELINE_VIEW, ...view },
    loops: { ...DEFAULT_LOOP_OPTIONS, ...loops },
  };
}

/**
 * The analysis the CLI reports, read a piece at a time: the loops are ranked
 * and each report is made as it is written (the result's `loops` is left
 * empty), and no concentration record is made (`rankConcentration` reads them a
 * company at a time). Default filters, as `analyzeDataset`.
 */
export function analyzeDatasetRanked(
  dataset: PipelineDataset,
  loops: Partial<LoopOptions> = {},
): { analysis: PipelineResult; loops: RankedLoops } {
  const input = defaultInput(dataset, loops);
  validatePipelineInput(input);
  const fold = foldStage(dataset, input.filters, input.view);
  const ranked = rankLoops(fold.deals, input.loops, preparedOf(fold));
  const analysis = assemble(
    dataset,
    input.filters,
    fold,
    { loops: [], truncated: ranked.truncated, found: ranked.found },
    [],
    null,
  );
  return { analysis, loops: ranked };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A pipeline that remembers its last stages: a new input re-runs only the
 * stages whose inputs changed (by identity for the dataset, by value for the
 * rest).
 */
export function createPipeline(): (input: PipelineInput) => PipelineResult {
  let fold: { dataset: PipelineDataset; filters: DealFilters; merge: boolean; value: Fold } | null =
    null;
  let loops: { fold: Fold; options: LoopOptions; value: ReturnType<typeof loopStage> } | null =
    null;
  let concentration: {
    fold: Fold;
    value: readonly CompanyConcentration[];
  } | null = null;
  let timeline: {
    dataset: PipelineDataset;
    key: string;
    value: PipelineTimeline;
  } | null = null;
  return (input) => {
    validatePipelineInput(input);
    const { dataset, filters, view } = input;
    if (
      !fold ||
      fold.dataset !== dataset ||
      fold.merge !== view.mergeVehicles ||
      !same(fold.filters, filters)
    ) {
      fold = {
        dataset,
        filters,
        merge: view.mergeVehicles,
        value: foldStage(dataset, filters, view),
      };
    }
    const f = fold.value;
    if (!loops || loops.fold !== f || !same(loops.options, input.loops)) {
      loops = { fold: f, options: input.loops, value: loopStage(f, input.loops) };
    }
    if (!concentration || concentration.fold !== f) {
      concentration = { fold: f, value: concentrationStage(dataset, f) };
    }
    let timelineValue: PipelineTimeline | null = null;
    if (view.timeline) {
      const key = JSON.stringify([
        { ...filters, dateFrom: null, dateTo: null },
        view.mergeVehicles,
        input.loops.maxLength,
      ]);
      if (!timeline || timeline.dataset !== dataset || timeline.key !== key) {
        timeline = {
          dataset,
          key,
          value: timelineStage(dataset, filters, view, input.loops.maxLength),
        };
      }
      timelineValue = timeline.value;
    }
    return assemble(dataset, filters, f, loops.value, concentration.value, timelineValue);
  };
}
