import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, parseArgs } from "../../../src/cli/analyze.ts";
import { tinyDataset } from "../domain/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "ouroboros-cli-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = main(
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
        json: true,
      });
    });
  });

  describe("main", () => {
    it("should exit 2 with one line per problem on bad input", () => {
      const p = file("bad.csv", "from,to,amount_usd_bn\nA,B,-1\nA,A,1\n");
      const r = run([p]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toEqual([
        `${p}: 2 problem(s)`,
        "line 2, amount_usd_bn: -1 must not be negative",
        'line 3, to: self-loop: "A" pays itself',
      ]);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    });

    it("should exit 2 on a missing file", () => {
      expect(run([join(dir, "nope.json")])).toMatchObject({ code: 2 });
    });

    it("should print loops as JSON, closing back to the first company once", () => {
      const p = file("tiny.json", JSON.stringify(tinyDataset()));
      const r = run([p, "--json"]);
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

    it("should print a readable report", () => {
      const p = file("tiny2.json", JSON.stringify(tinyDataset()));
      const r = run([p]);
      expect(r.out).toContain("Nvidia → OpenAI → Oracle → Nvidia · $40 bn round trip");
      expect(r.out).toContain("Strongly connected components (2+ companies): 1");
    });

    it("should work as a process through npm run analyze with no stack trace", () => {
      const p = file("bad2.csv", "from,to\n,B\n");
      const r = spawnSync("npx", ["tsx", "src/cli/analyze.ts", p], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("line 2, from: is empty");
      expect(r.stderr).not.toContain("    at ");
    });
  });
});
