/**
 * The embed view's caption: the selected loop told in one sentence (or the
 * network's circularity figure when no loop is selected), the as-of date, and
 * a link that opens the same view in Ouroboros, in a new tab.
 */
import { formatCircularity } from "../../analysis/circularity.ts";
import { loopSentence } from "../../analysis/headline.ts";
import { formatAsOf } from "../../graph/export/describe.ts";
import { selectLookups, selectSelectedLoop, selectStoryStep } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { pageLink, shownQuery } from "../../state/url/sync.ts";
import "./embed.css";

/** The same address without `embed=1`: the full explorer on this view. */
export function openInOuroborosUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("embed");
  return url.toString();
}

export function EmbedCaption() {
  const loop = useStore(selectSelectedLoop);
  const analysis = useStore((s) => s.analysis);
  const asOf = useStore((s) => s.dataset.asOf);
  const names = useStore(selectLookups).companyById;
  // The view's own address (with an imported dataset's #data= fragment): what the link opens.
  // NOTE: in a story the step's address is the link, and the story bar tells the step.
  const story = useStore((s) => selectStoryStep(s) !== null);
  const link = useStore((s) => pageLink(shownQuery(s))) + window.location.hash;
  const text = story
    ? ""
    : loop
      ? loopSentence(loop, (id) => names.get(id)?.name ?? id)
      : analysis
        ? `${formatCircularity(analysis.circularity)}.`
        : "";
  return (
    <footer className="embed-caption" aria-label="Caption">
      <p className="embed-caption__text">
        {text} <span className="embed-caption__asof">Data as of {formatAsOf(asOf)}.</span>
      </p>
      <a
        className="embed-caption__link"
        href={openInOuroborosUrl(link)}
        target="_blank"
        rel="noopener"
      >
        Open in Ouroboros
      </a>
    </footer>
  );
}
