/**
 * Stress-test benchmark: one contagion scenario (cascade + DebtRank) on a
 * seeded scale-free graph of 10,000 companies and 50,000 deals, and the
 * systemic-importance ranking on the default dataset. Prints numbers only.
 *
 * Run: `npm run bench` (after the analysis benchmarks).
 */
import { readFileSync } from "node:fs";
import { describeHops } from "../../src/analysis/hops.ts";
import { buildFlowIndex } from "../../src/analysis/flowIndex.ts";
import { rankSystemicImportance, runStress, stressBuffers } from "../../src/analysis/stress.ts";
import type { Dataset } from "../../src/domain/schema.ts";
import { generateScaleFreeEdges, nodeId } from "./generators.ts";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), result };
}

const graph = generateScaleFreeEdges(10_000, 50_000, 7);
const index = buildFlowIndex(graph.edges, graph.nodeIds);
const buffers = stressBuffers(index, describeHops(index, graph.edges));
// Shock the three biggest payers, as a user picking "the giants" would.
const payers = Array.from({ length: index.nodeCount }, (_, v) => v)
  .sort(
    (a, b) =>
      index.outOffsets[b + 1]! -
      index.outOffsets[b]! -
      (index.outOffsets[a + 1]! - index.outOffsets[a]!),
  )
  .slice(0, 3)
  .map((v) => index.nodeIds[v] ?? nodeId(v));

console.log("Stress benchmark (median of 7 runs after a warm-up)");
for (const shortfall of [0.5, 1]) {
  const { ms, result } = time(7, () =>
    runStress(index, buffers, { shocked: payers, shortfall, threshold: 0.25 }),
  );
  const distressed = result.companies.filter((c) => c.distressedRound !== null).length;
  console.log(
    `10k/50k  | one scenario, 3 shocked, shortfall ${shortfall * 100}% | ${ms.toFixed(1).padStart(7)} ms | ${result.rounds} rounds, ${distressed} distressed, loss $${result.totalLossUsdBn.toFixed(0)} bn | target < 200 ms: ${ms < 200 ? "ok" : "MISSED"}`,
  );
}
const dataset = JSON.parse(readFileSync("data/ai-circular-deals.json", "utf8")) as Dataset;
const dIndex = buildFlowIndex(
  dataset.deals,
  dataset.companies.map((c) => c.id),
);
const dBuffers = stressBuffers(dIndex, describeHops(dIndex, dataset.deals), dataset.facts);
const { ms } = time(7, () => rankSystemicImportance(dIndex, dBuffers));
console.log(
  `default  | systemic importance (100% shortfall on each company) | ${ms.toFixed(2).padStart(7)} ms`,
);
