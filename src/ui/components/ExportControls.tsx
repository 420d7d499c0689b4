/**
 * Export: an "Export image…" button in the app header that opens the export
 * dialog (`ExportDialog.tsx`, loaded on first use: the composition, label
 * placement and rasterising code stay out of the first screen's bundle).
 */
import { Suspense, lazy, useEffect, useState } from "react";
import { useOptionalSigma } from "../controllers/sigmaContext.ts";
import "./export.css";

const ExportDialog = lazy(() =>
  import("./ExportDialog.tsx").then((m) => ({ default: m.ExportDialog })),
);

export function ExportControls() {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const sigma = useOptionalSigma();
  useEffect(() => {
    if (!status.startsWith("Saved")) return;
    const timer = setTimeout(() => setStatus(""), 6000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div className="export-controls" role="group" aria-label="Export image">
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export…
      </button>
      <p role="status" className="export-controls__status">
        {status}
      </p>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog
            sigma={sigma}
            onClose={() => setOpen(false)}
            onSaved={(text) => setStatus(text)}
          />
        </Suspense>
      )}
    </div>
  );
}
