/**
 * The one zustand store, built from typed slices. Actions live at module level
 * (`actions.select(...)`) so sigma event handlers can call them without hooks.
 * Maps and arrays are replaced, never mutated in place.
 */
import { create } from "zustand";
import type { AnalysisResult } from "../analysis/analyzeDataset.ts";
import { DEFAULT_DEAL_FILTERS, type DealFilters } from "../analysis/filterDeals.ts";
import type { Dataset } from "../domain/schema.ts";
import {
  DEFAULT_STRESS_VIEW,
  type ViewCamera,
  type ViewStress,
  type ViewTab,
} from "./url/codec.ts";
import defaultDatasetJson from "../../data/ai-circular-deals.json";

/** The dataset that ships with the app. Validated by the test suite. */
export const DEFAULT_DATASET = defaultDatasetJson as unknown as Dataset;

export { VIEW_TABS as PANEL_TABS } from "./url/codec.ts";
export type PanelTab = ViewTab;

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export type Selection =
  | { readonly kind: "none" }
  | { readonly kind: "loop"; readonly loopId: string; readonly companies: readonly string[] }
  | { readonly kind: "company"; readonly id: string }
  | { readonly kind: "edge"; readonly from: string; readonly to: string };

export const NO_SELECTION: Selection = { kind: "none" };

export interface LoopControls {
  /** Longest loop the analysis looks for, in hops. */
  readonly maxLength: number;
  /** Show only loops through the selected company. */
  readonly onlyThroughSelected: boolean;
  readonly minRoundTripUsdBn: number;
}

export const DEFAULT_LOOP_CONTROLS: LoopControls = {
  maxLength: 6,
  onlyThroughSelected: false,
  minRoundTripUsdBn: 0,
};

export type AnalysisStatus = "idle" | "running" | "done" | "error";

interface DatasetSlice {
  dataset: Dataset;
  datasetOrigin: "default" | "imported";
}
interface FiltersSlice {
  filters: DealFilters;
  loopControls: LoopControls;
  /** The stress-test scenario; no shocked company means no scenario. */
  stress: ViewStress;
}
interface SelectionSlice {
  selection: Selection;
  /**
   * The company most recently selected, kept while a loop through it is chosen,
   * so "only loops through the selected company" survives picking one of them.
   */
  focusCompany: string | null;
  /** The company the focus-camera should move to; bumped on every focus request. */
  focusRequest: { readonly id: string; readonly seq: number } | null;
  hoveredNode: string | null;
  hoveredEdge: { readonly from: string; readonly to: string } | null;
}
interface ViewSlice {
  tab: PanelTab;
  theme: Theme;
  drawerOpen: boolean;
  /** Layout or other long work shown by the progress indicator. */
  layoutRunning: boolean;
  /** Bumped to ask the graph to re-run its layout. */
  layoutRequest: number;
  /** Bumped to ask the graph to fit the camera to the whole graph. */
  fitRequest: number;
  /** The graph camera, as the URL stores it; null until the graph reports it. */
  camera: ViewCamera | null;
  /** Set when the camera should be moved to `camera` (e.g. from a shared link). */
  cameraRequest: number;
  /** Dismissible messages, e.g. what a shared link contained that was ignored. */
  notices: readonly string[];
  /** Deals to highlight for a moment (timeline playback), with a counter. */
  flash: { readonly dealIds: readonly string[]; readonly seq: number } | null;
}
interface AnalysisSlice {
  analysis: AnalysisResult | null;
  analysisStatus: AnalysisStatus;
  analysisError: string | null;
}

export type Store = DatasetSlice & FiltersSlice & SelectionSlice & ViewSlice & AnalysisSlice;

const createDatasetSlice = (): DatasetSlice => ({
  dataset: DEFAULT_DATASET,
  datasetOrigin: "default",
});
const createFiltersSlice = (): FiltersSlice => ({
  filters: DEFAULT_DEAL_FILTERS,
  loopControls: DEFAULT_LOOP_CONTROLS,
  stress: DEFAULT_STRESS_VIEW,
});
const createSelectionSlice = (): SelectionSlice => ({
  selection: NO_SELECTION,
  focusCompany: null,
  focusRequest: null,
  hoveredNode: null,
  hoveredEdge: null,
});
const prefersDark = () =>
  typeof window !== "undefined" &&
  typeof window.matchMedia === "function" &&
  window.matchMedia("(prefers-color-scheme: dark)").matches;
