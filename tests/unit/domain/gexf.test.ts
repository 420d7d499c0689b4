import { describe, expect, it } from "vitest";
import { parseGexf, serializeGexf } from "../../../src/domain/gexf.ts";
import { looksLikeGexf } from "../../../src/domain/importText.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import type { Dataset } from "../../../src/domain/schema.ts";
import { validateDataset } from "../../../src/domain/validate.ts";
import { tinyDataset } from "./fixtures.ts";

/** A GEXF document with the given edge-model attributes, nodes and edges. */
function gexf(opts: { nodes: string; edges: string; model?: string; edgeType?: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <graph defaultedgetype="${opts.edgeType ?? "directed"}">`,
    opts.model ?? "",
    `    <nodes>${opts.nodes}</nodes>`,
    "    <edges>",
    opts.edges,
    "    </edges>",
    "  </graph>",
    "</gexf>",
  ].join("\n");
}

/** Gephi's style: numeric node ids, lower-cased attribute ids with titles. */
const GEPHI_MODEL = `    <attributes class="node">
      <attribute id="kind" title="Kind" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="amountusdbn" title="amountUsdBn" type="double"/>
      <attribute id="0" title="type" type="string"/>
      <attribute id="announced" title="announced" type="string"/>
      <attribute id="status" title="status" type="string"/>
    </attributes>`;
const GEPHI_NODES = `
      <node id="0" label="Nvidia"><attvalues><attvalue for="kind" value="chipmaker"/></attvalues></node>
      <node id="1" label="OpenAI"><attvalues><attvalue for="kind" value="lab"/></attvalues></node>
      <node id="2" label="Oracle"/>`;
const edge = (id: string, s: string, t: string, values: Record<string, string>, extra = "") =>
  `      <edge id="${id}" source="${s}" target="${t}"${extra}><attvalues>${Object.entries(values)
    .map(([k, v]) => `<attvalue for="${k}" value="${v}"/>`)
    .join("")}</attvalues></edge>`;

function valueOf(r: ReturnType<typeof parseGexf>): Dataset {
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

describe("domain/gexf", () => {
  describe("parseGexf", () => {
    it("should refuse empty, non-XML, malformed and non-GEXF input with a clear message", () => {
      expect(parseGexf("  ").problems[0]!.message).toBe("the file is empty");
      expect(parseGexf("hello").problems[0]!.message).toMatch(/not a GEXF file/);
      expect(parseGexf("<html><body/></html>").problems[0]!.message).toBe(
        "not a GEXF file: the root element is <html>, expected <gexf>",
      );
      expect(parseGexf("<gexf/>").problems[0]!.message).toMatch(/has no <graph>/);
      const cut = parseGexf('<gexf>\n<graph>\n<nodes><node id="a"/>', "cut.gexf");
      expect(cut.ok).toBe(false);
      expect(cut.problems).toHaveLength(1);
      expect(cut.problems[0]!.message).toMatch(/^the XML is not well-formed: /);
      expect(cut.problems[0]!.line).toBeGreaterThanOrEqual(1);
      if (!cut.ok) expect(cut.partial).toBeNull();
    });

    it("should read a Gephi file: label slugs for numeric ids, kinds, typed attributes", () => {
      const r = parseGexf(
        gexf({
          model: GEPHI_MODEL,
          nodes: GEPHI_NODES,
          edges: [
            edge("0", "0", "1", { amountusdbn: "100", "0": "equity", announced: "2025-09" }),
            edge("1", "1", "2", { amountusdbn: "300.5", "0": "cloud-contract", status: "signed" }),
            edge("2", "2", "0", { "0": "Chip-Purchase" }, ' weight="40"'),
          ].join("\n"),
        }),
        "gephi.gexf",
      );
      const value = valueOf(r);
      expect(validateDataset(value).ok).toBe(true);
      expect(value.title).toBe("gephi.gexf");
      expect(value.companies).toEqual([
        { id: "nvidia", name: "Nvidia", kind: "chipmaker" },
        {
          id: "openai",
          name: "OpenAI",
          kind: "other",
          description: expect.stringMatching(/kind "lab" is not one of/),
        },
        { id: "oracle", name: "Oracle", kind: "other" },
      ]);
      expect(value.deals.map((d) => [d.from, d.to, d.type, d.amountUsdBn])).toEqual([
        ["nvidia", "openai", "equity", 100],
        ["openai", "oracle", "cloud-contract", 300.5],
        ["oracle", "nvidia", "chip-purchase", 40],
      ]);
      expect(value.deals[0]).toMatchObject({ announced: "2025-09", status: "announced" });
      expect(value.deals[1]).toMatchObject({ status: "signed", amountQualifier: "exact" });
      expect(value.deals[2]!.notes).toEqual([
        "The amount is the GEXF edge weight (no amountUsdBn attribute).",
      ]);
      expect(value.sources).toEqual([
        { id: "gexf-import", kind: "external", title: "GEXF gephi.gexf" },
      ]);
      expect(value.deals[0]!.sources).toEqual([
        { sourceId: "gexf-import", quote: 'gephi.gexf, edge "0"' },
      ]);
    });

    it("should keep unknown types, statuses and dates as notes instead of dropping them", () => {
      const value = valueOf(
        parseGexf(
          gexf({
            nodes: '<node id="a" label="A"/><node id="b" label="B"/>',
            edges: edge("e1", "a", "b", { type: "loan", status: "rumoured", announced: "Q3" }),
          }),
        ),
      );
      const deal = value.deals[0]!;
      expect(deal).toMatchObject({ type: "other", status: "announced", amountUsdBn: null });
      expect(deal.announced).toBeUndefined();
      expect(deal.notes.join("\n")).toMatch(/type "loan".*\n.*status "rumoured".*\n.*date "Q3"/);
    });

    it("should report bad amounts, self-loops, unknown nodes and duplicates by edge and line", () => {
      const text = gexf({
        nodes: '<node id="a" label="A"/><node id="b" label="B"/>\n<node id="a" label="Again"/>',
        edges: [
          edge("ok", "a", "b", { amount: "2" }),
          edge("neg", "a", "b", { amountUsdBn: "-5" }),
          edge("nan", "b", "a", { amount: "lots" }),
          edge("loop", "a", "a", {}),
          edge("ghost", "a", "zz", {}),
          edge("ok", "b", "a", {}),
          '      <edge source="b" target="a" weight="1e999"/>',
        ].join("\n"),
      });
      const r = parseGexf(text, "bad.gexf");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = text.split("\n");
      const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
      expect(r.problems.map(formatProblem)).toEqual([
        `line ${lineOf('"Again"')}, node "a", id: duplicate node id "a" (first at line ${lineOf('label="A"')}, node "a")`,
        `line ${lineOf('"neg"')}, edge "neg", amountUsdBn: -5 must not be negative`,
        `line ${lineOf('"nan"')}, edge "nan", amountUsdBn: "lots" is not a finite number`,
        `line ${lineOf('"loop"')}, edge "loop", target: self-loop: node "a" pays itself`,
        `line ${lineOf('"ghost"')}, edge "ghost", target: unknown node "zz"`,
        `line ${lineOf('id="ok" source="b"')}, edge "ok", id: duplicate edge id "ok" (first at line ${lineOf('"ok"')}, edge "ok")`,
        `line ${lineOf("1e999")}, edge #7, weight: "1e999" is not a finite number`,
      ]);
      expect(r.problems.every((p) => typeof p.line === "number")).toBe(true);
      expect(r.skipped).toBe(7);
      expect(r.partial?.deals.map((d) => [d.id, d.amountUsdBn])).toEqual([["ok", 2]]);
      expect(validateDataset(r.partial).ok).toBe(true);
    });

    it("should read undirected edges as source pays target, with a note", () => {
      const value = valueOf(
        parseGexf(
          gexf({
            edgeType: "undirected",
            nodes: '<node id="a" label="A"/><node id="b" label="B"/>',
            edges: '<edge id="e" source="b" target="a" weight="3"/>',
          }),
        ),
      );
      expect(value.deals[0]).toMatchObject({ from: "b", to: "a", amountUsdBn: 3 });
      expect(value.deals[0]!.notes).toContain(
        "The GEXF edge is undirected; read as source pays target.",
      );
    });

    it("should give distinct ids to nodes whose labels share a slug", () => {
      const value = valueOf(
        parseGexf(
          gexf({
            nodes: '<node id="0" label="Acme"/><node id="1" label="ACME"/><node id="2"/>',
            edges: '<edge source="0" target="1"/>',
          }),
        ),
      );
      expect(value.companies.map((c) => [c.id, c.name])).toEqual([
        ["acme", "Acme"],
        ["acme-2", "ACME"],
        ["2", "2"],
      ]);
      expect(value.deals[0]).toMatchObject({ id: "edge-1", from: "acme", to: "acme-2" });
    });
  });

  describe("serializeGexf", () => {
    it("should write companies and deals with the attributes a Gephi user sees", () => {
      const out = serializeGexf(tinyDataset());
      expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
      expect(out).toContain('<graph defaultedgetype="directed">');
      expect(out).toContain('<attribute id="kind" title="kind" type="string"/>');
      for (const name of ["amountUsdBn", "type", "amountQualifier", "announced", "status"]) {
        expect(out).toContain(`<attribute id="${name}" title="${name}"`);
      }
      expect(out).toContain('<node id="nvidia" label="Nvidia">');
      expect(out).toContain('<edge id="oai-orcl" source="openai" target="oracle" weight="300">');
    });

    it("should read back what it writes, keeping every deal's fields", () => {
      const dataset = tinyDataset();
      const back = valueOf(parseGexf(serializeGexf(dataset), "tiny.gexf"));
      expect(back.title).toBe(dataset.title);
      expect(back.asOf).toBe(dataset.asOf);
      expect(back.companies).toEqual(dataset.companies);
      expect(back.deals.map(({ sources: _s, ...d }) => d)).toEqual(
        dataset.deals.map(({ sources: _s, ...d }) => d),
      );
    });

    it("should drop characters XML forbids so Gephi can open the file", () => {
      const dataset = tinyDataset();
      dataset.companies[0]!.name = "Nv\u0001idia\uD800";
      const out = serializeGexf(dataset);
      expect(out.includes("\u0001") || out.includes("\uD800")).toBe(false);
      expect(valueOf(parseGexf(out)).companies[0]!.name).toBe("Nvidia\uFFFD");
    });
  });

  describe("looksLikeGexf", () => {
    it("should go by the extension, then by a leading tag", () => {
      expect(looksLikeGexf("g.GEXF", "")).toBe(true);
      expect(looksLikeGexf("data", '\uFEFF <?xml version="1.0"?>')).toBe(true);
      expect(looksLikeGexf("data", "from,to")).toBe(false);
    });
  });
});
