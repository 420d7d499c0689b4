import { useShallow } from "zustand/react/shallow";
import { useStore } from "../state/store.ts";

/** A thin bar and a status line while the layout or the analysis runs. */
export function ProgressIndicator() {
  const { layoutRunning, analysisStatus, analysisError } = useStore(
    useShallow((s) => ({
      layoutRunning: s.layoutRunning,
      analysisStatus: s.analysisStatus,
      analysisError: s.analysisError,
    })),
  );
  const busy = layoutRunning || analysisStatus === "running";
  const text = layoutRunning
    ? "Laying out the graph…"
    : analysisStatus === "running"
      ? "Finding loops…"
      : "";
  return (
    <>
      <div className="progress" role="status" aria-live="polite" data-busy={busy}>
        {busy && <div className="progress-bar" aria-hidden="true" />}
        <span className={busy ? "progress-text" : "visually-hidden"}>{text}</span>
      </div>
      {analysisStatus === "error" && (
        <div role="alert" className="error-box floating">
          The analysis failed: {analysisError}
        </div>
      )}
    </>
  );
}
