/**
 * A generic sortable table: real `<table>` semantics, header buttons that toggle
 * the sort, `aria-sort` on the sorted column, and a scroll container that keyboard
 * users can focus on narrow screens. Sorting is stable and puts nulls last in
 * both directions (undisclosed amounts, undated deals).
 */
import { formatCount } from "../../domain/counts.ts";
import { type ReactNode, useId, useMemo, useState } from "react";
import "./components.css";

export type SortDirection = "ascending" | "descending";
export type SortValue = string | number | null;

export interface SortableColumn<Row> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** The value rows sort by; null sorts last. Omit to make the column unsortable. */
  readonly sortValue?: (row: Row) => SortValue;
  /** The direction of the first click on this column; "ascending" unless given. */
  readonly firstDirection?: SortDirection;
  /** Right-aligns the column (amounts, counts). */
  readonly numeric?: boolean;
}

export interface SortState {
  readonly key: string;
  readonly direction: SortDirection;
}

export interface SortableTableProps<Row> {
  readonly caption: ReactNode;
  readonly columns: readonly SortableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly initialSort?: SortState | null;
  readonly emptyText?: string;
  readonly className?: string;
  /** Rows rendered at most, after sorting; a note says how many are left out. */
  readonly maxRows?: number;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { sensitivity: "base", numeric: true });
}

/** Rows sorted by `value`, stably, with null values last in both directions. */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => SortValue,
  direction: SortDirection,
): Row[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      }
      return sign * compareValues(a.v, b.v) || a.i - b.i;
    })
    .map((x) => x.row);
}

/** An accessible table whose sortable column headers are buttons. */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort = null,
  emptyText = "Nothing to show.",
  className,
  maxRows = Infinity,
}: SortableTableProps<Row>) {
  const captionId = useId();
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const sortColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted = useMemo(
    () =>
      sort && sortColumn?.sortValue ? sortRows(rows, sortColumn.sortValue, sort.direction) : rows,
    [rows, sort, sortColumn],
  );

  const toggle = (column: SortableColumn<Row>) => {
    setSort((current) =>
      current?.key === column.key
        ? {
            key: column.key,
            direction: current.direction === "ascending" ? "descending" : "ascending",
          }
        : { key: column.key, direction: column.firstDirection ?? "ascending" },
    );
  };

  return (
    <div
      className={`table-scroll${className ? ` ${className}` : ""}`}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="sortable-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={direction}
                  className={column.numeric ? "numeric" : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggle(column)}>
                      {column.header}
                      <span aria-hidden="true" className="sort-icon">
                        {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {emptyText}
              </td>
            </tr>
          ) : (
            sorted.slice(0, maxRows).map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? "numeric" : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
          {sorted.length > maxRows && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {formatCount(sorted.length - maxRows)} more rows not shown; narrow the list to see
                them.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
