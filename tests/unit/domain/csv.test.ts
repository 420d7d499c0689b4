import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvEdgeList, serializeDealsCsv, slugify, splitCsv } from "../../../src/domain/csv.ts";
import { tinyDataset } from "./fixtures.ts";

describe("domain/csv", () => {
  describe("parseCsvEdgeList", () => {
    it("should refuse an empty file and a header with no payer or payee column", () => {
      expect(parseCsvEdgeList("").problems[0]!.message).toMatch(/empty/);
      const r = parseCsvEdgeList("alpha,beta\nA,B\n");
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        "line 1: no column is read as from or to (the payer and the payee): name them, e.g. from,to or investor,investee",
      ]);
      // A tracker's own names for them are read.
      expect(parseCsvEdgeList("payer,payee\nA,B\n").ok).toBe(true);
    });

    it("should build companies and deals from names", () => {
      const r = parseCsvEdgeList(
        "from,to,type,amount_usd_bn,announced,status,source\n" +
          'Nvidia,OpenAI,equity,100,2025-09,announced,"Reuters, 2025"\n' +
          "OpenAI,Oracle Corp.,cloud-contract,300,2025-09-10,signed,WSJ\n" +
          "Oracle Corp.,Nvidia,chip-purchase,,2025,,WSJ\n",
      );
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.companies.map((c) => c.id)).toEqual(["nvidia", "openai", "oracle-corp"]);
      expect(r.value.deals[2]).toMatchObject({
        from: "oracle-corp",
        amountUsdBn: null,
        amountQualifier: "undisclosed",
        status: "announced",
      });
      expect(r.value.deals[0]!.sources[0]!.quote).toBe("Reuters, 2025");
    });

    it("should refuse only rows that cannot be deals, and warn of the rest by line, field and reason", () => {
      const r = parseCsvEdgeList(
        [
          "from,to,type,amount_usd_bn,announced,source",
          "A,B,equity,1,2025,s",
          "A,A,equity,1,2025,s",
          "A,,equity,1,2025,s",
          "A,B,loan,-1,2025-13,s",
          "A,B,equity,NaN,2025,",
          '"x, y",B,equity,1e400,2025,s',
        ].join("\n"),
      );
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        'line 3, to: self-loop: "A" pays itself',
        "line 4, to: is empty",
      ]);
      expect((r.warnings ?? []).map((p) => `${p.path}: ${p.message}`)).toEqual([
        'line 1, type: values read as ours: "loan" → debt (1 row)',
        'line 5, amount: "-1" is not an amount we can read: the deal is imported as undisclosed',
        'line 5, announced: "2025-13" is not a date as YYYY, YYYY-MM or YYYY-MM-DD: left out',
        'line 6, amount: "NaN" is not an amount we can read: the deal is imported as undisclosed',
        "line 6, sources: is empty: the deal cites the file (edge list, line 6)",
        'line 7, amount: "1e400" is not an amount we can read: the deal is imported as undisclosed',
      ]);
      expect(r.skipped).toBe(2);
      const deals = r.partial!.deals;
      expect(deals.map((d) => [d.id, d.type, d.amountUsdBn, d.announced ?? null])).toEqual([
        ["row-2", "equity", 1, "2025"],
        ["row-5", "debt", null, null],
        ["row-6", "equity", null, "2025"],
        ["row-7", "equity", null, "2025"],
      ]);
      // What could not be read is kept in a note.
      expect(deals[1]!.notes).toEqual([
        'Amount in the file: "-1".',
        'Date in the file: "2025-13".',
      ]);
    });

    it("should count lines inside quoted multi-line cells", () => {
      const r = parseCsvEdgeList('from,to,amount_usd_bn\n"A\nCorp",B,1\nB,C,oops\n');
      expect(r.ok && r.warnings![0]).toMatchObject({ line: 4 });
    });

    it("should not let __proto__ names pollute objects", () => {
      const r = parseCsvEdgeList("from,to\n__proto__,constructor\nconstructor,__proto__\n");
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value.companies.map((c) => c.id)).toEqual(["proto", "constructor"]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("should read back its own export", () => {
      const csv = serializeDealsCsv(tinyDataset());
      const r = parseCsvEdgeList(csv);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.deals.map((d) => [d.id, d.from, d.to, d.type, d.amountUsdBn])).toEqual(
        tinyDataset().deals.map((d) => [d.id, d.from, d.to, d.type, d.amountUsdBn]),
      );
    });
  });

  describe("splitCsv", () => {
    it("should report an unclosed quote with its line", () => {
      expect(splitCsv('a,b\n"open,c\n').error).toMatchObject({ line: 2 });
      expect(splitCsv('a,b\r\n"x\r\ny",2\r"open').error).toMatchObject({ line: 4 });
    });

    it("should read quotes, blanks before them, line ends and line numbers", () => {
      expect(splitCsv('\ufeffa, "b,""c""" ,d"e\r\n\r\n"x\ry"\rlast').records).toEqual([
        { line: 1, cells: ["a", 'b,"c" ', 'd"e'] },
        { line: 3, cells: ["x\ry"] },
        { line: 5, cells: ["last"] },
      ]);
    });

    it("should split any text as a character-at-a-time reader does (property)", () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "é", "\ufeff"), {
            maxLength: 60,
          }),
          (chars) => {
            const text = chars.join("");
            expect(splitCsv(text)).toEqual(referenceSplitCsv(text));
          },
        ),
        { numRuns: 3000 },
      );
    });
  });

  describe("slugify", () => {
    it("should make lowercase slugs", () => {
      expect(slugify("Nvidia Corp.")).toBe("nvidia-corp");
      expect(slugify("Société Générale")).toBe("societe-generale");
    });
  });
});

