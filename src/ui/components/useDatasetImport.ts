/**
 * Importing a file, as state: `useDatasetImport` reads it in the import
 * worker (a tracker's mapping first, remembered per header), and a valid file
 * becomes the active dataset. `ImportDialog` shows the state.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportFormat } from "../../domain/importText.ts";
import {
  type DetectedMapping,
  type MappingChoice,
  NO_MAPPING_CHOICE,
  headerKey,
  isOwnEdgeList,
} from "../../domain/tracker.ts";
import { importSizeProblem } from "../../domain/limits.ts";
import type { ParseResult } from "../../domain/problems.ts";
import type { Dataset } from "../../domain/schema.ts";
import { nextTask } from "../../state/model.ts";
import { actions, newEntryId } from "../../state/store.ts";
import type { ImportResponse } from "../../workers/import.worker.ts";

export type ImportState =
  | { readonly phase: "idle" }
  | { readonly phase: "reading"; readonly fileName: string }
  | { readonly phase: "failed"; readonly fileName: string; readonly error: string }
  | {
      readonly phase: "done";
      readonly fileName: string;
      readonly format: ImportFormat | null;
      readonly result: ParseResult<Dataset>;
      /** Set once the valid rows of a file with problems were imported. */
      readonly partialImported?: boolean;
    }
  | {
      /** A tracker: its mapping is shown, and changeable, before anything is imported. */
      readonly phase: "review";
      readonly fileName: string;
      readonly format: ImportFormat | null;
      readonly result: ParseResult<Dataset>;
      readonly mapping: DetectedMapping;
      readonly choice: MappingChoice;
      /** True while the file is read again with a changed choice. */
      readonly rereading: boolean;
      /** True when the choice is the one remembered for this header. */
      readonly remembered: boolean;
    };

export interface DatasetImport {
  readonly state: ImportState;
  start(file: File): void;
  /** Imports the valid rows of the current result. */
  importPartial(): void;
  /** Reads the file under review again with another choice of mapping. */
  remap(choice: MappingChoice): void;
  /** Imports the file under review as mapped (its valid rows). */
  acceptMapping(): void;
  /** Cancels a running import, or closes the dialog. */
  close(): void;
}

function runInWorker(
  file: File,
  mapping: MappingChoice,
  onDone: (response: ImportResponse) => void,
): () => void {
  let worker: Worker | null = null;
  let cancelled = false;
  const fallback = () =>
    void import("../../workers/import.worker.ts")
      .then((m) => m.readImportFile(file, mapping))
      .then((response) => !cancelled && onDone(response));
  try {
    worker = new Worker(new URL("../../workers/import.worker.ts", import.meta.url), {
      type: "module",
    });
  } catch {
    fallback();
    return () => {
      cancelled = true;
    };
  }
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    worker?.terminate();
    // NOTE: reading the message copies the dataset in; using it (saving, drawing) waits
    // for the next task, so a large import freezes the page twice briefly, not once long.
    const response = event.data;
    void nextTask().then(() => !cancelled && onDone(response));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    if (!cancelled) onDone({ ok: false, error: event.message || "the import worker failed" });
  };
  worker.postMessage({ file, mapping });
  return () => {
    cancelled = true;
    worker?.terminate();
  };
}

const MAPPING_KEY = "ouroboros:tracker-mapping:";

/** The mapping the user chose last time for this header, if any. */
function rememberedChoice(header: readonly string[]): MappingChoice | null {
  try {
    const raw = localStorage.getItem(MAPPING_KEY + headerKey(header));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as MappingChoice;
    return Array.isArray(parsed.columns) && Array.isArray(parsed.values) ? parsed : null;
  } catch {
    return null;
  }
}

function rememberChoice(header: readonly string[], choice: MappingChoice): void {
  try {
    localStorage.setItem(MAPPING_KEY + headerKey(header), JSON.stringify(choice));
  } catch {
    // NOTE: storage full or denied: the mapping is simply not remembered.
  }
}

/** The import flow: start a file, watch its state, review a tracker's mapping, accept or close. */
export function useDatasetImport(): DatasetImport {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const cancelRef = useRef<(() => void) | null>(null);
  const fileRef = useRef<File | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);

  const read = useCallback((file: File, firstChoice: MappingChoice, firstRemembered: boolean) => {
    const fileName = file.name;
    const go = (choice: MappingChoice, remembered: boolean) => {
      cancelRef.current = runInWorker(file, choice, (response) => {
        cancelRef.current = null;
        if (!response.ok) {
          setState({ phase: "failed", fileName, error: response.error });
          return;
        }
        const { result, format } = response;
        const mapping = result.mapping;
        if (mapping && choice === NO_MAPPING_CHOICE) {
          const known = rememberedChoice(mapping.header);
          if (known) {
            go(known, true);
            return;
          }
        }
        if (mapping && (choice !== NO_MAPPING_CHOICE || !isOwnEdgeList(mapping))) {
          setState({
            phase: "review",
            fileName,
            format,
            result,
            mapping,
            choice,
            rereading: false,
            remembered,
          });
          return;
        }
        if (result.ok) {
          actions.setDataset(result.value, { kind: "entry", id: newEntryId() });
        }
        setState({ phase: "done", fileName, format, result });
      });
    };
    go(firstChoice, firstRemembered);
  }, []);

  const start = useCallback(
    (file: File) => {
      cancelRef.current?.();
      const fileName = file.name;
      const tooLarge = importSizeProblem(fileName, file.size);
      if (tooLarge) {
        const result = { ok: false, problems: [tooLarge], partial: null, skipped: 0 } as const;
        setState({ phase: "done", fileName, format: null, result });
        return;
      }
      fileRef.current = file;
      setState({ phase: "reading", fileName });
      read(file, NO_MAPPING_CHOICE, false);
    },
    [read],
  );

  const remap = useCallback(
    (choice: MappingChoice) => {
      const file = fileRef.current;
      if (state.phase !== "review" || !file) return;
      cancelRef.current?.();
      setState({ ...state, choice, rereading: true });
      read(file, choice, false);
    },
    [state, read],
  );

  const acceptMapping = useCallback(() => {
    if (state.phase !== "review" || state.rereading) return;
    const { result, mapping, choice, fileName, format } = state;
    const value = result.ok ? result.value : result.partial;
    if (!value) return;
    rememberChoice(mapping.header, choice);
    actions.setDataset(value, { kind: "entry", id: newEntryId() });
    setState({ phase: "done", fileName, format, result, partialImported: !result.ok });
  }, [state]);

  const importPartial = useCallback(() => {
    if (state.phase !== "done" || state.result.ok || !state.result.partial) return;
    actions.setDataset(state.result.partial, { kind: "entry", id: newEntryId() });
    setState({ ...state, partialImported: true });
  }, [state]);

  const close = useCallback(() => {
    cancelRef.current?.();
    cancelRef.current = null;
    fileRef.current = null;
    setState({ phase: "idle" });
  }, []);

  return { state, start, importPartial, remap, acceptMapping, close };
}
