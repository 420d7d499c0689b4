import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseDatasetJson,
  serializeDatasetJson,
  validateDataset,
} from "../../../src/domain/validate.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import { DEAL_TYPES, isPartialDate } from "../../../src/domain/schema.ts";
import { tinyDataset } from "./fixtures.ts";

const paths = (r: ReturnType<typeof validateDataset>) => r.problems.map((p) => p.path);

describe("domain/validate", () => {
  describe("validateDataset", () => {
    it("should refuse a non-object with a clear message", () => {
      const r = validateDataset(42);
      expect(r.ok).toBe(false);
      expect(r.problems[0]!.path).toBe("(document)");
    });

    it("should accept the tiny dataset", () => {
      expect(validateDataset(tinyDataset())).toMatchObject({ ok: true, problems: [] });
    });

    it("should report every problem at once with its path", () => {
      const d = structuredClone(tinyDataset()) as unknown as Record<string, unknown[]>;
      const deals = d.deals as Record<string, unknown>[];
      deals[0]!.amountUsdBn = -5;
      deals[1]!.announced = "2025-02-30";
      deals[2]!.sources = [];
      deals[3]!.amountUsdBn = Infinity;
      const r = validateDataset(d);
      expect(r.ok).toBe(false);
      expect(paths(r)).toEqual(
        expect.arrayContaining([
          "deals[0].amountUsdBn",
          "deals[1].announced",
          "deals[2].sources",
          "deals[3].amountUsdBn",
        ]),
      );
      expect(r.problems.find((p) => p.path === "deals[0].amountUsdBn")!.message).toMatch(
        /negative/,
      );
    });

    it("should report unknown companies, duplicate ids, self-loops and unknown sources", () => {
      const d = tinyDataset();
      d.deals[0] = { ...d.deals[0]!, to: "nobody" };
      d.deals[1] = { ...d.deals[1]!, id: "nv-oai" };
      d.deals[2] = { ...d.deals[2]!, to: "oracle" };
      d.deals[3] = { ...d.deals[3]!, sources: [{ sourceId: "ghost", quote: "q" }] };
      d.companies.push({ id: "intel", name: "Intel again", kind: "other" });
      const r = validateDataset(d);
      expect(r.ok).toBe(false);
      const byPath = new Map(r.problems.map((p) => [p.path, p.message]));
      expect(byPath.get("deals[0].to")).toMatch(/unknown company "nobody"/);
      expect(byPath.get("deals[1].id")).toMatch(/duplicate id "nv-oai"/);
      expect(byPath.get("deals[2].to")).toMatch(/self-loop/);
      expect(byPath.get("deals[3].sources[0].sourceId")).toMatch(/unknown source "ghost"/);
      expect(byPath.get("companies[4].id")).toMatch(/duplicate id "intel"/);
    });

    it("should offer the valid records when some are bad", () => {
      const d = tinyDataset();
      d.deals[3] = { ...d.deals[3]!, to: "nobody" };
      const r = validateDataset(d);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.skipped).toBe(1);
      expect(r.partial!.deals.map((x) => x.id)).toEqual(["nv-oai", "oai-orcl", "orcl-nv"]);
    });

    it("should not let __proto__ keys pollute objects", () => {
      const text = `{"__proto__": {"polluted": true}, "schemaVersion": 1}`;
      const r = parseDatasetJson(text);
      expect(r.ok).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(r.problems.map((p) => p.message).join(" ")).toMatch(/unknown field/);
    });
  });

  describe("findLineageProblems", () => {
    const withDeals = (patch: (d: ReturnType<typeof tinyDataset>) => void) => {
      const d = tinyDataset();
      patch(d);
      const r = validateDataset(d);
      return r.ok ? [] : r.problems.map(formatProblem);
    };

    it("should let a superseded deal omit a replacement not in the data, and refuse one on a live deal", () => {
      // A tracker's "superseded: replaced by the March round" may name nothing in the file.
      expect(withDeals((d) => (d.deals[0]!.status = "superseded"))).toEqual([]);
      expect(withDeals((d) => (d.deals[0]!.supersededBy = "oai-orcl"))).toEqual([
        'deals[0].supersededBy: only a superseded deal names a replacement (status is "announced")',
      ]);
    });

    it("should refuse an unknown replacement and a deal that replaces itself", () => {
      expect(
        withDeals((d) =>
          Object.assign(d.deals[0]!, { status: "superseded", supersededBy: "nope" }),
        ),
      ).toEqual(['deals[0].supersededBy: unknown deal "nope"']);
      expect(
        withDeals((d) =>
          Object.assign(d.deals[0]!, { status: "superseded", supersededBy: d.deals[0]!.id }),
        ),
      ).toEqual(["deals[0].supersededBy: a deal cannot supersede itself"]);
    });

    it("should refuse a cycle of supersessions, naming it once", () => {
      const problems = withDeals((d) => {
        Object.assign(d.deals[0]!, { status: "superseded", supersededBy: d.deals[1]!.id });
        Object.assign(d.deals[1]!, { status: "superseded", supersededBy: d.deals[2]!.id });
        Object.assign(d.deals[2]!, { status: "superseded", supersededBy: d.deals[0]!.id });
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/lineage goes round in a cycle: (\S+ → ){3}\S+$/);
    });

    it("should accept a chain of replacements", () => {
      expect(
        withDeals((d) => {
          Object.assign(d.deals[0]!, { status: "superseded", supersededBy: d.deals[1]!.id });
          Object.assign(d.deals[1]!, { status: "superseded", supersededBy: d.deals[2]!.id });
        }),
      ).toEqual([]);
    });
  });

  describe("vehicles", () => {
    const withCompanies = (patch: (d: ReturnType<typeof tinyDataset>) => void) => {
      const d = tinyDataset();
      patch(d);
      const r = validateDataset(d);
      return r.ok ? [] : r.problems.map(formatProblem);
    };

    it("should refuse sponsors on a company that is not a vehicle, and a vehicle without any", () => {
      expect(withCompanies((d) => (d.companies[0]!.sponsors = ["openai"]))).toEqual([
        'companies[0].sponsors: only a company of kind "vehicle" has sponsors',
      ]);
      expect(withCompanies((d) => (d.companies[3]!.kind = "vehicle"))).toEqual([
        "companies[3].sponsors: a vehicle must list its sponsors, lead sponsor first",
      ]);
    });

    it("should refuse unknown sponsors, self-sponsorship and a loop of lead sponsors", () => {
      expect(
        withCompanies((d) => Object.assign(d.companies[3]!, { kind: "vehicle", sponsors: ["x"] })),
      ).toEqual(['companies[3].sponsors[0]: unknown company "x"']);
      expect(
        withCompanies((d) =>
          Object.assign(d.companies[3]!, { kind: "vehicle", sponsors: ["intel"] }),
        ),
      ).toEqual(["companies[3].sponsors[0]: a vehicle cannot sponsor itself"]);
      const loop = withCompanies((d) => {
        Object.assign(d.companies[2]!, { kind: "vehicle", sponsors: ["intel"] });
        Object.assign(d.companies[3]!, { kind: "vehicle", sponsors: ["oracle"] });
      });
      expect(loop).toContain("companies[2].sponsors[0]: lead sponsors go round in a cycle");
    });
  });

  describe("parseDatasetJson", () => {
    it("should give the line of a JSON syntax error", () => {
      const r = parseDatasetJson('{\n  "a": 1,\n  oops\n}');
      expect(r.ok).toBe(false);
      expect(r.problems[0]!.line).toBe(3);
    });

    it("should read back what it serializes, for any valid dataset", () => {
      const base = tinyDataset();
      const dealArb = fc.record({
        type: fc.constantFrom(...DEAL_TYPES),
        amount: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: null }),
        announced: fc.constantFrom("2024", "2025-01", "2025-12-31"),
        description: fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        note: fc.string(),
        from: fc.constantFrom("nvidia", "openai", "oracle"),
      });
      fc.assert(
        fc.property(fc.array(dealArb, { maxLength: 12 }), (specs) => {
          const d = {
            ...base,
            deals: specs.map((s, i) => ({
              id: `d${i}`,
              from: s.from,
              to: "intel",
              type: s.type,
              amountUsdBn: s.amount,
              amountQualifier: s.amount === null ? ("undisclosed" as const) : ("exact" as const),
              announced: s.announced,
              status: "announced" as const,
              evidence: "reported" as const,
              description: s.description,
              notes: [s.note],
              sources: [{ sourceId: "s1", quote: "q" }],
            })),
          };
          const r = parseDatasetJson(serializeDatasetJson(d));
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value).toEqual(d);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("isPartialDate", () => {
    it("should accept real partial dates and refuse impossible ones", () => {
      expect(["2025", "2025-09", "2024-02-29"].every(isPartialDate)).toBe(true);
      expect(
        ["2025-13", "2025-02-29", "25", "2025-9", "2025-09-01T00:00"].some(isPartialDate),
      ).toBe(false);
    });
  });
});
