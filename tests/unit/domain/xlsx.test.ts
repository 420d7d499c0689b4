import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { parseCsvEdgeList, serializeDealsCsv } from "../../../src/domain/csv.ts";
import { parseImportFile } from "../../../src/domain/importText.ts";
import { parseXlsx } from "../../../src/domain/xlsx.ts";

const workbook = async (rows: unknown[][]) =>
  new Uint8Array(
    await writeExcelFile(rows as never, { dateFormat: "yyyy-mm-dd" } as never).toBuffer(),
  );

describe("domain/xlsx", () => {
  it("should read the first sheet as an edge list: numbers, dates and formula-like text", async () => {
    const bytes = await workbook([
      ["from", "to", "type", "amount_usd_bn", "announced", "description", null],
      ["Nvidia", "OpenAI", "equity", 100, new Date(Date.UTC(2025, 8, 22)), "=HYPERLINK(1)"],
      [],
      ["OpenAI", "Oracle", "cloud-contract", "300", "2025-09", "'kept as typed"],
    ]);
    const r = await parseImportFile(bytes, "tracker.xlsx");
    expect(r.format).toBe("xlsx");
    expect(r.result.ok).toBe(true);
    if (!r.result.ok) return;
    const deals = r.result.value.deals;
    expect(deals.map((d) => [d.id, d.from, d.to, d.amountUsdBn, d.announced])).toEqual([
      ["row-2", "nvidia", "openai", 100, "2025-09-22"],
      ["row-4", "openai", "oracle", 300, "2025-09"],
    ]);
    // A workbook holds no protective apostrophe: text is taken as it is.
    expect(deals.map((d) => d.description)).toEqual(["=HYPERLINK(1)", "'kept as typed"]);
    expect(deals[1]!.sources[0]!.quote).toBe("tracker.xlsx (sheet Sheet1), line 4");
    expect(r.result.value.sources[0]!.title).toBe("Spreadsheet tracker.xlsx (sheet Sheet1)");
  });

  it("should name the sheet row of each problem, one line each", async () => {
    const bytes = await workbook([
      ["from", "to", "amount_usd_bn"],
      ["A", "B", -1],
      ["B", "B", 2],
    ]);
    const r = await parseXlsx(bytes.slice().buffer, "bad.xlsx");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'line 3, to: self-loop: "B" pays itself',
    ]);
    expect((r.warnings ?? []).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'line 2, amount: "-1" is not an amount we can read: the deal is imported as undisclosed',
    ]);
  });

  it("should refuse a file that is not a workbook in one line, naming it", async () => {
    const r = await parseImportFile(new TextEncoder().encode("PK\u0003\u0004 not a zip"), "x.bin");
    expect(r.format).toBe("xlsx");
    expect(r.result.ok).toBe(false);
    expect(r.result.problems).toHaveLength(1);
    expect(r.result.problems[0]!.message).toMatch(
      /^x\.bin could not be read as an Excel workbook \(\.xlsx\): [^\n]+$/,
    );
  });
});

describe("domain/xlsx sheets", () => {
  it("should read the first sheet unless another is chosen, and list the sheets", async () => {
    const bytes = new Uint8Array(
      await writeExcelFile([
        {
          sheet: "Notes",
          data: [
            ["from", "to"],
            ["A", "B"],
          ],
        },
        {
          sheet: "Deals",
          data: [
            ["from", "to", "amount_usd_bn"],
            ["C", "D", 5],
            ["D", "C", 6],
          ],
        },
      ] as never).toBuffer(),
    );
    const first = await parseImportFile(bytes, "two.xlsx");
    expect(first.result.ok && first.result.value.deals.map((d) => `${d.from}>${d.to}`)).toEqual([
      "a>b",
    ]);
    expect(first.result.mapping).toMatchObject({ sheets: ["Notes", "Deals"], sheet: "Notes" });
    const chosen = await parseImportFile(bytes, "two.xlsx", {
      sheet: "Deals",
      columns: [],
      values: [],
    });
    expect(chosen.result.ok && chosen.result.value.deals.map((d) => d.amountUsdBn)).toEqual([5, 6]);
    expect(chosen.result.mapping?.sheet).toBe("Deals");
  });
});

describe("domain/csv whitespace cells", () => {
  it("should give back a cell of line breaks after export and import (its apostrophe comes off before trimming)", () => {
    const csv = 'from,to,description\nA,B,"\r\n"';
    const first = parseCsvEdgeList(csv, "a.csv");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseCsvEdgeList(serializeDealsCsv(first.value), "b.csv");
    expect(again.ok && again.value.deals[0]!.description).toBe(first.value.deals[0]!.description);
    // And an exported row of empty cells is no deal.
    expect(parseCsvEdgeList('from,to\nA,B\n,\n"\'\r",', "c.csv").ok).toBe(true);
  });
});
