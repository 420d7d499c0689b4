/**
 * `npm run bench:cli`: the whole compiled command (`dist-cli/ouroboros.js
 * analyze --json`, every loop up to 6 hops, uncapped) against a minimal loop
 * counter reading the same CSV (`minimal-cycles.mjs`), on a 10,000-company,
 * 50,000-deal preferential-attachment file with a few thousand loops; and, when
 * Python and networkx are installed, against networkx `simple_cycles` on
 * 2,000 companies / 10,000 deals with one edge in ten reversed (tens of
 * thousands of loops). Prints medians of three runs and the ratios.
 * Targets (issue 12): within 1.5× of the minimal counter; 20× faster than networkx.
 * It also times our CSV splitter against papaparse on the same file (ours keeps
 * physical line numbers, CR-only files included, for every message), and
 * prints where one more run of our command spends its time (`--timings`), and
 * the floor under both targets: the time to load the command and emit a report
 * of that size, with no reading or analysis at all.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import { splitCsv } from "../../src/domain/csv.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePreferentialCsv } from "./generators.ts";

const root = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ouroboros-bench-cli-"));

function timed(command: string, args: string[]): { ms: number; stdout: string; stderr: string } {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/** Where one more run of our command spends its time (`--timings`, on stderr). */
function phasesOf(args: string[]): string {
  const line = timed(process.execPath, [...args, "--timings"])
    .stderr.trim()
    .split("\n")
    .at(-1);
  return line?.replace(/^timings: /, "") ?? "";
}

function median(command: string, args: string[], runs = 3) {
  const all = Array.from({ length: runs }, () => timed(command, args));
  const sorted = all.map((r) => r.ms).sort((a, b) => a - b);
  return { ms: sorted[Math.floor(runs / 2)]!, stdout: all[0]!.stdout };
}

/**
 * A floor for our command on this machine, for a report of this size: Node
 * loading the command and leaving (`--help`), the report's JSON text made from
 * finished objects (`JSON.stringify`, timed here) and its bytes piped to this
 * process (a script that only writes them, less a bare Node start). No reading
 * and no analysis at all. `load` and `bare` are measured once, for both files.
 */
function floorOf(report: string, load: number, bare: number): { ms: number; text: string } {
  const saved = join(dir, "report.json");
  writeFileSync(saved, report);
  const writeOnly = `process.stdout.write(require("node:fs").readFileSync(${JSON.stringify(saved)}))`;
  const pipe = median(process.execPath, ["-e", writeOnly]).ms - bare;
  const parsed: unknown = JSON.parse(report);
  const json = best(() => JSON.stringify(parsed));
  const ms = load + json + pipe;
  return {
    ms,
    text: `loading the command ${load.toFixed(0)} ms + its JSON text ${json.toFixed(0)} ms + piping ${(report.length / 1e6).toFixed(0)} MB ${pipe.toFixed(0)} ms = ${ms.toFixed(0)} ms`,
  };
}
const best = (run: () => unknown) =>
  Math.min(
    ...Array.from({ length: 5 }, () => {
      const t = performance.now();
      run();
      return performance.now() - t;
    }),
  );

