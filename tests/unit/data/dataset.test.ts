import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDataset } from "../../../src/analysis/pipeline.ts";
import { parseDatasetJson } from "../../../src/domain/validate.ts";

const root = join(import.meta.dirname, "../../..");
const text = readFileSync(join(root, "data/ai-circular-deals.json"), "utf8");
const seeds = new Map(
  readdirSync(join(root, "data/seeds")).map((f) => [
    f.replace(/\.txt$/, ""),
    readFileSync(join(root, "data/seeds", f), "utf8"),
  ]),
);

describe("data/ai-circular-deals.json", () => {
  const parsed = parseDatasetJson(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const dataset = parsed.value;
  const analysis = analyzeDataset(dataset);

  it("should be a valid dataset with 20+ companies and 30+ deals", () => {
    expect(dataset.companies.length).toBeGreaterThanOrEqual(20);
    expect(dataset.deals.length).toBeGreaterThanOrEqual(30);
  });

  it("should quote every seed verbatim", () => {
    const refs = [...dataset.deals, ...dataset.facts].flatMap((r) =>
      r.sources.map((s) => ({ record: r.id, ...s })),
    );
    const seedRefs = refs.filter((r) => r.sourceId.startsWith("seed-"));
    expect(seedRefs.length).toBeGreaterThan(30);
    for (const ref of seedRefs) {
      const seed = seeds.get(ref.sourceId);
      expect(seed, `${ref.record}: unknown seed ${ref.sourceId}`).toBeDefined();
      expect(seed!.includes(ref.quote), `${ref.record}: quote not in ${ref.sourceId}`).toBe(true);
    }
  });

  it("should be schema v2 with an evidence tier on every deal and no live deal superseded", () => {
    expect(dataset.schemaVersion).toBe(2);
    for (const d of dataset.deals) {
      expect(d.evidence, d.id).toBeDefined();
      if (d.supersededBy !== undefined) expect(d.status, d.id).toBe("superseded");
    }
  });

  it("should mark the general statements that Nvidia sells chips to hyperscalers as inferred", () => {
    for (const id of ["amazon-nvidia-chips", "microsoft-nvidia-chips", "google-nvidia-chips"]) {
      const d = dataset.deals.find((x) => x.id === id);
      if (d) expect(d.evidence, id).toBe("inferred");
    }
  });

  it("should give every external source a title, publisher and date", () => {
    for (const s of dataset.sources.filter((x) => x.kind === "external")) {
      expect(s.title.length, s.id).toBeGreaterThan(0);
      expect(s.publisher, s.id).toBeTruthy();
      expect(s.date, s.id).toBeTruthy();
    }
  });

  it("should record the $300B Oracle contract as OpenAI paying Oracle, with the seed's error noted", () => {
    const deal = dataset.deals.find((d) => d.from === "openai" && d.to === "oracle")!;
    expect(deal.amountUsdBn).toBe(300);
    expect(deal.type).toBe("cloud-contract");
    expect(dataset.deals.some((d) => d.from === "oracle" && d.to === "openai")).toBe(false);
    expect(deal.notes.join(" ")).toMatch(/seed-003/);
  });

  it("should find the well-known loops", () => {
    const ids = new Set(analysis.loops.map((l) => l.id));
    expect(ids).toContain("nvidia>openai>oracle");
    expect(ids).toContain("nvidia>openai");
    expect(ids).toContain("openai>amd");
    expect(ids).toContain("nvidia>coreweave");
    expect(analysis.truncated).toBe(false);
  });

  it("should find OpenAI as Oracle's top customer with over half its inflows", () => {
    const oracle = analysis.concentration.find((c) => c.company === "oracle")!;
    expect(oracle.topPayer?.company).toBe("openai");
    expect(oracle.topPayer!.share).toBeGreaterThan(0.5);
    expect(oracle.flags.some((f) => f.kind === "reported" && f.counterparty === "openai")).toBe(
      true,
    );
  });

  it("should flag Microsoft's reported OpenAI backlog share", () => {
    const microsoft = analysis.concentration.find((c) => c.company === "microsoft")!;
    expect(microsoft.flags).toContainEqual(
      expect.objectContaining({ kind: "reported", level: "high", counterparty: "openai" }),
    );
  });
});