describe("domain/csv ids", () => {
  it("should give names without Latin letters a stable id, and keep valid ids as they are", async () => {
    const { companyIdOf, parseCsvEdgeList } = await import("../../../src/domain/csv.ts");
    expect(companyIdOf("智谱")).toMatch(/^co-[0-9a-f]{8}$/);
    expect(companyIdOf("智谱")).toBe(companyIdOf("智谱"));
    expect(companyIdOf("智谱")).not.toBe(companyIdOf("月之暗面"));
    expect(companyIdOf("   ")).toBe("");
    const r = parseCsvEdgeList("id,from,to\na--b,智谱,月之暗面\n");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.deals[0]!.id).toBe("a--b");
  });
});

describe("domain/csv v2 columns", () => {
  it("should read lineage, evidence and arrangements, and report a broken lineage by line", async () => {
    const { parseCsvEdgeList } = await import("../../../src/domain/csv.ts");
    const ok = parseCsvEdgeList(
      "id,from,to,status,superseded_by,evidence,arrangement_id\nold,A,B,superseded,new,estimate,arr\nnew,A,B,signed,,filing,arr\n",
    );
    if (!ok.ok) throw new Error(ok.problems.map((p) => p.message).join("; "));
    expect(
      ok.value.deals.map((d) => [d.id, d.status, d.supersededBy, d.evidence, d.arrangementId]),
    ).toEqual([
      ["old", "superseded", "new", "estimate", "arr"],
      ["new", "signed", undefined, "filing", "arr"],
    ]);
    const loose = parseCsvEdgeList(
      "id,from,to,status,superseded_by,evidence\nold,A,B,superseded,,reported\nx,A,B,signed,,rumour\ny,A,B,superseded,the March round,\n",
    );
    if (!loose.ok) throw new Error(loose.problems.map((p) => p.message).join("; "));
    expect(loose.value.deals.map((d) => [d.id, d.status, d.supersededBy, d.evidence])).toEqual([
      ["old", "superseded", undefined, "reported"],
      ["x", "signed", undefined, "inferred"],
      ["y", "superseded", undefined, "reported"],
    ]);
    expect((loose.warnings ?? []).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'line 1, evidence: values read as ours: "rumour" → inferred (1 row)',
      'line 4, superseded_by: "the March round" is not a deal in this file: the deal is imported as superseded without its replacement',
    ]);
    const cycle = parseCsvEdgeList(
      "id,from,to,status,superseded_by\na,A,B,superseded,b\nb,A,B,superseded,a\n",
    );
    expect(cycle.ok).toBe(false);
    expect(cycle.problems.map((p) => p.message)).toEqual([
      "lineage goes round in a cycle: a → b → a",
    ]);
  });
});

/**
 * The splitter as it was first written, a character at a time: the oracle the
 * faster one is checked against.
 */
function referenceSplitCsv(text: string): ReturnType<typeof splitCsv> {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      inQuotes = true;
      quoteLine = line;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes) {
    const error = {
      path: `line ${quoteLine}`,
      line: quoteLine,
      message: "a quoted field is never closed",
    };
    return { records, error };
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { records };
}
