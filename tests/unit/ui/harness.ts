/** Shared setup for the panel tests: a fresh store with a synchronous analysis. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { DEFAULT_LOOP_OPTIONS } from "../../../src/analysis/loops.ts";
import { runPipeline } from "../../../src/analysis/pipeline.ts";
import { type GraphCommands, createGraphCommands } from "../../../src/state/graphCommands.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { DEFAULT_DATASET, actions, initialState, useStore } from "../../../src/state/store.ts";

// NOTE: Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** Resets the store to its initial state, with `dataset` loaded and not yet analysed. */
export function resetStore(dataset: Dataset = DEFAULT_DATASET): void {
  useStore.setState(initialState(), true);
  if (dataset !== DEFAULT_DATASET) actions.setDataset(dataset, { kind: "entry", id: "test" });
}

/** Runs the analysis of the current dataset and filters, as the worker would. */
export function analyseNow(): void {
  const { dataset, filters, viewOptions } = useStore.getState();
  actions.analysisFinished(
    runPipeline({
      dataset,
      filters,
      view: { mergeVehicles: viewOptions.mergeVehicles, timeline: true },
      loops: DEFAULT_LOOP_OPTIONS,
    }),
  );
}

/** Resets the store and puts a finished analysis in it. */
export function resetWithAnalysis(dataset: Dataset = DEFAULT_DATASET): void {
  resetStore(dataset);
  analyseNow();
}

/** A command hub that records the companies it was asked to focus. */
export function recordingCommands(): { commands: GraphCommands; focused: string[] } {
  const commands = createGraphCommands();
  const focused: string[] = [];
  commands.attach({ focus: (id) => void focused.push(id) });
  return { commands, focused };
}
