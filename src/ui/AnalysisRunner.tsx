/**
 * Runs the analysis pipeline whenever the dataset, the filters, the view
 * options or the loop length change: in a Web Worker when the browser has one,
 * else on the main thread. The dataset is posted only when it changed (or the
 * worker asks for it), so a filter change posts a few bytes. Renders nothing.
 */
import { useEffect, useRef } from "react";
import { type PipelineDataset, createPipeline } from "../analysis/pipeline.ts";
import type { AnalysisRequest, AnalysisResponse } from "../analysis/protocol.ts";
import { APP_LOOP_LIMIT, OWN_TASK_COPY_DEALS, nextTask } from "../state/model.ts";
import { actions, useStore } from "../state/store.ts";
import { DEFAULT_LOOP_OPTIONS } from "../analysis/loops.ts";

export function AnalysisRunner() {
  // NOTE: the records, not the dataset: a story edit changes the dataset but not what is analysed.
  const companies = useStore((s) => s.dataset.companies);
  const deals = useStore((s) => s.dataset.deals);
  const facts = useStore((s) => s.dataset.facts);
  const filters = useStore((s) => s.filters);
  const mergeVehicles = useStore((s) => s.viewOptions.mergeVehicles);
  const maxLength = useStore((s) => s.loopControls.maxLength);
  const windowMonths = useStore((s) => s.loopControls.windowMonths);
  const workerRef = useRef<Worker | null>(null);
  const seqRef = useRef(0);
  // NOTE: identity of the records the worker holds, and the version number it knows them by.
  const sentRef = useRef<{ records: PipelineDataset | null; version: number }>({
    records: null,
    version: 0,
  });
  const lastRequestRef = useRef<AnalysisRequest | null>(null);
  // NOTE: requests waiting for their own task (see OWN_TASK_COPY_DEALS).
  const queuedRef = useRef(0);
  const fallbackRef = useRef<ReturnType<typeof createPipeline> | null>(null);

  useEffect(() => {
    if (typeof Worker === "undefined") return;
    const worker = new Worker(new URL("../workers/analysis.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const res = event.data;
      if (res.id !== seqRef.current) return; // a newer request is on its way
      // NOTE: reading the message copies the result in; showing it waits for the next task.
      if (res.ok) {
        void nextTask().then(() => {
          if (res.id === seqRef.current) actions.analysisFinished(res.result);
        });
      } else if (res.needsDataset && lastRequestRef.current) {
        worker.postMessage({ ...lastRequestRef.current, dataset: useStore.getState().dataset });
      } else actions.analysisFailed(res.error);
    };
    worker.onerror = (event) => {
      actions.analysisFailed(event.message || "the analysis worker failed");
    };
    workerRef.current = worker;
    sentRef.current = { records: null, version: sentRef.current.version };
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++seqRef.current;
    const sent = sentRef.current;
    const fresh =
      sent.records === null ||
      sent.records.companies !== companies ||
      sent.records.deals !== deals ||
      sent.records.facts !== facts;
    if (fresh)
      sentRef.current = { records: { companies, deals, facts }, version: sent.version + 1 };
    const request: AnalysisRequest = {
      id,
      datasetVersion: sentRef.current.version,
      ...(fresh ? { dataset: { companies, deals, facts } } : {}),
      filters,
      view: { mergeVehicles, timeline: true },
      loops: {
        ...DEFAULT_LOOP_OPTIONS,
        maxLength,
        windowMonths: windowMonths ?? Infinity,
        limit: APP_LOOP_LIMIT,
      },
    };
    lastRequestRef.current = { ...request, dataset: undefined };
    actions.analysisStarted();
    const worker = workerRef.current;
    if (worker) {
      // NOTE: a large dataset is copied to the worker in a task of its own, after the redraw;
      // a request queued behind it waits too, so the worker gets them in order.
      const large = fresh && deals.length > OWN_TASK_COPY_DEALS;
      if (!large && queuedRef.current === 0) worker.postMessage(request);
      else {
        queuedRef.current++;
        void nextTask().then(() => {
          queuedRef.current--;
          workerRef.current?.postMessage(request);
        });
      }
      return;
    }
    try {
      fallbackRef.current ??= createPipeline();
      actions.analysisFinished(
        fallbackRef.current({
          dataset: { companies, deals, facts },
          filters,
          view: request.view,
          loops: request.loops,
        }),
      );
    } catch (err) {
      actions.analysisFailed(err instanceof Error ? err.message : String(err));
    }
  }, [companies, deals, facts, filters, mergeVehicles, maxLength, windowMonths]);

  return null;
}
