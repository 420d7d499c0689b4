/**
 * The stress tab: pick companies that fail to pay part of their commitments,
 * see who is hurt, in which round, and why; and which companies would hurt the
 * system most. The model is explained in plain words with its references.
 */
import { useId } from "react";
import type { CompanyStress } from "../../analysis/stress.ts";
import { formatUsdBn } from "../../domain/money.ts";
import { selectLookups } from "../../state/selectors.ts";
import {
  SYSTEMIC_MAX,
  selectStressResult,
  selectSystemicImportance,
} from "../../state/stressSelectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { CompanyPicker } from "../components/CompanyPicker.tsx";
import { shortfallSentence, bufferText } from "./format.ts";
import { DEFAULT_HORIZON_YEARS } from "../../analysis/annualize.ts";
import "./panels.css";
import { useSelectAndFocus } from "../controllers/sigmaContext.ts";

function useNameOf(): (id: string) => string {
  const { companyById } = useStore(selectLookups);
  return (id) => companyById.get(id)?.name ?? id;
}

function HowItWorks() {
  return (
    <details className="how-computed">
      <summary>How this works</summary>
      <p>
        <strong>Assumption:</strong> announced commitments are treated as if they were debts owed by
        the payer to the payee, a year at a time: a multi-year contract counts its amount divided by
        its term (5 years when no source states one), a one-off deal (equity, a purchase) counts
        once. Undisclosed amounts count as 0.
      </p>
      <ul>
        <li>
          The shocked companies fail to pay the chosen share of every commitment they made. Each
          counterparty loses the unpaid part of what it was owed.
        </li>
        <li>
          A company’s yearly loss is compared with a buffer, the first the data has of: its reported
          shareholders’ equity, its cash, its annual revenue, else its inflows a year in the data.
          Each row says which one it used.
        </li>
        <li>
          A company that loses more than the threshold share of its buffer becomes distressed and in
          turn stops paying the same share of its own commitments as the share of its buffer it
          lost. Rounds repeat until nothing changes: a sequential default cascade (C. Furfine,
          “Interbank Exposures: Quantifying the Risk of Contagion”, 2003).
        </li>
        <li>
          DebtRank (S. Battiston et al., “DebtRank: Too Central to Fail?”, Scientific Reports, 2012)
          passes graded stress along each flow once; its score is the share of economic value lost
          beyond the initial shock, a measure of systemic importance.
        </li>
      </ul>
    </details>
  );
}

function explain(c: CompanyStress, nameOf: (id: string) => string): string {
  if (c.contributions.length === 0) return "Shocked: pays only part of its commitments.";
  const parts = c.contributions
    .slice(0, 3)
    .map(
      (x) =>
        `${nameOf(x.from)} stops paying ${formatUsdBn(x.unpaidUsdBn)} a year (${Math.round(
          (x.unpaidUsdBn / x.owedUsdBn) * 100,
        )}% of ${formatUsdBn(x.owedUsdBn)} a year owed)`,
    );
  const more = c.contributions.length > 3 ? ` and ${c.contributions.length - 3} more` : "";
  const of =
    c.bufferSource === "none"
      ? "with no buffer"
      : `${percent(c.lossShare)} of ${nameOf(c.company)}'s ${bufferText(c.bufferSource, c.bufferPeriod)}`;
  return `${parts.join("; ")}${more}: ${formatUsdBn(c.lossUsdBn)} a year, ${of}.`;
}

const percent = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "no buffer");

function Slider(props: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  hint: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}: <strong>{props.value}%</strong>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={props.value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <span id={`${id}-hint`} className="field-hint muted">
        {props.hint}
      </span>
    </div>
  );
}

