import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvEdgeList, serializeDealsCsv } from "../../../src/domain/csv.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import { detectColumns, mapValue, readAmount, splitSources } from "../../../src/domain/tracker.ts";
import { readDate } from "../../../src/domain/csv.ts";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "../../../data/fixtures/trackers", name), "utf8");

describe("domain/tracker", () => {
  it("should read column names case- and punctuation-insensitively, Gephi's source/target too", () => {
    expect(
      detectColumns(["Investor", "Investee", "Amount ($bn)", "announced_on", "Links", "Misc"])
        .fields,
    ).toEqual(["from", "to", "amount", "announced", "sources", null]);
    expect(detectColumns(["Source", "Target", "Weight"]).fields).toEqual(["from", "to", "amount"]);
    expect(detectColumns(["from", "to", "source"]).fields).toEqual(["from", "to", "sources"]);
    expect(detectColumns(["payer", "payee", "usd_m"]).amountInMillions).toBe(true);
    // The first column naming a field takes it; the user can choose otherwise.
    expect(detectColumns(["from", "to", "amount", "value"]).fields).toEqual([
      "from",
      "to",
      "amount",
      null,
    ]);
    expect(
      detectColumns(
        ["from", "to", "amount", "value"],
        new Map([
          ["amount", null],
          ["value", "amount"],
        ]),
      ).fields,
    ).toEqual(["from", "to", null, "amount"]);
  });

  it("should map vocabularies by synonym and prefix, and leave unknown words alone", () => {
    expect(mapValue("type", "Investment")).toBe("equity");
    expect(mapValue("type", "lease guarantee")).toBe("backstop");
    expect(mapValue("type", "stock_grant")).toBe("warrant");
    expect(mapValue("type", "Equity investment (Series F)")).toBe("equity");
    expect(mapValue("status", "superseded: replaced by the March round")).toBe("superseded");
    expect(mapValue("status", "Replaced by the 2026 deal")).toBe("superseded");
    expect(mapValue("status", "LOI")).toBe("announced");
    expect(mapValue("status", "funded")).toBe("closed");
    expect(mapValue("status", "withdrawn")).toBe("cancelled");
    expect(mapValue("status", "zzz")).toBeNull();
    expect(mapValue("status", "zzz", new Map([["zzz", "stalled"]]))).toBe("stalled");
    // An override to a value that is not ours is ignored.
    expect(mapValue("status", "zzz", new Map([["zzz", "nope"]]))).toBeNull();
  });

  it("should read amounts with their unit, currency and qualifier, never converting", () => {
    expect(readAmount("$50bn")).toEqual({
      kind: "amount",
      valueBn: 50,
      currency: "USD",
      qualifier: null,
    });
    expect(readAmount("1.5 billion")).toMatchObject({ valueBn: 1.5, currency: "USD" });
    expect(readAmount("$350m")).toMatchObject({ valueBn: 0.35 });
    expect(readAmount("€385m")).toMatchObject({ valueBn: 0.385, currency: "EUR" });
    expect(readAmount("1,200")).toMatchObject({ valueBn: 1200 });
    expect(readAmount("350", true)).toMatchObject({ valueBn: 0.35 });
    expect(readAmount("up to $100bn")).toMatchObject({ valueBn: 100, qualifier: "up-to" });
    expect(readAmount("~$10 bn")).toMatchObject({ valueBn: 10, qualifier: "about" });
    expect(readAmount("USD 2.5bn")).toMatchObject({ valueBn: 2.5, currency: "USD" });
    expect(readAmount("$1.4 tn")).toMatchObject({ valueBn: 1400 });
    expect(readAmount("undisclosed")).toEqual({ kind: "undisclosed" });
    expect(readAmount("n/a")).toEqual({ kind: "undisclosed" });
    expect(readAmount("")).toEqual({ kind: "empty" });
    for (const bad of ["-1", "lots", "$5bn €3bn", "1e400", "NaN", "$"]) {
      expect(readAmount(bad).kind, bad).toBe("unreadable");
    }
  });

  it("should split a sources cell into its links and the text around them", () => {
    expect(splitSources("https://a.com/x | https://b.com/y; https://c.com/z")).toEqual({
      urls: ["https://a.com/x", "https://b.com/y", "https://c.com/z"],
      rest: "",
    });
    expect(splitSources("Reuters, 2025-09-22 https://r.com/a.")).toEqual({
      urls: ["https://r.com/a"],
      rest: "Reuters, 2025-09-22",
    });
    expect(splitSources("WSJ")).toEqual({ urls: [], rest: "WSJ" });
  });

  it("should read trackers' dates, and leave ambiguous ones", () => {
    expect(readDate("Sep 10, 2025")).toBe("2025-09-10");
    expect(readDate("22 September 2025")).toBe("2025-09-22");
    expect(readDate("2025/09/22")).toBe("2025-09-22");
    expect(readDate("2025-09-22T00:00:00Z")).toBe("2025-09-22");
    expect(readDate("Q3 2025")).toBe("2025-07");
    expect(readDate("September 2025")).toBe("2025-09");
    expect(readDate("09/10/2025")).toBeNull();
    expect(readDate("2025-13")).toBeNull();
  });
});