const createViewSlice = (): ViewSlice => ({
  tab: "loops",
  theme: prefersDark() ? "dark" : "light",
  drawerOpen: false,
  layoutRunning: false,
  layoutRequest: 0,
  fitRequest: 0,
  camera: null,
  cameraRequest: 0,
  notices: [],
  flash: null,
});
const createAnalysisSlice = (): AnalysisSlice => ({
  analysis: null,
  analysisStatus: "idle",
  analysisError: null,
});

/** A fresh initial state; tests use it to reset the store. */
export function initialState(): Store {
  return {
    ...createDatasetSlice(),
    ...createFiltersSlice(),
    ...createSelectionSlice(),
    ...createViewSlice(),
    ...createAnalysisSlice(),
  };
}

export const useStore = create<Store>()(() => initialState());

const set = useStore.setState;
const get = useStore.getState;
let focusSeq = 0;

/** Every state change goes through these. */
export const actions = {
  setDataset(dataset: Dataset, origin: "default" | "imported") {
    set({
      dataset,
      datasetOrigin: origin,
      selection: NO_SELECTION,
      focusCompany: null,
      analysis: null,
      stress: DEFAULT_STRESS_VIEW,
    });
  },
  setFilters(patch: Partial<DealFilters>) {
    set({ filters: { ...get().filters, ...patch } });
  },
  resetFilters() {
    set({ filters: DEFAULT_DEAL_FILTERS });
  },
  setStress(patch: Partial<ViewStress>) {
    set({ stress: { ...get().stress, ...patch } });
  },
  setLoopControls(patch: Partial<LoopControls>) {
    set({ loopControls: { ...get().loopControls, ...patch } });
  },
  select(selection: Selection) {
    set({
      selection,
      ...(selection.kind === "company" ? { focusCompany: selection.id } : {}),
      ...(selection.kind === "none" ? { focusCompany: null } : {}),
    });
  },
  selectCompany(id: string, options: { focus?: boolean; openDetails?: boolean } = {}) {
    set({
      selection: { kind: "company", id },
      focusCompany: id,
      ...(options.openDetails ? { tab: "details" as const } : {}),
      ...(options.focus ? { focusRequest: { id, seq: ++focusSeq } } : {}),
    });
  },
  selectEdge(from: string, to: string, options: { openDetails?: boolean } = {}) {
    set({
      selection: { kind: "edge", from, to },
      ...(options.openDetails ? { tab: "details" as const } : {}),
    });
  },
  selectLoop(loopId: string, companies: readonly string[]) {
    set({ selection: { kind: "loop", loopId, companies } });
  },
  clearSelection() {
    set({ selection: NO_SELECTION, focusCompany: null });
  },
  hoverNode(id: string | null) {
    if (get().hoveredNode !== id) set({ hoveredNode: id });
  },
  hoverEdge(edge: { from: string; to: string } | null) {
    set({ hoveredEdge: edge });
  },
  setTab(tab: PanelTab) {
    set({ tab, drawerOpen: true });
  },
  /** Switches tab without opening the phone drawer (used when restoring a link). */
  setTabQuietly(tab: PanelTab) {
    set({ tab });
  },
  /** Records the camera; with `move`, asks the graph to go there. */
  setCamera(camera: ViewCamera | null, move = false) {
    set({ camera, ...(move && camera ? { cameraRequest: get().cameraRequest + 1 } : {}) });
  },
  flashDeals(dealIds: readonly string[]) {
    set({ flash: { dealIds, seq: (get().flash?.seq ?? 0) + 1 } });
  },
  addNotice(message: string) {
    set({ notices: [...get().notices, message] });
  },
  dismissNotices() {
    set({ notices: [] });
  },
  setTheme(theme: Theme) {
    set({ theme });
  },
  toggleDrawer(open?: boolean) {
    set({ drawerOpen: open ?? !get().drawerOpen });
  },
  setLayoutRunning(layoutRunning: boolean) {
    set({ layoutRunning });
  },
  requestLayout() {
    set({ layoutRequest: get().layoutRequest + 1 });
  },
  requestFit() {
    set({ fitRequest: get().fitRequest + 1 });
  },
  analysisStarted() {
    set({ analysisStatus: "running", analysisError: null });
  },
  analysisFinished(analysis: AnalysisResult) {
    set({ analysis, analysisStatus: "done", analysisError: null });
  },
  analysisFailed(message: string) {
    set({ analysisStatus: "error", analysisError: message });
  },
};
