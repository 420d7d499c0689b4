/**
 * Keeps the address bar and the store in step. The only module that touches
 * `history` and `location`.
 *
 * - On start, the view in the URL is applied; what cannot be applied (unknown
 *   parameters, companies or loops missing from the data) becomes a notice.
 * - Afterwards the URL follows the store: selections push a history entry, so
 *   Back and Forward step through them; filters, tab and camera replace it.
 * - Back/Forward (popstate) apply the URL's view again.
 */
import { hopKey } from "../../analysis/hops.ts";
import type { LoopReport } from "../../analysis/loops.ts";
import { formatProblem, oneLine } from "../../domain/problems.ts";
import type { GraphCommands } from "../graphCommands.ts";
import { FRAGMENT_KEY, decodeDatasetFragment, decodeStoryFragment } from "./fragment.ts";
import { findStory, selectStoryStep } from "../selectors.ts";
import { actions, type Selection, type Store, useStore } from "../store.ts";
import {
  type StoryPlace,
  type ViewSelection,
  type ViewState,
  decodeView,
  encodeStoryPlace,
  encodeView,
} from "./codec.ts";

/** The view the URL should show for a store state. */
export function viewOfStore(s: Store): ViewState {
  const sel = s.selection;
  const selection: ViewSelection =
    sel.kind === "loop"
      ? { kind: "loop", companies: sel.companies }
      : sel.kind === "company"
        ? { kind: "company", id: sel.id }
        : sel.kind === "edge"
          ? { kind: "edge", from: sel.from, to: sel.to }
          : { kind: "none" };
  return {
    selection,
    filters: s.filters,
    maxLength: s.loopControls.maxLength,
    windowMonths: s.loopControls.windowMonths,
    tab: s.tab,
    camera: s.camera,
    stress: s.stress,
    options: s.viewOptions,
    layout: s.layout,
    positions: s.draggedPositions[s.layout],
  };
}

/** This page's address with `query` (no data fragment). */
export function pageLink(query: string): string {
  return `${window.location.origin}${window.location.pathname}?${query}`;
}

/** The address of the store's view on this page (no data fragment, no `embed=1`). */
export function viewLink(s: Store): string {
  return pageLink(encodeView(viewOfStore(s)));
}

/**
 * The query of what the page shows: the story's step while one is told (the
 * reader's moves within it are not part of it), else the view. NOTE: a story
 * deleted or undone while shown leaves the view.
 */
export function shownQuery(s: Store): string {
  const shown = selectStoryStep(s);
  return shown
    ? encodeStoryPlace({ storyId: shown.story.id, stepIndex: shown.stepIndex })
    : encodeView(viewOfStore(s));
}

/** The loop whose companies are a rotation of `companies`, if any. */
export function findLoop(
  loops: readonly LoopReport[],
  companies: readonly string[],
): LoopReport | undefined {
  const n = companies.length;
  return loops.find((l) => {
    if (l.companies.length !== n) return false;
    const start = l.companies.indexOf(companies[0]!);
    return start >= 0 && companies.every((c, i) => l.companies[(start + i) % n] === c);
  });
}

/**
 * Resolves a URL selection against the data and the loops found.
 * Returns the store selection, or a notice saying why it was ignored.
 */
export function resolveSelection(
  s: Store,
  sel: ViewSelection,
): { selection: Selection } | { notice: string } {
  const known = new Set(s.dataset.companies.map((c) => c.id));
  if (sel.kind === "none") return { selection: { kind: "none" } };
  if (sel.kind === "company") {
    return known.has(sel.id)
      ? { selection: sel }
      : { notice: `company "${sel.id}" is not in this dataset` };
  }
  if (sel.kind === "edge") {
    const key = hopKey(sel.from, sel.to);
    const exists = s.analysis?.hops.some((h) => h.key === key) ?? false;
    return exists
      ? { selection: sel }
      : { notice: `there is no flow from "${sel.from}" to "${sel.to}" in this dataset` };
  }
  const missing = sel.companies.filter((c) => !known.has(c));
  if (missing.length > 0) {
    return { notice: `the loop names companies not in this dataset: ${missing.join(", ")}` };
  }
  const loop = findLoop(s.analysis?.loops ?? [], sel.companies);
  if (!loop) return { notice: `no loop ${sel.companies.join(" → ")} with these filters` };
  return {
    selection: {
      kind: "loop",
      loopId: loop.id,
      companies: loop.companies,
      hopKeys: loop.hopKeys,
    },
  };
}