const big = join(dir, "pa-10k-50k.csv");
writeFileSync(big, generatePreferentialCsv(10_000, 5, 0.002, 42));
// NOTE: node runs with the flags the bin's own first line gives it.
const bin = "dist-cli/ouroboros.js";
const nodeFlags = readFileSync(join(root, bin), "utf8").split("\n", 1)[0]!.split(" ").slice(3);
const cli = [...nodeFlags, bin, "analyze"];
const bigArgs = [...cli, big, "--json", "--max-length", "6", "--cap", "0", "--limit", "0"];
const ours = median(process.execPath, bigArgs);
const loops = (JSON.parse(ours.stdout) as { cycleCount: number }).cycleCount;
const minimal = median(process.execPath, ["tests/bench/minimal-cycles.mjs", big, "6"]);
console.log(
  "CLI benchmark (whole process, median of 3), 10k companies / 50k deals, loops ≤ 6 hops",
);
console.log(`ouroboros analyze --json   ${ours.ms.toFixed(0).padStart(6)} ms  ${loops} loops`);
console.log(
  `minimal loop counter       ${minimal.ms.toFixed(0).padStart(6)} ms  ${minimal.stdout.trim()} loops`,
);
console.log(`  ouroboros, one more run: ${phasesOf(bigArgs)}`);
const ratio = ours.ms / minimal.ms;
console.log(`ratio ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? "ok" : "not met"})`);
const bare = median(process.execPath, ["-e", "0"]).ms;
const load = median(process.execPath, [...cli.slice(0, -1), "--help"]).ms;
const bigFloor = floorOf(ours.stdout, load, bare);
// NOTE: the counter's own work (reading the CSV and finding the loops, beyond
// starting Node) is a part of ours too: we read the same file and find the same loops.
const counterWork = minimal.ms - bare;
console.log(
  `  floor, no analysis: ${bigFloor.text} (${(bigFloor.ms / minimal.ms).toFixed(2)}× the counter); ` +
    `with the counter's own reading and search (${counterWork.toFixed(0)} ms) ` +
    `${((bigFloor.ms + counterWork) / minimal.ms).toFixed(2)}×`,
);

const hasNetworkx =
  spawnSync("python3", ["-c", "import networkx"], { encoding: "utf8" }).status === 0;
if (!hasNetworkx) {
  console.log("networkx: skipped (python3 with networkx is not installed here)");
} else {
  // NOTE: one edge in ten points back (not one in 500 as above): tens of thousands
  // of loops, so the search, not Python's start-up, is what is compared.
  const small = join(dir, "pa-2k-10k.csv");
  writeFileSync(small, generatePreferentialCsv(2_000, 5, 0.1, 42));
  const script = [
    "import sys, csv, networkx as nx",
    "g = nx.DiGraph()",
    "r = csv.reader(open(sys.argv[1])); next(r)",
    "g.add_edges_from((a, b) for a, b, *_ in r if a != b)",
    "print(sum(1 for _ in nx.simple_cycles(g, length_bound=5)))",
  ].join("\n");
  const nx = median("python3", ["-c", script, small]);
  const smallArgs = [...cli, small, "--json", "--max-length", "5", "--cap", "0", "--limit", "0"];
  const oursSmall = median(process.execPath, smallArgs);
  const speedup = nx.ms / oursSmall.ms;
  const smallLoops = (JSON.parse(oursSmall.stdout) as { cycleCount: number }).cycleCount;
  console.log(
    `2k/10k, ${smallLoops} loops ≤ 5 (networkx counted ${nx.stdout.trim()}): networkx ${nx.ms.toFixed(0)} ms, ouroboros ${oursSmall.ms.toFixed(0)} ms: ${speedup.toFixed(1)}× faster (target ≥ 20×: ${speedup >= 20 ? "ok" : "not met"})`,
  );
  console.log(`  ouroboros, one more run: ${phasesOf(smallArgs)}`);
  const smallFloor = floorOf(oursSmall.stdout, load, bare);
  const smallCounterWork =
    median(process.execPath, ["tests/bench/minimal-cycles.mjs", small, "5"]).ms - bare;
  console.log(
    `  floor, no analysis: ${smallFloor.text}; with the minimal counter's own reading and search ` +
      `(${smallCounterWork.toFixed(0)} ms) ${(smallFloor.ms + smallCounterWork).toFixed(0)} ms ` +
      `(networkx ÷ 20 = ${(nx.ms / 20).toFixed(0)} ms)`,
  );
}

const text = readFileSync(big, "utf8");
const ring = Array.from({ length: 1_000_000 }, (_, i) => `c${i},c${(i + 1) % 1_000_000},1`);
const ringText = `from,to,amount_usd_bn\n${ring.join("\n")}\n`;
for (const [label, csv] of [
  ["10k/50k file", text],
  ["1M-row ring", ringText],
] as const) {
  const ours = best(() => splitCsv(csv));
  const papa = best(() => Papa.parse(csv, { skipEmptyLines: true }));
  console.log(
    `CSV split, ${label}: ours ${ours.toFixed(0)} ms, papaparse ${papa.toFixed(0)} ms (best of 5)`,
  );
}
