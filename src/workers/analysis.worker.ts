/**
 * Analysis worker: runs the pipeline off the main thread and keeps the dataset
 * it was last sent, so a filter change posts only the filters. Imports only
 * domain and analysis, like the CLI.
 */
import { createPipeline } from "../analysis/pipeline.ts";
import type { AnalysisRequest, AnalysisResponse } from "../analysis/protocol.ts";
import type { PipelineDataset } from "../analysis/pipeline.ts";

const run = createPipeline();
let held: { version: number; dataset: PipelineDataset } | null = null;

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, datasetVersion, dataset, filters, view, loops } = event.data;
  if (dataset) held = { version: datasetVersion, dataset };
  let response: AnalysisResponse;
  if (!held || held.version !== datasetVersion) {
    response = {
      id,
      ok: false,
      error: "the worker does not hold this dataset",
      needsDataset: true,
    };
  } else {
    try {
      response = { id, ok: true, result: run({ dataset: held.dataset, filters, view, loops }) };
    } catch (err) {
      response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
  self.postMessage(response);
};
