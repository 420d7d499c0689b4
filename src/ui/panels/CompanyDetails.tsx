/** Details of one company: its money in and out by counterparty, its loops and its facts. */
import { useMemo } from "react";
import type { CompanyConcentration, CounterpartyFlow } from "../../analysis/concentration.ts";
import { formatRoundTrip } from "../../analysis/hops.ts";
import { formatDealAmount } from "../../domain/money.ts";
import type { Company, Deal } from "../../domain/schema.ts";
import { selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { type SortableColumn, SortableTable } from "../components/SortableTable.tsx";
import { AnalysisStatus, useReadyAnalysis } from "./AnalysisStatus.tsx";
import { CompanyEditButtons } from "../components/CompanyEditor.tsx";
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

/**
 * A vehicle's sponsors and the flows between them (which drop out when
 * vehicles are merged into their sponsors), or a sponsor's vehicles.
 */
function VehicleInfo({
  company,
  nameOf,
}: {
  readonly company: Company;
  readonly nameOf: (id: string) => string;
}) {
  const dataset = useStore((s) => s.dataset);
  const merged = useStore((s) => s.viewOptions.mergeVehicles);
  const vehicles = useMemo(
    () => dataset.companies.filter((c) => c.kind === "vehicle" && c.sponsors?.includes(company.id)),
    [dataset, company.id],
  );
  const internal = useMemo((): Deal[] => {
    if (company.kind !== "vehicle" || !company.sponsors) return [];
    const sponsors = new Set(company.sponsors);
    return dataset.deals.filter(
      (d) =>
        (d.from === company.id && sponsors.has(d.to)) ||
        (d.to === company.id && sponsors.has(d.from)),
    );
  }, [dataset, company]);
  if (company.kind !== "vehicle" && vehicles.length === 0) return null;
  return (
    <section className="vehicle-info">
      {company.kind === "vehicle" && company.sponsors && (
        <p>
          A vehicle (SPV, joint venture or fund) sponsored by{" "}
          {company.sponsors.map(nameOf).join(", ")}
          {merged ? `; drawn as ${nameOf(company.sponsors[0]!)} while vehicles are merged.` : "."}
        </p>
      )}
      {vehicles.length > 0 && (
        <p>
          Sponsor of {vehicles.map((v) => v.name).join(", ")}
          {merged ? ", merged into this company in the current view." : "."}
        </p>
      )}
      {internal.length > 0 && (
        <>
          <h3>Flows with its sponsors</h3>
          <p className="muted">
            These leave the view when vehicles are merged into their sponsors.
          </p>
          <ul>
            {internal.map((d) => (
              <li key={d.id}>
                {nameOf(d.from)} → {nameOf(d.to)}: {d.type},{" "}
                {formatDealAmount(d.amountUsdBn, d.amountQualifier)} ({d.status})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
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
  const cycled = analysis?.circularity.computed
    ? analysis.circularity.byCompany.get(id)
    : undefined;

  return (
    <>
      <h2 className="panel-title">{company?.name ?? id}</h2>
      <p className="muted">
        {company?.kind ?? "unknown company"}
        {company?.description && ` — ${company.description}`}
      </p>
      {company && <VehicleInfo company={company} nameOf={nameOf} />}
      {company && <CompanyEditButtons company={company} />}
      {!analysis ? (
        <AnalysisStatus />
      ) : (
        <>
          {cycled !== undefined && (
            <p>
              Cycled share: <strong>{formatShare(cycled)}</strong> of the money flowing through{" "}
              {company?.name ?? id} comes back to it round the loops (Finn&rsquo;s cycling index).
            </p>
          )}
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
                      onClick={() => actions.selectLoop(loop)}
                    >
                      {loopPathText(loop.companies, nameOf)} · round trip {formatRoundTrip(loop)}
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
