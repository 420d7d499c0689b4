import { safeHttpUrl } from "../domain/safeUrl.ts";
import { useStore } from "../state/store.ts";

/** What the data is, its as-of date, and how to read the amounts. */
export function AboutPanel() {
  const dataset = useStore((s) => s.dataset);
  const source = useStore((s) => s.datasetSource);
  return (
    <section className="about" aria-labelledby="about-title">
      <h2 id="about-title">About this data</h2>
      <p>
        <strong>{dataset.title}</strong>
        {source.kind === "entry"
          ? " (saved in this browser)"
          : source.kind === "temporary"
            ? " (opened from a link, not saved)"
            : ""}
        , as of <time>{dataset.asOf}</time>: {dataset.companies.length} companies,{" "}
        {dataset.deals.length} deals, {dataset.facts.length} reported facts.
      </p>
      {dataset.description && <p>{dataset.description}</p>}
      <p>
        Amounts are <strong>announced commitments</strong> in US dollars, not cash paid. Many are
        multi-year or “up to” figures, and some are undisclosed. Arrows point from the company that
        pays to the company that receives the money.
      </p>
      <p>
        A <strong>loop</strong> is money that leaves a company and comes back to it through its
        partners. Its <strong>round trip</strong> is the smallest disclosed amount on the loop: the
        money known to be able to go all the way round. Undisclosed flows count as zero, so round
        trips never overstate.
      </p>
      <h3>Sources</h3>
      <ul className="about-sources">
        {dataset.sources.map((s) => {
          const url = safeHttpUrl(s.url);
          return (
            <li key={s.id}>
              {url ? (
                <a href={url} target="_blank" rel="noreferrer">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {[s.publisher, s.date].filter(Boolean).length > 0 && (
                <span className="muted"> · {[s.publisher, s.date].filter(Boolean).join(", ")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
