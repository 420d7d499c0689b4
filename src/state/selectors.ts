/**
 * Derived data: what the panels read, selected from the dataset and the
 * pipeline's result (the worker computes, the UI selects). Each value is
 * memoised in a WeakMap keyed by the input it is derived from, so components
 * can select it on every render without recomputing, and nothing is kept at
 * module level beyond those weak maps.
 */
import type { CompanyConcentration } from "../analysis/concentration.ts";
import type { Hop } from "../analysis/hops.ts";
import type { LoopReport } from "../analysis/loops.ts";
import type { PipelineResult } from "../analysis/pipeline.ts";
import type { Company, Deal, Fact, Source, Story } from "../domain/schema.ts";
import type { Store } from "./store.ts";

/** Memoises `fn` on one object argument (weakly) and, within it, on the extra arguments by identity. */
function weakMemo<K extends object, A extends unknown[], R>(
  fn: (key: K, ...args: A) => R,
): (key: K, ...args: A) => R {
  const cache = new WeakMap<K, { args: A; value: R }>();
  return (key, ...args) => {
    const hit = cache.get(key);
    if (hit && hit.args.length === args.length && hit.args.every((a, i) => a === args[i])) {
      return hit.value;
    }
    const value = fn(key, ...args);
    cache.set(key, { args, value });
    return value;
  };
}

export interface DatasetLookups {
  readonly companyById: ReadonlyMap<string, Company>;
  readonly dealById: ReadonlyMap<string, Deal>;
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly factsByCompany: ReadonlyMap<string, readonly Fact[]>;
  /** Deals of each arrangement id, in dataset order. */
  readonly dealsByArrangement: ReadonlyMap<string, readonly Deal[]>;
  /** Deals that name each deal as their replacement. */
  readonly supersededDealsOf: ReadonlyMap<string, readonly Deal[]>;
}

const lookups = weakMemo((dataset: Store["dataset"]): DatasetLookups => {
  const factsByCompany = new Map<string, Fact[]>();
  for (const f of dataset.facts) {
    const list = factsByCompany.get(f.company) ?? [];
    list.push(f);
    factsByCompany.set(f.company, list);
  }
  const dealsByArrangement = new Map<string, Deal[]>();
  const supersededDealsOf = new Map<string, Deal[]>();
  for (const d of dataset.deals) {
    if (d.arrangementId !== undefined) {
      const list = dealsByArrangement.get(d.arrangementId) ?? [];
      list.push(d);
      dealsByArrangement.set(d.arrangementId, list);
    }
    if (d.supersededBy !== undefined) {
      const list = supersededDealsOf.get(d.supersededBy) ?? [];
      list.push(d);
      supersededDealsOf.set(d.supersededBy, list);
    }
  }
  return {
    companyById: new Map(dataset.companies.map((c) => [c.id, c])),
    dealById: new Map(dataset.deals.map((d) => [d.id, d])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    factsByCompany,
    dealsByArrangement,
    supersededDealsOf,
  };
});

/** Maps from ids to companies, deals, sources and facts. */
export const selectLookups = (s: Store): DatasetLookups => lookups(s.dataset);

/** A company's display name (its id when unknown). */
export const nameOf = (s: Store, id: string): string =>
  selectLookups(s).companyById.get(id)?.name ?? id;

const EMPTY_DEALS: readonly Deal[] = [];

const passedDeals = weakMemo(
  (analysis: PipelineResult, dataset: Store["dataset"]): readonly Deal[] => {
    const byId = lookups(dataset).dealById;
    return analysis.dealIds.map((id) => byId.get(id)).filter((d): d is Deal => d !== undefined);
  },
);

/** The deals that passed the current filters, as the pipeline reported them. */
export const selectFilteredDeals = (s: Store): readonly Deal[] =>
  s.analysis ? passedDeals(s.analysis, s.dataset) : EMPTY_DEALS;

const hopsByKey = weakMemo(
  (analysis: PipelineResult): ReadonlyMap<string, Hop> =>
    new Map(analysis.hops.map((h) => [h.key, h])),
);

const NO_HOPS: ReadonlyMap<string, Hop> = new Map();

/** The pipeline's hops by key. */
export const selectHopsByKey = (s: Store): ReadonlyMap<string, Hop> =>
  s.analysis ? hopsByKey(s.analysis) : NO_HOPS;

const EMPTY_LOOPS: readonly LoopReport[] = [];

const visibleLoops = weakMemo(
  (
    loops: readonly LoopReport[],
    controls: Store["loopControls"],
    focusCompany: Store["focusCompany"],
  ): readonly LoopReport[] => {
    const through = controls.onlyThroughSelected ? focusCompany : null;
    return loops.filter(
      (l) =>
        l.roundTripUsdBn >= controls.minRoundTripUsdBn &&
        (through === null || l.companies.includes(through)) &&
        (controls.windowMonths === null || l.timeRespecting),
    );
  },
);

/** Loops after the list controls (minimum round trip, only through the selected company). */
export const selectVisibleLoops = (s: Store): readonly LoopReport[] =>
  s.analysis ? visibleLoops(s.analysis.loops, s.loopControls, s.focusCompany) : EMPTY_LOOPS;

/** The selected loop's report, when a loop is selected and still found. */
export const selectSelectedLoop = (s: Store): LoopReport | null => {
  const sel = s.selection;
  if (sel.kind !== "loop" || !s.analysis) return null;
  return s.analysis.loops.find((l) => l.id === sel.loopId) ?? null;
};

const flagged = weakMemo((c: readonly CompanyConcentration[]) =>
  c.filter((x) => x.flags.length > 0),
);

/** Companies with at least one concentration flag, most severe first. */
export const selectFlaggedCompanies = (s: Store): readonly CompanyConcentration[] =>
  s.analysis ? flagged(s.analysis.concentration) : NO_FLAGS;

const NO_FLAGS: readonly CompanyConcentration[] = [];

const NO_STORIES: readonly Story[] = [];
const storiesOf = weakMemo((dataset: Store["dataset"], linked: Story | null): readonly Story[] => {
  const own = dataset.stories ?? NO_STORIES;
  if (linked === null || own.some((s) => s.id === linked.id)) return own;
  return [linked, ...own];
});

/** The stories that can be told: a link's story (if any) first, then the dataset's. */
export function selectStories(s: Store): readonly Story[] {
  return storiesOf(s.dataset, s.linkedStory);
}

/** The story with this id, if it can be told. */
export function findStory(s: Store, id: string): Story | undefined {
  return selectStories(s).find((story) => story.id === id);
}

/** The story shown and its step, or null when exploring. */
export function selectStoryStep(
  s: Store,
): { story: Story; stepIndex: number; step: Story["steps"][number] } | null {
  if (s.story === null) return null;
  const story = findStory(s, s.story.storyId);
  if (!story) return null;
  // NOTE: an undone step or an edit may leave the place past the end: the last step is shown.
  const stepIndex = Math.min(s.story.stepIndex, story.steps.length - 1);
  return { story, stepIndex, step: story.steps[stepIndex]! };
}
