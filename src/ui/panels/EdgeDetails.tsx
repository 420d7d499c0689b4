/** Details of one flow (payer → payee): every deal the analysis folded into it, with its sources. */
import { useMemo } from "react";
import { evidenceNote, hopKey } from "../../analysis/hops.ts";
import type { Deal } from "../../domain/schema.ts";
import { selectHopsByKey, selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { useGraphCommands } from "../controllers/sigmaContext.ts";
import { DealCard } from "./DealCard.tsx";
import { plural } from "./format.ts";
import "./panels.css";

/** The deals of the selected flow, as the analysis folded them. */
export function EdgeDetails({ from, to }: { readonly from: string; readonly to: string }) {
  const hop = useStore((s) => selectHopsByKey(s).get(hopKey(from, to)));
  const { companyById, dealById } = useStore(selectLookups);
  const commands = useGraphCommands();
  const hopDeals = useMemo(
    () => (hop?.dealIds ?? []).map((id) => dealById.get(id)).filter((d): d is Deal => !!d),
    [hop, dealById],
  );
  const fromName = companyById.get(from)?.name ?? from;
  const toName = companyById.get(to)?.name ?? to;
  const evidence = hop ? evidenceNote([hop]) : "";
  const about = (id: string) => {
    actions.selectCompany(id, { openDetails: true });
    commands.focus(id);
  };
  return (
    <>
      <h2 className="panel-title">
        {fromName} → {toName}
      </h2>
      <p className="muted">
        Money flows from {fromName} (payer) to {toName} (payee): {plural(hopDeals.length, "deal")}{" "}
        with the current filters{hop ? `, ${hop.label} in all` : ""}.
        {evidence && ` This flow ${evidence}.`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => about(from)}>
          About {fromName}
        </button>
        <button type="button" onClick={() => about(to)}>
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
