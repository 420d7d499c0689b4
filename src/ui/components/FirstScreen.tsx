/**
 * The first screen: a short headline, the network's circularity figure and
 * the headline loop (`analysis/headline.ts`) highlighted, with one sentence
 * on it. Shown when a visit opens with no link saying what to show; "Explore
 * freely" or Esc leaves it, for the session, and the loop stays selected.
 * It floats over the graph as an overlay the camera frames around.
 */
import { useEffect, useMemo } from "react";
import { formatCircularity } from "../../analysis/circularity.ts";
import { headlineLoop, loopSentence } from "../../analysis/headline.ts";
import { selectLookups, selectStories } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import "./firstScreen.css";

/** Where a reader's "Explore freely" is remembered for the rest of the session. */
export const INTRO_DISMISSED_KEY = "ouroboros:intro-dismissed";

/** True when this visit should open on the first screen: no view or data in the link. */
export function wantsIntro(location: Pick<Location, "search" | "hash">): boolean {
  if (location.search.length > 1 || location.hash.length > 1) return false;
  try {
    return sessionStorage.getItem(INTRO_DISMISSED_KEY) === null;
  } catch {
    return true;
  }
}

function leave() {
  try {
    sessionStorage.setItem(INTRO_DISMISSED_KEY, "1");
  } catch {
    // NOTE: private modes may refuse storage; the first screen then comes back on reload.
  }
  actions.closeIntro();
}

export function FirstScreen() {
  const open = useStore((s) => s.intro);
  const analysis = useStore((s) => s.analysis);
  const lookups = useStore(selectLookups);
  const isDefault = useStore((s) => s.datasetSource.kind === "default");
  const title = useStore((s) => s.dataset.title);
  const loop = useMemo(() => (analysis ? headlineLoop(analysis.loops) : null), [analysis]);
  const loopId = loop?.id ?? null;
  const story = useStore((s) => selectStories(s)[0] ?? null);

  useEffect(() => {
    if (open && loop) actions.selectLoop(loop);
    // NOTE: once per headline loop: a reader's own selection is not undone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, loopId]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // NOTE: this Esc only leaves the first screen; App would also clear the selection.
      event.preventDefault();
      leave();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [open]);

  if (!open || !analysis) return null;
  const nameOf = (id: string) => lookups.companyById.get(id)?.name ?? id;
  const headline = isDefault
    ? "Money that comes back: the circular deals of the AI boom"
    : `${title}: money that comes back`;
  return (
    <section className="first-screen" aria-label="Introduction" data-graph-overlay="">
      <h2 className="first-screen__headline">{headline}</h2>
      <p className="first-screen__figure">{formatCircularity(analysis.circularity)}.</p>
      {loop ? (
        <p className="first-screen__loop">{loopSentence(loop, nameOf)}</p>
      ) : (
        <p className="first-screen__loop">No money goes round in these deals.</p>
      )}
      <div className="first-screen__actions">
        {story && (
          <button
            type="button"
            className="first-screen__story"
            onClick={() => {
              leave();
              actions.openStory({ storyId: story.id, stepIndex: 0 });
            }}
          >
            Step through the story ({story.steps.length} steps)
          </button>
        )}
        <button type="button" className="first-screen__explore" onClick={leave} autoFocus>
          Explore freely
        </button>
      </div>
    </section>
  );
}
