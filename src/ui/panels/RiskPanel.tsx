/**
 * The risk tab: companies with concentration flags, most severe first, each
 * figure next to the reported fact and quotes it rests on, and a note on how
 * the thresholds are chosen.
 */
import { formatCount } from "../../domain/counts.ts";
import { useId, useMemo } from "react";
import {
  type CompanyConcentration,
  DEFAULT_CONCENTRATION_THRESHOLDS as T,
} from "../../analysis/concentration.ts";
import { formatUsdBn } from "../../domain/money.ts";
import type { Fact } from "../../domain/schema.ts";
import { selectFlaggedCompanies, selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { SourceList } from "../components/SourceList.tsx";
import { AnalysisStatus, useReadyAnalysis } from "./AnalysisStatus.tsx";
import { formatShare, severityLevel } from "./format.ts";
import "./panels.css";
import { useSelectAndFocus } from "../controllers/sigmaContext.ts";

const pct = (share: number) => `${Math.round(share * 100)}%`;

function HowComputed() {
  return (
    <details className="how-computed">
      <summary>How these are computed</summary>
      <ul>
        <li>
          A counterparty paying ≥{pct(T.notableShare)} of a company’s inflows is notable (the ASC
          280 major-customer disclosure line), ≥{pct(T.highShare)} high, ≥{pct(T.criticalShare)}{" "}
          critical.
        </li>
        <li>
          HHI (Herfindahl–Hirschman index of inflow shares, 0–10,000) above {formatCount(T.hhiHigh)}{" "}
          means highly concentrated (2023 US Merger Guidelines).
        </li>
        <li>
          Commitments a year (outflows in the data, a multi-year contract spread over its term, or 5
          years when no term is stated) above {T.commitmentsHigh}× reported annual revenue are high,
          above {T.commitmentsCritical}× critical.
        </li>
        <li>
          Coverage: the company&rsquo;s inflows a year in this dataset against its latest reported
          annual revenue. A share computed from the data describes the dataset, not the company: it
          keeps its level only when a reported fact supports it or coverage is at least 50%;
          otherwise it drops one level and says how much of the revenue the data holds. Backlog is
          shown beside it, never used as a year&rsquo;s revenue.
        </li>
        <li>
          Circular share: the share of inflow dollars arriving on hops that lie on some loop through
          the company.
        </li>
        <li>
          Amounts are announced commitments, not cash paid; undisclosed amounts count as 0. Reported
          concentration facts are flagged by the same share lines.
        </li>
      </ul>
    </details>
  );
}

function FactEvidence({ fact }: { fact: Fact }) {
  return (
    <div className="fact-evidence">
      <p>{fact.description}</p>
      <SourceList refs={fact.sources} />
    </div>
  );
}

function CompanyRisk({ entry, selected }: { entry: CompanyConcentration; selected: boolean }) {
  const selectAndFocus = useSelectAndFocus();
  const { companyById, factsByCompany } = useStore(selectLookups);
  const headingId = useId();
  const nameOf = (id: string) => companyById.get(id)?.name ?? id;
  const factById = (id: string | null | undefined) =>
    (id && factsByCompany.get(entry.company)?.find((f) => f.id === id)) || null;
  const level = severityLevel(entry.severity);
  const cycled = useStore((s) =>
    s.analysis?.circularity.computed
      ? s.analysis.circularity.byCompany.get(entry.company)
      : undefined,
  );
  const revenueFact = factById(entry.revenueFactId);
  const backlogFact = factById(entry.backlogFactId);
  return (
    <li>
      <article
        className={selected ? "risk-card risk-card--selected" : "risk-card"}
        aria-labelledby={headingId}
        aria-current={selected ? "true" : undefined}
      >
        <h3 id={headingId} className="risk-heading">
          <button
            type="button"
            className="link-button"
            onClick={() => selectAndFocus(entry.company, { openDetails: true })}
          >
            {nameOf(entry.company)}
          </button>{" "}
          {level && <span className={`badge badge-${level}`}>{level}</span>}
        </h3>
        <dl className="facts-grid">
          <dt>Top payer</dt>
          <dd>
            {entry.topPayer
              ? `${formatShare(entry.topPayer.share)} of inflows from ${nameOf(entry.topPayer.company)}`
              : "no disclosed inflows"}
          </dd>
          <dt>HHI</dt>
          <dd>{entry.inflowHhi === null ? "—" : formatCount(Math.round(entry.inflowHhi))}</dd>
          <dt>Circular share</dt>
          <dd>{entry.circularShare === null ? "—" : formatShare(entry.circularShare)}</dd>
          <dt>Cycled share</dt>
          <dd>
            {cycled === undefined ? "—" : `${formatShare(cycled)} of its throughflow comes back`}
          </dd>
          <dt>Commitments</dt>
          <dd>
            {entry.commitmentsToRevenue === null || entry.revenueUsdBn === null
              ? "no reported annual revenue"
              : `${entry.commitmentsToRevenue.toFixed(1)}× annual revenue, a year (${formatUsdBn(entry.revenueUsdBn)}${revenueFact?.period ? `, ${revenueFact.period}` : ""})`}
          </dd>
          <dt>Coverage</dt>
          <dd>
            {entry.coverage === null
              ? "unknown: no annual revenue reported"
              : `the data holds ${formatShare(entry.coverage)} of reported revenue (${formatUsdBn(entry.annualInflowUsdBn)} a year)`}
          </dd>
          {entry.backlogUsdBn !== null && (
            <>
              <dt>Backlog</dt>
              <dd>
                {formatUsdBn(entry.backlogUsdBn)}
                {backlogFact?.period ? ` (${backlogFact.period})` : ""}
              </dd>
            </>
          )}
        </dl>
        {revenueFact && (
          <details className="evidence">
            <summary>Revenue source</summary>
            <FactEvidence fact={revenueFact} />
          </details>
        )}
        <ul className="flag-list">
          {entry.flags.map((flag, i) => {
            const fact = flag.factId === entry.revenueFactId ? null : factById(flag.factId);
            return (
              <li key={i} className={`flag flag-${flag.level}`}>
                <span className="visually-hidden">{flag.level}: </span>
                {flag.message}
                {flag.caveat && <span className="flag-caveat"> ({flag.caveat})</span>}
                {fact && <FactEvidence fact={fact} />}
              </li>
            );
          })}
        </ul>
      </article>
    </li>
  );
}

/** The risk tab. */
export function RiskPanel() {
  const analysis = useReadyAnalysis();
  const allFlagged = useStore(selectFlaggedCompanies);
  const selected = useStore((s) => (s.selection.kind === "company" ? s.selection.id : null));
  // NOTE: the selected company's card comes first, so a link or a story step shows it.
  const flagged = useMemo(() => {
    const own = allFlagged.find((e) => e.company === selected);
    return own ? [own, ...allFlagged.filter((e) => e !== own)] : allFlagged;
  }, [allFlagged, selected]);
  const titleId = useId();
  return (
    <section className="panel risk-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Concentration risk
      </h2>
      <HowComputed />
      {!analysis ? (
        <AnalysisStatus />
      ) : flagged.length === 0 ? (
        <p className="muted">No company is flagged with these filters.</p>
      ) : (
        <ol className="risk-list">
          {flagged.map((entry) => (
            <CompanyRisk key={entry.company} entry={entry} selected={entry.company === selected} />
          ))}
        </ol>
      )}
    </section>
  );
}
