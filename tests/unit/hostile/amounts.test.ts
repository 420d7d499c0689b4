/** Issue 11, item 12: amounts that are each finite must not sum to Infinity anywhere. */
import { describe, expect, it } from "vitest";
import { analyzeDataset } from "../../../src/analysis/pipeline.ts";
import { parseCsvEdgeList } from "../../../src/domain/csv.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import { MAX_AMOUNT_USD_BN } from "../../../src/domain/schema.ts";
import { validateDataset } from "../../../src/domain/validate.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("hostile amounts", () => {
  it("should refuse a deal above $10 tn in JSON and CSV, naming the field and the bound", () => {
    const d = tinyDataset();
    d.deals[0] = { ...d.deals[0]!, amountUsdBn: 1e308, amountQualifier: "exact" };
    const r = validateDataset(d);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      "deals[0].amountUsdBn: must be at most 10000 (US$ bn, i.e. $10 tn)",
    ]);
    // A tracker's row is still a deal: the amount is undisclosed, with a warning and a note.
    const csv = parseCsvEdgeList("from,to,amount_usd_bn\nA,B,1e308\nB,A,1e308\n");
    expect((csv.warnings ?? []).map(formatProblem)).toEqual([
      "line 2, amount: 1e308 is more than 10000 (US$ bn, i.e. $10 tn): imported as undisclosed",
      "line 3, amount: 1e308 is more than 10000 (US$ bn, i.e. $10 tn): imported as undisclosed",
    ]);
    expect(csv.ok && csv.value.deals.map((x) => x.amountUsdBn)).toEqual([null, null]);
  });

  it("should keep every total, round trip and HHI finite at the bound", () => {
    const d = tinyDataset();
    const big = Array.from({ length: 2000 }, (_, i) => ({
      ...d.deals[i % 3]!,
      id: `big-${i}`,
      amountUsdBn: MAX_AMOUNT_USD_BN,
      amountQualifier: "exact" as const,
    }));
    const r = validateDataset({ ...d, deals: big });
    expect(r.ok).toBe(true);
    const a = analyzeDataset(r.ok ? r.value : d);
    for (const l of a.loops) expect(Number.isFinite(l.totalUsdBn)).toBe(true);
    for (const c of a.concentration) {
      expect(Number.isFinite(c.inflowUsdBn)).toBe(true);
      if (c.inflowHhi !== null) expect(Number.isFinite(c.inflowHhi)).toBe(true);
    }
    expect(a.circularity.computed && Number.isFinite(a.circularity.index)).toBe(true);
  });
});

describe("CSV injection", () => {
  it("should neutralise formula cells on export and give the text back on import", async () => {
    const { parseCsvEdgeList, serializeDealsCsv } = await import("../../../src/domain/csv.ts");
    const d = tinyDataset();
    const texts = [
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      "@SUM(A1:A2)",
      "-2+3",
      "plain",
    ];
    d.deals = d.deals.map((deal, i) => ({ ...deal, description: texts[i % texts.length]! }));
    d.companies[0] = { ...d.companies[0]!, name: "=Nvidia" };
    const csv = serializeDealsCsv(d);
    for (const line of csv.split("\n").slice(1)) {
      for (const cell of line.split(",")) expect(cell, line).not.toMatch(/^"?[=+\-@]/);
    }
    expect(csv).toContain("'=HYPERLINK");
    const back = parseCsvEdgeList(csv, "deals.csv");
    if (!back.ok) throw new Error(back.problems.map((p) => p.message).join("; "));
    expect(back.value.deals.map((x) => x.description)).toEqual(d.deals.map((x) => x.description));
    expect(back.value.companies.map((c) => c.name)).toContain("=Nvidia");
  });
});

describe("CSV formula apostrophe", () => {
  it("should give back any text, leading apostrophes included, and never start a cell with a formula (property)", async () => {
    const fc = (await import("fast-check")).default;
    const { neutralizeFormula, unneutralize } = await import("../../../src/domain/csv.ts");
    expect(neutralizeFormula("'+ ")).toBe("''+ ");
    expect(unneutralize(neutralizeFormula("'+ "))).toBe("'+ ");
    expect(neutralizeFormula("'quoted")).toBe("'quoted");
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^'{0,3}[=+\-@\t\r'a ]{0,4}$/),
    );
    fc.assert(
      fc.property(text, (v) => {
        const out = neutralizeFormula(v);
        expect(out).not.toMatch(/^[=+\-@\t\r]/);
        expect(unneutralize(out)).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("CSV company names", () => {
  it("should keep names that slug alike apart, and merge only case and spaces, with a warning", async () => {
    const { parseCsvEdgeList } = await import("../../../src/domain/csv.ts");
    const r = parseCsvEdgeList(
      [
        "from,to,amount_usd_bn",
        "AT&T,AT-T,1",
        "C++ Labs,C Labs,2",
        "智谱 AI,月之暗面 AI,3",
        "  nvidia ,AT&T,4",
        "Nvidia,C Labs,5",
      ].join("\n"),
    );
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
    expect(r.value.companies.map((c) => [c.id, c.name])).toEqual([
      ["at-t", "AT&T"],
      ["at-t-2", "AT-T"],
      ["c-labs", "C++ Labs"],
      ["c-labs-2", "C Labs"],
      ["ai", "智谱 AI"],
      ["ai-2", "月之暗面 AI"],
      ["nvidia", "nvidia"],
    ]);
    expect(r.value.deals.map((d) => `${d.from}>${d.to}`)).toEqual([
      "at-t>at-t-2",
      "c-labs>c-labs-2",
      "ai>ai-2",
      "nvidia>at-t",
      "nvidia>c-labs-2",
    ]);
    expect(r.warnings?.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'line 6, from: "Nvidia" is read as the same company as "nvidia" (line 5): names that differ only in case or spaces are one company',
    ]);
  });
});
