/**
 * Issue 11: a fuzz suite over every reader of user input. Whatever the text,
 * a reader returns (never throws), every problem is one line naming its line
 * or path, and what a format can carry survives export then import.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvEdgeList, serializeDealsCsv } from "../../../src/domain/csv.ts";
import { parseGexf, serializeGexf } from "../../../src/domain/gexf.ts";
import { parseImportText } from "../../../src/domain/importText.ts";
import { type Problem, formatProblem } from "../../../src/domain/problems.ts";
import { parseDatasetJson, serializeDatasetJson } from "../../../src/domain/validate.ts";
import { decodeView } from "../../../src/state/url/codec.ts";
import { decodeDatasetFragment } from "../../../src/state/url/fragment.ts";
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

  it("should sniff and read any file name and content without throwing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("a.json", "a.csv", "a.gexf", "a.xml", "paste", "a.txt"),
        hostileText,
        (name, text) => {
          wellFormed(parseImportText(text, name).result.problems);
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
