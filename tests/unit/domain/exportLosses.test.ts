import { describe, expect, it } from "vitest";
import { serializeDealsCsv } from "../../../src/domain/csv.ts";
import { exportLeavesOut, exportLossNotice } from "../../../src/domain/exportLosses.ts";
import { serializeGexf } from "../../../src/domain/gexf.ts";
import { parseImportText } from "../../../src/domain/importText.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { tinyDataset } from "./fixtures.ts";

/** The tiny dataset (its facts, notes and terms) with a linked source and one more note and term. */
function richDataset(): Dataset {
  const d = tinyDataset();
  return {
    ...d,
    sources: [{ ...d.sources[0]!, url: "https://example.com/a" }],
    deals: d.deals.map((x, i) => (i === 0 ? { ...x, notes: ["a note"], horizonYears: 5 } : x)),
    stories: [{ id: "s", title: "A story", steps: [{ title: "One", caption: "", view: "v=1" }] }],
  };
}

async function roundTrip(text: string, fileName: string): Promise<Dataset> {
  const { result } = await parseImportText(text, fileName);
  if (!result.ok) throw new Error(`round trip failed: ${result.problems[0]?.message}`);
  return result.value;
}

describe("domain/exportLosses", () => {
  it("should name, for CSV, every kind of record a CSV round trip really drops", async () => {
    const data = richDataset();
    const lost = exportLeavesOut(data, "csv").join("; ");
    expect(lost).toMatch(/2 company facts\b/);
    expect(lost).toMatch(/source quote/);
    expect(lost).toMatch(/1 source link\b/);
    expect(lost).toMatch(/notes on 2 deals\b/);
    expect(lost).toMatch(/terms .* of 2 deals\b/);
    expect(lost).toMatch(/kinds and sponsors of 4 companies/);
    expect(lost).toMatch(/\b1 story\b/);
    const back = await roundTrip(serializeDealsCsv(data), "x.csv");
    expect(back.facts).toHaveLength(0);
    expect(back.stories ?? []).toHaveLength(0);
    expect(back.deals.some((d) => d.notes.includes("a note"))).toBe(false);
    expect(back.deals.some((d) => d.horizonYears === 5)).toBe(false);
    expect(back.sources.some((s) => s.url !== undefined)).toBe(false);
  });

  it("should not claim, for GEXF, to drop what GEXF keeps", async () => {
    const data = richDataset();
    const lost = exportLeavesOut(data, "gexf").join("; ");
    expect(lost).toMatch(/2 company facts\b/);
    expect(lost).not.toMatch(/notes|terms|kinds/);
    expect(lost).toMatch(/\b1 story\b/);
    const back = await roundTrip(serializeGexf(data), "x.gexf");
    expect(back.deals.find((d) => d.id === data.deals[0]!.id)?.horizonYears).toBe(5);
    expect(back.companies.find((c) => c.id === "oracle")?.kind).toBe("hyperscaler");
    expect(back.facts).toHaveLength(0);
  });

  it("should end the notice by pointing at JSON", () => {
    expect(exportLossNotice(richDataset(), "csv")).toMatch(
      /^CSV export leaves out .*Export JSON to keep everything\.$/,
    );
  });
});
