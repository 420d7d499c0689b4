/**
 * Graph legend: node colours (company kinds on screen), edge colours (the
 * main deal type of each drawn flow), and how to read thickness, fading and
 * arrows. Each colour sits next to its text label, so colour is never the only
 * cue. Collapsible; starts closed on narrow screens. It floats over the graph
 * as an overlay the camera frames nodes around (`data-graph-overlay`); opening
 * or closing it re-fits a fitted view to the room it leaves.
 */
import { useId, useMemo, useState } from "react";
import { COMPANY_KINDS, DEAL_TYPES } from "../../domain/schema.ts";
import {
  COMPANY_KIND_COLORS,
  COMPANY_KIND_LABELS,
  DEAL_TYPE_COLORS,
  DEAL_TYPE_LABELS,
} from "../../graph/palette.ts";
import type { Hop } from "../../analysis/hops.ts";
import { selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { useGraphCommands } from "../controllers/sigmaContext.ts";
import {
  FAILED_FLOW_COLOR,
  STRESS_BANDS,
  STRESS_COLORS,
  STRESS_LABELS,
} from "../../graph/stressStyle.ts";
import "./legend.css";

const WIDE_SCREEN_PX = 700;

const NO_HOPS: readonly Hop[] = [];

export function Legend() {
  const hops = useStore((s) => s.analysis?.hops ?? NO_HOPS);
  const countsNonLive = useStore((s) => s.analysis?.countsNonLive ?? false);
  const stressActive = useStore((s) => s.stress.shocked.length > 0);
  const { companyById } = useStore(selectLookups);
  const commands = useGraphCommands();
  const kindsId = useId();
  const typesId = useId();
  const [open, setOpen] = useState(
    () => typeof window === "undefined" || window.innerWidth > WIDE_SCREEN_PX,
  );
  const { kinds, types } = useMemo(() => {
    const kindSet = new Set<string>();
    const typeSet = new Set<string>();
    for (const h of hops) {
      typeSet.add(h.dominantType);
      for (const id of [h.from, h.to]) {
        const kind = companyById.get(id)?.kind;
        if (kind) kindSet.add(kind);
      }
    }
    return {
      kinds: COMPANY_KINDS.filter((k) => kindSet.has(k)),
      types: DEAL_TYPES.filter((t) => typeSet.has(t)),
    };
  }, [hops, companyById]);

  return (
    <details
      className="legend"
      open={open}
      onToggle={(e) => {
        const next = e.currentTarget.open;
        // NOTE: the browser also fires "toggle" when the element mounts open; only a change counts.
        if (next === open) return;
        setOpen(next);
        // A fitted view (no camera of its own in the URL) follows the room the legend leaves.
        if (useStore.getState().camera === null) commands.fit();
      }}
      data-graph-overlay=""
    >
      <summary>Legend</summary>
      {stressActive && (
        <>
          <p className="legend__heading" id={`${kindsId}-stress`}>
            Stress test
          </p>
          <ul className="legend__list legend__list--wide" aria-labelledby={`${kindsId}-stress`}>
            {STRESS_BANDS.map((b) => (
              <li key={b}>
                <span
                  className="legend__dot"
                  style={{ background: STRESS_COLORS[b] }}
                  aria-hidden="true"
                />
                {STRESS_LABELS[b]}
              </li>
            ))}
            <li>
              <span
                className="legend__line"
                style={{ background: FAILED_FLOW_COLOR }}
                aria-hidden="true"
              />
              Red flow: a payment that fails
            </li>
          </ul>
        </>
      )}
      {!stressActive && kinds.length > 0 && (
        <>
          <p className="legend__heading" id={kindsId}>
            Companies
          </p>
          <ul className="legend__list" aria-labelledby={kindsId}>
            {kinds.map((k) => (
              <li key={k}>
                <span
                  className="legend__dot"
                  style={{ background: COMPANY_KIND_COLORS[k] }}
                  aria-hidden="true"
                />
                {COMPANY_KIND_LABELS[k]}
              </li>
            ))}
          </ul>
        </>
      )}
      {types.length > 0 && (
        <>
          <p className="legend__heading" id={typesId}>
            Flows (main deal type)
          </p>
          <ul className="legend__list" aria-labelledby={typesId}>
            {types.map((t) => (
              <li key={t}>
                <span
                  className="legend__line"
                  style={{ background: DEAL_TYPE_COLORS[t] }}
                  aria-hidden="true"
                />
                {DEAL_TYPE_LABELS[t]}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="legend__list legend__notes" aria-label="Reading the graph">
        <li>
          <span className="legend__arrow" aria-hidden="true">
            →
          </span>
          Arrow: payer → payee
        </li>
        <li>
          <span className="legend__line legend__line--thick" aria-hidden="true" />
          Thicker: larger amount
        </li>
        <li>
          <span className="legend__line legend__line--faded" aria-hidden="true" />
          Dashed: amount undisclosed
        </li>
        {countsNonLive && (
          <li>
            <span className="legend__line legend__line--history" aria-hidden="true" />
            Faint, dashed: only superseded or cancelled deals
          </li>
        )}
      </ul>
    </details>
  );
}
