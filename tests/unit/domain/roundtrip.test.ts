/**
 * Export → import round trips through the functions the Data menu and the import
 * worker use: `serializeDatasetJson` / `serializeDealsCsv` / `serializeGexf` out,
 * `parseImportText` back in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { companyIdOf, serializeDealsCsv } from "../../../src/domain/csv.ts";
import { serializeGexf } from "../../../src/domain/gexf.ts";
import { detectImportFormat, parseImportText } from "../../../src/domain/importText.ts";
import {
  MAX_IMPORT_BYTES,
  MAX_VIEW_DEALS,
  importSizeProblem,
  withViewLimit,
} from "../../../src/domain/limits.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import {
  AMOUNT_QUALIFIERS,
  COMPANY_KINDS,
  DEAL_STATUSES,
  DEAL_TYPES,
  type Dataset,
  type Deal,
  EVIDENCE_TIERS,
  FACT_METRICS,
  SOURCE_KINDS,
} from "../../../src/domain/schema.ts";
import { serializeDatasetJson, validateDataset } from "../../../src/domain/validate.ts";

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
/** Any text with something visible in it, including quotes, commas, markup and emoji. */
const text = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,."'&<>;-]{0,20}$/),
  )
  .filter((s) => s.trim() !== "");
const date = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
    .chain((d) => fc.constantFrom(d.toISOString().slice(0, 7), d.toISOString().slice(0, 10))),
);
const amount = fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Omits the keys whose value is undefined, as a parsed document would. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Any dataset that passes validation, with at least two companies. */
const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    companyIds: fc.uniqueArray(slug, { minLength: 2, maxLength: 8 }),
    sourceIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }),
    dealIds: fc.uniqueArray(slug, { maxLength: 14 }),
    title: text,
    asOf: date,
  })
  .chain(({ companyIds, sourceIds, dealIds, title, asOf }) => {
    const refs = fc.array(
      fc.record({ sourceId: fc.constantFrom(...sourceIds), quote: text }).map(defined),
      { minLength: 1, maxLength: 2 },
    );
    const pair = fc
      .tuple(fc.constantFrom(...companyIds), fc.constantFrom(...companyIds))
      .filter(([a, b]) => a !== b);
    // NOTE: a deal is superseded only by a later one, so lineage never goes round.
    const deal = (id: string, i: number): fc.Arbitrary<Deal> =>
      fc
        .record({
          pair,
          type: fc.constantFrom(...DEAL_TYPES),
          amountUsdBn: fc.option(amount, { nil: null }),
          qualifier: fc.constantFrom(...AMOUNT_QUALIFIERS.filter((q) => q !== "undisclosed")),
          announced: maybe(date),
          horizonYears: maybe(fc.integer({ min: 0, max: 30 })),
          status: fc.constantFrom(...DEAL_STATUSES.filter((s) => s !== "superseded")),
          replacement: maybe(fc.constantFrom(...dealIds.slice(i + 1), "")),
          evidence: fc.constantFrom(...EVIDENCE_TIERS),
          arrangementId: maybe(fc.constantFrom("arr-a", "arr-b")),
          description: text,
          notes: fc.array(text, { maxLength: 2 }),
          sources: refs,
        })
        .map(({ pair: [from, to], qualifier, replacement, status, ...d }) =>
          defined({
            id,
            from,
            to,
            ...d,
            status: replacement ? ("superseded" as const) : status,
            supersededBy: replacement || undefined,
            amountQualifier: d.amountUsdBn === null ? "undisclosed" : qualifier,
          }),
        );
    return fc.record({
      schemaVersion: fc.constant(2 as const),
      title: fc.constant(title),
      asOf: fc.constant(asOf),
      description: maybe(text),
      // NOTE: vehicles are sponsored by the first company, which is never a vehicle.
      companies: fc.tuple(
        ...companyIds.map((id, i) =>
          fc
            .record({
              id: fc.constant(id),
              name: text,
              kind: fc.constantFrom(...COMPANY_KINDS.filter((k) => i > 0 || k !== "vehicle")),
              description: maybe(text),
            })
            .map((c) =>
              defined({ ...c, sponsors: c.kind === "vehicle" ? [companyIds[0]!] : undefined }),
            ),
        ),
      ),
      sources: fc.tuple(
        ...sourceIds.map((id) =>
          fc
            .record({
              id: fc.constant(id),
              kind: fc.constantFrom(...SOURCE_KINDS),
              title: text,
              date: maybe(date),
            })
            .map(defined),
        ),
      ),
      deals: fc.tuple(...dealIds.map((id, i) => deal(id, i))),
      facts: fc.uniqueArray(
        fc
          .record({
            id: slug,
            company: fc.constantFrom(...companyIds),
            metric: fc.constantFrom(...FACT_METRICS),
            valueUsdBn: maybe(fc.option(amount, { nil: null })),
            sharePct: maybe(fc.integer({ min: 0, max: 100 })),
            description: text,
            notes: fc.array(text, { maxLength: 1 }),
            sources: refs,
          })
          .map(defined),
        { maxLength: 2, selector: (f) => f.id },
      ),
    });
  })
  .map((d) => defined(d) as Dataset);

