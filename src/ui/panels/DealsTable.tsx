/**
 * The table tab: every filtered deal in a sortable table, the accessible
 * alternative to the graph canvas. A text filter narrows the rows by company
 * name, deal type or description.
 */
import { formatCount } from "../../domain/counts.ts";
import { openDealEditor } from "../components/DealEditor.tsx";
import { openCompanyEditor } from "../components/CompanyEditor.tsx";
import { useId, useMemo, useState } from "react";
import { periodStart } from "../../analysis/filterDeals.ts";
import { formatDealAmount } from "../../domain/money.ts";
import { type Deal, EVIDENCE_TIERS, type Source } from "../../domain/schema.ts";
import { selectFilteredDeals, selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { type SortableColumn, SortableTable } from "../components/SortableTable.tsx";
import { formatPartialDate } from "./format.ts";
import { TypeTag } from "./TypeTag.tsx";
import "./panels.css";

/** Rows rendered at most: imported datasets can hold many thousands of deals. */
const MAX_TABLE_ROWS = 1000;

/** Deals whose payer, payee, type or description contains the query (case-insensitive). */
export function matchDeals(
  deals: readonly Deal[],
  query: string,
  nameOf: (id: string) => string,
): readonly Deal[] {
  const q = query.trim().toLowerCase();
  if (q === "") return deals;
  return deals.filter((d) =>
    [nameOf(d.from), nameOf(d.to), d.type, d.description].some((text) =>
      text.toLowerCase().includes(q),
    ),
  );
}

function dealColumns(
  nameOf: (id: string) => string,
  sourceById: ReadonlyMap<string, Source>,
): SortableColumn<Deal>[] {
  return [
    {
      key: "payer",
      header: "Payer",
      sortValue: (d) => nameOf(d.from),
      cell: (d) => (
        <button
          type="button"
          className="link-button"
          title={`Show the deals and sources of ${nameOf(d.from)} → ${nameOf(d.to)}`}
          onClick={() => actions.selectEdge(d.from, d.to, { openDetails: true })}
        >
          {nameOf(d.from)} <span className="visually-hidden">→ {nameOf(d.to)}</span>
        </button>
      ),
    },
    { key: "payee", header: "Payee", sortValue: (d) => nameOf(d.to), cell: (d) => nameOf(d.to) },
    {
      key: "type",
      header: "Type",
      sortValue: (d) => d.type,
      cell: (d) => <TypeTag type={d.type} />,
    },
    {
      key: "amount",
      header: "Amount",
      numeric: true,
      firstDirection: "descending",
      sortValue: (d) => (d.amountQualifier === "undisclosed" ? null : d.amountUsdBn),
      cell: (d) => formatDealAmount(d.amountUsdBn, d.amountQualifier),
    },
    {
      key: "announced",
      header: "Announced",
      sortValue: (d) => (d.announced ? periodStart(d.announced) : null),
      cell: (d) => formatPartialDate(d.announced),
    },
    {
      key: "status",
      header: "Status",
      sortValue: (d) => d.status,
      cell: (d) => (d.supersededBy ? `superseded by ${d.supersededBy}` : d.status),
    },
    {
      key: "evidence",
      header: "Evidence",
      sortValue: (d) => EVIDENCE_TIERS.indexOf(d.evidence),
      cell: (d) => d.evidence,
    },
    {
      key: "sources",
      header: "Sources",
      numeric: true,
      firstDirection: "descending",
      sortValue: (d) => new Set(d.sources.map((r) => r.sourceId)).size,
      cell: (d) => {
        const count = new Set(d.sources.map((r) => r.sourceId)).size;
        const first = d.sources[0];
        const title = first ? (sourceById.get(first.sourceId)?.title ?? first.sourceId) : "";
        return (
          <span className="sources-cell">
            {count}
            {title && (
              <span className="sources-first muted" title={title}>
                {" "}
                · {title}
              </span>
            )}
          </span>
        );
      },
    },
  ];
}

/** The table tab. */
export function DealsTable() {
  const deals = useStore(selectFilteredDeals);
  const { companyById, sourceById } = useStore(selectLookups);
  const [query, setQuery] = useState("");
  const inputId = useId();
  const columns = useMemo(() => {
    const nameOf = (id: string) => companyById.get(id)?.name ?? id;
    return { nameOf, list: dealColumns(nameOf, sourceById) };
  }, [companyById, sourceById]);
  const rows = useMemo(() => matchDeals(deals, query, columns.nameOf), [deals, query, columns]);
  const caption =
    rows.length === deals.length
      ? `Deals (${formatCount(deals.length)})`
      : `Deals (${formatCount(rows.length)} of ${formatCount(deals.length)})`;

  return (
    <section className="panel deals-panel" aria-label="Deals table">
      <div className="button-row">
        <button type="button" onClick={() => openDealEditor("new")}>
          Add a deal
        </button>
        <button type="button" onClick={() => openCompanyEditor("new")}>
          Add a company
        </button>
      </div>
      <div className="field">
        <label htmlFor={inputId}>Filter deals</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder="Company, type or words"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <SortableTable
        caption={caption}
        columns={columns.list}
        rows={rows}
        rowKey={(d) => d.id}
        emptyText="No deals match."
        maxRows={MAX_TABLE_ROWS}
        className="deals-table"
      />
    </section>
  );
}
