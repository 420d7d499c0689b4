/**
 * The story being told: its title, the step's title and caption, and the
 * buttons "Previous step" and "Next step" (also the arrow keys, and a swipe
 * across the caption). It sits under the graph, so the graph stays in view on
 * a phone. "Explore freely" (or Esc) leaves the story with the step's view.
 */
import { useEffect, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { selectStoryStep } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { StoryCaption } from "./StoryCaption.tsx";
import "./story.css";

/** Horizontal travel, in CSS pixels, that makes a swipe a step. */
const SWIPE_PX = 48;

function goTo(storyId: string, stepIndex: number) {
  actions.openStory({ storyId, stepIndex });
}

/** True when the key belongs to what has focus (a field, a list, a slider), not to the story. */
function keyIsTaken(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== "function") return false;
  return (
    target.closest(
      "input, textarea, select, [contenteditable=true], [role=listbox], [role=tablist], [role=slider], [role=grid], dialog",
    ) !== null
  );
}

export function StoryBar() {
  const shown = useStore(useShallow(selectStoryStep));
  // NOTE: what the step shows is one click from its deals and their quoted sources.
  const hasSelection = useStore((s) => s.selection.kind !== "none");
  const embed = useStore((s) => s.embed);
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const storyId = shown?.story.id ?? null;
  const stepIndex = shown?.stepIndex ?? 0;
  const count = shown?.story.steps.length ?? 0;

  useEffect(() => {
    if (storyId === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (keyIsTaken(event)) return;
      if (event.key === "ArrowRight" && stepIndex < count - 1) goTo(storyId, stepIndex + 1);
      else if (event.key === "ArrowLeft" && stepIndex > 0) goTo(storyId, stepIndex - 1);
      else if (event.key === "Escape") actions.closeStory();
      else return;
      // NOTE: handled here, so App's Esc does not also clear the step's selection.
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [storyId, stepIndex, count]);

  if (!shown) return null;
  const { story, step } = shown;
  const onPointerDown = (event: React.PointerEvent) => {
    swipe.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 2 * Math.abs(dy)) return;
    if (dx < 0 && stepIndex < count - 1) goTo(story.id, stepIndex + 1);
    else if (dx > 0 && stepIndex > 0) goTo(story.id, stepIndex - 1);
  };
  return (
    <section
      className="story-bar"
      aria-label="Story"
      aria-roledescription="slideshow"
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (swipe.current = null)}
    >
      <div className="story-bar__head">
        <p className="story-bar__story">
          <span className="story-bar__story-title">{story.title} · </span>
          <span>
            Step {stepIndex + 1} of {count}
          </span>
        </p>
        <div className="story-bar__actions">
          {hasSelection && !embed && (
            <button type="button" onClick={() => actions.setTab("details")}>
              Deals and sources
            </button>
          )}
          <button type="button" className="story-bar__leave" onClick={() => actions.closeStory()}>
            Explore freely
          </button>
        </div>
      </div>
      {/* NOTE: a screen reader reads each new step as it comes, title and caption. */}
      <div aria-live="polite" aria-atomic="true">
        <h2 className="story-bar__title">
          <span className="visually-hidden">
            Step {stepIndex + 1} of {count}:{" "}
          </span>
          {step.title}
        </h2>
        <StoryCaption source={step.caption} className="story-bar__caption" />
      </div>
      <div className="story-bar__nav">
        <button
          type="button"
          disabled={stepIndex === 0}
          onClick={() => goTo(story.id, stepIndex - 1)}
        >
          <span aria-hidden="true">←</span> Previous step
        </button>
        <ol className="story-bar__dots" aria-label="Steps">
          {story.steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                className="story-bar__dot"
                aria-label={`Step ${i + 1}: ${s.title}`}
                aria-current={i === stepIndex ? "step" : undefined}
                onClick={() => goTo(story.id, i)}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={stepIndex === count - 1}
          onClick={() => goTo(story.id, stepIndex + 1)}
        >
          Next step <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}
