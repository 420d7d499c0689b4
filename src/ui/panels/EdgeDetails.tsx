/** Details of one flow (payer → payee): every filtered deal on it, with its sources. */
import { useMemo } from "react";
import { dealsOfHop, selectFilteredDeals, selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { DealCard } from "./DealCard.tsx";
import { plural } from "./format.ts";
import "./panels.css";

/** The deals of the selected flow among the filtered deals. */
export function EdgeDetails({ from, to }: { readonly from: string; readonly to: string }) {
  const deals = useStore(selectFilteredDeals);
  const companyById = useStore((s) => selectLookups(s).companyById);
  const hopDeals = useMemo(() => dealsOfHop(deals, from, to), [deals, from, to]);
  const fromName = companyById.get(from)?.name ?? from;
  const toName = companyById.get(to)?.name ?? to;
  return (
    <>
      <h2 className="panel-title">
        {fromName} → {toName}
      </h2>
      <p className="muted">
        Money flows from {fromName} (payer) to {toName} (payee): {plural(hopDeals.length, "deal")}{" "}
        with the current filters.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => actions.selectCompany(from, { focus: true, openDetails: true })}
        >
          About {fromName}
        </button>
        <button
          type="button"
          onClick={() => actions.selectCompany(to, { focus: true, openDetails: true })}
        >
          About {toName}
        </button>
      </div>
      {hopDeals.length === 0 ? (
        <p className="muted">No deals on this flow with the current filters.</p>
      ) : (
        hopDeals.map((deal) => <DealCard key={deal.id} deal={deal} level={3} />)
      )}
    </>
  );
}
