/** A reported fact about a company (revenue, backlog, a customer's share) with its sources. */
import type { Fact } from "../../domain/schema.ts";
import { SourceList } from "../components/SourceList.tsx";
import { Heading, type HeadingLevel } from "./DealCard.tsx";
import { formatSignedUsdBn } from "./format.ts";
import "./panels.css";

/** "customer-concentration" → "Customer concentration". */
export function metricLabel(metric: string): string {
  const words = metric.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "45% of $625 bn", "$13.1 bn", "45%", or "" when the fact states no figure. */
export function factValueText(fact: Fact): string {
  const usd = typeof fact.valueUsdBn === "number" ? formatSignedUsdBn(fact.valueUsdBn) : null;
  const share = fact.sharePct !== undefined ? `${fact.sharePct}%` : null;
  if (share && usd) return `${share} of ${usd}`;
  return share ?? usd ?? "";
}

/** A fact's card: metric, value, period, description, notes and sources. */
export function FactCard({
  fact,
  level = 3,
}: {
  readonly fact: Fact;
  readonly level?: HeadingLevel;
}) {
  const value = factValueText(fact);
  return (
    <article className="fact-card">
      <Heading level={level}>
        <span className="fact-metric">{metricLabel(fact.metric)}</span>
        {value && `: ${value}`}
        {fact.period && " "}
        {fact.period && <span className="muted">({fact.period})</span>}
      </Heading>
      <p>{fact.description}</p>
      {fact.notes.length > 0 && (
        <div className="discrepancy-notes">
          <Heading level={(level + 1) as HeadingLevel | 6}>Discrepancy notes</Heading>
          <ul>
            {fact.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <SourceList refs={fact.sources} />
    </article>
  );
}