describe("tracker files as they are", () => {
  it("should import an analyst's tracker: mapped columns and values, attributes, warnings, one error", () => {
    const r = parseCsvEdgeList(fixture("analyst-tracker.csv"), "analyst-tracker.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Only a row that cannot be a deal is an error.
    expect(r.problems.map(formatProblem)).toEqual(['line 8, to: self-loop: "Oracle" pays itself']);
    const warnings = (r.warnings ?? []).map(formatProblem);
    expect(warnings).toContain(
      'line 1: columns read as ours: "Investor" → from, "Investee" → to, "Deal Type" → type, "Amount ($bn)" → amount, "Announced On" → announced, "Sources" → sources, "Confidence" → evidence',
    );
    expect(warnings).toContain(
      'line 1: columns kept on each deal as attributes: "in_totals", "Analyst"',
    );
    expect(warnings).toContain(
      'line 1, status: values read as ours: "LOI" → announced (1 row), "Reported" → announced (1 row), "superseded: replaced by the March round" → superseded (1 row), "terminated" → cancelled (1 row), "conditional" → announced (1 row)',
    );
    expect(warnings).toContain(
      'line 6, amount: "€385m" is in EUR: kept as 0.385 bn EUR, not converted; the dollar amount is undisclosed',
    );
    const deals = r.partial!.deals;
    expect(
      deals.map((d) => [
        d.from,
        d.to,
        d.type,
        d.amountUsdBn,
        d.amountQualifier,
        d.status,
        d.evidence,
      ]),
    ).toEqual([
      ["nvidia", "openai", "equity", 100, "exact", "announced", "reported"],
      ["openai", "oracle", "cloud-contract", 300, "exact", "announced", "reported"],
      ["microsoft", "nebius", "cloud-contract", 17.4, "exact", "closed", "reported"],
      ["softbank", "openai", "warrant", 1.5, "exact", "superseded", "estimate"],
      ["mistral", "asml", "debt", null, "undisclosed", "cancelled", "reported"],
      ["amd", "openai", "warrant", 100, "up-to", "announced", "reported"],
    ]);
    expect(deals[4]!.localAmount).toEqual({ currency: "EUR", valueBn: 0.385 });
    expect(deals[0]!.attributes).toEqual([
      { name: "in_totals", value: "1" },
      { name: "Analyst", value: "JS" },
    ]);
    expect(deals[3]!.notes).toEqual([
      'Status in the file: "superseded: replaced by the March round".',
    ]);
    // Two links in one cell: two sources, each with its URL.
    const sources = new Map(r.partial!.sources.map((s) => [s.id, s]));
    expect(deals[0]!.sources.map((s) => sources.get(s.sourceId)!.url)).toEqual([
      "https://nvidianews.nvidia.com/news/openai-and-nvidia",
      "https://www.reuters.com/technology/nvidia-openai",
    ]);
    expect(deals[1]!.announced).toBe("2025-09-10");
  });

  it("should read one row per leg as the deals of one arrangement, amounts in millions", () => {
    const r = parseCsvEdgeList(fixture("legs-tracker.csv"), "legs-tracker.csv");
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
    expect(
      r.value.deals.map((d) => [d.id, d.from, d.to, d.type, d.amountUsdBn, d.arrangementId]),
    ).toEqual([
      ["nv-oai", "nvidia", "openai", "equity", 100, "nv-oai"],
      ["nv-oai-line-3", "openai", "nvidia", "chip-purchase", 0.35, "nv-oai"],
      ["amd-oai", "amd", "openai", "warrant", null, "amd-oai"],
      ["amd-oai-line-5", "openai", "amd", "chip-purchase", null, "amd-oai"],
    ]);
    expect((r.warnings ?? []).map(formatProblem)).toContain(
      'line 1, amount: plain numbers in "usd_m" are read as millions',
    );
  });

  it("should read a Gephi edge table with its weights as amounts", () => {
    const r = parseCsvEdgeList(fixture("gephi-edges.csv"), "gephi-edges.csv");
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
    expect(r.value.deals.map((d) => [d.from, d.to, d.amountUsdBn])).toEqual([
      ["nvidia", "openai", 100],
      ["openai", "oracle", 300],
      ["oracle", "nvidia", 40],
    ]);
    expect(r.value.deals[0]!.attributes).toEqual([{ name: "Label", value: "equity" }]);
  });

  it("should give back a tracker's own columns after CSV export and import", () => {
    const r = parseCsvEdgeList(fixture("legs-tracker.csv"), "legs-tracker.csv");
    if (!r.ok) throw new Error("should parse");
    const again = parseCsvEdgeList(serializeDealsCsv(r.value), "again.csv");
    if (!again.ok) throw new Error(again.problems.map(formatProblem).join("; "));
    expect(again.value.deals.map((d) => [d.id, d.attributes, d.arrangementId])).toEqual(
      r.value.deals.map((d) => [d.id, d.attributes, d.arrangementId]),
    );
  });
});
