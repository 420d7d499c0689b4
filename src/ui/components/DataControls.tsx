/**
 * The header's "Data" menu: import a file (picker or drag-and-drop anywhere on
 * the page) as a new saved dataset, the saved-dataset library ("Datasets…"),
 * export the open dataset as JSON, CSV or GEXF, and show the default dataset
 * (nothing saved is deleted; a link's unsaved dataset is named before it is
 * left). Takes no props.
 */
import { useModalDialog } from "./useModalDialog.ts";
import { Suspense, lazy, useEffect, useId, useRef, useState } from "react";
import { serializeDealsCsv, slugify } from "../../domain/csv.ts";
import { exportLossNotice, type EdgeListFormat } from "../../domain/exportLosses.ts";
import { IMPORT_ACCEPT } from "../../domain/limits.ts";
import type { Dataset } from "../../domain/schema.ts";
import { serializeDatasetJson } from "../../domain/validate.ts";
import { actions, useStore } from "../../state/store.ts";
import { downloadText } from "./download.ts";
import { useDatasetImport } from "./useDatasetImport.ts";

// NOTE: the dialogs load on first use; the first screen needs neither.
const ImportDialog = lazy(() =>
  import("./ImportDialog.tsx").then((m) => ({ default: m.ImportDialog })),
);
const DatasetsDialog = lazy(() =>
  import("./DatasetsDialog.tsx").then((m) => ({ default: m.DatasetsDialog })),
);
import "./data.css";

type Writer = (dataset: Dataset) => string | Promise<string>;
const EXPORTS: readonly {
  label: string;
  ext: string;
  mime: string;
  write: Writer;
  /** Set for the formats that cannot carry every field. */
  lossy?: EdgeListFormat;
}[] = [
  { label: "Export JSON", ext: "json", mime: "application/json", write: serializeDatasetJson },
  { label: "Export CSV", ext: "csv", mime: "text/csv", write: serializeDealsCsv, lossy: "csv" },
  {
    label: "Export GEXF",
    lossy: "gexf",
    ext: "gexf",
    mime: "application/xml",
    // NOTE: loaded on demand, so the XML libraries stay out of the first page load.
    write: async (dataset) => (await import("../../domain/gexf.ts")).serializeGexf(dataset),
  },
];

/** `ai-circular-deals.json`: the title's slug and the extension. */
export function exportFileName(dataset: Dataset, ext: string): string {
  return `${slugify(dataset.title) || "dataset"}.${ext}`;
}

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/** Shows the drop overlay while files are dragged over the page; calls `onFile` on drop. */
function useFileDrop(onFile: (file: File, count: number) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFileRef = useRef(onFile);
  useEffect(() => {
    onFileRef.current = onFile;
  }, [onFile]);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = event.dataTransfer?.files;
      const first = files?.[0];
      if (first) onFileRef.current(first, files.length);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, []);
  return dragging;
}

/** Arrow keys, Home and End move between the enabled items; Escape closes. */
function onMenuKey(event: React.KeyboardEvent<HTMLElement>, close: () => void) {
  const items = Array.from(
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)'),
  );
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const to: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    close();
  } else if (event.key === "Tab") close();
  else if (event.key in to) {
    event.preventDefault();
    items[to[event.key]!]?.focus();
  }
}

