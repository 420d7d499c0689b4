import { describe, expect, it } from "vitest";
import { analyzeConcentration, herfindahl } from "../../../src/analysis/concentration.ts";
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

    it("should flag commitments against reported revenue", () => {
      const openai = byCompany().get("openai")!;
      expect(openai.revenueUsdBn).toBe(13);
      expect(openai.commitmentsToRevenue).toBeCloseTo(300 / 13);
      expect(openai.flags.find((f) => f.kind === "commitments")).toMatchObject({
        level: "critical",
        factId: "oai-rev",
      });
    });

    it("should flag reported concentration next to the computed one", () => {
      const oracle = byCompany().get("oracle")!;
      expect(oracle.flags.map((f) => [f.kind, f.level])).toEqual([
        ["top-payer", "critical"],
        ["hhi", "high"],
        ["reported", "critical"],
      ]);
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
      expect(intel.flags[0]).toMatchObject({ kind: "top-payer", level: "critical" });
      expect(intel.inflowHhi).toBeCloseTo(3600 + 900 + 100);
    });

    it("should rank the most severe first", () => {
      const all = analyzeConcentration(tinyDataset());
      for (let i = 1; i < all.length; i++) {
        expect(all[i - 1]!.severity).toBeGreaterThanOrEqual(all[i]!.severity);
      }
    });
  });
});
