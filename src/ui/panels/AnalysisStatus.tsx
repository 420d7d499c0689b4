/** The analysis a panel shows, and the status line it shows while there is none. */
import type { PipelineResult } from "../../analysis/pipeline.ts";
import { useStore } from "../../state/store.ts";
import "./panels.css";

/** The current analysis, or null while it is missing or re-running. */
export function useReadyAnalysis(): PipelineResult | null {
  return useStore((s) => (s.analysisStatus === "running" ? null : s.analysis));
}

/** "Analysing…" while the worker runs, or the error when it failed. */
export function AnalysisStatus() {
  const error = useStore((s) => (s.analysisStatus === "error" ? s.analysisError : null));
  if (error !== null) {
    return (
      <p role="alert" className="panel-status panel-error">
        The analysis failed: {error}
      </p>
    );
  }
  return (
    <p role="status" className="panel-status">
      Analysing…
    </p>
  );
}
