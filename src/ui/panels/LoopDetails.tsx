/** Details of one loop: each hop with its deals and their sources. */
import { evidenceNote, formatRoundTrip } from "../../analysis/hops.ts";
import { formatSpan } from "../../analysis/timeOrder.ts";
import { selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { AnalysisStatus, useReadyAnalysis } from "./AnalysisStatus.tsx";
import { DealCard } from "./DealCard.tsx";
import { loopPathText } from "./format.ts";
import "./panels.css";

/** The selected loop, hop by hop. */
export function LoopDetails({
  loopId,
  companies,
}: {
  readonly loopId: string;
  readonly companies: readonly string[];
}) {
  const analysis = useReadyAnalysis();
  const { companyById, dealById } = useStore(selectLookups);
  const nameOf = (id: string) => companyById.get(id)?.name ?? id;
  const title = <h2 className="panel-title">{loopPathText(companies, nameOf)}</h2>;
  if (!analysis) {
    return (
      <>
        {title}
        <AnalysisStatus />
      </>
    );
  }
  const loop = analysis.loops.find((l) => l.id === loopId);
  if (!loop) {
    return (
      <>
        {title}
        <p className="muted">
          This loop is not in the current analysis: the filters or the maximum length leave it out.
        </p>
      </>
    );
  }
  return (
    <>
      {title}
      <p>
        <strong>Round trip {formatRoundTrip(loop)}</strong>{" "}
        <span className="muted">
          (the smallest hop; undisclosed amounts count as 0). Amounts are announced commitments, not
          cash paid; superseded and cancelled deals are left out unless ticked in Filters.
        </span>
      </p>
      <p>
        <strong>{formatSpan(loop)[0]!.toUpperCase() + formatSpan(loop).slice(1)}</strong>
        {loop.spanMonths !== null && (
          <span className="muted">
            : the fastest in-order chain of deals round the loop runs{" "}
            {loop.chainDealIds.map((id) => dealById.get(id)?.announced ?? "undated").join(" → ")}.
          </span>
        )}
        {loop.spanMonths === null && (
          <span className="muted">
            : no choice of one deal a hop runs forward in time all the way round, so no money can be
            shown to have come back.
          </span>
        )}
      </p>
      {evidenceNote(loop.hops) && (
        <p className="panel-note" role="note">
          This loop {evidenceNote(loop.hops)}: a general statement or an estimate, not a reported
          deal.
        </p>
      )}
      {loop.hops.map((hop) => (
        <section key={hop.key} className="loop-hop">
          <h3>
            {nameOf(hop.from)} → {nameOf(hop.to)}: {hop.label}
          </h3>
          {hop.dealIds.map((id) => {
            const deal = dealById.get(id);
            return deal ? <DealCard key={id} deal={deal} level={4} /> : null;
          })}
        </section>
      ))}
    </>
  );
}
