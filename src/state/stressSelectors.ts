/**
 * Stress-test results derived from the store: the scenario runs on the
 * pipeline's flow index and its hops' yearly amounts (the deals that pass the filters, as the view folds
 * them), memoised per index in WeakMaps, so nothing is rebuilt here.
 */
import type { FlowIndex } from "../analysis/flowIndex.ts";
import type { Hop } from "../analysis/hops.ts";
import {
  type StressBuffers,
  type StressResult,
  type SystemicImportance,
  rankSystemicImportance,
  runStress,
  stressBuffers,
} from "../analysis/stress.ts";
import type { Dataset } from "../domain/schema.ts";
import type { Store } from "./store.ts";
import type { ViewStress } from "./model.ts";

const buffersByIndex = new WeakMap<FlowIndex, { facts: Dataset["facts"]; value: StressBuffers }>();
function buffersOf(index: FlowIndex, hops: readonly Hop[], facts: Dataset["facts"]): StressBuffers {
  const hit = buffersByIndex.get(index);
  if (hit && hit.facts === facts) return hit.value;
  const value = stressBuffers(index, hops, facts);
  buffersByIndex.set(index, { facts, value });
  return value;
}

const resultsByIndex = new WeakMap<FlowIndex, { stress: ViewStress; value: StressResult }>();

/** The scenario's result, or null when no company is shocked or there is no analysis yet. */
export function selectStressResult(s: Store): StressResult | null {
  const index = s.analysis?.index;
  if (s.stress.shocked.length === 0 || !index) return null;
  const hit = resultsByIndex.get(index);
  if (hit && hit.stress === s.stress) return hit.value;
  const value = runStress(index, buffersOf(index, s.analysis!.hops, s.dataset.facts), {
    shocked: s.stress.shocked,
    shortfall: s.stress.shortfallPct / 100,
    threshold: s.stress.thresholdPct / 100,
  });
  resultsByIndex.set(index, { stress: s.stress, value });
  return value;
}

/** Most companies the systemic-importance table tries, largest payers first. */
export const SYSTEMIC_MAX = 60;

const rankingsByIndex = new WeakMap<
  FlowIndex,
  { threshold: number; value: SystemicImportance[] }
>();

const NO_RANKING: SystemicImportance[] = [];

/** Companies ranked by the total loss a 100% shortfall of theirs would cause. */
export function selectSystemicImportance(s: Store): SystemicImportance[] {
  const index = s.analysis?.index;
  if (!index) return NO_RANKING;
  const threshold = s.stress.thresholdPct / 100;
  const hit = rankingsByIndex.get(index);
  if (hit && hit.threshold === threshold) return hit.value;
  const value = rankSystemicImportance(
    index,
    buffersOf(index, s.analysis!.hops, s.dataset.facts),
    threshold,
    SYSTEMIC_MAX,
  );
  rankingsByIndex.set(index, { threshold, value });
  return value;
}
