/**
 * Limits on what a user may import, kept apart from the parsers so the page can
 * check a file before it loads any of them.
 */
import type { Problem } from "./problems.ts";

/** Files above this size are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The file picker's `accept`: the dataset JSON, a CSV edge list, GEXF. */
export const IMPORT_ACCEPT = ".json,.csv,.gexf";

/** "61.2 MB", "830 kB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** The problem with a file's size, or null when it may be read. */
export function importSizeProblem(fileName: string, bytes: number): Problem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    path: "(file)",
    message: `${fileName} is ${formatBytes(bytes)}; files larger than ${formatBytes(MAX_IMPORT_BYTES)} are refused`,
  };
}
