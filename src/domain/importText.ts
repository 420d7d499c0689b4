/**
 * One entry point for reading a user's file: the format (dataset JSON, CSV edge
 * list or GEXF, chosen by name and then content) and the parse.
 * The import worker, its main-thread fallback and the CLI all call `parseImportFile`
 * (Excel workbooks are binary; every other format is text, `parseImportText`);
 * the size limit is in `limits.ts`.
 */
import type { ParseResult } from "./problems.ts";
import type { Dataset } from "./schema.ts";
import { parseCsvEdgeList } from "./csv.ts";
import { parseDatasetJson } from "./validate.ts";
import { type MappingChoice, NO_MAPPING_CHOICE, overridesOf } from "./tracker.ts";
import { looksLikeXlsx, parseXlsx } from "./xlsx.ts";

/** True when the name or the first tag says GEXF. */
export function looksLikeGexf(fileName: string, content: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".gexf") || lower.endsWith(".xml")) return true;
  return /^\uFEFF?\s*</.test(content);
}

export const IMPORT_FORMATS = ["json", "csv", "gexf", "xlsx"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Chooses a text reader: by extension, then by the first non-blank character. */
export function detectImportFormat(
  fileName: string,
  content: string,
): Exclude<ImportFormat, "xlsx"> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return "csv";
  if (looksLikeGexf(fileName, content)) return "gexf";
  return /^\s*[[{]/.test(content.replace(/^\uFEFF/, "")) ? "json" : "csv";
}

/** Reads a file's text in whichever format it is in. */
export async function parseImportText(
  content: string,
  fileName: string,
  choice: MappingChoice = NO_MAPPING_CHOICE,
): Promise<{ format: Exclude<ImportFormat, "xlsx">; result: ParseResult<Dataset> }> {
  const format = detectImportFormat(fileName, content);
  if (format === "gexf") {
    // NOTE: GEXF's reader (graphology, graphology-gexf, xmldom: half of the command's
    // code) loads only for a GEXF file, so the command and the import worker start
    // without it for every other format.
    const { parseGexf } = await import("./gexf.ts");
    return { format, result: parseGexf(content, fileName) };
  }
  if (format === "csv") {
    return { format, result: parseCsvEdgeList(content, fileName, overridesOf(choice)) };
  }
  return { format, result: parseDatasetJson(content.replace(/^\uFEFF/, "")) };
}

/** Reads a file's bytes: an Excel workbook, or text in any other format (UTF-8). */
export async function parseImportFile(
  bytes: Uint8Array,
  fileName: string,
  choice: MappingChoice = NO_MAPPING_CHOICE,
): Promise<{ format: ImportFormat; result: ParseResult<Dataset> }> {
  if (looksLikeXlsx(fileName, bytes)) {
    const copy = bytes.slice().buffer;
    const result = await parseXlsx(copy, fileName, overridesOf(choice), choice.sheet);
    return { format: "xlsx", result };
  }
  return parseImportText(new TextDecoder().decode(bytes), fileName, choice);
}
