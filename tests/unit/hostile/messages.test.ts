/** Issue 11, item 11: every problem is one line and names its line. */
import { describe, expect, it } from "vitest";
import { parseCsvEdgeList } from "../../../src/domain/csv.ts";
import { parseImportText } from "../../../src/domain/importText.ts";
import { formatProblem, oneLine } from "../../../src/domain/problems.ts";
import { parseDatasetJson } from "../../../src/domain/validate.ts";

const lines = (problems: readonly { path: string; message: string }[]) =>
  problems.map(formatProblem);

describe("problem messages", () => {
  it("should name the line and column of a JSON syntax error, on one line", () => {
    const text =
      '{\n  "schemaVersion": 2,\n  "title": "x",\n  "asOf": "2025",\n  "companies": [],\n  "deals": NaN\n}';
    const r = parseDatasetJson(text);
    expect(r.ok).toBe(false);
    expect(lines(r.problems)).toEqual([
      "line 6: not valid JSON at column 12: unexpected symbol (NaN, Infinity, a quote of the wrong kind?)",
    ]);
    expect(r.problems[0]!.line).toBe(6);
    const cut = parseDatasetJson('{\r"a": 1,\r"b": [1, 2\r');
    expect(cut.problems[0]!.line).toBe(4);
  });

  it("should read a byte-order mark in JSON and CSV alike", async () => {
    const json = await parseImportText('\uFEFF{"schemaVersion": 2}', "data");
    expect(json.format).toBe("json");
    expect(json.result.problems[0]!.message).not.toMatch(/JSON/);
    const csv = await parseImportText("\uFEFFfrom,to\nA,B\n", "deals.csv");
    expect(csv.result.ok).toBe(true);
  });

  it("should keep a cell holding a newline or a terminal escape on one line", () => {
    const r = parseCsvEdgeList('from,to,amount_usd_bn\nA,B,"12\nxx"\n\u001b[31mEvil,B,x\n');
    const text = lines(r.warnings ?? []);
    expect(text).toHaveLength(2);
    for (const t of text) {
      expect(t).not.toContain("\n");
      expect(t).not.toContain("\r");
      expect(t).not.toContain("\u001b");
    }
    expect(text[0]).toBe(
      'line 2, amount: "12↵xx" is not an amount we can read: the deal is imported as undisclosed',
    );
    expect(text[1]).toBe(
      'line 4, amount: "x" is not an amount we can read: the deal is imported as undisclosed',
    );
    expect(oneLine("a\u001b[2Jb")).toBe("a\\u001b[2Jb");
  });

  it("should count lines in files that end lines with a lone carriage return", () => {
    const r = parseCsvEdgeList('from,to,amount_usd_bn\rA,B,1\r"C\rD",E,-1\rF,,2\r');
    expect(lines(r.problems)).toEqual(["line 5, to: is empty"]);
    expect(lines(r.warnings ?? [])).toEqual([
      'line 3, amount: "-1" is not an amount we can read: the deal is imported as undisclosed',
    ]);
  });
});
