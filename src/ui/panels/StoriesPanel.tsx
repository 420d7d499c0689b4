/**
 * The Stories tab: tell the data step by step. Play a story; build one from
 * the views you make ("Add this view as a step"), write each step's title and
 * caption, reorder and delete; share it as a link. Every change is an edit of
 * the dataset, so Undo takes it back and it is saved with the dataset.
 */
import { useEffect, useId, useRef, useState } from "react";
import { newStoryId } from "../../domain/edit.ts";
import {
  MAX_STEP_CAPTION_CHARS,
  MAX_STORY_TITLE_CHARS,
  type Story,
  type StoryStep,
} from "../../domain/schema.ts";
import { VIEW_TABS, type ViewTab } from "../../state/model.ts";
import { selectStories } from "../../state/selectors.ts";
import { currentStepView, stepOfView, storyLink } from "../../state/stories.ts";
import { actions, useStore } from "../../state/store.ts";
import { decodeView, encodeView } from "../../state/url/codec.ts";
import { StoryCaption } from "../components/StoryCaption.tsx";
import "./panels.css";
import "../components/story.css";

const TAB_LABELS: Record<ViewTab, string> = {
  loops: "Loops",
  risk: "Risk",
  stress: "Stress",
  details: "Details",
  table: "Table",
  filters: "Filters",
  stories: "Stories",
  about: "About",
};

/** How long typing may pause before the text is saved (each save is one undo step). */
const AUTOSAVE_MS = 800;

/**
 * A field's text while it is edited, the saved value otherwise (so Undo, Redo
 * and reordering show in the field). The text is saved when the field is left,
 * and after a pause in typing, so a reload never loses what was typed.
 */
function useDraft(
  saved: string,
  commit: (text: string) => void,
): { value: string; change: (text: string) => void; flush: () => void } {
  const [draft, setDraft] = useState<string | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => {
      commitRef.current(draft);
      setDraft(null);
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  return {
    value: draft ?? saved,
    change: setDraft,
    flush: () => {
      if (draft !== null) commit(draft);
      setDraft(null);
    },
  };
}

/** A title, saved when the field is left (a blank title is not saved). */
function TitleField({
  label,
  saved,
  onSave,
}: {
  label: string;
  saved: string;
  onSave: (title: string) => void;
}) {
  const id = useId();
  const title = useDraft(saved, (text) => {
    const next = text.trim();
    if (next && next !== saved) onSave(next);
  });
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={title.value}
        maxLength={MAX_STORY_TITLE_CHARS}
        onChange={(e) => title.change(e.target.value)}
        onBlur={title.flush}
      />
    </>
  );
}

/** Saves a story; the problems, worded for the author, when it is refused. */
function put(story: Story): string | null {
  const problems = actions.editData({ kind: "put-story", story });
  return problems.length === 0 ? null : problems.map((p) => `${p.field}: ${p.message}`).join("; ");
}

