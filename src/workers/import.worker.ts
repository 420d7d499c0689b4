/**
 * Import worker: reads a user's file and parses and validates it off the main
 * thread, so a large file never freezes the page. One worker per import; the
 * page terminates it to cancel. Imports only domain, like the CLI.
 */
import { type ImportFormat, parseImportFile } from "../domain/importText.ts";
import { importSizeProblem, withViewLimit } from "../domain/limits.ts";
import type { ParseResult } from "../domain/problems.ts";
import type { Dataset } from "../domain/schema.ts";
import { type MappingChoice, NO_MAPPING_CHOICE } from "../domain/tracker.ts";

export interface ImportRequest {
  readonly file: File;
  /** The user's choice of columns and values for an edge list or tracker. */
  readonly mapping?: MappingChoice;
}

export type ImportResponse =
  | {
      readonly ok: true;
      readonly format: ImportFormat | null;
      readonly result: ParseResult<Dataset>;
      /** Time spent reading and parsing, for the benchmark notes. */
      readonly parseMs: number;
    }
  | { readonly ok: false; readonly error: string };

/** Reads and parses a file; shared by the worker and the page's fallback. */
export async function readImportFile(
  file: File,
  mapping: MappingChoice = NO_MAPPING_CHOICE,
): Promise<ImportResponse> {
  const started = performance.now();
  const tooLarge = importSizeProblem(file.name, file.size);
  if (tooLarge) {
    const result = { ok: false, problems: [tooLarge], partial: null, skipped: 0 } as const;
    return { ok: true, format: null, result, parseMs: 0 };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { format, result } = await parseImportFile(bytes, file.name, mapping);
    const drawable = withViewLimit(file.name, result);
    return { ok: true, format, result: drawable, parseMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

// NOTE: only register the handler inside a worker, so the page can import
// `readImportFile` as its fallback without side effects.
if (typeof window === "undefined" && typeof self !== "undefined") {
  self.onmessage = (event: MessageEvent<ImportRequest>) => {
    void readImportFile(event.data.file, event.data.mapping).then((response) =>
      self.postMessage(response),
    );
  };
}
