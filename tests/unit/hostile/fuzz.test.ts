/**
 * Issue 11: a fuzz suite over every reader of user input. Whatever the text,
 * a reader returns (never throws), every problem is one line naming its line
 * or path, and what a format can carry survives export then import.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import {
  csvCell as quoteCell,
  parseCsvEdgeList,
  serializeDealsCsv,
} from "../../../src/domain/csv.ts";
import { cellText, parseXlsx } from "../../../src/domain/xlsx.ts";
import { parseGexf, serializeGexf } from "../../../src/domain/gexf.ts";
import { parseImportText } from "../../../src/domain/importText.ts";
import { type Problem, formatProblem } from "../../../src/domain/problems.ts";
import { parseDatasetJson, serializeDatasetJson } from "../../../src/domain/validate.ts";
import { decodeView } from "../../../src/state/url/codec.ts";
import { decodeDatasetFragment } from "../../../src/state/url/fragment.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { tinyDataset } from "../domain/fixtures.ts";

/** Every problem on one line, pointing at a line or a path. */
function wellFormed(problems: readonly Problem[]): void {
  for (const p of problems) {
    const text = formatProblem(p);
    expect(text, text).not.toMatch(/[\r\n]/);
    expect(p.path, text).toMatch(
      /^(line \d+|\(document\)|\(file\)|link|schemaVersion|edge |node |[a-z]+(\[\d+\])?)/,
    );
  }
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "constructor",
    "__proto__",
    "=HYPERLINK(1)",
    "\u001b[31m",
    "\r\n",
    "\uFEFF",
    "NaN",
    "1e308",
  ),
);

const csvCell = fc.oneof(
  hostileText,
  fc.constantFrom(
    "Nvidia",
    "OpenAI",
    "AT&T",
    "AT-T",
    "-1",
    "1e999",
    "$50bn",
    "equity",
    "superseded",
  ),
);
const csvText = fc
  .tuple(
    fc.constantFrom(
      "from,to,amount_usd_bn",
      "from,to,type,amount_usd_bn,announced,status,superseded_by,evidence",
      "id,from,to,amount_usd_bn,qualifier",
      "to,from",
    ),
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 8 }), { maxLength: 12 }),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([header, rows, eol]) =>
    [
      header,
      ...rows.map((r) =>
        r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","),
      ),
    ].join(eol),
  );

