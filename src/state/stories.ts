/**
 * Story authoring: a step from the current view, the stories a link can carry
 * alone, and the link that tells a story. Stories are edited through the
 * dataset's own edits (`put-story`, `delete-story`), so undo covers them.
 */
import type { Dataset, Story, StoryStep } from "../domain/schema.ts";
import {
  type FragmentEncoding,
  MAX_FRAGMENT_BYTES,
  encodeDatasetFragment,
  encodeStoryFragment,
} from "./url/fragment.ts";
import { encodeStoryPlace, encodeView } from "./url/codec.ts";
import { pageLink, viewOfStore } from "./url/sync.ts";
import { DEFAULT_DATASET, type Store } from "./store.ts";

/** The current view as a step's view: the Stories tab itself is never a step's panel. */
export function currentStepView(s: Store): string {
  const view = viewOfStore(s);
  return encodeView({ ...view, tab: view.tab === "stories" ? "loops" : view.tab });
}

/** A new step showing the current view. */
export function stepOfView(s: Store, title: string): StoryStep {
  return { title, caption: "", view: currentStepView(s) };
}

/** JSON with every object's keys sorted: equal for equal values, whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * True when a dataset holds the shipped data (its stories aside): a story on
 * it can travel alone in a link. NOTE: compares values, not objects: a saved
 * copy read back from the browser is equal but rebuilt (its keys in the
 * schema's order).
 */
export function hasShippedData(dataset: Dataset): boolean {
  if (dataset === DEFAULT_DATASET) return true;
  const records = (d: Dataset) => canonicalJson([d.companies, d.deals, d.sources, d.facts]);
  return records(dataset) === records(DEFAULT_DATASET);
}

/**
 * A link that opens a story at a step (the first by default), carrying the
 * story alone on the shipped data, else the dataset with its stories; or why
 * it cannot carry them.
 */
export async function storyLink(
  s: Store,
  story: Story,
  stepIndex = 0,
): Promise<{ url: string; note: string | null }> {
  const base = pageLink(encodeStoryPlace({ storyId: story.id, stepIndex }));
  const lead = "The link names the story but cannot carry it";
  if (hasShippedData(s.dataset)) {
    // NOTE: the shipped story, unchanged, needs nothing but its id.
    const shipped = (DEFAULT_DATASET.stories ?? []).find((x) => x.id === story.id);
    if (shipped && canonicalJson(shipped) === canonicalJson(story))
      return { url: base, note: null };
    return linkCarrying(base, await encodeStoryFragment(story), lead, "the story");
  }
  return linkCarrying(base, await encodeDatasetFragment(s.dataset), lead, "the dataset");
}

/**
 * `base` with what `encoding` packed in its fragment, or `base` alone and a
 * note (starting with `lead`) saying that `what` is too large for a link.
 */
export function linkCarrying(
  base: string,
  encoding: FragmentEncoding,
  lead: string,
  what: string,
): { url: string; note: string | null } {
  if (encoding.ok) return { url: `${base}#${encoding.fragment}`, note: null };
  const kb = (n: number) => (n / 1024).toFixed(1);
  return {
    url: base,
    note:
      `${lead}: compressed, ${what} is ${kb(encoding.bytes)} KB, ` +
      `over the ${kb(MAX_FRAGMENT_BYTES)} KB a link can carry. Send the exported file with it ` +
      `(Data → Export JSON).`,
  };
}
