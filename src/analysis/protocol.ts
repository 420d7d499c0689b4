/** Messages between the app and the analysis worker. */
import type { Dataset } from "../domain/schema.ts";
import type { AnalysisResult } from "./analyzeDataset.ts";
import type { DealFilters } from "./filterDeals.ts";

export interface AnalysisRequest {
  readonly id: number;
  readonly dataset: Pick<Dataset, "companies" | "deals" | "facts">;
  readonly filters: DealFilters;
  readonly maxLength: number;
  readonly limit: number;
}

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly result: AnalysisResult }
  | { readonly id: number; readonly ok: false; readonly error: string };
