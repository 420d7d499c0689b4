/** Shared setup for the panel tests: a fresh store with a synchronous analysis. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { analyzeFiltered } from "../../../src/analysis/analyzeDataset.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { DEFAULT_DATASET, actions, initialState, useStore } from "../../../src/state/store.ts";

// NOTE: Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** Resets the store to its initial state, with `dataset` loaded and not yet analysed. */
export function resetStore(dataset: Dataset = DEFAULT_DATASET): void {
  useStore.setState(initialState(), true);
  if (dataset !== DEFAULT_DATASET) actions.setDataset(dataset, "imported");
}

/** Runs the analysis of the current dataset and filters, as the worker would. */
export function analyseNow(): void {
  const { dataset, filters } = useStore.getState();
  actions.analysisFinished(analyzeFiltered(dataset, filters, { maxLength: 6, limit: 10000 }));
}

/** Resets the store and puts a finished analysis in it. */
export function resetWithAnalysis(dataset: Dataset = DEFAULT_DATASET): void {
  resetStore(dataset);
  analyseNow();
}
