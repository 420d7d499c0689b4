/** The details tab: the selected company, flow or loop, with every figure's sources. */
import { useStore } from "../../state/store.ts";
import { CompanyDetails } from "./CompanyDetails.tsx";
import { EdgeDetails } from "./EdgeDetails.tsx";
import { LoopDetails } from "./LoopDetails.tsx";
import "./panels.css";

/** The details tab. */
export function DetailsPanel() {
  const selection = useStore((s) => s.selection);
  let body;
  switch (selection.kind) {
    case "company":
      body = <CompanyDetails id={selection.id} />;
      break;
    case "edge":
      body = <EdgeDetails from={selection.from} to={selection.to} />;
      break;
    case "loop":
      body = <LoopDetails loopId={selection.loopId} companies={selection.companies} />;
      break;
    default:
      body = (
        <>
          <h2 className="panel-title">Details</h2>
          <p className="muted">
            Select a company, a flow or a loop to see its details and sources.
          </p>
        </>
      );
  }
  return (
    <section className="panel details-panel" aria-label="Details">
      {body}
    </section>
  );
}
