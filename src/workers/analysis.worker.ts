/**
 * Analysis worker: runs loops and concentration off the main thread.
 * Imports only domain and analysis, like the CLI.
 */
import { analyzeFiltered } from "../analysis/analyzeDataset.ts";
import type { AnalysisRequest, AnalysisResponse } from "../analysis/protocol.ts";

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, dataset, filters, maxLength, limit } = event.data;
  let response: AnalysisResponse;
  try {
    response = { id, ok: true, result: analyzeFiltered(dataset, filters, { maxLength, limit }) };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
