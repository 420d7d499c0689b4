/**
 * The one zustand store, built from typed slices. Actions live at module level
 * (`actions.select(...)`) so sigma event handlers can call them without hooks.
 * Maps and arrays are replaced, never mutated in place.
 */
import { create } from "zustand";
import { temporal } from "zundo";
import { type DataEdit, type EditProblem, applyEdit } from "../domain/edit.ts";
import { DEFAULT_DEAL_FILTERS, type DealFilters } from "../analysis/filterDeals.ts";
import type { PipelineResult } from "../analysis/pipeline.ts";
import type { Dataset, Story } from "../domain/schema.ts";
import {
  type DraggedPositions,
  type DraggedPositionsByLayout,
  NO_DRAGGED,
  NO_DRAGGED_POSITIONS,
  replaceLayoutDragged,
  withDragged,
} from "../graph/layouts/dragged.ts";
import { DEFAULT_LAYOUT, type LayoutKind } from "../graph/layouts/layoutKinds.ts";
import {
  DEFAULT_LOOP_CONTROLS,
  DEFAULT_STRESS_VIEW,
  DEFAULT_VIEW_OPTIONS,
  type LoopControls,
  NO_SELECTION,
  type PanelTab,
  type Selection,
  type ViewCamera,
  type ViewOptions,
  type ViewStress,
  type DatasetSource,
  DEFAULT_SOURCE,
} from "./model.ts";
import type { StoryPlace } from "./url/codec.ts";
import defaultDatasetJson from "../../data/ai-circular-deals.json";

/** The dataset that ships with the app. Validated by the test suite. */
export const DEFAULT_DATASET = defaultDatasetJson as unknown as Dataset;

export { VIEW_TABS as PANEL_TABS } from "./model.ts";
export type { PanelTab, Selection, LoopControls } from "./model.ts";
export { NO_SELECTION, DEFAULT_LOOP_CONTROLS } from "./model.ts";