export function StoriesPanel() {
  const stories = useStore(selectStories);
  const linkedId = useStore((s) =>
    s.linkedStory && !(s.dataset.stories ?? []).some((x) => x.id === s.linkedStory!.id)
      ? s.linkedStory.id
      : null,
  );
  const playing = useStore((s) => s.story);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<{ storyId: string; url: string } | null>(null);
  const newTitleId = useId();
  const [newTitle, setNewTitle] = useState("");

  const create = () => {
    const s = useStore.getState();
    const title = newTitle.trim() || "Untitled story";
    const story: Story = {
      id: newStoryId(s.dataset, title),
      title,
      steps: [stepOfView(s, "Step 1")],
    };
    const refused = put(story);
    setProblem(refused);
    if (!refused) {
      setNewTitle("");
      setEditing(story.id);
    }
  };
  const share = async (story: Story) => {
    const { url, note } = await storyLink(useStore.getState(), story);
    if (note) actions.addNotice(note);
    setLink({ storyId: story.id, url });
    try {
      await navigator.clipboard?.writeText(url);
    } catch {
      // NOTE: the link stays shown in the field to copy by hand.
    }
  };

  const editingStory = stories.find((s) => s.id === editing) ?? null;
  return (
    <div className="panel stories-panel">
      <h3 className="panel-title">Stories</h3>
      <p className="field-hint">
        A story walks a reader through the data one view at a time. Links open it at a step;
        Previous and Next, the arrow keys or a swipe move through it.
      </p>
      {problem && (
        <p role="alert" className="panel-error">
          {problem}
        </p>
      )}
      <ul className="story-list" aria-label="Stories">
        {stories.map((story) => (
          <li key={story.id} className="story-list__item">
            <div className="story-list__head">
              <strong>{story.title}</strong>
              <span className="field-hint">
                {story.steps.length} step{story.steps.length === 1 ? "" : "s"}
                {story.id === linkedId ? " · from a link, not saved" : ""}
                {playing?.storyId === story.id ? " · playing" : ""}
              </span>
            </div>
            <div className="story-list__actions">
              <button
                type="button"
                aria-label={`Play “${story.title}”`}
                onClick={() => actions.openStory({ storyId: story.id, stepIndex: 0 })}
              >
                Play
              </button>
              {story.id === linkedId ? (
                <button type="button" onClick={() => setProblem(put(story))}>
                  Keep this story
                </button>
              ) : (
                <button
                  type="button"
                  aria-label={`Edit “${story.title}”`}
                  aria-expanded={editing === story.id}
                  onClick={() => setEditing(editing === story.id ? null : story.id)}
                >
                  {editing === story.id ? "Done" : "Edit"}
                </button>
              )}
              <button
                type="button"
                aria-label={`Share “${story.title}”`}
                onClick={() => void share(story)}
              >
                Share
              </button>
            </div>
            {link?.storyId === story.id && (
              <label className="story-list__link">
                <span>Link to this story (copied when the clipboard allows):</span>
                <input
                  readOnly
                  value={link.url}
                  aria-label={`Link to “${story.title}”`}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </label>
            )}
          </li>
        ))}
      </ul>
      <form
        className="story-new"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label htmlFor={newTitleId}>New story title</label>
        <input
          id={newTitleId}
          value={newTitle}
          maxLength={MAX_STORY_TITLE_CHARS}
          onChange={(e) => setNewTitle(e.target.value)}
          placeholder="e.g. Who pays Oracle?"
        />
        <button type="submit">New story from this view</button>
      </form>
      {editingStory && editingStory.id !== linkedId && (
        <StoryEditor
          key={editingStory.id}
          story={editingStory}
          onProblem={setProblem}
          onDeleted={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function StoryEditor({
  story,
  onProblem,
  onDeleted,
}: {
  story: Story;
  onProblem: (problem: string | null) => void;
  onDeleted: () => void;
}) {
  const save = (next: Story) => onProblem(put(next));
  const withSteps = (steps: readonly StoryStep[]): Story => ({ ...story, steps: [...steps] });
  const replaceStep = (index: number, step: StoryStep) =>
    save(withSteps(story.steps.map((s, i) => (i === index ? step : s))));
  const move = (index: number, delta: number) => {
    const steps = [...story.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + delta, 0, step!);
    save(withSteps(steps));
  };
  return (
    <section className="story-editor" aria-label={`Editing “${story.title}”`}>
      <h4>Edit “{story.title}”</h4>
      <TitleField
        label="Story title"
        saved={story.title}
        onSave={(title) => save({ ...story, title })}
      />
      <ol className="story-steps" aria-label="Steps">
        {story.steps.map((step, i) => (
          <StepEditor
            key={i}
            step={step}
            index={i}
            count={story.steps.length}
            onChange={(next) => replaceStep(i, next)}
            onMove={(delta) => move(i, delta)}
            onShow={() => actions.openStory({ storyId: story.id, stepIndex: i })}
            onDelete={() => save(withSteps(story.steps.filter((_, j) => j !== i)))}
          />
        ))}
      </ol>
      <div className="story-editor__actions">
        <button
          type="button"
          onClick={() =>
            save(
              withSteps([
                ...story.steps,
                stepOfView(useStore.getState(), `Step ${story.steps.length + 1}`),
              ]),
            )
          }
        >
          Add this view as a step
        </button>
        <button
          type="button"
          onClick={() => {
            if (actions.editData({ kind: "delete-story", id: story.id }).length > 0) return;
            if (useStore.getState().story?.storyId === story.id) actions.closeStory();
            onDeleted();
          }}
        >
          Delete story
        </button>
      </div>
    </section>
  );
}

function StepEditor({
  step,
  index,
  count,
  onChange,
  onMove,
  onShow,
  onDelete,
}: {
  step: StoryStep;
  index: number;
  count: number;
  onChange: (step: StoryStep) => void;
  onMove: (delta: number) => void;
  onShow: () => void;
  onDelete: () => void;
}) {
  const id = useId();
  const caption = useDraft(step.caption, (text) => {
    if (text !== step.caption) onChange({ ...step, caption: text });
  });
  const tab = decodeView(step.view).view.tab;
  const n = index + 1;
  return (
    <li className="story-step">
      <TitleField
        label={`Step ${n} title`}
        saved={step.title}
        onSave={(title) => onChange({ ...step, title })}
      />
      <label htmlFor={`${id}-caption`}>Step {n} caption</label>
      <textarea
        id={`${id}-caption`}
        value={caption.value}
        rows={3}
        maxLength={MAX_STEP_CAPTION_CHARS}
        onChange={(e) => caption.change(e.target.value)}
        onBlur={caption.flush}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        *emphasis*, **strong**, [a link](https://…); no HTML.
      </p>
      {caption.value.trim() !== "" && (
        <div className="story-step__preview" aria-label={`Step ${n} caption preview`}>
          <StoryCaption source={caption.value} />
        </div>
      )}
      <label htmlFor={`${id}-tab`}>Step {n} panel</label>
      <select
        id={`${id}-tab`}
        value={tab}
        onChange={(e) => {
          const decoded = decodeView(step.view).view;
          onChange({ ...step, view: encodeView({ ...decoded, tab: e.target.value as ViewTab }) });
        }}
      >
        {VIEW_TABS.filter((t) => t !== "stories").map((t) => (
          <option key={t} value={t}>
            {TAB_LABELS[t]}
          </option>
        ))}
      </select>
      <div className="story-step__actions">
        <button type="button" aria-label={`Show step ${n}`} onClick={onShow}>
          Show
        </button>
        <button
          type="button"
          aria-label={`Use this view for step ${n}`}
          onClick={() => onChange({ ...step, view: currentStepView(useStore.getState()) })}
        >
          Use this view
        </button>
        <button
          type="button"
          aria-label={`Move step ${n} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move step ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={`Delete step ${n}`}
          disabled={count === 1}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