/**
 * Applies everything but the selection, which waits for the analysis. A link's
 * dragged positions are drawn instead of the layout's own, which are kept (and
 * saved) until the user drags a company; a link without any keeps what is drawn.
 */
function applyView(view: ViewState, commands: GraphCommands) {
  actions.setFilters(view.filters);
  actions.setViewOptions(view.options);
  actions.setLoopControls({ maxLength: view.maxLength, windowMonths: view.windowMonths });
  actions.setTabQuietly(view.tab);
  const known = new Set(useStore.getState().dataset.companies.map((c) => c.id));
  actions.setLayout(view.layout);
  if (view.positions.size > 0) {
    const strangers = [...view.positions.keys()].filter((id) => !known.has(id));
    if (strangers.length > 0) {
      const named = strangers.slice(0, 5).map((id) => oneLine(id.slice(0, 40)));
      const more = strangers.length > 5 ? ` and ${strangers.length - 5} more` : "";
      actions.addNotice(
        `Ignored from the link: positions of companies not in this dataset: ${named.join(", ")}${more}.`,
      );
    }
    const kept = new Map([...view.positions].filter(([id]) => known.has(id)));
    actions.setDraggedPositions(view.layout, kept, true);
  }
  // NOTE: after the positions: the camera is framed on the arranged picture.
  actions.setCamera(view.camera);
  if (view.camera) commands.moveCamera(view.camera);
  const unknown = view.stress.shocked.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    actions.addNotice(
      `Ignored from the link: shocked companies not in this dataset: ${unknown.join(", ")}.`,
    );
  }
  actions.setStress({ ...view.stress, shocked: view.stress.shocked.filter((id) => known.has(id)) });
}

function applySelectionWhenReady(sel: ViewSelection, onDone: () => void) {
  // NOTE: loops and flows are checked against the analysis, so they wait for it.
  const ready = (s: Store) =>
    (sel.kind !== "loop" && sel.kind !== "edge") ||
    (s.analysisStatus === "done" && s.analysis !== null);
  const apply = (s: Store) => {
    const r = resolveSelection(s, sel);
    if ("notice" in r) actions.addNotice(`Ignored from the link: ${r.notice}.`);
    else actions.select(r.selection);
    onDone();
  };
  if (ready(useStore.getState())) return apply(useStore.getState());
  // NOTE: unsubscribe before applying: applying changes the store, which would
  // call this listener again.
  const unsubscribe = useStore.subscribe((s) => {
    if (!ready(s)) return;
    unsubscribe();
    apply(s);
  });
}

/** The notice shown when a link's dataset is opened. */
export const LINK_DATASET_NOTICE = (title: string) =>
  `“${title}” was opened from the link and is not saved; keep it with Data → Datasets.`;

/**
 * Opens what a link's fragment carries (at start, or pasted later): a dataset
 * (`#data=`), or a story alone on the shipped dataset (`#story=`); or says
 * why it cannot.
 */
export async function openLinkedDataset(hash: string): Promise<void> {
  const fromLink = await decodeDatasetFragment(hash);
  if (fromLink === null) return openLinkedStory(hash);
  if (fromLink.ok) {
    actions.setDataset(fromLink.value, { kind: "temporary", from: "link" });
    actions.addNotice(LINK_DATASET_NOTICE(fromLink.value.title));
    return;
  }
  const first = fromLink.problems.slice(0, 3).map(formatProblem).join("; ");
  actions.addNotice(`The data in this link could not be opened (${first}), so it was not loaded.`);
}

async function openLinkedStory(hash: string): Promise<void> {
  const fromLink = await decodeStoryFragment(hash);
  if (fromLink === null) return;
  if (fromLink.ok) {
    // NOTE: a story alone is told on the shipped dataset, whatever was open.
    if (useStore.getState().datasetSource.kind !== "default") actions.showDefault();
    actions.setLinkedStory(fromLink.value);
    return;
  }
  const first = fromLink.problems.slice(0, 3).map(formatProblem).join("; ");
  actions.addNotice(`The story in this link could not be opened (${first}).`);
}

