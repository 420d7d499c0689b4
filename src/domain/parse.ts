/** Reads a dataset from text in any supported format, chosen by name and content. */
import { parseCsvEdgeList } from "./csv.ts";
import type { ParseResult } from "./problems.ts";
import type { Dataset } from "./schema.ts";
import { parseDatasetJson } from "./validate.ts";

export const DATASET_FORMATS = ["json", "csv"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Guesses the format from the file name, then from the first non-blank character. */
export function detectFormat(fileName: string, text: string): DatasetFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return "csv";
  return /^\s*[[{]/.test(text) ? "json" : "csv";
}

/** Parses dataset text (JSON document or CSV edge list). */
export function parseDatasetText(text: string, fileName = "dataset"): ParseResult<Dataset> {
  return detectFormat(fileName, text) === "json"
    ? parseDatasetJson(text)
    : parseCsvEdgeList(text, fileName);
}
