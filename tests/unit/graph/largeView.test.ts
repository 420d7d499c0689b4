import { describe, expect, it } from "vitest";
import { describeHops, foldHops } from "../../../src/analysis/hops.ts";
import { buildLayoutGraph } from "../../../src/graph/buildGraph.ts";
import { LARGE_VIEW, largestFlows, summarizeDrawn } from "../../../src/graph/largeView.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { generateDataset } from "../../bench/generators.ts";
import { realDataset } from "./fixtures.ts";

const hopsOf = (d: Pick<Dataset, "companies" | "deals">) =>
  describeHops(
    foldHops(
      d.deals,
      d.companies.map((c) => c.id),
      { countNonLive: false },
    ),
    d.deals,
  );

describe("graph/largeView", () => {
  it("should draw every hop of a dataset within the limits, in order", () => {
    const hops = hopsOf(realDataset());
    expect(largestFlows(hops)).toBe(hops);
    const all = largestFlows(hops);
    const everything = {
      order: new Set(all.flatMap((h) => [h.from, h.to])).size,
      size: all.length,
    };
    expect(summarizeDrawn(hops, everything)).toBeNull();
  });

  it("should keep the largest flows among the companies with the most money", () => {
    const big = generateDataset(3_000, 12_000, 11);
    const hops = hopsOf(big);
    const limits = { maxCompanies: 200, maxHops: 500 };
    const drawn = largestFlows(hops, limits);
    expect(drawn.length).toBeLessThanOrEqual(500);
    const companies = new Set(drawn.flatMap((h) => [h.from, h.to]));
    expect(companies.size).toBeLessThanOrEqual(200);
    // The biggest hop overall lies between two of the richest companies, so it is drawn.
    const money = new Map<string, number>();
    for (const h of hops) {
      for (const id of [h.from, h.to]) money.set(id, (money.get(id) ?? 0) + h.totalUsdBn);
    }
    const richest = [...money].sort((a, b) => b[1] - a[1])[0]![0];
    expect(companies.has(richest)).toBe(true);
    // Drawn hops come largest first, and no left-out hop between drawn companies is larger.
    for (let i = 1; i < drawn.length; i++) {
      expect(drawn[i - 1]!.totalUsdBn).toBeGreaterThanOrEqual(drawn[i]!.totalUsdBn);
    }
    const smallest = drawn[drawn.length - 1]!.totalUsdBn;
    const drawnKeys = new Set(drawn.map((h) => h.key));
    const leftOut = hops.filter(
      (h) => !drawnKeys.has(h.key) && companies.has(h.from) && companies.has(h.to),
    );
    expect(leftOut.every((h) => h.totalUsdBn <= smallest)).toBe(true);
    expect(summarizeDrawn(hops, { order: companies.size, size: drawn.length })).toEqual({
      drawnCompanies: companies.size,
      totalCompanies: new Set(hops.flatMap((h) => [h.from, h.to])).size,
      drawnHops: drawn.length,
      totalHops: hops.length,
    });
  });

  it("should never add a company the layout left out", () => {
    const big = generateDataset(3_000, 12_000, 12);
    const layout = buildLayoutGraph(big, { maxCompanies: 150, maxHops: 400 });
    expect(layout.order).toBeLessThanOrEqual(150);
    expect(layout.size).toBeLessThanOrEqual(400);
    const drawn = largestFlows(hopsOf(big), LARGE_VIEW, (id) => layout.hasNode(id));
    for (const h of drawn) {
      expect(layout.hasNode(h.from) && layout.hasNode(h.to)).toBe(true);
    }
  });
});
