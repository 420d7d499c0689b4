/**
 * The loops tab: controls for the cycle search, the list of loops (a keyboard
 * listbox using aria-activedescendant), and the hops of the selected loop, each
 * with a way to its deals and sources.
 */
import { formatCount } from "../../domain/counts.ts";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { evidenceNote, formatRoundTrip } from "../../analysis/hops.ts";
import { formatSpan } from "../../analysis/timeOrder.ts";
import { formatCircularity } from "../../analysis/circularity.ts";
import { WINDOW_CHOICES } from "../../state/model.ts";
import type { LoopReport } from "../../analysis/loops.ts";
import { nameOf, selectLookups, selectVisibleLoops } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { nextActiveIndex, scrollIntoViewIfSupported } from "../components/listKeys.ts";
import { AnalysisStatus, useReadyAnalysis } from "./AnalysisStatus.tsx";
import { formatShare, loopPathText, plural } from "./format.ts";
import { NumberField } from "./NumberField.tsx";
import { TypeTag } from "./TypeTag.tsx";
import { isPhone } from "../phone.ts";
import "./panels.css";

/** Options rendered at most; a longer list asks the reader to narrow it. */
const MAX_RENDERED_LOOPS = 200;
const MAX_LENGTH_CHOICES = [2, 3, 4, 5, 6, 7, 8] as const;