function Results() {
  const selectAndFocus = useSelectAndFocus();
  const result = useStore(selectStressResult);
  const stress = useStore((s) => s.stress);
  const nameOf = useNameOf();
  if (!result) {
    return <p className="muted">Choose one or more companies to shock.</p>;
  }
  const distressed = result.distressedCount;
  return (
    <section aria-label="Stress test results">
      <p className="stress-summary" role="status">
        Total loss to the system: <strong>{formatUsdBn(result.totalLossUsdBn)} a year</strong>;{" "}
        {distressed} {distressed === 1 ? "company" : "companies"} distressed in {result.rounds}{" "}
        {result.rounds === 1 ? "round" : "rounds"}; DebtRank {result.debtRank.toFixed(3)}.
        {result.failedHopsWithAssumedHorizon > 0 &&
          ` ${result.failedHopsWithAssumedHorizon} of the ${result.failedHops.length} unpaid flows hold a contract with no stated term, spread over ${DEFAULT_HORIZON_YEARS} years (the default).`}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">
            Affected companies, largest loss first ({stress.shortfallPct}% shortfall)
          </caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Loss a year</th>
              <th scope="col">Of buffer</th>
              <th scope="col">Distressed</th>
              <th scope="col">DebtRank</th>
            </tr>
          </thead>
          <tbody>
            {result.companies.map((c) => (
              <tr key={c.company}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => selectAndFocus(c.company)}
                  >
                    {nameOf(c.company)}
                  </button>
                  <div className="stress-explain muted">{explain(c, nameOf)}</div>
                </th>
                <td>{formatUsdBn(c.lossUsdBn)}</td>
                <td title={`buffer ${formatUsdBn(c.bufferUsdBn)} from ${c.bufferSource}`}>
                  {percent(c.lossShare)}
                  <div className="muted">of {bufferText(c.bufferSource, c.bufferPeriod)}</div>
                </td>
                <td>
                  {c.distressedRound === null
                    ? "no"
                    : c.distressedRound === 0
                      ? "shocked"
                      : `round ${c.distressedRound}`}
                </td>
                <td>{c.debtRankStress.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SystemicTable() {
  const ranking = useStore(selectSystemicImportance);
  const nameOf = useNameOf();
  return (
    <section aria-labelledby="systemic-title">
      <h3 id="systemic-title">Systemic importance</h3>
      <p className="muted">
        The loss each company would cause by paying none of its commitments (100% shortfall), with
        the threshold above. Largest first
        {ranking.length >= SYSTEMIC_MAX ? `, top ${SYSTEMIC_MAX} payers` : ""}.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Loss caused</th>
              <th scope="col">Distressed</th>
              <th scope="col">DebtRank</th>
            </tr>
          </thead>
          <tbody>
            {ranking.slice(0, 15).map((r) => (
              <tr key={r.company}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Shock ${nameOf(r.company)}`}
                    onClick={() => actions.setStress({ shocked: [r.company], shortfallPct: 100 })}
                  >
                    {nameOf(r.company)}
                  </button>
                </th>
                <td>{formatUsdBn(r.totalLossUsdBn)}</td>
                <td>{r.distressedCount}</td>
                <td>{r.debtRank.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function StressPanel() {
  const stress = useStore((s) => s.stress);
  const nameOf = useNameOf();
  const names = stress.shocked.map(nameOf);
  return (
    <div className="panel">
      <h2 className="panel-title">Stress test</h2>
      <div className="panel-controls">
        <CompanyPicker
          label="Shocked companies"
          selected={stress.shocked}
          onChange={(shocked) => actions.setStress({ shocked })}
        />
        <Slider
          label="Shortfall"
          value={stress.shortfallPct}
          onChange={(shortfallPct) => actions.setStress({ shortfallPct })}
          hint={`${shortfallSentence(names, stress.shortfallPct)}.`}
        />
        <Slider
          label="Distress threshold"
          value={stress.thresholdPct}
          onChange={(thresholdPct) => actions.setStress({ thresholdPct })}
          hint="A company losing more than this share of its buffer cuts its own payments."
        />
      </div>
      <Results />
      <HowItWorks />
      <SystemicTable />
    </div>
  );
}
