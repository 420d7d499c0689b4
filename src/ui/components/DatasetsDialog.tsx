/**
 * "Datasets": the saved-dataset library. Each entry by title, with Open,
 * Rename, Export JSON and Delete (after a confirmation naming it); the records
 * that could not be opened, with the reason, to download or delete; and, for a
 * dataset opened from a link, a way to keep it.
 */
import { useCallback, useEffect, useId, useState } from "react";
import { slugify } from "../../domain/csv.ts";
import { serializeDatasetJson } from "../../domain/validate.ts";
import {
  type LibraryEntrySummary,
  type SetAsideSummary,
  deleteLibraryEntry,
  deleteSetAside,
  listLibrary,
  loadLibraryDataset,
  openLibraryEntry,
  renameLibraryEntry,
} from "../../state/persistence.ts";
import { actions, useStore } from "../../state/store.ts";
import { useModalDialog } from "./useModalDialog.ts";
import { downloadText } from "./download.ts";

const when = (iso: string) => (iso ? iso.slice(0, 16).replace("T", " ") : "unknown date");

function EntryRow({
  entry,
  active,
  onChanged,
}: {
  entry: LibraryEntrySummary;
  active: boolean;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<"idle" | "rename" | "delete">("idle");
  const [title, setTitle] = useState(entry.title);
  const inputId = useId();
  return (
    <li className="library-entry" data-active={active}>
      <div>
        <strong>{entry.title}</strong>
        {active && <span className="badge"> open</span>}
        <div className="muted">
          {entry.deals} deals, {entry.companies} companies · saved {when(entry.savedAt)}
        </div>
      </div>
      {mode === "rename" && (
        <form
          className="library-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void renameLibraryEntry(entry.id, title).then(onChanged);
            setMode("idle");
          }}
        >
          <label htmlFor={inputId}>New title for “{entry.title}”</label>
          <input id={inputId} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          <button type="submit">Save title</button>
          <button type="button" onClick={() => setMode("idle")}>
            Cancel
          </button>
        </form>
      )}
      {mode === "delete" && (
        <div className="library-confirm" role="alert">
          Delete “{entry.title}” from this browser? This cannot be undone.{" "}
          <button
            type="button"
            className="danger"
            onClick={() => void deleteLibraryEntry(entry.id).then(onChanged)}
          >
            Delete “{entry.title}”
          </button>{" "}
          <button type="button" onClick={() => setMode("idle")}>
            Keep it
          </button>
        </div>
      )}
      {mode === "idle" && (
        <div className="button-row">
          <button
            type="button"
            disabled={active}
            aria-label={`Open ${entry.title}`}
            onClick={() => void openLibraryEntry(entry.id).then(onChanged)}
          >
            Open
          </button>
          <button
            type="button"
            aria-label={`Rename ${entry.title}`}
            onClick={() => setMode("rename")}
          >
            Rename
          </button>
          <button
            type="button"
            aria-label={`Export ${entry.title} as JSON`}
            onClick={() =>
              void loadLibraryDataset(entry.id).then((d) => {
                if (d)
                  downloadText(
                    serializeDatasetJson(d),
                    `${slugify(d.title) || "dataset"}.json`,
                    "application/json",
                  );
              })
            }
          >
            Export
          </button>
          <button
            type="button"
            aria-label={`Delete ${entry.title}`}
            onClick={() => setMode("delete")}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function SetAsideRow({ record, onChanged }: { record: SetAsideSummary; onChanged: () => void }) {
  return (
    <li className="library-entry">
      <div>
        <strong>Set aside {when(record.setAsideAt)}</strong>
        <div className="muted">Could not be opened: {record.reason}</div>
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            downloadText(
              `${JSON.stringify(record.record, null, 2)}\n`,
              `set-aside-${record.setAsideAt.slice(0, 10) || "record"}.json`,
              "application/json",
            )
          }
        >
          Download
        </button>
        <button type="button" onClick={() => void deleteSetAside(record.key).then(onChanged)}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** The library dialog; `open` shows it as a modal. */
export function DatasetsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  const headingId = useId();
  const source = useStore((s) => s.datasetSource);
  const dataset = useStore((s) => s.dataset);
  const [library, setLibrary] = useState<{
    entries: LibraryEntrySummary[];
    setAside: SetAsideSummary[];
  } | null>(null);
  const refresh = useCallback(() => {
    // NOTE: a moment for the store's save of a just-renamed or opened entry to land.
    setTimeout(() => void listLibrary().then(setLibrary), 60);
  }, []);
  useEffect(() => {
    if (open) refresh();
  }, [open, refresh, source]);
  return (
    <dialog
      ref={ref}
      className="data-dialog datasets-dialog"
      aria-labelledby={headingId}
      onClose={() => open && onClose()}
    >
      <h2 id={headingId}>Datasets</h2>
      {source.kind === "temporary" && (
        <p role="note">
          “{dataset.title}” came from {source.from === "link" ? "a link" : "the benchmark"} and is
          not saved.{" "}
          <button type="button" onClick={() => actions.keepTemporary()}>
            Keep “{dataset.title}” in my datasets
          </button>
        </p>
      )}
      <h3>Saved in this browser</h3>
      {library === null ? (
        <p role="status">Loading…</p>
      ) : library.entries.length === 0 ? (
        <p className="muted">Nothing saved yet: imported datasets are kept here.</p>
      ) : (
        <ul className="library-list" aria-label="Saved datasets">
          {library.entries.map((e) => (
            <EntryRow
              key={e.id}
              entry={e}
              active={source.kind === "entry" && source.id === e.id}
              onChanged={refresh}
            />
          ))}
        </ul>
      )}
      {library !== null && library.setAside.length > 0 && (
        <>
          <h3>Set aside</h3>
          <ul className="library-list" aria-label="Set-aside records">
            {library.setAside.map((r) => (
              <SetAsideRow key={r.key} record={r} onChanged={refresh} />
            ))}
          </ul>
        </>
      )}
      <div className="dialog-buttons">
        {source.kind !== "default" && (
          <button
            type="button"
            onClick={() =>
              downloadText(serializeDatasetJson(dataset), "dataset.json", "application/json")
            }
          >
            Export the open dataset as JSON
          </button>
        )}
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