/** Asks before the imported dataset is discarded; Cancel is the default button. */
function LeaveDialog(props: {
  open: boolean;
  title: string;
  onKeep: () => void;
  onLeave: () => void;
  onCancel: () => void;
}) {
  const { open, title, onKeep, onLeave, onCancel } = props;
  const ref = useModalDialog(open);
  const headingId = useId();
  return (
    <dialog
      ref={ref}
      className="data-dialog"
      aria-labelledby={headingId}
      onClose={() => open && onCancel()}
    >
      <h2 id={headingId}>Leave “{title}”?</h2>
      <p>
        “{title}” came from a link and is not saved in this browser. Keep it in your datasets, or
        leave it (the link still opens it).
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onKeep}>
          Keep “{title}” and show the default
        </button>
        <button type="button" className="danger" onClick={onLeave}>
          Leave it
        </button>
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

export function DataControls() {
  const dataset = useStore((s) => s.dataset);
  const source = useStore((s) => s.datasetSource);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const importer = useDatasetImport();
  const { start } = importer;
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const dragging = useFileDrop((file, count) => {
    if (count > 1) actions.addNotice(`${count} files were dropped; only ${file.name} is imported.`);
    setMenuOpen(false);
    start(file);
  });

  useEffect(() => {
    if (!menuOpen) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [menuOpen]);

  const importOpen = importer.state.phase !== "idle";
  // NOTE: mounted from the first use on, so a dialog that closes keeps its element.
  const [importUsed, setImportUsed] = useState(false);
  if (importOpen && !importUsed) setImportUsed(true);
  const [libraryUsed, setLibraryUsed] = useState(false);
  if (libraryOpen && !libraryUsed) setLibraryUsed(true);
  const wasImportOpen = useRef(false);
  useEffect(() => {
    if (wasImportOpen.current && !importOpen) buttonRef.current?.focus();
    wasImportOpen.current = importOpen;
  }, [importOpen]);

  const closeMenu = (refocus = true) => {
    setMenuOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  return (
    <div className="data-controls" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? menuId : undefined}
        onClick={() => setMenuOpen((o) => !o)}
      >
        Data
      </button>
      {menuOpen && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Data"
          className="data-menu"
          onKeyDown={(e) => onMenuKey(e, () => closeMenu())}
        >
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              closeMenu(false);
              inputRef.current?.click();
            }}
          >
            Import data…
          </button>
          <div role="separator" />
          {EXPORTS.map((x) => (
            <button
              key={x.ext}
              type="button"
              role="menuitem"
              onClick={() => {
                closeMenu();
                void Promise.resolve(x.write(dataset)).then(
                  (content) => {
                    downloadText(content, exportFileName(dataset, x.ext), x.mime);
                    const lost = x.lossy && exportLossNotice(dataset, x.lossy);
                    if (lost) actions.addNotice(lost);
                  },
                  (err: unknown) => actions.addNotice(`${x.label} failed: ${String(err)}`),
                );
              }}
            >
              {x.label}
            </button>
          ))}
          <div role="separator" />
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              closeMenu(false);
              setLibraryOpen(true);
            }}
          >
            Datasets…
          </button>
          <button
            type="button"
            role="menuitem"
            disabled={source.kind === "default"}
            title={source.kind === "default" ? "The default dataset is already shown" : undefined}
            onClick={() => {
              if (source.kind === "temporary") {
                closeMenu(false);
                setConfirmLeave(true);
              } else {
                closeMenu();
                actions.showDefault();
              }
            }}
          >
            Show the default dataset
          </button>
        </div>
      )}
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        aria-label="Dataset file to import"
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) start(file);
        }}
      />
      {importUsed && (
        <Suspense fallback={null}>
          <ImportDialog importer={importer} />
        </Suspense>
      )}
      <LeaveDialog
        open={confirmLeave}
        title={dataset.title}
        onKeep={() => {
          actions.keepTemporary();
          // NOTE: the next tick, so the kept entry is saved before the default replaces it.
          setTimeout(() => actions.showDefault(), 0);
          setConfirmLeave(false);
          buttonRef.current?.focus();
        }}
        onLeave={() => {
          actions.showDefault();
          setConfirmLeave(false);
          buttonRef.current?.focus();
        }}
        onCancel={() => {
          setConfirmLeave(false);
          buttonRef.current?.focus();
        }}
      />
      {libraryUsed && (
        <Suspense fallback={null}>
          <DatasetsDialog
            open={libraryOpen}
            onClose={() => {
              setLibraryOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a dataset file to import</p>
        </div>
      )}
    </div>
  );
}
