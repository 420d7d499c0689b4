/** One deal with every figure it states, its discrepancy notes and its sources. */
import type { ReactNode } from "react";
import { formatDealAmount } from "../../domain/money.ts";
import type { Deal } from "../../domain/schema.ts";
import { SourceList } from "../components/SourceList.tsx";
import { formatPartialDate } from "./format.ts";
import { TypeTag } from "./TypeTag.tsx";
import "./panels.css";

export type HeadingLevel = 3 | 4 | 5;

/** An `<h3>`–`<h5>` chosen by the caller, so cards nest under any section. */
export function Heading({
  level,
  children,
  id,
}: {
  readonly level: HeadingLevel | 6;
  readonly children: ReactNode;
  readonly id?: string;
}) {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
}

/** A deal's card: type, amount, dates, status, description, notes and sources. */
export function DealCard({
  deal,
  level = 3,
}: {
  readonly deal: Deal;
  readonly level?: HeadingLevel;
}) {
  return (
    <article className="deal-card">
      <Heading level={level}>
        <TypeTag type={deal.type} /> {formatDealAmount(deal.amountUsdBn, deal.amountQualifier)}
      </Heading>
      <dl className="facts-grid">
        {deal.capacityGw !== undefined && (
          <>
            <dt>Capacity</dt>
            <dd>{deal.capacityGw} GW</dd>
          </>
        )}
        <dt>Announced</dt>
        <dd>{formatPartialDate(deal.announced)}</dd>
        {deal.horizonYears !== undefined && (
          <>
            <dt>Horizon</dt>
            <dd>
              {deal.horizonYears} {deal.horizonYears === 1 ? "year" : "years"}
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{deal.status}</dd>
      </dl>
      <p>{deal.description}</p>
      {deal.notes.length > 0 && (
        <div className="discrepancy-notes">
          <Heading level={(level + 1) as HeadingLevel | 6}>Discrepancy notes</Heading>
          <ul>
            {deal.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <SourceList refs={deal.sources} />
    </article>
  );
}
