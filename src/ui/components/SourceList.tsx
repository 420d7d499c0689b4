/**
 * The sources behind a deal or a fact, with their verbatim quotes. Quotes from
 * the same source are grouped under one title; a quote carries the source's
 * language (`lang="fr"`) so screen readers pronounce it right, and its English
 * translation follows it.
 */
import { safeHttpUrl } from "../../domain/safeUrl.ts";
import { useId } from "react";
import type { Source, SourceRef } from "../../domain/schema.ts";
import { selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import "./components.css";

interface SourceGroup {
  readonly sourceId: string;
  readonly refs: SourceRef[];
}

/** Refs grouped by source, in order of first appearance. */
export function groupBySource(refs: readonly SourceRef[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const ref of refs) {
    const group = groups.get(ref.sourceId) ?? { sourceId: ref.sourceId, refs: [] };
    group.refs.push(ref);
    groups.set(ref.sourceId, group);
  }
  return [...groups.values()];
}

export { safeHttpUrl };

function SourceTitle({ sourceId, source }: { sourceId: string; source: Source | undefined }) {
  if (!source) {
    return (
      <cite className="source-title">
        {sourceId} <span className="muted">(unknown source)</span>
      </cite>
    );
  }
  const url = safeHttpUrl(source.url);
  const meta = [source.publisher, source.date].filter(Boolean).join(", ");
  return (
    <>
      <cite className="source-title">
        {url ? (
          <a href={url} target="_blank" rel="noreferrer">
            {source.title} <span className="visually-hidden">(opens in a new tab)</span>
          </a>
        ) : (
          source.title
        )}
      </cite>
      {meta && <span className="source-meta muted"> — {meta}</span>}
    </>
  );
}

/** A list of sources with their quotes and translations. */
export function SourceList({
  refs,
  label = "Sources",
}: {
  readonly refs: readonly SourceRef[];
  readonly label?: string;
}) {
  const sourceById = useStore((s) => selectLookups(s).sourceById);
  const labelId = useId();
  const groups = groupBySource(refs);
  if (groups.length === 0) return null;
  return (
    <div className="source-list">
      <p className="source-list-label" id={labelId}>
        {label} ({groups.length})
      </p>
      <ul aria-labelledby={labelId}>
        {groups.map((group) => {
          const source = sourceById.get(group.sourceId);
          return (
            <li key={group.sourceId}>
              <SourceTitle sourceId={group.sourceId} source={source} />
              {group.refs.map((ref, i) => (
                <div className="source-quote" key={i}>
                  <blockquote lang={source?.language}>{ref.quote}</blockquote>
                  {ref.translation && (
                    <p className="source-translation" lang="en">
                      <span className="muted">Translation: </span>
                      {ref.translation}
                    </p>
                  )}
                </div>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
