import { describe, expect, it } from "vitest";
import { DEFAULT_DEAL_FILTERS } from "../../../src/analysis/filterDeals.ts";
import { DEFAULT_LOOP_OPTIONS } from "../../../src/analysis/loops.ts";
import {
  type PipelineInput,
  analyzeDataset,
  createPipeline,
  runPipeline,
} from "../../../src/analysis/pipeline.ts";
import { leadSponsors, mergeVehicles } from "../../../src/analysis/vehicles.ts";
import { DEAL_STATUSES, type Dataset } from "../../../src/domain/schema.ts";
import { company, dataset, deal, realDataset } from "../graph/fixtures.ts";

/** Meta leases from a joint venture it sponsors with Blue Owl; Pimco lends to the venture. */
function vehicleDataset(): Dataset {
  return dataset(
    [
      company("meta", "hyperscaler"),
      company("blue-owl", "investor"),
      company("pimco", "lender"),
      company("nvidia", "chipmaker"),
      { id: "hyperion", name: "Hyperion JV", kind: "vehicle", sponsors: ["meta", "blue-owl"] },
    ],
    [
      deal("pimco-hyperion", "pimco", "hyperion", 18, { type: "debt" }),
      deal("meta-hyperion-lease", "meta", "hyperion", 27, { type: "other" }),
      deal("hyperion-meta-payout", "hyperion", "meta", 3, { type: "other" }),
      deal("hyperion-nvidia", "hyperion", "nvidia", null, { type: "chip-purchase" }),
      deal("nvidia-meta", "nvidia", "meta", 1),
    ],
  );
}

const input = (data: Dataset, patch: Partial<PipelineInput> = {}): PipelineInput => ({
  dataset: data,
  filters: DEFAULT_DEAL_FILTERS,
  view: { mergeVehicles: false, timeline: true },
  loops: DEFAULT_LOOP_OPTIONS,
  ...patch,
});

describe("analysis/pipeline", () => {
  describe("runPipeline", () => {
    it("should refuse a dataset without deals or companies", () => {
      expect(() => runPipeline(input({} as never))).toThrow(
        "analysis/pipeline: dataset must have a list of deals",
      );
    });

    it("should draw money lent to a vehicle to the vehicle, and merge it into its lead sponsor on request", () => {
      const plain = runPipeline(input(vehicleDataset()));
      expect(plain.hops.map((h) => h.key)).toContain("pimco>hyperion");
      expect(plain.vehicles.internalDealIds).toEqual([]);
      const merged = runPipeline(
        input(vehicleDataset(), { view: { mergeVehicles: true, timeline: false } }),
      );
      const keys = merged.hops.map((h) => h.key);
      expect(keys).toContain("pimco>meta");
      expect(keys.some((k) => k.includes("hyperion"))).toBe(false);
      // Flows between a sponsor and its own vehicle leave the view: never self-loops.
      expect(merged.vehicles.internalDealIds).toEqual([
        "meta-hyperion-lease",
        "hyperion-meta-payout",
      ]);
      expect(keys.every((k) => k.split(">")[0] !== k.split(">")[1])).toBe(true);
      expect(merged.vehicles.sponsorOf.get("hyperion")).toBe("meta");
      expect(merged.loops.map((l) => l.id)).toContain("meta>nvidia");
    });

    it("should leave superseded deals out of every figure unless the status filter ticks them", () => {
      const data = dataset(
        [company("a"), company("b")],
        [
          deal("ab-loi", "a", "b", 100, { status: "superseded", supersededBy: "ab" }),
          deal("ab", "a", "b", 30),
          deal("ba", "b", "a", 50),
        ],
      );
      const live = runPipeline(input(data));
      expect(live.dealIds).toEqual(["ab", "ba"]);
      expect(live.loops[0]!.roundTripUsdBn).toBe(30);
      expect(live.countsNonLive).toBe(false);
      const b = live.concentration.find((c) => c.company === "b")!;
      expect(b.inflowUsdBn).toBe(30);
      const all = runPipeline(
        input(data, { filters: { ...DEFAULT_DEAL_FILTERS, statuses: DEAL_STATUSES } }),
      );
      expect(all.loops[0]!.roundTripUsdBn).toBe(50);
      expect(all.loops[0]!.nonLiveDeals).toBe(1);
      expect(all.countsNonLive).toBe(true);
    });

    it("should hide inferred deals when the evidence filter leaves them out", () => {
      const data = dataset(
        [company("a"), company("b")],
        [deal("ab", "a", "b", 3), deal("ba", "b", "a", null, { evidence: "inferred" })],
      );
      expect(runPipeline(input(data)).loops).toHaveLength(1);
      const hidden = runPipeline(
        input(data, {
          filters: { ...DEFAULT_DEAL_FILTERS, evidence: ["filing", "reported", "estimate"] },
        }),
      );
      expect(hidden.loops).toHaveLength(0);
      expect(hidden.dealIds).toEqual(["ab"]);
    });
  });

  describe("createPipeline", () => {
    it("should give what runPipeline gives, re-using stages whose inputs did not change", () => {
      const run = createPipeline();
      const data = realDataset();
      const first = run(input(data));
      expect(first.loops).toEqual(runPipeline(input(data)).loops);
      const dated = run(input(data, { filters: { ...DEFAULT_DEAL_FILTERS, dateTo: "2025-06" } }));
      expect(dated.timeline).toBe(first.timeline);
      expect(dated.hops).not.toBe(first.hops);
      const shorter = run(
        input(data, {
          filters: { ...DEFAULT_DEAL_FILTERS, dateTo: "2025-06" },
          loops: { ...DEFAULT_LOOP_OPTIONS, maxLength: 3 },
        }),
      );
      expect(shorter.hops).toBe(dated.hops);
      expect(shorter.loops.every((l) => l.companies.length <= 3)).toBe(true);
    });
  });

  describe("analyzeDataset", () => {
    it("should rank loops by round trip and cut to the limit", () => {
      const data = realDataset();
      const all = analyzeDataset(data, { limit: 0 });
      const top = analyzeDataset(data, { limit: 5 });
      expect(top.loops.map((l) => l.id)).toEqual(all.loops.slice(0, 5).map((l) => l.id));
      expect(top.loopsFound).toBe(all.loops.length);
    });
  });
});

describe("analysis/vehicles", () => {
  describe("leadSponsors", () => {
    it("should follow lead sponsors through vehicles and stop at a loop", () => {
      const companies = [
        company("meta"),
        { id: "jv", name: "JV", kind: "vehicle" as const, sponsors: ["spv"] },
        { id: "spv", name: "SPV", kind: "vehicle" as const, sponsors: ["meta"] },
        { id: "x", name: "X", kind: "vehicle" as const, sponsors: ["y"] },
        { id: "y", name: "Y", kind: "vehicle" as const, sponsors: ["x"] },
      ];
      const lead = leadSponsors(companies);
      expect(lead.get("jv")).toBe("meta");
      expect(lead.get("spv")).toBe("meta");
      expect(lead.has("meta")).toBe(false);
    });
  });

  describe("mergeVehicles", () => {
    it("should never change its input", () => {
      const data = vehicleDataset();
      const before = JSON.stringify(data.deals);
      mergeVehicles(data.deals, data.companies);
      expect(JSON.stringify(data.deals)).toBe(before);
    });
  });
});
