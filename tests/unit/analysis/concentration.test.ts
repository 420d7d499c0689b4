import { describe, expect, it } from "vitest";
import {
  analyzeConcentration,
  herfindahl,
  rankConcentration,
} from "../../../src/analysis/concentration.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDatasetJson } from "../../../src/domain/validate.ts";
import { generateDataset } from "../../bench/generators.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("analysis/concentration", () => {
  describe("herfindahl", () => {
    it("should return null with no money and 10,000 for one counterparty", () => {
      expect(herfindahl([])).toBeNull();
      expect(herfindahl([0, 0])).toBeNull();
      expect(herfindahl([7])).toBe(10_000);
      expect(herfindahl([1, 1, 1, 1])).toBeCloseTo(2500);
    });
  });

  describe("analyzeConcentration", () => {
    const byCompany = () => new Map(analyzeConcentration(tinyDataset()).map((c) => [c.company, c]));

    it("should compute inflows, top payer, HHI and circular share", () => {
      const nvidia = byCompany().get("nvidia")!;
      expect(nvidia.inflowUsdBn).toBe(40);
      expect(nvidia.outflowUsdBn).toBe(105);
      expect(nvidia.outflows.map((f) => [f.company, f.usdBn])).toEqual([
        ["openai", 100],
        ["intel", 5],
      ]);
      expect(nvidia.topPayer).toMatchObject({ company: "oracle", share: 1 });
      expect(nvidia.inflowHhi).toBe(10_000);
      expect(nvidia.circularShare).toBe(1);
      const intel = byCompany().get("intel")!;
      expect(intel.circularShare).toBe(0);
      expect(intel.outflowHhi).toBeNull();
    });

    it("should flag commitments a year against reported annual revenue, like with like", () => {
      const openai = byCompany().get("openai")!;
      expect(openai.revenueUsdBn).toBe(13);
      // $300 bn over 5 years is $60 bn a year.
      expect(openai.annualOutflowUsdBn).toBe(60);
      expect(openai.commitmentsToRevenue).toBeCloseTo(60 / 13);
      expect(openai.flags.find((f) => f.kind === "commitments")).toMatchObject({
        level: "high",
        factId: "oai-rev",
        message: "commitments a year in the data are 4.6× reported annual revenue",
      });
    });

    it("should flag reported concentration next to the computed one", () => {
      const oracle = byCompany().get("oracle")!;
      // The reported fact comes first, and it supports the computed share.
      expect(oracle.flags.map((f) => [f.kind, f.level, f.supported])).toEqual([
        ["reported", "critical", true],
        ["top-payer", "critical", true],
        ["hhi", "high", true],
      ]);
      expect(oracle.flags[1]!.message).toBe("100% of the inflows in this dataset come from OpenAI");
    });

    it("should use the documented share lines", () => {
      const d = tinyDataset();
      const src = [{ sourceId: "s1", quote: "q" }];
      const pay = (from: string, amountUsdBn: number) => ({
        id: `p-${from}`,
        from,
        to: "intel",
        type: "equity" as const,
        amountUsdBn,
        amountQualifier: "exact" as const,
        announced: "2025",
        status: "closed" as const,
        evidence: "reported" as const,
        description: "x",
        notes: [],
        sources: src,
      });
      // Intel: nvidia 5 (already) + openai 30 + oracle 15 = 50 → shares 0.6, 0.3, 0.1
      d.deals.push(pay("openai", 30), pay("oracle", 15));
      const intel = analyzeConcentration(d).find((c) => c.company === "intel")!;
      expect(intel.topPayer).toMatchObject({ company: "openai", share: 0.6 });
      // 60% is critical, but nothing says how much of Intel's revenue the data holds.
      expect(intel.flags[0]).toMatchObject({
        kind: "top-payer",
        level: "high",
        supported: false,
        caveat: "coverage unknown: no annual revenue is reported",
      });
      expect(intel.inflowHhi).toBeCloseTo(3600 + 900 + 100);
      const fact = (valueUsdBn: number) => ({
        id: "intel-rev",
        company: "intel",
        metric: "revenue" as const,
        valueUsdBn,
        period: "2025",
        description: "Intel revenue",
        notes: [],
        sources: src,
      });
      // The data holds $50 bn a year: 100% of $50 bn keeps the level, 10% of $500 bn lowers it.
      const full = analyzeConcentration({ ...d, facts: [...d.facts, fact(50)] }).find(
        (c) => c.company === "intel",
      )!;
      expect(full.coverage).toBe(1);
      expect(full.flags[0]).toMatchObject({ level: "critical", supported: true });
      const thin = analyzeConcentration({ ...d, facts: [...d.facts, fact(500)] }).find(
        (c) => c.company === "intel",
      )!;
      expect(thin.coverage).toBeCloseTo(0.1);
      expect(thin.flags[0]).toMatchObject({
        level: "high",
        caveat: "limited coverage: the data holds 10% of reported revenue (2025)",
      });
    });

    it("should not take a quarter or a backlog for a year's revenue", () => {
      const d = tinyDataset();
      const src = [{ sourceId: "s1", quote: "q" }];
      const base = { company: "intel", description: "x", sources: src };
      d.facts.push(
        { ...base, id: "q", metric: "revenue", valueUsdBn: 10, period: "2025-Q3", notes: [] },
        { ...base, id: "bl", metric: "backlog", valueUsdBn: 90, period: "2025-09-30", notes: [] },
      );
      const intel = analyzeConcentration(d).find((c) => c.company === "intel")!;
      expect(intel.revenueUsdBn).toBeNull();
      expect(intel.backlogUsdBn).toBe(90);
      d.facts[d.facts.length - 2] = {
        ...base,
        id: "q",
        metric: "revenue",
        valueUsdBn: 10,
        period: "2025-Q3",
        notes: ["Quarterly figure (not annualised by the source)."],
      };
      expect(analyzeConcentration(d).find((c) => c.company === "intel")!.revenueUsdBn).toBeNull();
      d.facts[d.facts.length - 2] = {
        ...base,
        id: "q",
        metric: "revenue",
        valueUsdBn: 40,
        period: "2025-Q3",
        notes: ["Annualised run-rate of the quarter."],
      };
      expect(analyzeConcentration(d).find((c) => c.company === "intel")!.revenueUsdBn).toBe(40);
    });

    it("should rank the most severe first", () => {
      const all = analyzeConcentration(tinyDataset());
      for (let i = 1; i < all.length; i++) {
        expect(all[i - 1]!.severity).toBeGreaterThanOrEqual(all[i]!.severity);
      }
    });
  });

  describe("rankConcentration", () => {
    it("should read, a company at a time, the same records in the same order as the list", () => {
      const generated = generateDataset(300, 1200, 7);
      const shipped = parseDatasetJson(
        readFileSync(join(import.meta.dirname, "../../../data/ai-circular-deals.json"), "utf8"),
      );
      if (!shipped.ok) throw new Error("the default dataset should parse");
      for (const dataset of [tinyDataset(), shipped.value, generated]) {
        const list = analyzeConcentration(dataset);
        // Records kept (the default up to 200,000 companies), and recomputed as read.
        for (const keep of [undefined, 0]) {
          const ranking = rankConcentration(dataset, undefined, undefined, keep);
          expect(ranking.length).toBe(list.length);
          expect(Array.from({ length: ranking.length }, (_, i) => ranking.at(i))).toEqual(list);
          expect(ranking.flagged).toBe(list.filter((c) => c.flags.length > 0).length);
        }
        const ranking = rankConcentration(dataset);
        // Flagged companies come first, so the CLI can print the first `flagged`.
        expect(list.slice(0, ranking.flagged).every((c) => c.flags.length > 0)).toBe(true);
      }
    });
  });
});
