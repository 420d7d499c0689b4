/** Messages between the app and the analysis worker. */
import type { DealFilters } from "./filterDeals.ts";
import type { LoopOptions } from "./loops.ts";
import type { PipelineDataset, PipelineResult, PipelineView } from "./pipeline.ts";

export interface AnalysisRequest {
  readonly id: number;
  /** Bumped by the app whenever its dataset changes. */
  readonly datasetVersion: number;
  /** Sent only when the worker may not hold `datasetVersion` yet, so edits are not re-sent per filter change. */
  readonly dataset?: PipelineDataset;
  readonly filters: DealFilters;
  readonly view: PipelineView;
  readonly loops: LoopOptions;
}

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly result: PipelineResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: string;
      readonly needsDataset?: true;
    };
