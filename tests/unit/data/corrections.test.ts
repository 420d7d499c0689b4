/**
 * One check per correction recorded in data/AUDIT.md ("corrected" rows), so a later
 * edit cannot silently bring back what the audit fixed. Each expectation is the
 * audited value; the reason is in the record's notes and in AUDIT.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDatasetJson } from "../../../src/domain/validate.ts";

const root = join(import.meta.dirname, "../../..");
const parsed = parseDatasetJson(readFileSync(join(root, "data/ai-circular-deals.json"), "utf8"));
if (!parsed.ok) throw new Error("the default dataset does not validate");
const dataset = parsed.value;
const audit = readFileSync(join(root, "data/AUDIT.md"), "utf8");

const CORRECTED_DEALS: Record<string, Record<string, unknown>> = {
  "nvidia-openai-equity-100bn": {
    from: "nvidia",
    to: "openai",
    type: "equity",
    amountUsdBn: 100,
    amountQualifier: "up-to",
    announced: "2025-09-22",
    status: "superseded",
    supersededBy: "nvidia-openai-equity-2026-round",
    evidence: "reported",
  },
  "nvidia-openai-equity-2026-round": {
    from: "nvidia",
    to: "openai",
    type: "equity",
    amountUsdBn: 30,
    amountQualifier: "exact",
    announced: "2026-02-27",
    status: "closed",
    evidence: "reported",
  },
  "openai-nvidia-chips-10gw": {
    from: "openai",
    to: "nvidia",
    type: "chip-purchase",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-09-22",
    status: "stalled",
    evidence: "reported",
  },
  "openai-oracle-cloud-300bn": {
    from: "openai",
    to: "oracle",
    type: "cloud-contract",
    amountUsdBn: 300,
    amountQualifier: "about",
    announced: "2025-07-22",
    status: "signed",
    evidence: "reported",
  },
  "oracle-nvidia-chips": {
    from: "oracle",
    to: "nvidia",
    type: "chip-purchase",
    amountUsdBn: 40,
    amountQualifier: "about",
    announced: "2025-05-23",
    status: "signed",
    evidence: "reported",
  },
  "microsoft-openai-equity": {
    from: "microsoft",
    to: "openai",
    type: "equity",
    amountUsdBn: 13,
    amountQualifier: "exact",
    announced: "2019-07-22",
    status: "signed",
    evidence: "filing",
  },
  "openai-microsoft-azure": {
    from: "openai",
    to: "microsoft",
    type: "cloud-contract",
    amountUsdBn: 250,
    amountQualifier: "exact",
    announced: "2025-10-28",
    status: "signed",
    evidence: "filing",
  },
  "openai-amd-chips-6gw": {
    from: "openai",
    to: "amd",
    type: "chip-purchase",
    amountUsdBn: 90,
    amountQualifier: "about",
    announced: "2025-10-06",
    status: "signed",
    evidence: "estimate",
  },
  "openai-amazon-aws-38bn": {
    from: "openai",
    to: "amazon",
    type: "cloud-contract",
    amountUsdBn: 38,
    amountQualifier: "about",
    announced: "2025-11-03",
    status: "revised",
    evidence: "reported",
  },
  "meta-nvidia-chips": {
    from: "meta",
    to: "nvidia",
    type: "chip-purchase",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2026-02-17",
    status: "signed",
    evidence: "reported",
  },
  "nvidia-coreweave-equity": {
    from: "nvidia",
    to: "coreweave",
    type: "equity",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2023",
    status: "closed",
    evidence: "reported",
  },
  "nvidia-xai-equity-2bn": {
    from: "nvidia",
    to: "xai",
    type: "equity",
    amountUsdBn: 2,
    amountQualifier: "up-to",
    announced: "2025-10",
    status: "closed",
    evidence: "reported",
  },
  "xai-nvidia-chips-20bn": {
    from: "valor-compute-infrastructure",
    to: "nvidia",
    type: "chip-purchase",
    amountUsdBn: 20,
    amountQualifier: "about",
    announced: "2025-10",
    status: "announced",
    evidence: "reported",
  },
  "spacex-xai-acquisition": {
    from: "spacex",
    to: "xai",
    type: "other",
    amountUsdBn: 250,
    amountQualifier: "about",
    announced: "2026-02-02",
    status: "closed",
    evidence: "reported",
  },
  "softbank-stargate-equity": {
    from: "softbank",
    to: "stargate",
    type: "equity",
    amountUsdBn: 19,
    amountQualifier: "about",
    announced: "2025-01-23",
    status: "stalled",
    evidence: "reported",
  },
  "apple-google-gemini": {
    from: "apple",
    to: "google",
    type: "other",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2026-01-12",
    status: "signed",
    evidence: "filing",
  },
  "pimco-meta-debt": {
    from: "pimco",
    to: "hyperion-jv",
    type: "debt",
    amountUsdBn: 18,
    amountQualifier: "about",
    announced: "2025-10",
    status: "closed",
    evidence: "reported",
  },
  "blue-owl-meta-financing": {
    from: "blue-owl",
    to: "hyperion-jv",
    type: "equity",
    amountUsdBn: 7,
    amountQualifier: "about",
    announced: "2025-10-21",
    status: "closed",
    evidence: "filing",
  },
  "jpmorgan-vantage-debt": {
    from: "jpmorgan",
    to: "vantage-frontier",
    type: "debt",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-10",
    status: "signed",
    evidence: "reported",
  },
  "mufg-vantage-debt": {
    from: "mufg",
    to: "vantage-frontier",
    type: "debt",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-10",
    status: "signed",
    evidence: "reported",
  },
  "oracle-vantage-lease": {
    from: "oracle",
    to: "vantage-frontier",
    type: "other",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-10",
    status: "announced",
    evidence: "reported",
  },
  "openai-coreweave-cloud-22bn": {
    from: "openai",
    to: "coreweave",
    type: "cloud-contract",
    amountUsdBn: 22.4,
    amountQualifier: "up-to",
    announced: "2025-03",
    status: "revised",
    evidence: "filing",
  },
  "anthropic-google-cloud-tpu": {
    from: "anthropic",
    to: "google",
    type: "cloud-contract",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-10-23",
    status: "signed",
    evidence: "filing",
  },
  "anthropic-amazon-aws": {
    from: "anthropic",
    to: "amazon",
    type: "cloud-contract",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2023-09",
    status: "revised",
    evidence: "reported",
  },
  "nvidia-anthropic-equity-10bn": {
    from: "nvidia",
    to: "anthropic",
    type: "equity",
    amountUsdBn: 10,
    amountQualifier: "up-to",
    announced: "2025-11",
    status: "closed",
    evidence: "reported",
  },
  "anthropic-microsoft-azure-30bn": {
    from: "anthropic",
    to: "microsoft",
    type: "cloud-contract",
    amountUsdBn: 30,
    amountQualifier: "about",
    announced: "2025-11-18",
    status: "signed",
    evidence: "filing",
  },
  "microsoft-nscale-cloud-6bn": {
    from: "microsoft",
    to: "nscale-aker-narvik-jv",
    type: "cloud-contract",
    amountUsdBn: 6.2,
    amountQualifier: "about",
    announced: "2025-09",
    status: "signed",
    evidence: "reported",
  },
  "blue-owl-nscale-ddtl": {
    from: "blue-owl",
    to: "nscale",
    type: "debt",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2026-02",
    status: "signed",
    evidence: "reported",
  },
  "macquarie-applied-digital-preferred-5bn": {
    from: "macquarie",
    to: "apld-hpc-holdings",
    type: "equity",
    amountUsdBn: 5,
    amountQualifier: "up-to",
    announced: "2025-01-14",
    status: "signed",
    evidence: "filing",
  },
  "openai-stargate-norway-offtake": {
    from: "openai",
    to: "nscale-aker-narvik-jv",
    type: "cloud-contract",
    amountUsdBn: null,
    amountQualifier: "undisclosed",
    announced: "2025-07-31",
    status: "cancelled",
    evidence: "filing",
  },
};

const CORRECTED_FACTS: Record<string, Record<string, unknown>> = {
  "microsoft-backlog-openai-share": {
    company: "microsoft",
    metric: "customer-concentration",
    valueUsdBn: 625,
    sharePct: 45,
    counterparty: "openai",
    period: "2025-12-31",
  },
  "microsoft-net-income-fy2025": {
    company: "microsoft",
    metric: "other",
    valueUsdBn: 101.8,
    period: "FY2025",
  },
  "microsoft-capex-fy2026-q1": {
    company: "microsoft",
    metric: "capex",
    valueUsdBn: 34.9,
    period: "2025-Q3",
  },
  "google-revenue-2025": {
    company: "google",
    metric: "revenue",
    valueUsdBn: 402.8,
    period: "2025",
  },
  "google-capex-2026": {
    company: "google",
    metric: "capex",
    valueUsdBn: 190,
    period: "2026",
  },
  "google-capex-2025": {
    company: "google",
    metric: "capex",
    valueUsdBn: 91.4,
    period: "2025",
  },
  "meta-capex-2025": {
    company: "meta",
    metric: "capex",
    valueUsdBn: 72.2,
    period: "2025",
  },
  "meta-capex-2026": {
    company: "meta",
    metric: "capex",
    valueUsdBn: 145,
    period: "2026",
  },
  "softbank-openai-stake": {
    company: "softbank",
    metric: "stake",
    valueUsdBn: 34.6,
    sharePct: 11,
    counterparty: "openai",
    period: "2025-12-31",
  },
  "openai-revenue-2024": {
    company: "openai",
    metric: "revenue",
    valueUsdBn: 3.7,
    period: "2024",
  },
  "openai-revenue-2025-annualised": {
    company: "openai",
    metric: "revenue",
    valueUsdBn: 20,
    period: "2025-12-31",
  },
  "xai-valuation-spacex": {
    company: "xai",
    metric: "other",
    valueUsdBn: 250,
    counterparty: "spacex",
    period: "2026-02-02",
  },
  "google-bond-20bn": {
    company: "google",
    metric: "debt",
    valueUsdBn: 20,
    period: "2026-02-09",
  },
  "openai-funding-round-2026": {
    company: "openai",
    metric: "other",
    valueUsdBn: 110,
    period: "2026-02-27",
  },
  "openai-commitments-1400bn": {
    company: "openai",
    metric: "commitments",
    valueUsdBn: 1400,
    period: "2025-11-06",
  },
  "meta-private-credit-27bn": {
    company: "meta",
    metric: "debt",
    valueUsdBn: 27.3,
    period: "2025",
  },
  "amazon-capex-2025": {
    company: "amazon",
    metric: "capex",
    valueUsdBn: 132,
    period: "2025",
  },
};

describe("data/corrections", () => {
  it("should check every record AUDIT.md marks as corrected, and only those", () => {
    const marked = audit
      .split("\n")
      .filter((line) => line.includes("| corrected |"))
      .map((line) => line.split("|")[1]!.trim())
      .sort();
    expect(marked).toEqual(
      [...Object.keys(CORRECTED_DEALS), ...Object.keys(CORRECTED_FACTS)].sort(),
    );
  });

  for (const [id, expected] of Object.entries(CORRECTED_DEALS)) {
    it(`should keep the audited values of deal ${id}`, () => {
      const deal = dataset.deals.find((d) => d.id === id);
      expect(deal, id).toBeDefined();
      expect(deal).toMatchObject(expected);
      expect(deal!.notes.length, `${id} must say what changed`).toBeGreaterThan(0);
    });
  }

  for (const [id, expected] of Object.entries(CORRECTED_FACTS)) {
    it(`should keep the audited values of fact ${id}`, () => {
      const fact = dataset.facts.find((f) => f.id === id);
      expect(fact, id).toBeDefined();
      expect(fact).toMatchObject(expected);
    });
  }

  it("should not bring back the Apollo financing of Meta, which never happened", () => {
    expect(dataset.deals.some((d) => d.id === "apollo-meta-debt")).toBe(false);
    expect(dataset.deals.some((d) => d.from === "apollo" && d.to === "meta")).toBe(false);
    expect(audit).toMatch(/\| apollo-meta-debt \| deal \|.*\| removed \|/);
  });
});
