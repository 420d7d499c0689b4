/**
 * The header's "Data" menu: import a file (picker or drag-and-drop anywhere on
 * the page), export the active dataset as JSON, CSV or GEXF, and reset to the
 * default dataset after a confirmation. Takes no props.
 */
import { useModalDialog } from "./useModalDialog.ts";
import { useEffect, useId, useRef, useState } from "react";
import { serializeDealsCsv, slugify } from "../../domain/csv.ts";
import { IMPORT_ACCEPT } from "../../domain/limits.ts";
import type { Dataset } from "../../domain/schema.ts";
import { serializeDatasetJson } from "../../domain/validate.ts";
import { DEFAULT_DATASET, actions, useStore } from "../../state/store.ts";
import { ImportDialog, useDatasetImport } from "./ImportDialog.tsx";
import "./data.css";

type Writer = (dataset: Dataset) => string | Promise<string>;
const EXPORTS: readonly { label: string; ext: string; mime: string; write: Writer }[] = [
  { label: "Export JSON", ext: "json", mime: "application/json", write: serializeDatasetJson },
  { label: "Export CSV", ext: "csv", mime: "text/csv", write: serializeDealsCsv },
  {
    label: "Export GEXF",
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

function download(content: string, fileName: string, mime: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // NOTE: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
function ResetDialog(props: {
  open: boolean;
  title: string;
  onReset: () => void;
  onCancel: () => void;
}) {
  const { open, title, onReset, onCancel } = props;
  const ref = useModalDialog(open);
  const headingId = useId();
  return (
    <dialog
      ref={ref}
      className="data-dialog"
      aria-labelledby={headingId}
      onClose={() => open && onCancel()}
    >
      <h2 id={headingId}>Reset to the default dataset?</h2>
      <p>
        This discards the imported dataset “{title}” from this browser. Export it first to keep a
        copy.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="danger" onClick={onReset}>
          Reset
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
  const origin = useStore((s) => s.datasetOrigin);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
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
                  (content) => download(content, exportFileName(dataset, x.ext), x.mime),
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
            disabled={origin === "default"}
            title={origin === "default" ? "The default dataset is already shown" : undefined}
            onClick={() => {
              closeMenu(false);
              setConfirmReset(true);
            }}
          >
            Reset to default dataset
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
      <ImportDialog importer={importer} />
      <ResetDialog
        open={confirmReset}
        title={dataset.title}
        onReset={() => {
          actions.setDataset(DEFAULT_DATASET, "default");
          setConfirmReset(false);
          buttonRef.current?.focus();
        }}
        onCancel={() => {
          setConfirmReset(false);
          buttonRef.current?.focus();
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a dataset file to import</p>
        </div>
      )}
    </div>
  );
}