/**
 * Shows a story's step: its view is applied like a link's (what cannot be
 * applied becomes a notice), and a step with no selection and no camera shows
 * the whole graph. `onDone` runs once the selection is applied.
 */
function showStep(place: StoryPlace, commands: GraphCommands, onDone: () => void): void {
  const s = useStore.getState();
  const story = findStory(s, place.storyId);
  if (!story) {
    actions.addNotice(`Ignored from the link: there is no story "${place.storyId}" here.`);
    actions.closeStory();
    onDone();
    return;
  }
  const last = story.steps.length - 1;
  if (place.stepIndex > last) {
    actions.addNotice(
      `Ignored from the link: “${oneLine(story.title)}” has ${story.steps.length} steps; its last is shown.`,
    );
  }
  const stepIndex = Math.min(place.stepIndex, last);
  actions.openStory({ storyId: story.id, stepIndex });
  const { view, ignored } = decodeView(story.steps[stepIndex]!.view);
  for (const note of ignored) {
    actions.addNotice(`Step ${stepIndex + 1} of “${oneLine(story.title)}”: ${note} was ignored.`);
  }
  applyView(view, commands);
  if (view.camera === null && view.selection.kind === "none") commands.fit();
  applySelectionWhenReady(view.selection, onDone);
}

/**
 * Starts two-way sync between the URL and the store; a link's camera is sent
 * to the graph through `commands`. Returns a stop function.
 */
export function startUrlSync(commands: GraphCommands): () => void {
  let applying = true;
  let lastSelection = useStore.getState().selection;
  let lastStory = useStore.getState().story;
  const settle = (writeNow: boolean, replace: boolean) => () => {
    applying = false;
    lastSelection = useStore.getState().selection;
    lastStory = useStore.getState().story;
    if (writeNow) write(useStore.getState(), replace);
  };
  const start = decodeView(window.location.search);
  for (const note of start.ignored) actions.addNotice(`Ignored from the link: ${note}.`);
  // NOTE: a story the app opened on (the phone's default) counts like a link's step.
  const startPlace = start.story ?? useStore.getState().story;
  if (startPlace) showStep(startPlace, commands, settle(true, true));
  else {
    applyView(start.view, commands);
    applySelectionWhenReady(start.view.selection, settle(true, true));
  }

  function write(s: Store, replace: boolean, dropData = false) {
    // NOTE: the embed view is how the page is shown, not part of the view: kept as is.
    const query = `?${shownQuery(s)}${s.embed ? "&embed=1" : ""}`;
    const hash =
      dropData && window.location.hash.includes(`${FRAGMENT_KEY}=`) ? "" : window.location.hash;
    if (query === window.location.search && hash === window.location.hash) return;
    const url = `${window.location.pathname}${query}${hash}`;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (applying) return;
    if (s.story !== lastStory) {
      lastStory = s.story;
      if (s.story) {
        // NOTE: a new step (Next, Previous, a step chosen in a list): apply its view, then push.
        applying = true;
        showStep(s.story, commands, settle(true, false));
        return;
      }
      lastSelection = s.selection;
      write(s, false);
      return;
    }
    const selectionChanged = s.selection !== lastSelection;
    lastSelection = s.selection;
    // NOTE: once the link's dataset is left, its #data= would reopen it on reload: drop it.
    const leftLink =
      prev.datasetSource.kind === "temporary" && s.datasetSource.kind !== "temporary";
    write(s, !selectionChanged || s.story !== null, leftLink);
  });
  const onPop = () => {
    applying = true;
    const { view, story } = decodeView(window.location.search);
    if (story) {
      showStep(story, commands, settle(false, true));
      return;
    }
    actions.closeStory();
    applyView(view, commands);
    applySelectionWhenReady(view.selection, settle(false, true));
  };
  window.addEventListener("popstate", onPop);
  // NOTE: a #data= link pasted into an open tab changes only the hash: no reload, so open it here.
  const onHash = (event: HashChangeEvent) => void openLinkedDataset(new URL(event.newURL).hash);
  window.addEventListener("hashchange", onHash);
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPop);
    window.removeEventListener("hashchange", onHash);
  };
}