describe("fuzz: readers of user input", () => {
  it("should read any CSV without throwing, with one-line problems, and round-trip what it reads", () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const r = parseCsvEdgeList(text, "fuzz.csv");
        wellFormed(r.problems);
        wellFormed(r.warnings ?? []);
        if (!r.ok) return;
        const again = parseCsvEdgeList(serializeDealsCsv(r.value), "again.csv");
        expect(again.ok).toBe(true);
        if (again.ok) {
          const pick = (d: (typeof r.value.deals)[number]) => [
            d.id,
            d.type,
            d.amountUsdBn,
            d.status,
            d.description,
          ];
          expect(again.value.deals.map(pick)).toEqual(r.value.deals.map(pick));
        }
      }),
      { numRuns: 800 },
    );
  });

  it("should read any Excel sheet as the same deals as the CSV of its cells, with one-line problems", async () => {
    // NOTE: write-excel-file (the test's writer) indexes its shared strings by a
    // plain object, so it writes a broken index for "constructor" and the like;
    // the reader then refuses the file, one line. Those names are left to the CSV fuzz.
    const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
    const cell = fc.oneof(
      // XML 1.0, which a workbook is, cannot hold C0 control characters but tab and line breaks.
      csvCell
        .filter((c) => !prototypeNames.has(c))
        // eslint-disable-next-line no-control-regex
        .map((c) => c.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc
        .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
        .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
    );
    const header = fc.constantFrom(
      ["from", "to", "amount_usd_bn"],
      ["from", "to", "type", "amount_usd_bn", "announced", "status", "description"],
      ["to", "from"],
    );
    const sheet = fc.tuple(
      header,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 8 }),
    );
    // NOTE: ids and citations name lines, and a CSV cell holding a line break
    // spans two lines where a sheet's cell stays in one row.
    const pick = (d: Dataset["deals"][number]) => {
      const { sources: _sources, id: _id, ...rest } = d;
      return rest;
    };
    await fc.assert(
      fc.asyncProperty(sheet, async ([head, rows]) => {
        // NOTE: a text cell is written as text, so "1e999" stays the text the CSV holds.
        const data = [head, ...rows].map((row) =>
          row.map((value) =>
            typeof value === "string" ? { type: String, value } : value === null ? null : { value },
          ),
        );
        const bytes = await writeExcelFile(
          data as never,
          { dateFormat: "yyyy-mm-dd" } as never,
        ).toBuffer();
        const r = await parseXlsx(new Uint8Array(bytes).buffer, "fuzz.xlsx");
        wellFormed(r.problems);
        wellFormed(r.warnings ?? []);
        // A sheet's empty cells at the end of a row are not columns (`xlsx.ts`).
        const trimmed = (row: readonly unknown[]) => {
          const cells = row.map(cellText);
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          return cells;
        };
        const csv = [head, ...rows].map((row) => trimmed(row).map(quoteCell).join(",")).join("\n");
        const viaCsv = parseCsvEdgeList(csv, "fuzz.csv");
        expect(r.ok).toBe(viaCsv.ok);
        if (r.ok && viaCsv.ok)
          expect(r.value.deals.map(pick)).toEqual(viaCsv.value.deals.map(pick));
        expect(r.problems.map((p) => p.message)).toEqual(viaCsv.problems.map((p) => p.message));
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it("should read any damaged Excel file without throwing, with one-line problems", async () => {
    const good = new Uint8Array(
      await writeExcelFile([
        ["from", "to", "amount_usd_bn"],
        ["A", "B", 1],
        ["B", "A", 2],
      ] as never).toBuffer(),
    );
    const damaged = fc
      .tuple(fc.nat(good.length - 1), fc.nat(200), fc.uint8Array({ maxLength: 40 }))
      .map(([at, cut, insert]) => {
        const out = new Uint8Array(good.length - Math.min(cut, good.length - at) + insert.length);
        out.set(good.subarray(0, at));
        out.set(insert, at);
        out.set(good.subarray(at + Math.min(cut, good.length - at)), at + insert.length);
        return out;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(damaged, fc.uint8Array({ maxLength: 300 })), async (bytes) => {
        const r = await parseXlsx(bytes.slice().buffer, "fuzz.xlsx");
        wellFormed(r.problems);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("should read any JSON text without throwing, with one-line problems", () => {
    const good = serializeDatasetJson(tinyDataset());
    const mutated = fc
      .tuple(fc.nat(good.length), fc.nat(40), hostileText)
      .map(([at, cut, insert]) => good.slice(0, at) + insert + good.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(mutated, fc.json(), hostileText), (text) => {
        const r = parseDatasetJson(text);
        wellFormed(r.problems);
        if (r.ok) expect(parseDatasetJson(serializeDatasetJson(r.value))).toEqual(r);
      }),
      { numRuns: 800 },
    );
  });

  it("should read any GEXF text without throwing, with one-line problems", () => {
    const good = serializeGexf(tinyDataset());
    const mutated = fc
      .tuple(fc.nat(good.length), fc.nat(30), hostileText)
      .map(([at, cut, insert]) => good.slice(0, at) + insert + good.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(mutated, hostileText), (text) => {
        const r = parseGexf(text, "fuzz.gexf");
        wellFormed(r.problems);
      }),
      { numRuns: 300 },
    );
  });

  it("should sniff and read any file name and content without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("a.json", "a.csv", "a.gexf", "a.xml", "paste", "a.txt"),
        hostileText,
        async (name, text) => {
          wellFormed((await parseImportText(text, name)).result.problems);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("should decode any query string, noting each ignored part on one line", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.webQueryParameters()), (q) => {
        const { view, ignored } = decodeView(q);
        for (const note of ignored) expect(note).not.toMatch(/[\r\n]/);
        if (view.camera) {
          expect(Number.isFinite(view.camera.x) && Number.isFinite(view.camera.ratio)).toBe(true);
        }
        expect(Number.isFinite(view.filters.minAmountUsdBn)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("should decode any #data= fragment without throwing, with one-line problems", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.base64String({ maxLength: 400 })),
        async (s) => {
          const r = await decodeDatasetFragment(`#data=${s}`);
          if (r) wellFormed(r.problems);
        },
      ),
      { numRuns: 300 },
    );
  });
});
