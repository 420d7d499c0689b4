/**
 * Runs the analysis whenever the dataset, the filters or the loop length change:
 * in a Web Worker when the browser has one, else on the main thread.
 * Renders nothing.
 */
import { useEffect, useRef } from "react";
import { analyzeFiltered } from "../analysis/analyzeDataset.ts";
import type { AnalysisRequest, AnalysisResponse } from "../analysis/protocol.ts";
import { actions, useStore } from "../state/store.ts";

const LOOP_LIMIT = 10_000;

export function AnalysisRunner() {
  const dataset = useStore((s) => s.dataset);
  const filters = useStore((s) => s.filters);
  const maxLength = useStore((s) => s.loopControls.maxLength);
  const workerRef = useRef<Worker | null>(null);
  const seqRef = useRef(0);

  useEffect(() => {
    if (typeof Worker === "undefined") return;
    const worker = new Worker(new URL("../workers/analysis.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const res = event.data;
      if (res.id !== seqRef.current) return; // a newer request is on its way
      if (res.ok) actions.analysisFinished(res.result);
      else actions.analysisFailed(res.error);
    };
    worker.onerror = (event) => {
      actions.analysisFailed(event.message || "the analysis worker failed");
    };
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++seqRef.current;
    const { companies, deals, facts } = dataset;
    const request: AnalysisRequest = {
      id,
      dataset: { companies, deals, facts },
      filters,
      maxLength,
      limit: LOOP_LIMIT,
    };
    actions.analysisStarted();
    const worker = workerRef.current;
    if (worker) {
      worker.postMessage(request);
      return;
    }
    try {
      actions.analysisFinished(
        analyzeFiltered(request.dataset, filters, { maxLength, limit: LOOP_LIMIT }),
      );
    } catch (err) {
      actions.analysisFailed(err instanceof Error ? err.message : String(err));
    }
  }, [dataset, filters, maxLength]);

  return null;
}
