/**
 * A tracker's mapping, before anything is imported: which field each column is
 * read as, which of our values each of its words is read as (both changeable,
 * which reads the file again), the first deals as they would be imported, and
 * the counts of deals, warnings and rows that cannot be deals.
 */
import type { ReactNode } from "react";
import { formatCount, plural } from "../../domain/counts.ts";
import { formatUsdBn } from "../../domain/money.ts";
import {
  MAPPED_VALUE_FIELDS,
  type MappedValueField,
  type MappingChoice,
  TRACKER_FIELDS,
  type TrackerField,
  normalizeName,
  valuesOf,
} from "../../domain/tracker.ts";
import type { ImportState } from "./useDatasetImport.ts";

type ReviewState = Extract<ImportState, { phase: "review" }>;

const FIELD_LABELS: Readonly<Record<TrackerField, string>> = {
  from: "payer (from)",
  to: "payee (to)",
  type: "deal type",
  amount: "amount",
  announced: "date announced",
  status: "status",
  sources: "sources (links)",
  id: "deal id",
  description: "description",
  notes: "notes",
  qualifier: "amount qualifier",
  evidence: "evidence",
  arrangement: "arrangement",
  superseded_by: "superseded by",
};

const KEEP = "";

/** The choice with one column's field set (null: kept as an attribute). */
function withColumn(
  choice: MappingChoice,
  header: readonly string[],
  i: number,
  field: TrackerField | null,
) {
  const name = header[i]!;
  const columns = choice.columns.filter(([n]) => normalizeName(n) !== normalizeName(name));
  // NOTE: a field moved to this column is taken from the one that had it.
  return { ...choice, columns: [...columns, [name, field] as const] };
}

function withValue(choice: MappingChoice, field: MappedValueField, text: string, value: string) {
  const others = choice.values.filter(([f]) => f !== field);
  const current = choice.values.find(([f]) => f === field)?.[1] ?? [];
  const pairs = [
    ...current.filter(([t]) => normalizeName(t) !== normalizeName(text)),
    [text, value] as const,
  ];
  return { ...choice, values: [...others, [field, pairs] as const] };
}

export function MappingReview({
  state,
  headingId,
  onRemap,
  onAccept,
  onCancel,
  children,
}: {
  state: ReviewState;
  headingId: string;
  onRemap: (choice: MappingChoice) => void;
  onAccept: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { result, mapping, choice, fileName } = state;
  const value = result.ok ? result.value : result.partial;
  const deals = value?.deals ?? [];
  const names = new Map((value?.companies ?? []).map((c) => [c.id, c.name]));
  const warnings = result.warnings?.length ?? 0;
  const errors = result.ok ? 0 : result.problems.length;
  const fieldChoice = (i: number, raw: string) => {
    const field = raw === KEEP ? null : (raw as TrackerField);
    // The column that had this field before lets it go.
    let next = withColumn(choice, mapping.header, i, field);
    if (field !== null) {
      mapping.fields.forEach((f, j) => {
        if (j !== i && f === field) next = withColumn(next, mapping.header, j, null);
      });
    }
    onRemap(next);
  };
  const valueRows = MAPPED_VALUE_FIELDS.flatMap((field) =>
    mapping.values[field].map((v) => ({ field, ...v })),
  );
  return (
    <>
      <h2 id={headingId}>Read {fileName} as deals</h2>
      <p role="status" aria-live="polite" className="mapping-counts">
        {state.rereading
          ? "Reading the file again…"
          : `${plural(deals.length, "deal")}, ${plural(warnings, "warning")}, ${plural(errors, "row")} that cannot be ${errors === 1 ? "a deal" : "deals"}. Nothing has been imported yet.`}
        {state.remembered &&
          !state.rereading &&
          " Using the mapping you chose last time for this header."}
      </p>
      {mapping.sheets && mapping.sheets.length > 1 && (
        <label className="form-field mapping-sheet">
          <span>Sheet of the workbook</span>
          <select
            value={mapping.sheet ?? mapping.sheets[0]}
            disabled={state.rereading}
            onChange={(e) => onRemap({ sheet: e.target.value, columns: [], values: [] })}
          >
            {mapping.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="mapping-grid">
        <table className="mapping-table">
          <caption>Columns</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Read as</th>
            </tr>
          </thead>
          <tbody>
            {mapping.header.map((name, i) => (
              <tr key={i}>
                <th scope="row">{name || `column ${i + 1}`}</th>
                <td>
                  <select
                    aria-label={`Column "${name || `column ${i + 1}`}" read as`}
                    value={mapping.fields[i] ?? KEEP}
                    disabled={state.rereading}
                    onChange={(e) => fieldChoice(i, e.target.value)}
                  >
                    <option value={KEEP}>kept as an attribute</option>
                    {TRACKER_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {FIELD_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {valueRows.length > 0 && (
          <table className="mapping-table">
            <caption>Values</caption>
            <thead>
              <tr>
                <th scope="col">In the file</th>
                <th scope="col">Rows</th>
                <th scope="col">Read as</th>
              </tr>
            </thead>
            <tbody>
              {valueRows.map(({ field, text, count, value: read }) => (
                <tr key={`${field}:${text}`}>
                  <th scope="row">
                    <span className="muted">{FIELD_LABELS[field]}:</span> {text}
                  </th>
                  <td>{formatCount(count)}</td>
                  <td>
                    <select
                      aria-label={`${FIELD_LABELS[field]} "${text}" read as`}
                      value={read}
                      disabled={state.rereading}
                      onChange={(e) => onRemap(withValue(choice, field, text, e.target.value))}
                    >
                      {valuesOf(field).map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {deals.length > 0 && (
        <table className="mapping-table mapping-preview">
          <caption>
            The first {plural(Math.min(5, deals.length), "deal")} as they would be imported
          </caption>
          <thead>
            <tr>
              <th scope="col">Payer → payee</th>
              <th scope="col">Type</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {deals.slice(0, 5).map((d) => (
              <tr key={d.id}>
                <td>
                  {names.get(d.from) ?? d.from} → {names.get(d.to) ?? d.to}
                </td>
                <td>{d.type}</td>
                <td>
                  {d.amountUsdBn === null
                    ? d.localAmount
                      ? `${d.localAmount.valueBn} bn ${d.localAmount.currency} (not converted)`
                      : "undisclosed"
                    : `${d.amountQualifier === "up-to" ? "up to " : d.amountQualifier === "about" ? "about " : ""}${formatUsdBn(d.amountUsdBn)}`}
                </td>
                <td>{d.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          disabled={state.rereading || deals.length === 0}
          onClick={onAccept}
        >
          {errors > 0
            ? `Import the ${plural(deals.length, "valid row")} (${plural(errors, "row")} skipped)`
            : `Import ${plural(deals.length, "deal")}`}
        </button>
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
