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

/** Loops the README and the screenshot speak of, as loop ids. */
const README_LOOPS = [
  "nvidia>openai>oracle",
  "openai>microsoft",
  "openai>amazon",
  "google>anthropic",
  "amazon>anthropic",
  "openai>amd",
];

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
    for (const id of ["microsoft-nvidia-chips", "google-nvidia-chips"]) {
      const d = dataset.deals.find((x) => x.id === id);
      if (d) expect(d.evidence, id).toBe("inferred");
    }
  });

  it("should give every external source a title, publisher, date and http(s) URL", () => {
    for (const s of dataset.sources.filter((x) => x.kind === "external")) {
      expect(s.title.length, s.id).toBeGreaterThan(0);
      expect(s.publisher, s.id).toBeTruthy();
      expect(s.date, s.id).toBeTruthy();
      expect(s.url, s.id).toMatch(/^https?:\/\//);
    }
  });

  it("should be current to November 2026, with 100+ deals among 40+ companies", () => {
    expect(dataset.asOf.startsWith("2026-11")).toBe(true);
    expect(dataset.deals.length).toBeGreaterThan(100);
    expect(new Set(dataset.deals.flatMap((d) => [d.from, d.to])).size).toBeGreaterThanOrEqual(40);
  });

  it("should give every fact a period in the one grammar", () => {
    for (const f of dataset.facts) {
      expect(f.period, f.id).toMatch(/^(\d{4}|FY\d{4}|\d{4}-Q[1-4]|\d{4}-\d{2}-\d{2})$/);
    }
  });

  it("should have a row in data/AUDIT.md for every deal and fact", () => {
    const audit = readFileSync(join(root, "data/AUDIT.md"), "utf8");
    const rows = new Set(
      audit
        .split("\n")
        .filter((l) => /^\| [a-z0-9]/.test(l))
        .map((l) => l.split("|")[1]!.trim()),
    );
    for (const r of [...dataset.deals, ...dataset.facts]) expect(rows.has(r.id), r.id).toBe(true);
  });

  it("should keep the letter of intent out of the Nvidia → OpenAI money, as history", () => {
    const loi = dataset.deals.find((d) => d.id === "nvidia-openai-equity-100bn")!;
    expect(loi.status).toBe("superseded");
    const hop = analysis.hops.find((h) => h.key === "nvidia>openai")!;
    expect(hop.dealIds).not.toContain(loi.id);
    expect(hop.totalUsdBn).toBeLessThan(100);
  });

  it("should date OpenAI's $250B Azure commitment to October 2025, not 2019", () => {
    const azure = dataset.deals.find((d) => d.id === "openai-microsoft-azure")!;
    expect(azure.announced?.startsWith("2025-10")).toBe(true);
  });

  it("should draw money lent to a joint venture to the vehicle, not to its sponsor", () => {
    const vehicles = dataset.companies.filter((c) => c.kind === "vehicle");
    expect(vehicles.length).toBeGreaterThan(5);
    const stargate = dataset.companies.find((c) => c.id === "stargate")!;
    expect(stargate.kind).toBe("vehicle");
    expect(stargate.sponsors).toContain("openai");
    const pimco = dataset.deals.filter((d) => d.from === "pimco" && d.type === "debt");
    expect(pimco.length).toBeGreaterThan(0);
    expect(pimco.every((d) => d.to !== "meta")).toBe(true);
  });

  it("should record the $300B Oracle contract as OpenAI paying Oracle, with the seed's error noted", () => {
    const deal = dataset.deals.find((d) => d.from === "openai" && d.to === "oracle")!;
    expect(deal.amountUsdBn).toBe(300);
    expect(deal.type).toBe("cloud-contract");
    expect(dataset.deals.some((d) => d.from === "oracle" && d.to === "openai")).toBe(false);
    expect(deal.notes.join(" ")).toMatch(/seed-003/);
  });

  it("should find the loops the README names", () => {
    const ids = new Set(analysis.loops.map((l) => l.id));
    for (const id of README_LOOPS) expect(ids, id).toContain(id);
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

describe("README.md", () => {
  it("should describe the default dataset with its current counts and date", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const parsed = parseDatasetJson(text);
    if (!parsed.ok) throw new Error("invalid dataset");
    const d = parsed.value;
    const history = d.deals.filter((x) => x.status === "superseded" || x.status === "cancelled");
    const flat = readme.replace(/\s+/g, " ");
    expect(flat).toContain(`${d.deals.length} deals among ${d.companies.length} companies`);
    expect(flat).toContain(
      `(${d.deals.length - history.length} live; ${history.length} superseded`,
    );
    expect(flat).toContain(`${d.facts.length} company facts and ${d.sources.length} cited sources`);
    expect(flat).toContain("as of 29 November 2026");
    expect(d.asOf).toBe("2026-11-29");
  });
});
