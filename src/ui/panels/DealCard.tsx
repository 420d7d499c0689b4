/** One deal with every figure it states, its discrepancy notes and its sources. */
import { Fragment, type ReactNode, useState } from "react";
import { formatDealAmount } from "../../domain/money.ts";
import type { Deal, EvidenceTier } from "../../domain/schema.ts";
import { selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { SourceList } from "../components/SourceList.tsx";
import { openDealEditor } from "../components/DealEditor.tsx";
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

/** What each evidence tier means, for readers. */
export const EVIDENCE_LABELS: Readonly<Record<EvidenceTier, string>> = {
  filing: "filing or company release",
  reported: "reported by a named outlet",
  estimate: "an outlet's or analyst's estimate",
  inferred: "inferred from a general statement",
};

/** One deal named in a line: "Nvidia → OpenAI, up to $100 bn (2025-09)", as a link to its flow. */
function DealLink({ deal }: { readonly deal: Deal }) {
  const companyById = useStore((s) => selectLookups(s).companyById);
  const name = (id: string) => companyById.get(id)?.name ?? id;
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => actions.selectEdge(deal.from, deal.to, { openDetails: true })}
    >
      {name(deal.from)} → {name(deal.to)}, {deal.type},{" "}
      {formatDealAmount(deal.amountUsdBn, deal.amountQualifier)}
      {deal.announced ? ` (${deal.announced})` : ""}, {deal.status}
    </button>
  );
}

/** Where a deal sits in its history and its arrangement. */
function Lineage({ deal }: { readonly deal: Deal }) {
  const { dealById, dealsByArrangement, supersededDealsOf } = useStore(selectLookups);
  const replacement = deal.supersededBy ? dealById.get(deal.supersededBy) : undefined;
  const replaced = supersededDealsOf.get(deal.id) ?? [];
  const legs = deal.arrangementId ? (dealsByArrangement.get(deal.arrangementId) ?? []) : [];
  const others = legs.filter((d) => d.id !== deal.id);
  if (!replacement && replaced.length === 0 && others.length === 0) return null;
  return (
    <ul className="deal-lineage">
      {replacement && (
        <li>
          Superseded by <DealLink deal={replacement} />: history, not money; left out of every
          figure unless ticked in Filters.
        </li>
      )}
      {deal.status === "cancelled" && <li>Cancelled: left out of every figure.</li>}
      {replaced.map((d) => (
        <li key={d.id}>
          Replaces <DealLink deal={d} />
        </li>
      ))}
      {others.length > 0 && (
        <li>
          Part of an arrangement with {legs.length} legs:
          <ul>
            {others.map((d) => (
              <li key={d.id}>
                <DealLink deal={d} />
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}

/** A deal's card: type, amount, dates, status, evidence, lineage, description, notes and sources. */
export function DealCard({
  deal,
  level = 3,
}: {
  readonly deal: Deal;
  readonly level?: HeadingLevel;
}) {
  return (
    <article className="deal-card" data-status={deal.status}>
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
        <dt>Evidence</dt>
        <dd>
          {deal.evidence}: {EVIDENCE_LABELS[deal.evidence]}
        </dd>
        {deal.localAmount && (
          <>
            <dt>In {deal.localAmount.currency}</dt>
            <dd>
              {deal.localAmount.valueBn} bn {deal.localAmount.currency} (as the source gives it; not
              converted, so no dollar figure counts it)
            </dd>
          </>
        )}
        {(deal.attributes ?? []).map((a, i) => (
          <Fragment key={`attribute-${i}`}>
            <dt>{a.name}</dt>
            <dd>{a.value}</dd>
          </Fragment>
        ))}
      </dl>
      <Lineage deal={deal} />
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
      <DealEditButtons deal={deal} />
    </article>
  );
}

/** Edit and delete: each one undo step; a refused delete says why. */
function DealEditButtons({ deal }: { readonly deal: Deal }) {
  const [problem, setProblem] = useState("");
  return (
    <div className="deal-edit">
      <button
        type="button"
        aria-label={`Edit deal ${deal.id}`}
        onClick={() => openDealEditor(deal)}
      >
        Edit
      </button>
      <button
        type="button"
        aria-label={`Delete deal ${deal.id}`}
        onClick={() => {
          const found = actions.editData({ kind: "delete", id: deal.id });
          setProblem(found.map((p) => p.message).join("; "));
        }}
      >
        Delete
      </button>
      {problem && (
        <p role="alert" className="field-error">
          Not deleted: {problem}
        </p>
      )}
    </div>
  );
}