function LoopControlsForm() {
  const controls = useStore((s) => s.loopControls);
  const selectedName = useStore((s) => (s.focusCompany ? nameOf(s, s.focusCompany) : null));
  const hintId = useId();
  const lengthId = useId();
  const windowId = useId();
  const windowChoices: readonly number[] =
    controls.windowMonths === null ||
    (WINDOW_CHOICES as readonly number[]).includes(controls.windowMonths)
      ? WINDOW_CHOICES
      : [...WINDOW_CHOICES, controls.windowMonths].sort((a, b) => a - b);
  const choices: readonly number[] = MAX_LENGTH_CHOICES.includes(controls.maxLength as 2)
    ? MAX_LENGTH_CHOICES
    : [...MAX_LENGTH_CHOICES, controls.maxLength].sort((a, b) => a - b);
  return (
    <div className="panel-controls">
      <div className="field">
        <label htmlFor={lengthId}>Maximum length</label>
        <select
          id={lengthId}
          value={controls.maxLength}
          onChange={(e) => actions.setLoopControls({ maxLength: Number(e.target.value) })}
        >
          {choices.map((n) => (
            <option key={n} value={n}>
              {n} hops
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={windowId}>Only loops that came back</label>
        <select
          id={windowId}
          value={controls.windowMonths === null ? "any" : String(controls.windowMonths)}
          onChange={(e) =>
            actions.setLoopControls({
              windowMonths: e.target.value === "any" ? null : Number(e.target.value),
            })
          }
        >
          <option value="any">any time (every loop)</option>
          {windowChoices.map((n) => (
            <option key={n} value={n}>
              in order, within {n} months
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label="Minimum round trip ($ bn)"
        value={controls.minRoundTripUsdBn}
        onChange={(minRoundTripUsdBn) => actions.setLoopControls({ minRoundTripUsdBn })}
      />
      <div className="field field-check">
        <input
          type="checkbox"
          id={`${hintId}-only`}
          checked={controls.onlyThroughSelected}
          disabled={selectedName === null}
          aria-describedby={hintId}
          onChange={(e) => actions.setLoopControls({ onlyThroughSelected: e.target.checked })}
        />
        <label htmlFor={`${hintId}-only`}>Only loops through the selected company</label>
        <span id={hintId} className="field-hint muted">
          {selectedName === null ? "Select a company first." : `Selected: ${selectedName}.`}
        </span>
      </div>
    </div>
  );
}

function LoopOption({
  loop,
  id,
  selected,
  active,
  nameOf,
  onClick,
}: {
  loop: LoopReport;
  id: string;
  selected: boolean;
  active: boolean;
  nameOf: (id: string) => string;
  onClick: () => void;
}) {
  const classes = ["loop-option", selected && "selected", active && "active"].filter(Boolean);
  const evidence = evidenceNote(loop.hops);
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={classes.join(" ")}
      onClick={onClick}
    >
      <span className="loop-path">{loopPathText(loop.companies, nameOf)}</span>
      {" · "}
      <span className="loop-amount">round trip {formatRoundTrip(loop)}</span>{" "}
      <span className="loop-meta">
        {plural(loop.hops.length, "hop")}
        {" · "}
        {Object.entries(loop.typeMix).map(([type, count], i) => (
          <span key={type}>
            {i > 0 && " "}
            <TypeTag type={type} count={count} />
          </span>
        ))}
        {" · "}
        <span className={loop.spanMonths === null ? "loop-order muted" : "loop-order badge-order"}>
          {formatSpan(loop)}
        </span>
        {evidence && <span className="loop-evidence"> · {evidence}</span>}
        {loop.nonLiveDeals > 0 && (
          <span className="loop-history">
            {" "}
            · counts {plural(loop.nonLiveDeals, "replaced or cancelled deal")}
          </span>
        )}
      </span>
    </li>
  );
}

function LoopList() {
  const analysis = useReadyAnalysis();
  const loops = useStore(selectVisibleLoops);
  const selectedLoopId = useStore((s) => (s.selection.kind === "loop" ? s.selection.loopId : null));
  const companyById = useStore((s) => selectLookups(s).companyById);
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const baseId = useId();
  if (!analysis) return <AnalysisStatus />;

  const nameOfId = (id: string) => companyById.get(id)?.name ?? id;
  const shown = loops.slice(0, MAX_RENDERED_LOOPS);
  const indexOf = (id: string | null) => (id === null ? -1 : shown.findIndex((l) => l.id === id));
  const activeIndex = [indexOf(activeId), indexOf(selectedLoopId), shown.length > 0 ? 0 : -1].find(
    (i) => i >= 0,
  )!;
  const optionId = (i: number) => `${baseId}-loop-${i}`;

  const select = (loop: LoopReport) => {
    setActiveId(loop.id);
    actions.selectLoop(loop);
    // NOTE: on a phone the panels are a drawer over the graph: close it to show the loop.
    if (isPhone()) actions.toggleDrawer(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const next = nextActiveIndex(e.key, activeIndex, shown.length);
    if (next !== null) {
      e.preventDefault();
      setActiveId(shown[next]!.id);
      scrollIntoViewIfSupported(listRef.current?.children[next] ?? null);
    } else if ((e.key === "Enter" || e.key === " ") && shown[activeIndex]) {
      e.preventDefault();
      select(shown[activeIndex]);
    }
  };

  const total = analysis.loops.length;
  return (
    <>
      <p className="loop-count" aria-live="polite">
        {plural(loops.length, "loop")}
        {loops.length !== total && ` of ${formatCount(total)}`}
        {analysis.loopsFound > total &&
          ` (the ${formatCount(total)} largest of ${formatCount(analysis.loopsFound)} found)`}
        {analysis.truncated && "; the search stopped early, so more may exist"}
        {loops.length > shown.length &&
          ` · showing the first ${shown.length}; raise the minimum round trip to narrow the list`}
      </p>
      {analysis.countsNonLive && (
        <p className="panel-note" role="note">
          Superseded or cancelled deals are ticked in Filters, so these loops count them.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">No loops with these filters.</p>
      ) : (
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Cycles"
          tabIndex={0}
          aria-activedescendant={optionId(activeIndex)}
          className="loop-list"
          onKeyDown={onKeyDown}
        >
          {shown.map((loop, i) => (
            <LoopOption
              key={loop.id}
              id={optionId(i)}
              loop={loop}
              selected={loop.id === selectedLoopId}
              active={i === activeIndex}
              nameOf={nameOfId}
              onClick={() => select(loop)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function SelectedLoopHops() {
  const analysis = useReadyAnalysis();
  const loopId = useStore((s) => (s.selection.kind === "loop" ? s.selection.loopId : null));
  const { companyById } = useStore(selectLookups);
  const headingId = useId();
  const loop = loopId === null ? undefined : analysis?.loops.find((l) => l.id === loopId);
  if (!loop) return null;
  const nameOfId = (id: string) => companyById.get(id)?.name ?? id;
  return (
    <section className="loop-hops" aria-labelledby={headingId}>
      <h3 id={headingId}>Hops of the selected loop</h3>
      <ol>
        {loop.hops.map((hop) => {
          const flow = `${nameOfId(hop.from)} → ${nameOfId(hop.to)}`;
          const evidence = evidenceNote([hop]);
          return (
            <li key={hop.key}>
              <span>
                {flow}: {hop.label} ({hop.types.join(", ")}){evidence && ` · ${evidence}`}
              </span>{" "}
              <button
                type="button"
                className="link-button"
                aria-label={`Sources for ${flow}`}
                onClick={() => actions.selectEdge(hop.from, hop.to, { openDetails: true })}
              >
                Sources
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The network's circularity index as a headline, with how it is computed. */
function CircularityHeadline() {
  const analysis = useReadyAnalysis();
  if (!analysis) return null;
  const c = analysis.circularity;
  return (
    <div className="circularity">
      <p className="circularity-figure" aria-live="polite">
        {c.computed ? (
          <>
            <strong>{formatShare(c.index)}</strong> of the money flowing through these companies
            comes back round
          </>
        ) : (
          formatCircularity(c)
        )}
      </p>
      <details className="how">
        <summary>How this works</summary>
        <p>
          Finn&rsquo;s cycling index (J. Theor. Biol. 56, 1976), on live disclosed dollars: each
          company&rsquo;s throughflow is the larger of what it receives and what it pays in the
          data; its cycled share is the part of that throughflow that comes back to it through
          chains of payments; the index weighs those shares by throughflow. It is a share of the
          money passing through the companies, not of the sum of deals. Undisclosed amounts count as
          0, and commitments are counted at their announced totals.
        </p>
      </details>
    </div>
  );
}

/** The loops tab. */
export function LoopsPanel() {
  const titleId = useId();
  return (
    <section className="panel loops-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Loops
      </h2>
      <CircularityHeadline />
      <LoopControlsForm />
      <LoopList />
      <SelectedLoopHops />
    </section>
  );
}
