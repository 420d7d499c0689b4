import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_RESOURCE, main, memoryShortfall, parseArgs } from "../../../src/cli/analyze.ts";
import type { Hop } from "../../../src/analysis/hops.ts";
import { serializeGexf } from "../../../src/domain/gexf.ts";
import { tinyDataset } from "../domain/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "ouroboros-cli-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(
    argv,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}

describe("cli/analyze", () => {
  describe("parseArgs", () => {
    it("should refuse a missing file and bad numbers", () => {
      expect(parseArgs([])).toEqual({ error: "no file given" });
      expect(parseArgs(["x.csv", "--limit", "-3"])).toHaveProperty("error");
      expect(parseArgs(["x.csv", "--max-length", "1"])).toHaveProperty("error");
      expect(parseArgs(["x.csv", "--wat"])).toEqual({ error: "unknown option --wat" });
    });

    it("should read options, with 0 meaning no bound", () => {
      expect(parseArgs(["x.csv", "--max-length", "0", "--limit=0", "--json"])).toEqual({
        file: "x.csv",
        maxLength: Infinity,
        limit: 0,
        cap: 1_000_000,
        windowMonths: 24,
        json: true,
        pretty: false,
        strict: false,
        timings: false,
        mapping: { columns: [], values: [] },
      });
      expect(parseArgs(["x.csv", "--window-months", "6"])).toMatchObject({ windowMonths: 6 });
      expect(parseArgs(["x.csv", "--window-months", "-1"])).toHaveProperty("error");
    });
  });

  it("should read tracker mapping options, refusing fields and values that are not ours", () => {
    expect(
      parseArgs([
        "t.csv",
        "--map",
        "Lead Investor=from",
        "--map=Notes=-",
        "--map-value",
        "status:in talks=stalled",
        "--strict",
      ]),
    ).toMatchObject({
      strict: true,
      mapping: {
        columns: [
          ["Lead Investor", "from"],
          ["Notes", null],
        ],
        values: [["status", [["in talks", "stalled"]]]],
      },
    });
    expect(parseArgs(["t.csv", "--map", "A=payer"])).toHaveProperty("error");
    expect(parseArgs(["t.csv", "--map-value", "status:x=maybe"])).toEqual({
      error:
        '--map-value: "maybe" is not a status; one of announced, signed, closed, stalled, revised, superseded, cancelled',
    });
  });

  describe("main", () => {
    it("should exit 2 with one line per problem on bad input", async () => {
      const p = file("bad.csv", "from,to,amount_usd_bn\nA,B,-1\nA,A,1\n");
      const r = await run([p]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toEqual([
        'warning: line 2, amount: "-1" is not an amount we can read: the deal is imported as undisclosed',
        `${p}: 1 problem(s)`,
        'line 3, to: self-loop: "A" pays itself',
      ]);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    });

    it("should exit 2 on a missing file", async () => {
      expect(await run([join(dir, "nope.json")])).toMatchObject({ code: 2 });
    });

    it("should print loops as JSON, closing back to the first company once", async () => {
      const p = file("tiny.json", JSON.stringify(tinyDataset()));
      const r = await run([p, "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.cycleCount).toBe(1);
      expect(json.truncated).toBe(false);
      expect(json.cycles[0].companies).toEqual(["nvidia", "openai", "oracle"]);
      expect(json.cycles[0].roundTripUsdBn).toBe(40);
      expect(json.cycles[0].hops.at(-1)).toMatchObject({ from: "oracle", to: "nvidia" });
      expect(json.stronglyConnectedComponents).toEqual([["nvidia", "openai", "oracle"]]);
      expect(json.concentration[0]).toHaveProperty("flags");
    });

    it("should list the largest loops with --limit, as --limit 0 ranks them, and give every hop by id", async () => {
      const data = join(import.meta.dirname, "../../../data/ai-circular-deals.json");
      const all = JSON.parse((await run([data, "--json", "--limit", "0"])).out);
      const top = JSON.parse((await run([data, "--json", "--limit", "5"])).out);
      expect(top.cycleCount).toBe(5);
      expect(top.cyclesFound).toBe(all.cycleCount);
      expect(top.cycles).toEqual(all.cycles.slice(0, 5));
      const trips = all.cycles.map((c: { roundTripUsdBn: number }) => c.roundTripUsdBn);
      expect(trips).toEqual([...trips].sort((a, b) => b - a));
      expect(top.truncated).toBe(false);
      expect(Object.keys(top.hops[0]).sort()).toEqual(
        ["dealIds", "from", "to", "totalUsdBn", "undisclosedDeals"].sort(),
      );
      expect(Object.keys(top.cycles[0].hops[0]).sort()).toEqual(Object.keys(top.hops[0]).sort());
      // Every cycle carries its time order, whatever the window.
      for (const c of all.cycles) {
        expect(c).toHaveProperty("timeRespecting");
        expect(c).toHaveProperty("spanMonths");
        expect(Array.isArray(c.chainDealIds)).toBe(true);
        expect(c.timeRespecting).toBe(c.spanMonths !== null && c.spanMonths <= 24);
      }
      const anyTime = JSON.parse(
        (await run([data, "--json", "--limit", "0", "--window-months", "600"])).out,
      );
      expect(
        anyTime.cycles.filter((c: { timeRespecting: boolean }) => c.timeRespecting).length,
      ).toBe(all.cycles.filter((c: { spanMonths: number | null }) => c.spanMonths !== null).length);
      const capped = JSON.parse((await run([data, "--json", "--cap", "3"])).out);
      expect(capped.truncated).toBe(true);
      expect(capped.cycleCount).toBe(3);
    });

    it("should read the new status values in CSV input", async () => {
      const p = file(
        "lineage.csv",
        "id,from,to,amount_usd_bn,status,superseded_by,evidence\nold,A,B,100,superseded,new,reported\nnew,A,B,30,signed,,filing\nback,B,A,5,cancelled,,\n",
      );
      const r = await run([p, "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.hops).toEqual([
        { from: "a", to: "b", totalUsdBn: 30, undisclosedDeals: 0, dealIds: ["new"] },
      ]);
      expect(json.cycleCount).toBe(0);
    });

    it("should print a readable report", async () => {
      const p = file("tiny2.json", JSON.stringify(tinyDataset()));
      const r = await run([p]);
      expect(r.out).toContain("Nvidia → OpenAI → Oracle → Nvidia · round trip $40 bn");
      expect(r.out).toContain("Strongly connected components (2+ companies): 1");
    });

    it("should run a tracker file with no flags, warn on stderr, and honour --map, --map-value and --strict", async () => {
      const legs = join(import.meta.dirname, "../../../data/fixtures/trackers/legs-tracker.csv");
      const plain = await run([legs, "--json"]);
      expect(plain.code).toBe(0);
      expect(plain.err).toContain('warning: line 1: columns read as ours: "deal_id" → id');
      const json = JSON.parse(plain.out) as {
        hops: { from: string; to: string; totalUsdBn: number }[];
      };
      expect(json.hops.find((h) => h.from === "openai" && h.to === "nvidia")?.totalUsdBn).toBe(
        0.35,
      );
      // The leg column read as the deal's description; a word read as another value.
      const mapped = await run([
        legs,
        "--json",
        "--map",
        "leg=description",
        "--map-value",
        "type:gpu=other",
      ]);
      expect(mapped.code).toBe(0);
      expect(mapped.err).not.toContain('"gpu" → chip-purchase');
      expect(mapped.err).toContain('"gpu" → other');
      const strict = await run([legs, "--strict"]);
      expect(strict.code).toBe(2);
      expect(strict.err.trimEnd().split("\n").at(-1)).toBe(
        `${legs}: 6 warnings, refused with --strict`,
      );
      expect(strict.out).toBe("");
    });

    it("should work as a process through npm run analyze with no stack trace", () => {
      const p = file("bad2.csv", "from,to\n,B\n");
      const r = spawnSync("npm", ["run", "-s", "analyze", "--", p], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("line 2, from: is empty");
      expect(r.stderr).not.toContain("    at ");
    });

    it("should ship compiled: the ouroboros command runs from plain JavaScript, inside the checkout", () => {
      // NOTE: `npm install` and `npm ci` build it (the `prepare` script).
      const compiled = join(import.meta.dirname, "../../../dist-cli/ouroboros.js");
      expect(readFileSync(compiled, "utf8").startsWith("#!/usr/bin/env -S node")).toBe(true);
      const p = file("tiny-bin.json", JSON.stringify(tinyDataset()));
      const direct = spawnSync(process.execPath, [compiled, "analyze", p], { encoding: "utf8" });
      expect(direct.status).toBe(0);
      expect(direct.stdout).toContain("Nvidia → OpenAI → Oracle → Nvidia · round trip $40 bn");
      const npx = spawnSync("npx", ["--no-install", "ouroboros", "analyze", p, "--json"], {
        encoding: "utf8",
        cwd: join(import.meta.dirname, "../../.."),
      });
      expect(npx.status).toBe(0);
      expect(JSON.parse(npx.stdout)).toHaveProperty("cycleCount", 1);
      const usage = spawnSync(process.execPath, [compiled, "wat"], { encoding: "utf8" });
      expect(usage.status).toBe(2);
      expect(usage.stderr.split("\n")[0]).toBe('error: unknown command "wat"');
    });

    it("should start without the GEXF reader and load it for a GEXF file", () => {
      const compiled = join(import.meta.dirname, "../../../dist-cli/ouroboros.js");
      // What every run loads: the command and the chunks it imports statically.
      const entry = readFileSync(compiled, "utf8");
      const chunks = [...entry.matchAll(/^import .* from "(\.\/assets\/[^"]+)";$/gm)].map((m) =>
        readFileSync(join(dirname(compiled), m[1]!), "utf8"),
      );
      for (const code of [entry, ...chunks]) expect(code).not.toMatch(/xmldom|graphology/);
      const p = file("tiny-bin.gexf", serializeGexf(tinyDataset()));
      const r = spawnSync(process.execPath, [compiled, "analyze", p], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("Nvidia → OpenAI → Oracle → Nvidia · round trip $40 bn");
    });
  });
});

describe("cli/analyze memory", () => {
  it("should exit 3 with one line, before analysing, when the data cannot fit the heap", async () => {
    const p = file("tiny-mem.json", JSON.stringify(tinyDataset()));
    let err = "";
    let out = "";
    const code = await main(
      [p],
      (s) => void (out += s),
      (s) => void (err += s),
      1_000,
    );
    expect(code).toBe(EXIT_RESOURCE);
    expect(out).toBe("");
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).toMatch(
      /need about 0\.0 GB of memory; Node allows 0\.0 GB here \(raise it: NODE_OPTIONS=--max-old-space-size=1024\)/,
    );
  });

  it("should let a 2M-edge ring through a 4 GB heap and stop a 3M-edge one", () => {
    const fourGb = 4 * 2 ** 30;
    expect(memoryShortfall(1_000_000, 1_000_000, fourGb)).toBeNull();
    expect(memoryShortfall(2_000_000, 2_000_000, fourGb)).toBeNull();
    expect(memoryShortfall(3_000_000, 3_000_000, fourGb)).toBe(
      "3,000,000 deals and 3,000,000 companies need about 5.0 GB of memory; Node allows 4.0 GB here (raise it: NODE_OPTIONS=--max-old-space-size=7168)",
    );
  });
});

describe("cli/analyze output", () => {
  it("should stream JSON that parses to what JSON.stringify would give (property)", async () => {
    const fc = (await import("fast-check")).default;
    const { writeJson } = await import("../../../src/cli/analyze.ts");
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const parts: string[] = [];
        writeJson(value, (s) => parts.push(s), pretty);
        expect(JSON.parse(parts.join(""))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it("should write each cycle as JSON.stringify would, hostile ids and undisclosed amounts included (property)", async () => {
    const fc = (await import("fast-check")).default;
    const { jsonCycleText } = await import("../../../src/cli/analyze.ts");
    const { analyzeLoops } = await import("../../../src/analysis/loops.ts");
    const { DEAL_TYPES, EVIDENCE_TIERS } = await import("../../../src/domain/schema.ts");
    const ids = [
      '"q"',
      "back\\slash",
      "__proto__",
      "constructor",
      "line\u2028sep",
      "\ud800",
      "é智",
      "=1+1",
    ];
    const hopObject = (h: Hop) => ({
      from: h.from,
      to: h.to,
      totalUsdBn: h.totalUsdBn,
      undisclosedDeals: h.undisclosedDeals,
      dealIds: h.dealIds,
    });
    const hopText = (h: Hop) => JSON.stringify(hopObject(h));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.constantFrom(...ids),
            to: fc.constantFrom(...ids),
            amount: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null }),
            type: fc.constantFrom(...DEAL_TYPES),
            evidence: fc.constantFrom(...EVIDENCE_TIERS),
            announced: fc.option(fc.constantFrom("2024", "2024-03", "2025-01-15", "2026-12"), {
              nil: undefined,
            }),
          }),
          { maxLength: 25 },
        ),
        (raw) => {
          const edges = raw.map((r, i) => ({
            id: `"deal" ${i}`,
            from: r.from,
            to: r.to,
            amountUsdBn: r.amount,
            type: r.type,
            evidence: r.evidence,
            amountQualifier: r.amount === null ? ("undisclosed" as const) : ("exact" as const),
            ...(r.announced === undefined ? {} : { announced: r.announced }),
          }));
          for (const l of analyzeLoops(edges, { maxLength: 4, limit: 0 }).loops) {
            const expected = JSON.stringify({
              companies: l.companies,
              roundTripUsdBn: l.roundTripUsdBn,
              roundTripCeilingUsdBn: l.roundTripCeilingUsdBn,
              totalUsdBn: l.totalUsdBn,
              hasUnknownAmount: l.hasUnknownAmount,
              typeMix: l.typeMix,
              weakEvidence: l.weakEvidence,
              timeRespecting: l.timeRespecting,
              spanMonths: l.spanMonths,
              chainDealIds: l.chainDealIds,
              orderApproximate: l.orderApproximate,
              hops: l.hops.map(hopObject),
            });
            expect(jsonCycleText(l, hopText)).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("should write the same bytes to standard output as to a string, across chunks and multi-byte names", async () => {
    // A ring of 3,000 companies named in three scripts and its reverse: every
    // pair is a loop, so the report passes 1 MB (one output chunk) several times.
    const n = 3_000;
    const name = (i: number) => `Société ${i} 智谱 ${"é".repeat(i % 7)}`;
    const rows = Array.from({ length: n }, (_, i) => [
      `${name(i)},${name((i + 1) % n)},${i + 1}`,
      `${name((i + 1) % n)},${name(i)},${i + 2}`,
    ]).flat();
    const p = file("chunks.csv", `from,to,amount_usd_bn\n${rows.join("\n")}\n`);
    const compiled = join(import.meta.dirname, "../../../dist-cli/ouroboros.js");
    for (const flags of [["--json"], ["--json", "--pretty"]]) {
      const argv = [p, ...flags, "--max-length", "2", "--limit", "0"];
      const direct = spawnSync(process.execPath, [compiled, "analyze", ...argv], {
        maxBuffer: 1 << 28,
      });
      expect(direct.status).toBe(0);
      expect(direct.stdout.length).toBeGreaterThan(2 * (1 << 20));
      const parts: string[] = [];
      expect(
        await main(
          argv,
          (s) => void parts.push(s),
          () => {},
        ),
      ).toBe(0);
      const text = direct.stdout.toString("utf8");
      // NOTE: compared as a boolean: a failing diff of megabytes says nothing.
      expect(text.length).toBe(parts.join("").length);
      expect(text === parts.join("")).toBe(true);
      const report = JSON.parse(text) as { cycleCount: number; cycles: { hops: unknown[] }[] };
      expect(report.cycleCount).toBe(n);
      expect(report.cycles[0]!.hops).toHaveLength(2);
      if (flags.includes("--pretty")) {
        expect(text === `${JSON.stringify(report, null, 2)}\n`).toBe(true);
      }
    }
  });

  it("should print each phase's time on stderr with --timings, and nothing without it", async () => {
    const p = file("timings.json", JSON.stringify(tinyDataset()));
    const timed = await run([p, "--json", "--timings"]);
    expect(timed.code).toBe(0);
    expect(timed.err).toMatch(
      /^timings: start-up \d+ ms, reading \d+ ms, analysis \d+ ms, output \d+ ms \(total \d+ ms\)\n$/,
    );
    expect(JSON.parse(timed.out)).toHaveProperty("cycleCount");
    expect((await run([p, "--json"])).err).toBe("");
  });

  it("should tell a resource limit from bad input", async () => {
    const { isResourceLimit } = await import("../../../src/cli/analyze.ts");
    expect(isResourceLimit(new RangeError("Invalid string length"))).toBe(true);
    expect(isResourceLimit(new RangeError("Array buffer allocation failed"))).toBe(true);
    expect(isResourceLimit(new Error("bad input"))).toBe(false);
  });

  it("should stop quietly, exit 0, when the reader closes the pipe early", () => {
    const data = join(import.meta.dirname, "../../../data/ai-circular-deals.json");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; node dist-cli/ouroboros.js analyze "${data}" --json --pretty | head -c 20`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout).toBe('{\n  "cycleCount": 14');
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
    expect(r.status).toBe(0);
  });
});