const essentials = (d: Deal) => [
  d.id,
  d.from,
  d.to,
  d.type,
  d.amountUsdBn,
  d.status,
  d.supersededBy,
  d.evidence,
  d.arrangementId,
];

describe("domain/roundtrip", () => {
  it("should only generate valid datasets (the generator is right)", () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const r = validateDataset(dataset);
        expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("should give back the same dataset from its exported JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom("data.json", "data"),
        async (dataset, fileName) => {
          const { format, result } = await parseImportText(serializeDatasetJson(dataset), fileName);
          expect(format).toBe("json");
          expect(result.ok ? result.value : result.problems).toEqual(dataset);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("should keep from, to, type and amount of every deal through CSV", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (dataset) => {
        const slugOf = new Map(dataset.companies.map((c) => [c.id, companyIdOf(c.name)]));
        // Names become ids in CSV, so the names must give distinct, non-empty slugs.
        fc.pre(new Set(slugOf.values()).size === slugOf.size && ![...slugOf.values()].includes(""));
        const { format, result } = await parseImportText(serializeDealsCsv(dataset), "deals.csv");
        expect(format).toBe("csv");
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
        const renamed = dataset.deals.map((d) => ({
          ...d,
          id: d.id,
          from: slugOf.get(d.from)!,
          to: slugOf.get(d.to)!,
        }));
        expect(result.value.deals.map(essentials)).toEqual(renamed.map(essentials));
      }),
      { numRuns: 300 },
    );
  });

  it("should keep from, to, type and amount of every deal through GEXF", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (dataset) => {
        const { format, result } = await parseImportText(serializeGexf(dataset), "graph.gexf");
        expect(format).toBe("gexf");
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
        expect(result.value.deals.map(essentials)).toEqual(dataset.deals.map(essentials));
        expect(result.value.deals.map((d) => d.amountQualifier)).toEqual(
          dataset.deals.map((d) => d.amountQualifier),
        );
        expect(result.value.companies.map((c) => [c.id, c.kind, c.sponsors])).toEqual(
          dataset.companies.map((c) => [c.id, c.kind, c.sponsors]),
        );
        expect(validateDataset(result.value).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("domain/limits", () => {
  describe("withViewLimit", () => {
    const sized = (deals: number, companies = 2) => ({
      deals: new Array<null>(deals).fill(null),
      companies: new Array<null>(companies).fill(null),
    });
    it("should keep a drawable result and refuse a larger one, valid rows included, naming why", () => {
      const fine = { ok: true, value: sized(MAX_VIEW_DEALS), problems: [] } as const;
      expect(withViewLimit("a.csv", fine)).toBe(fine);
      const big = withViewLimit("a.csv", {
        ok: true,
        value: sized(MAX_VIEW_DEALS + 1),
        problems: [],
      });
      expect(big.ok).toBe(false);
      if (big.ok) return;
      expect(big.partial).toBeNull();
      expect(formatProblem(big.problems[0]!)).toBe(
        "(file): a.csv has 100,001 deals; the explorer draws at most 100,000 (analyse it with the command line: npm run analyze -- a.csv)",
      );
      const partial = withViewLimit("b.csv", {
        ok: false,
        problems: [{ path: "line 2", message: "bad" }],
        partial: sized(1, MAX_VIEW_DEALS + 5),
        skipped: 1,
      });
      expect(partial.ok).toBe(false);
      if (partial.ok) return;
      expect(partial.partial).toBeNull();
      expect(partial.problems.map((p) => p.path)).toEqual(["(file)", "line 2"]);
      expect(partial.problems[0]!.message).toMatch(/100,005 companies/);
    });
  });

  describe("importSizeProblem", () => {
    it("should refuse files larger than 50 MB, naming the size", () => {
      expect(importSizeProblem("big.json", MAX_IMPORT_BYTES + 1)?.message).toBe(
        "big.json is 50.0 MB; files larger than 50.0 MB are refused",
      );
      expect(importSizeProblem("big.csv", 61 * 1024 * 1024)?.message).toMatch(
        /^big.csv is 61.0 MB/,
      );
      expect(importSizeProblem("ok.json", MAX_IMPORT_BYTES)).toBeNull();
    });
  });
});

describe("domain/importText", () => {
  describe("detectImportFormat", () => {
    it("should go by the extension, then by the content", () => {
      expect(detectImportFormat("a.JSON", "<gexf/>")).toBe("json");
      expect(detectImportFormat("a.csv", "{")).toBe("csv");
      expect(detectImportFormat("a.gexf", "")).toBe("gexf");
      expect(detectImportFormat("a.xml", "")).toBe("gexf");
      expect(detectImportFormat("paste", '\uFEFF{"schemaVersion":1}')).toBe("json");
      expect(detectImportFormat("paste", "  <?xml")).toBe("gexf");
      expect(detectImportFormat("paste", "from,to\n")).toBe("csv");
    });
  });
});
