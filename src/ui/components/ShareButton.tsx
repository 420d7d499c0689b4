/**
 * Share: copies a link that reopens this exact view. For an imported dataset
 * small enough, the link also carries the data, compressed in its fragment.
 */
import { useEffect, useRef, useState } from "react";
import { encodeDatasetFragment } from "../../state/url/fragment.ts";
import { viewLink } from "../../state/url/sync.ts";
import { selectStoryStep } from "../../state/selectors.ts";
import { linkCarrying, storyLink } from "../../state/stories.ts";
import { actions, useStore } from "../../state/store.ts";
import "./notices.css";

type ShareState =
  | { readonly kind: "idle" }
  | { readonly kind: "copied"; readonly what: "link" | "embed" }
  | { readonly kind: "manual"; readonly url: string };

/** The link to the current view, with the data when it is imported and small enough. */
export async function buildShareUrl(): Promise<{ url: string; dataNote: string | null }> {
  const s = useStore.getState();
  // NOTE: in a story, the link is the step's, with the story (or its dataset) when it must travel.
  const shown = selectStoryStep(s);
  if (shown) {
    const { url, note } = await storyLink(s, shown.story, shown.stepIndex);
    return { url, dataNote: note };
  }
  const base = viewLink(s);
  if (s.datasetSource.kind === "default") return { url: base, dataNote: null };
  const { url, note } = linkCarrying(
    base,
    await encodeDatasetFragment(s.dataset),
    "The link holds the view but not your data",
    "your dataset",
  );
  return { url, dataNote: note };
}

/** An iframe that shows `url` as the embed view (graph, caption, link out), for an article. */
export function embedCode(url: string, title: string): string {
  const src = new URL(url);
  src.searchParams.set("embed", "1");
  const attr = (v: string) =>
    v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<iframe src="${attr(src.toString())}" title="${attr(`Ouroboros: ${title}`)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}

export function ShareButton() {
  const [state, setState] = useState<ShareState>({ kind: "idle" });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === "manual") fieldRef.current?.select();
    if (state.kind !== "copied") return;
    const timer = setTimeout(() => setState({ kind: "idle" }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async (text: string, what: "link" | "embed") => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState({ kind: "copied", what });
    } catch {
      setState({ kind: "manual", url: text });
    }
  };
  const share = async () => {
    const { url, dataNote } = await buildShareUrl();
    if (dataNote) actions.addNotice(dataNote);
    await copy(url, "link");
  };
  const embed = async () => {
    const { url, dataNote } = await buildShareUrl();
    if (dataNote) actions.addNotice(dataNote);
    await copy(embedCode(url, useStore.getState().dataset.title), "embed");
  };

  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      <button type="button" className="share-embed" onClick={() => void embed()}>
        Copy embed code
      </button>
      <span role="status" className={state.kind === "copied" ? "share-copied" : "visually-hidden"}>
        {state.kind === "copied"
          ? state.what === "link"
            ? "Link copied"
            : "Embed code copied"
          : ""}
      </span>
      {state.kind === "manual" && (
        <div className="share-manual" role="group" aria-label="Copy this link">
          <label>
            <span>The clipboard is not available here. Copy this:</span>
            <input
              ref={fieldRef}
              readOnly
              value={state.url}
              aria-label="Link to this view"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button type="button" onClick={() => setState({ kind: "idle" })}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
