/**
 * Importing a file: `useDatasetImport` reads it in the import worker, and
 * `ImportDialog` shows the outcome in a modal <dialog>: what was imported, or
 * every problem with its line or path, and the choice to import only the valid
 * rows (saying how many are skipped). A valid file becomes the active dataset.
 */

import { useId, useMemo, useState } from "react";
import { type Problem, formatProblem } from "../../domain/problems.ts";
import { formatCount, plural } from "../../domain/counts.ts";
import type { Dataset } from "../../domain/schema.ts";
import { MappingReview } from "./MappingReview.tsx";
import { useModalDialog } from "./useModalDialog.ts";
import type { DatasetImport, ImportState } from "./useDatasetImport.ts";

export type { DatasetImport, ImportState } from "./useDatasetImport.ts";

function Summary({ dataset, fileName }: { dataset: Dataset; fileName: string }) {
  return (
    <>
      Imported {plural(dataset.companies.length, "company", "companies")} and{" "}
      {plural(dataset.deals.length, "deal")} from {fileName}
    </>
  );
}

function DoneBody({
  state,
  headingId,
  onImportPartial,
  onClose,
}: {
  state: Extract<ImportState, { phase: "done" }>;
  headingId: string;
  onImportPartial: () => void;
  onClose: () => void;
}) {
  const { result, fileName } = state;
  const unit = state.format === "csv" || state.format === "xlsx" ? "row" : "record";
  if (result.ok || (state.partialImported && result.partial)) {
    const dataset = result.ok ? result.value : result.partial!;
    return (
      <>
        <h2 id={headingId}>Import complete</h2>
        <p role="status">
          <Summary dataset={dataset} fileName={fileName} />
          {result.ok ? "." : ` (${plural(result.skipped, unit)} with problems skipped).`}
        </p>
        <Warnings warnings={result.warnings} />
        <div className="dialog-buttons">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </>
    );
  }
  const partial = result.partial;
  return (
    <>
      <h2 id={headingId}>
        {partial ? `${fileName} has problems` : `${fileName} cannot be imported`}
      </h2>
      <p>
        {plural(result.problems.length, "problem")} found. Nothing has been imported yet.
        {partial
          ? ` ${plural(result.skipped, unit)} skipped if you import only the valid ones.`
          : " Fix the file and import it again."}
      </p>
      <ProblemList problems={result.problems} />
      <div className="dialog-buttons">
        {partial && (
          <button type="button" className="primary" onClick={onImportPartial}>
            Import the {plural(partial.deals.length, `valid ${unit === "row" ? "row" : "deal"}`)}
            <span className="button-note"> ({plural(result.skipped, unit)} skipped)</span>
          </button>
        )}
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** Problems shown a page at a time. */
export const PROBLEMS_PER_PAGE = 200;

/** "amount_usd_bn: 999,000; from: 1,000": how many problems each field has, most first. */
export function summarizeProblems(problems: readonly Problem[]): string {
  const byField = new Map<string, number>();
  for (const p of problems) {
    const field = p.path.includes(", ")
      ? p.path.slice(p.path.indexOf(", ") + 2)
      : p.path.replace(/\[\d+\]/g, "[]");
    byField.set(field, (byField.get(field) ?? 0) + 1);
  }
  return [...byField]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([field, n]) => `${field}: ${formatCount(n)}`)
    .join("; ");
}

/**
 * The problems, summarised by field and paginated: a file with a million bad
 * rows renders 200 list items, not a million.
 */
function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(problems.length / PROBLEMS_PER_PAGE);
  const first = page * PROBLEMS_PER_PAGE;
  const shown = problems.slice(first, first + PROBLEMS_PER_PAGE);
  const summary = useMemo(
    () => (problems.length > PROBLEMS_PER_PAGE ? summarizeProblems(problems) : ""),
    [problems],
  );
  return (
    <>
      {summary && <p className="muted">By field: {summary}.</p>}
      <ol className="import-problems" aria-label="Problems" tabIndex={0} start={first + 1}>
        {shown.map((p, i) => (
          <li key={first + i}>{formatProblem(p)}</li>
        ))}
      </ol>
      {pages > 1 && (
        <div className="button-row" role="group" aria-label="Problem pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous {PROBLEMS_PER_PAGE}
          </button>
          <span role="status">
            Problems {formatCount(first + 1)}–{formatCount(first + shown.length)} of{" "}
            {formatCount(problems.length)}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next {PROBLEMS_PER_PAGE}
          </button>
        </div>
      )}
    </>
  );
}

/** What was read in a way the user should know of, listed. */
function Warnings({ warnings }: { warnings: readonly Problem[] | undefined }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <details className="import-warnings" open={warnings.length <= 5}>
      <summary>{plural(warnings.length, "warning")}</summary>
      <ul aria-label="Warnings">
        {warnings.slice(0, 200).map((w, i) => (
          <li key={i}>{formatProblem(w)}</li>
        ))}
      </ul>
      {warnings.length > 200 && <p className="muted">and {warnings.length - 200} more.</p>}
    </details>
  );
}

/** The modal showing an import's progress and outcome. */
export function ImportDialog({ importer }: { importer: DatasetImport }) {
  const { state, close, importPartial, remap, acceptMapping } = importer;
  const headingId = useId();
  const open = state.phase !== "idle";
  const ref = useModalDialog(open);

  return (
    <dialog
      ref={ref}
      className={`data-dialog import-dialog${state.phase === "review" ? " import-dialog--review" : ""}`}
      aria-labelledby={headingId}
      onClose={() => {
        if (open) close();
      }}
    >
      {state.phase === "reading" && (
        <>
          <h2 id={headingId}>Importing {state.fileName}</h2>
          <p role="status" className="import-progress">
            Reading and checking the file…
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
      {state.phase === "failed" && (
        <>
          <h2 id={headingId}>{state.fileName} cannot be imported</h2>
          <p role="alert">The file could not be read: {state.error}</p>
          <div className="dialog-buttons">
            <button type="button" autoFocus onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
      {state.phase === "review" && (
        <MappingReview
          state={state}
          headingId={headingId}
          onRemap={remap}
          onAccept={acceptMapping}
          onCancel={close}
        >
          <Warnings warnings={state.result.warnings} />
          {state.result.problems.length > 0 && <ProblemList problems={state.result.problems} />}
        </MappingReview>
      )}
      {state.phase === "done" && (
        <DoneBody
          state={state}
          headingId={headingId}
          onImportPartial={importPartial}
          onClose={close}
        />
      )}
    </dialog>
  );
}
