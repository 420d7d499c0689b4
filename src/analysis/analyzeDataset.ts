/**
 * One call for the whole analysis of a dataset: index, strongly connected
 * components, loops and concentration, sharing one index and one SCC pass.
 * Used by the CLI, the worker and the tests. O(N + E + C·L).
 *
 * Reference: see `flowIndex.ts`, `scc.ts`, `cycles.ts`, `concentration.ts`.
 */
import type { Dataset } from "../domain/schema.ts";
import {
  type CompanyConcentration,
  type ConcentrationThresholds,
  DEFAULT_CONCENTRATION_THRESHOLDS,
  analyzeConcentration,
} from "./concentration.ts";
import type { CycleOptions } from "./cycles.ts";
import { type DealFilters, filterDeals } from "./filterDeals.ts";
import { type FlowIndex, buildFlowIndex } from "./flowIndex.ts";
import { type LoopReport, analyzeLoops } from "./loops.ts";
import { type SccResult, listComponents, stronglyConnectedComponents } from "./scc.ts";

export interface DatasetAnalysis {
  readonly index: FlowIndex;
  readonly scc: SccResult;
  readonly loops: readonly LoopReport[];
  readonly truncated: boolean;
  readonly concentration: readonly CompanyConcentration[];
  /** Components of two or more companies, as sorted id lists. */
  readonly components: readonly string[][];
}

/** Runs every analysis on a dataset. */
export function analyzeDataset(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  cycleOptions: Partial<CycleOptions> = {},
  thresholds: ConcentrationThresholds = DEFAULT_CONCENTRATION_THRESHOLDS,
): DatasetAnalysis {
  const index = buildFlowIndex(
    dataset.deals,
    dataset.companies.map((c) => c.id),
  );
  const scc = stronglyConnectedComponents(index);
  const { loops, truncated } = analyzeLoops(dataset.deals, cycleOptions, { index, scc });
  const concentration = analyzeConcentration(dataset, thresholds, { index, scc });
  return { index, scc, loops, truncated, concentration, components: listComponents(index, scc) };
}

/** What the app needs from an analysis: plain data, cheap to post between threads. */
export interface AnalysisResult {
  readonly loops: readonly LoopReport[];
  readonly truncated: boolean;
  readonly concentration: readonly CompanyConcentration[];
  readonly components: readonly string[][];
  /** Ids of the deals that passed the filters, in dataset order. */
  readonly dealIds: readonly string[];
}

/** Filters the deals, then runs every analysis on what remains. */
export function analyzeFiltered(
  dataset: Pick<Dataset, "companies" | "deals" | "facts">,
  filters: DealFilters,
  cycleOptions: Partial<CycleOptions> = {},
): AnalysisResult {
  const deals = filterDeals(dataset.deals, filters);
  const { loops, truncated, concentration, components } = analyzeDataset(
    { ...dataset, deals },
    cycleOptions,
  );
  return { loops, truncated, concentration, components, dealIds: deals.map((d) => d.id) };
}