/** A new library entry id: time-ordered and random enough not to collide. */
export function newEntryId(): string {
  return `e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export type AnalysisStatus = "idle" | "running" | "done" | "error";

/** Whether the open dataset is written to the browser: shown next to undo. */
export type SaveState = "idle" | "saving" | "saved" | "failed";

interface DatasetSlice {
  dataset: Dataset;
  datasetSource: DatasetSource;
  saveState: SaveState;
  /**
   * Where companies are drawn away from their layout, per layout: the user's
   * drags, or a link's or a story step's positions; the current layout's are
   * in the URL. Not an undo step.
   */
  draggedPositions: DraggedPositionsByLayout;
  /**
   * The user's own dragged positions, set aside while a link's or a story
   * step's are shown (null when what is drawn is the user's own): these, not
   * the shown ones, are what is saved. A drag or a re-run in a layout makes
   * what is drawn there the user's own.
   */
  ownPositions: DraggedPositionsByLayout | null;
}
interface FiltersSlice {
  filters: DealFilters;
  loopControls: LoopControls;
  viewOptions: ViewOptions;
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
  hoveredNode: string | null;
  hoveredEdge: { readonly from: string; readonly to: string } | null;
}
interface ViewSlice {
  tab: PanelTab;
  theme: Theme;
  drawerOpen: boolean;
  /** How the graph is laid out: force, circle or by role. */
  layout: LayoutKind;
  /** Layout or other long work shown by the progress indicator. */
  layoutRunning: boolean;
  /** The graph camera, as the URL stores it; null until the graph reports it. */
  camera: ViewCamera | null;
  /** Dismissible messages, e.g. what a shared link contained that was ignored. */
  notices: readonly string[];
  /** Deals to highlight for a moment (timeline playback), with a counter. */
  flash: { readonly dealIds: readonly string[]; readonly seq: number } | null;
  /** The first screen (headline, circularity, the headline loop) is showing. */
  intro: boolean;
  /** The embed view (`embed=1`): graph, caption and a link out; read-only. */
  embed: boolean;
  /** The story step shown (the address says `story=…&step=…`); null when exploring. */
  story: StoryPlace | null;
  /**
   * A story a link carried alone, told on the shipped dataset; not saved until
   * the reader keeps it. NOTE: not part of the dataset, so not an undo step.
   */
  linkedStory: Story | null;
}
interface AnalysisSlice {
  analysis: PipelineResult | null;
  analysisStatus: AnalysisStatus;
  analysisError: string | null;
}

export type Store = DatasetSlice & FiltersSlice & SelectionSlice & ViewSlice & AnalysisSlice;

const createDatasetSlice = (): DatasetSlice => ({
  dataset: DEFAULT_DATASET,
  datasetSource: DEFAULT_SOURCE,
  saveState: "idle",
  draggedPositions: NO_DRAGGED_POSITIONS,
  ownPositions: null,
});
const createFiltersSlice = (): FiltersSlice => ({
  filters: DEFAULT_DEAL_FILTERS,
  loopControls: DEFAULT_LOOP_CONTROLS,
  viewOptions: DEFAULT_VIEW_OPTIONS,
  stress: DEFAULT_STRESS_VIEW,
});
const createSelectionSlice = (): SelectionSlice => ({
  selection: NO_SELECTION,
  focusCompany: null,
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
  layout: DEFAULT_LAYOUT,
  layoutRunning: false,
  camera: null,
  notices: [],
  flash: null,
  intro: false,
  embed: false,
  story: null,
  linkedStory: null,
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

/**
 * The store, with undo and redo of the data (zundo's temporal middleware): a
 * version is kept each time the dataset changes; view state (selection,
 * filters, camera) never is. Opening another dataset clears the history.
 */
export const useStore = create<Store>()(
  temporal(() => initialState(), {
    partialize: (s): DataVersion => ({ dataset: s.dataset, datasetSource: s.datasetSource }),
    equality: (past, current) => past.dataset === current.dataset,
    limit: 200,
  }),
);

/** What an undo step restores. */
export interface DataVersion {
  readonly dataset: Dataset;
  readonly datasetSource: DatasetSource;
}

const set = useStore.setState;
const get = useStore.getState;

/** Every state change goes through these. */
export const actions = {
  /**
   * Opens a dataset, with the dragged positions saved with it (none by
   * default); an entry of the library is saved on every change.
   */
  setDataset(
    dataset: Dataset,
    source: DatasetSource,
    draggedPositions: DraggedPositionsByLayout = NO_DRAGGED_POSITIONS,
  ) {
    const prev = get();
    // NOTE: editing the open entry (a rename) keeps the view; another dataset starts afresh.
    if (
      source.kind === "entry" &&
      prev.datasetSource.kind === "entry" &&
      prev.datasetSource.id === source.id
    ) {
      set({ dataset, datasetSource: source });
      return;
    }
    set({
      dataset,
      datasetSource: source,
      selection: NO_SELECTION,
      focusCompany: null,
      analysis: null,
      stress: DEFAULT_STRESS_VIEW,
      draggedPositions,
      ownPositions: null,
      story: null,
      // NOTE: a link's story is told on the shipped dataset; another dataset ends it.
      linkedStory: source.kind === "default" ? prev.linkedStory : null,
    });
    useStore.temporal.getState().clear();
  },
  /**
   * Shows the version of the open entry that another tab saved: the view
   * stays (a selected company that is gone is let go), and this tab's undo
   * history, which led to an older version, is cleared.
   */
  showSavedElsewhere(dataset: Dataset, draggedPositions: DraggedPositionsByLayout) {
    const sel = get().selection;
    const gone = sel.kind === "company" && !dataset.companies.some((c) => c.id === sel.id);
    set({
      dataset,
      draggedPositions,
      ownPositions: null,
      ...(gone ? { selection: NO_SELECTION, focusCompany: null } : {}),
    });
    useStore.temporal.getState().clear();
  },
  /**
   * Edits the open dataset (a deal or a company: replace, add, delete; or a
   * merge of two companies), one undo step.
   * Editing the shipped dataset or a link's makes a saved copy: the shipped
   * file is never changed. Returns the problems when the edit is refused.
   */
  editData(edit: DataEdit): readonly EditProblem[] {
    const s = get();
    const result = applyEdit(s.dataset, edit);
    if (!result.ok) return result.problems;
    const datasetSource: DatasetSource =
      s.datasetSource.kind === "entry" ? s.datasetSource : { kind: "entry", id: newEntryId() };
    // A merged or deleted company that was selected: its successor, or nothing.
    const sel = s.selection;
    const gone =
      sel.kind === "company" &&
      ((edit.kind === "merge-companies" && sel.id === edit.drop) ||
        (edit.kind === "delete-company" && sel.id === edit.id));
    const selection =
      gone && edit.kind === "merge-companies"
        ? { kind: "company" as const, id: edit.keep }
        : gone
          ? NO_SELECTION
          : sel;
    set({ dataset: result.dataset, datasetSource, selection });
    return [];
  },
  undo() {
    useStore.temporal.getState().undo();
  },
  /** Set by the persistence layer around each write of a saved dataset. */
  setSaveState(saveState: SaveState) {
    set({ saveState });
  },
  redo() {
    useStore.temporal.getState().redo();
  },
  /** Shows the shipped dataset; nothing saved is deleted. */
  showDefault() {
    actions.setDataset(DEFAULT_DATASET, DEFAULT_SOURCE);
  },
  /** Keeps a temporary dataset (a link's) as a new library entry. */
  keepTemporary() {
    const s = get();
    if (s.datasetSource.kind !== "temporary") return;
    set({ datasetSource: { kind: "entry", id: newEntryId() } });
  },
  /** Chooses the layout; each layout keeps its own dragged positions. */
  setLayout(layout: LayoutKind) {
    if (get().layout !== layout) set({ layout });
  },
  /**
   * Records where the user dropped a company in a layout (rounded to whole
   * units). What is drawn in that layout, a link's positions included, is the
   * user's from now on; other layouts keep the user's own set aside.
   */
  dragCompany(layout: LayoutKind, company: string, point: { x: number; y: number }) {
    const { draggedPositions: all, ownPositions: own } = get();
    const moved = withDragged(all[layout], company, point);
    set({
      draggedPositions: replaceLayoutDragged(all, layout, moved),
      ownPositions: own && replaceLayoutDragged(own, layout, moved),
    });
  },
  /**
   * Replaces one layout's dragged positions: none, when the user re-runs the
   * layout (the user's own in it too); or a link's or a story step's
   * (`shown`), which are drawn while the user's own are set aside and kept.
   */
  setDraggedPositions(layout: LayoutKind, positions: DraggedPositions = NO_DRAGGED, shown = false) {
    const { draggedPositions: all, ownPositions: own } = get();
    if (all[layout] === positions || (all[layout].size === 0 && positions.size === 0)) return;
    set({
      draggedPositions: replaceLayoutDragged(all, layout, positions),
      ownPositions: shown ? (own ?? all) : own && replaceLayoutDragged(own, layout, positions),
    });
  },
  /** Replaces every layout's dragged positions (read back from the browser's storage). */
  replaceDraggedPositions(draggedPositions: DraggedPositionsByLayout) {
    set({ draggedPositions, ownPositions: null });
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
  setViewOptions(patch: Partial<ViewOptions>) {
    set({ viewOptions: { ...get().viewOptions, ...patch } });
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
  /** Selects a company; moving the camera to it is the caller's `graphCommands.focus`. */
  selectCompany(id: string, options: { openDetails?: boolean } = {}) {
    set({
      selection: { kind: "company", id },
      focusCompany: id,
      ...(options.openDetails ? { tab: "details" as const } : {}),
    });
  },
  selectEdge(from: string, to: string, options: { openDetails?: boolean } = {}) {
    set({
      selection: { kind: "edge", from, to },
      ...(options.openDetails ? { tab: "details" as const } : {}),
    });
  },
  selectLoop(loop: {
    readonly id: string;
    readonly companies: readonly string[];
    readonly hopKeys: readonly string[];
  }) {
    set({
      selection: {
        kind: "loop",
        loopId: loop.id,
        companies: loop.companies,
        hopKeys: loop.hopKeys,
      },
    });
  },
  /** Shows the embed view (the address says `embed=1`). */
  setEmbed(embed: boolean) {
    set({ embed });
  },
  /** Opens the first screen (when no link says what to show). */
  openIntro() {
    set({ intro: true });
  },
  /** Leaves the first screen to explore freely; the headline loop stays selected. */
  closeIntro() {
    set({ intro: false });
  },
  /**
   * Shows a story's step; the URL sync applies the step's view and writes
   * `story=…&step=…` (a new history entry, so Back returns to the last step).
   */
  openStory(place: StoryPlace) {
    const now = get().story;
    if (now && now.storyId === place.storyId && now.stepIndex === place.stepIndex) return;
    set({ story: place, intro: false });
  },
  /** Leaves the story to explore freely; the step's view stays. */
  closeStory() {
    if (get().story !== null) set({ story: null });
  },
  /** A story a link carried alone (on the shipped dataset), or null. */
  setLinkedStory(linkedStory: Story | null) {
    set({ linkedStory });
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
  /** Records the camera the graph reports (moving it is `graphCommands.moveCamera`). */
  setCamera(camera: ViewCamera | null) {
    set({ camera });
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
  analysisStarted() {
    set({ analysisStatus: "running", analysisError: null });
  },
  analysisFinished(analysis: PipelineResult) {
    set({ analysis, analysisStatus: "done", analysisError: null });
  },
  analysisFailed(message: string) {
    set({ analysisStatus: "error", analysisError: message });
  },
};
