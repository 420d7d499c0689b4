/** Details of one company: its money in and out by counterparty, its loops and its facts. */
import { useMemo } from "react";
import type { CompanyConcentration, CounterpartyFlow } from "../../analysis/concentration.ts";
import { roundTripText } from "../../analysis/loops.ts";
import { selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { type SortableColumn, SortableTable } from "../components/SortableTable.tsx";
import { AnalysisStatus, useReadyAnalysis } from "./AnalysisStatus.tsx";
import { FactCard } from "./FactCard.tsx";
import { formatFlowAmount, formatShare, loopPathText, plural } from "./format.ts";
import "./panels.css";

/** Loops listed at most under a company; the loops tab has them all. */
const MAX_COMPANY_LOOPS = 30;

function flowColumns(
  company: string,
  direction: "in" | "out",
  nameOf: (id: string) => string,
): SortableColumn<CounterpartyFlow>[] {
  return [
    {
      key: "counterparty",
      header: "Counterparty",
      sortValue: (f) => nameOf(f.company),
      cell: (f) => {
        const [from, to] = direction === "in" ? [f.company, company] : [company, f.company];
        return (
          <button
            type="button"
            className="link-button"
            aria-label={`${nameOf(f.company)}: deals ${nameOf(from)} → ${nameOf(to)}`}
            onClick={() => actions.selectEdge(from, to, { openDetails: true })}
          >
            {nameOf(f.company)}
          </button>
        );
      },
    },
    {
      key: "amount",
      header: "Amount",
      numeric: true,
      firstDirection: "descending",
      sortValue: (f) => (f.usdBn === 0 && f.undisclosedDeals > 0 ? null : f.usdBn),
      cell: (f) => formatFlowAmount(f.usdBn, f.undisclosedDeals),
    },
    {
      key: "share",
      header: "Share",
      numeric: true,
      firstDirection: "descending",
      sortValue: (f) => (f.usdBn === 0 && f.undisclosedDeals > 0 ? null : f.share),
      cell: (f) => (f.usdBn === 0 && f.undisclosedDeals > 0 ? "—" : formatShare(f.share)),
    },
    {
      key: "deals",
      header: "Deals",
      numeric: true,
      firstDirection: "descending",
      sortValue: (f) => f.dealIds.length,
      cell: (f) => f.dealIds.length,
    },
  ];
}

function Flows({ entry, nameOf }: { entry: CompanyConcentration; nameOf: (id: string) => string }) {
  const inColumns = useMemo(() => flowColumns(entry.company, "in", nameOf), [entry, nameOf]);
  const outColumns = useMemo(() => flowColumns(entry.company, "out", nameOf), [entry, nameOf]);
  const initialSort = { key: "amount", direction: "descending" } as const;
  return (
    <>
      <SortableTable
        caption={`Money in by payer (${formatFlowAmount(entry.inflowUsdBn, 0)} disclosed)`}
        columns={inColumns}
        rows={entry.inflows}
        rowKey={(f) => f.company}
        initialSort={initialSort}
        emptyText="No inflows with these filters."
      />
      <SortableTable
        caption={`Money out by payee (${formatFlowAmount(entry.outflowUsdBn, 0)} disclosed)`}
        columns={outColumns}
        rows={entry.outflows}
        rowKey={(f) => f.company}
        initialSort={initialSort}
        emptyText="No outflows with these filters."
      />
    </>
  );
}

/** The selected company. */
export function CompanyDetails({ id }: { readonly id: string }) {
  const analysis = useReadyAnalysis();
  const { companyById, factsByCompany } = useStore(selectLookups);
  const company = companyById.get(id);
  const nameOf = useMemo(
    () => (other: string) => companyById.get(other)?.name ?? other,
    [companyById],
  );
  const entry = analysis?.concentration.find((c) => c.company === id);
  const loops = useMemo(
    () => (analysis?.loops ?? []).filter((l) => l.companies.includes(id)),
    [analysis, id],
  );
  const facts = factsByCompany.get(id) ?? [];

  return (
    <>
      <h2 className="panel-title">{company?.name ?? id}</h2>
      <p className="muted">
        {company?.kind ?? "unknown company"}
        {company?.description && ` — ${company.description}`}
      </p>
      {!analysis ? (
        <AnalysisStatus />
      ) : (
        <>
          {entry && <Flows entry={entry} nameOf={nameOf} />}
          <h3>Loops through {company?.name ?? id}</h3>
          {loops.length === 0 ? (
            <p className="muted">No loops through this company with these filters.</p>
          ) : (
            <>
              <p className="muted">
                {plural(loops.length, "loop")}
                {loops.length > MAX_COMPANY_LOOPS && `, the ${MAX_COMPANY_LOOPS} largest shown`}
              </p>
              <ul className="button-list">
                {loops.slice(0, MAX_COMPANY_LOOPS).map((loop) => (
                  <li key={loop.id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => actions.selectLoop(loop.id, loop.companies)}
                    >
                      {loopPathText(loop.companies, nameOf)} · {roundTripText(loop)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h3>Reported facts</h3>
      {facts.length === 0 ? (
        <p className="muted">No reported facts for this company.</p>
      ) : (
        facts.map((fact) => <FactCard key={fact.id} fact={fact} level={4} />)
      )}
    </>
  );
}
