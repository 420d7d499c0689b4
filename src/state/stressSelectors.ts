/**
 * Stress-test results derived from the store: the scenario runs on the deals
 * that pass the filters (and the timeline window), memoised on its inputs.
 */
import { buildFlowIndex } from "../analysis/flowIndex.ts";
import {
  type StressResult,
  type SystemicImportance,
  rankSystemicImportance,
  runStress,
  stressBuffers,
} from "../analysis/stress.ts";
import type { Dataset, Deal } from "../domain/schema.ts";
import { selectFilteredDeals } from "./selectors.ts";
import type { Store } from "./store.ts";
import type { ViewStress } from "./url/codec.ts";

interface Prepared {
  readonly index: ReturnType<typeof buildFlowIndex>;
  readonly buffers: ReturnType<typeof stressBuffers>;
}

let lastPrepared: { deals: readonly Deal[]; dataset: Dataset; value: Prepared } | null = null;
function prepare(dataset: Dataset, deals: readonly Deal[]): Prepared {
  if (lastPrepared && lastPrepared.deals === deals && lastPrepared.dataset === dataset) {
    return lastPrepared.value;
  }
  const index = buildFlowIndex(
    deals,
    dataset.companies.map((c) => c.id),
  );
  const value = { index, buffers: stressBuffers(index, dataset.facts) };
  lastPrepared = { deals, dataset, value };
  return value;
}

let lastResult: { prepared: Prepared; stress: ViewStress; value: StressResult } | null = null;

/** The scenario's result, or null when no company is shocked. */
export function selectStressResult(s: Store): StressResult | null {
  // NOTE: with no scenario, skip building the index: the graph asks on every change.
  if (s.stress.shocked.length === 0) return null;
  const prepared = prepare(s.dataset, selectFilteredDeals(s));
  if (lastResult && lastResult.prepared === prepared && lastResult.stress === s.stress) {
    return lastResult.value;
  }
  const value = runStress(prepared.index, prepared.buffers, {
    shocked: s.stress.shocked,
    shortfall: s.stress.shortfallPct / 100,
    threshold: s.stress.thresholdPct / 100,
  });
  lastResult = { prepared, stress: s.stress, value };
  return value;
}

/** Most companies the systemic-importance table tries, largest payers first. */
export const SYSTEMIC_MAX = 60;

let lastRanking: { prepared: Prepared; threshold: number; value: SystemicImportance[] } | null =
  null;

/** Companies ranked by the total loss a 100% shortfall of theirs would cause. */
export function selectSystemicImportance(s: Store): SystemicImportance[] {
  const prepared = prepare(s.dataset, selectFilteredDeals(s));
  const threshold = s.stress.thresholdPct / 100;
  if (lastRanking && lastRanking.prepared === prepared && lastRanking.threshold === threshold) {
    return lastRanking.value;
  }
  const value = rankSystemicImportance(prepared.index, prepared.buffers, threshold, SYSTEMIC_MAX);
  lastRanking = { prepared, threshold, value };
  return value;
}
