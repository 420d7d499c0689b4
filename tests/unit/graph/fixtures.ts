import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeHops, foldHops } from "../../../src/analysis/hops.ts";
import type { Company, Dataset, Deal } from "../../../src/domain/schema.ts";
import { parseDatasetJson } from "../../../src/domain/validate.ts";
import {
  type BuildFlowGraphOptions,
  type FlowGraph,
  buildFlowGraph,
} from "../../../src/graph/buildGraph.ts";

/** The flow graph of some deals, folded into hops the way the pipeline does (live deals only). */
export function flowGraphOf(
  data: Pick<Dataset, "companies">,
  deals: readonly Deal[],
  options: Partial<BuildFlowGraphOptions> & { countNonLive?: boolean } = {},
): FlowGraph {
  const fold = foldHops(
    deals,
    data.companies.map((c) => c.id),
    { countNonLive: options.countNonLive ?? false },
  );
  return buildFlowGraph(data, describeHops(fold, deals), options);
}

const SOURCES = [{ sourceId: "s1", quote: "a quote" }];

/** A deal with sensible defaults; `amountUsdBn: null` makes it undisclosed. */
export function deal(
  id: string,
  from: string,
  to: string,
  amountUsdBn: number | null,
  extra: Partial<Deal> = {},
): Deal {
  return {
    id,
    from,
    to,
    type: "equity",
    amountUsdBn,
    amountQualifier: amountUsdBn === null ? "undisclosed" : "exact",
    announced: "2025-09",
    status: "announced",
    evidence: "reported",
    description: `${from} pays ${to}`,
    notes: [],
    sources: SOURCES,
    ...extra,
  };
}

export function company(id: string, kind: Company["kind"] = "other"): Company {
  return { id, name: id.toUpperCase(), kind };
}

/** A dataset with the given companies and deals. */
export function dataset(companies: Company[], deals: Deal[]): Dataset {
  return {
    schemaVersion: 2,
    title: "Graph fixture",
    asOf: "2025-10-01",
    companies,
    deals,
    sources: [{ id: "s1", kind: "seed", title: "Seed" }],
    facts: [],
  };
}

/**
 * A → B → C → A loop (A↔B reciprocal: B pays A too), plus D paid by A with no
 * disclosed amount, and E, a company with no deal.
 */
export function loopDataset(): Dataset {
  return dataset(
    [
      company("a", "chipmaker"),
      company("b", "ai-lab"),
      company("c", "hyperscaler"),
      company("d", "lender"),
      company("e", "investor"),
    ],
    [
      deal("ab", "a", "b", 100),
      deal("ab2", "a", "b", 20, { type: "warrant" }),
      deal("bc", "b", "c", 300, { type: "cloud-contract" }),
      deal("ca", "c", "a", 40, { type: "chip-purchase" }),
      deal("ba", "b", "a", 1, { type: "chip-purchase" }),
      deal("ad", "a", "d", null, { type: "debt" }),
    ],
  );
}

/** The shipped dataset, validated. */
export function realDataset(): Dataset {
  const text = readFileSync(
    join(import.meta.dirname, "../../../data/ai-circular-deals.json"),
    "utf8",
  );
  const parsed = parseDatasetJson(text);
  if (!parsed.ok) throw new Error("tests/unit/graph: the shipped dataset does not validate");
  return parsed.value;
}
