/** The filters tab: which deals the graph, the loops and the risk analysis see. */
import { useId } from "react";
import { DEAL_STATUSES, DEAL_TYPES, EVIDENCE_TIERS } from "../../domain/schema.ts";
import { selectFilteredDeals } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import { NumberField } from "./NumberField.tsx";
import { TypeTag } from "./TypeTag.tsx";
import "./panels.css";

/** `values` with `value` added or removed, in the order of `all` (so the URL stays stable). */
export function toggleIn<T>(all: readonly T[], values: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : values.includes(v)));
}

/** A stored bound ("2025", "2025-09", "2025-09-14") as the YYYY-MM an `<input type="month">` takes. */
export function toMonthValue(date: string | null, edge: "start" | "end"): string {
  if (date === null) return "";
  if (date.length === 4) return `${date}-${edge === "start" ? "01" : "12"}`;
  return date.slice(0, 7);
}

function CheckboxGroup<T extends string>({
  legend,
  all,
  checked,
  onChange,
  tags,
}: {
  legend: string;
  all: readonly T[];
  checked: readonly T[];
  onChange: (next: T[]) => void;
  tags?: boolean;
}) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {all.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={checked.includes(value)}
            onChange={(e) => onChange(toggleIn(all, checked, value, e.target.checked))}
          />{" "}
          {tags ? <TypeTag type={value} /> : value}
        </label>
      ))}
    </fieldset>
  );
}

/** The filters tab. */
export function FiltersPanel() {
  const filters = useStore((s) => s.filters);
  const shown = useStore((s) => selectFilteredDeals(s).length);
  const total = useStore((s) => s.dataset.deals.length);
  const mergeVehicles = useStore((s) => s.viewOptions.mergeVehicles);
  const hasVehicles = useStore((s) => s.dataset.companies.some((c) => c.kind === "vehicle"));
  const mergeId = useId();
  const statusHintId = useId();
  const titleId = useId();
  const fromId = useId();
  const toId = useId();
  const undisclosedId = useId();
  return (
    <section className="panel filters-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Filters
      </h2>
      <p className="filter-count" aria-live="polite">
        {shown} of {total} deals counted
      </p>
      <CheckboxGroup
        legend="Deal types"
        all={DEAL_TYPES}
        checked={filters.types}
        onChange={(types) => actions.setFilters({ types })}
        tags
      />
      <CheckboxGroup
        legend="Status"
        all={DEAL_STATUSES}
        checked={filters.statuses}
        onChange={(statuses) => actions.setFilters({ statuses })}
      />
      <p id={statusHintId} className="field-hint muted">
        Superseded and cancelled deals are history, not money: ticked, they are drawn faint and
        counted in every total, loop and flag.
      </p>
      <CheckboxGroup
        legend="Evidence"
        all={EVIDENCE_TIERS}
        checked={filters.evidence}
        onChange={(evidence) => actions.setFilters({ evidence })}
      />
      <div className="field field-check">
        <input
          id={mergeId}
          type="checkbox"
          checked={mergeVehicles}
          onChange={(e) => actions.setViewOptions({ mergeVehicles: e.target.checked })}
        />
        <label htmlFor={mergeId}>Merge vehicles into their sponsors</label>
        <span className="field-hint muted">
          {hasVehicles
            ? "Draws each SPV, joint venture or fund as its lead sponsor; flows between a sponsor and its own vehicle leave the view."
            : "This dataset has no vehicles."}
        </span>
      </div>
      <NumberField
        label="Minimum amount ($ bn)"
        value={filters.minAmountUsdBn}
        onChange={(minAmountUsdBn) => actions.setFilters({ minAmountUsdBn })}
      />
      <div className="field field-check">
        <input
          id={undisclosedId}
          type="checkbox"
          checked={filters.includeUndisclosed}
          onChange={(e) => actions.setFilters({ includeUndisclosed: e.target.checked })}
        />
        <label htmlFor={undisclosedId}>Include undisclosed amounts</label>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={fromId}>Announced from</label>
          <input
            id={fromId}
            type="month"
            value={toMonthValue(filters.dateFrom, "start")}
            onChange={(e) => actions.setFilters({ dateFrom: e.target.value || null })}
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>Announced to</label>
          <input
            id={toId}
            type="month"
            value={toMonthValue(filters.dateTo, "end")}
            onChange={(e) => actions.setFilters({ dateTo: e.target.value || null })}
          />
        </div>
      </div>
      <button type="button" onClick={() => actions.resetFilters()}>
        Reset filters
      </button>
    </section>
  );
}
