/**
 * Excel workbooks (.xlsx): the first sheet (or the one the user picks) read as
 * an edge list, row by row,
 * through the same record parser as a CSV file (`parseEdgeRecords`), so a
 * problem names its sheet row as "line N". Cells become text: numbers as
 * JavaScript writes them, dates as YYYY-MM-DD, booleans as true/false, a
 * formula as its cached value. A cell's text is taken as it is: a spreadsheet
 * holds no protective apostrophe to take off (Excel keeps that prefix outside
 * the cell's value).
 *
 * Reference: read-excel-file (https://gitlab.com/catamphetamine/read-excel-file),
 * ECMA-376 Office Open XML.
 */
import { type CsvRecord, type TrackerOverrides, parseEdgeRecords } from "./csv.ts";
import { type ParseResult, oneLine } from "./problems.ts";
import type { Dataset } from "./schema.ts";

/** True when the bytes start as a zip archive does ("PK\x03\x04"), as every .xlsx does. */
export function looksLikeXlsx(fileName: string, bytes: Uint8Array): boolean {
  if (/\.xlsx$/i.test(fileName)) return true;
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A cell as the edge-list parser reads it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Reads a workbook's sheet (the first unless `sheet` names another) as a dataset; never throws. */
export async function parseXlsx(
  bytes: ArrayBuffer,
  fileName: string,
  mapping?: TrackerOverrides,
  sheet?: string,
): Promise<ParseResult<Dataset>> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // NOTE: loaded on first use: a CSV or JSON file never pays for the workbook reader.
    const { default: readXlsxFile } = await import("read-excel-file/universal");
    sheets = (await readXlsxFile(bytes, { trim: false })) as unknown as typeof sheets;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      partial: null,
      skipped: 0,
      problems: [
        {
          path: "(file)",
          message: `${fileName} could not be read as an Excel workbook (.xlsx): ${oneLine(reason)}`,
        },
      ],
    };
  }
  const first = sheets.find((s) => s.sheet === sheet) ?? sheets[0];
  const records: CsvRecord[] = [];
  (first?.data ?? []).forEach((row, i) => {
    // NOTE: a sheet pads every row to its widest; empty cells at the end are not columns.
    const cells = row.map(cellText);
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length > 0) records.push({ line: i + 1, cells });
  });
  const label = first ? `${fileName} (sheet ${first.sheet})` : fileName;
  const result = parseEdgeRecords(records, label, {
    neutralized: false,
    kind: "Spreadsheet",
    ...(mapping ? { mapping } : {}),
  });
  // NOTE: the sheets, for the import dialog's picker; the one read is named.
  if (!result.mapping || sheets.length < 2) return result;
  return {
    ...result,
    mapping: { ...result.mapping, sheets: sheets.map((s) => s.sheet), sheet: first!.sheet },
  };
}
