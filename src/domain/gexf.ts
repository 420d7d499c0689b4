/**
 * GEXF (Gephi's XML format): nodes are companies, edges are deals.
 *
 * Reading goes through graphology-gexf, fed a document from @xmldom/xmldom rather
 * than the browser's DOMParser, which does not exist in a Web Worker. xmldom
 * reports malformed XML with its line; the checks graphology-gexf would throw on
 * (unknown nodes, duplicate ids) are made first, so each bad edge is reported by
 * its id and line and left out, never the whole file for one edge.
 */
import { DOMParser } from "@xmldom/xmldom";
import Graph, { MultiDirectedGraph } from "graphology";
import { parse as parseGexfGraph, write as writeGexfGraph } from "graphology-gexf";
import type { Attributes } from "graphology-types";
import { slugify } from "./csv.ts";
import type { ParseResult, Problem } from "./problems.ts";
import { type Company, type Dataset, SCHEMA_VERSION, type Source } from "./schema.ts";
import { edgeToDeal, nodeToCompany, pickAttr, text } from "./gexfRecords.ts";
import { xmlSafe } from "./xmlText.ts";
import { findLineageProblems } from "./validate.ts";

const GEXF_SOURCE_ID = "gexf-import";
const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;

interface Located {
  readonly element: Element;
  readonly line: number | undefined;
  readonly label: string;
}

const where = (loc: { line: number | undefined; label: string }, field?: string) =>
  [loc.line === undefined ? "" : `line ${loc.line}`, loc.label, field ?? ""]
    .filter((s) => s !== "")
    .join(", ");

function problemAt(loc: Located, message: string, field?: string): Problem {
  return {
    path: where(loc, field),
    ...(loc.line === undefined ? {} : { line: loc.line }),
    message,
  };
}

/** Parses the XML, turning xmldom's messages into problems with their line. */
function parseXml(content: string): { doc: Document | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (message: string) => {
    const m = /@#\[line:(\d+),col:(\d+)\]/.exec(message);
    const reason = message
      .replace(/^\[xmldom \w+\]\s*/, "")
      .replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, "")
      .replace(/^unclosed xml attribute$/, "an element is not closed (is the file cut short?)")
      .replace(/^element parse error: (Error: )?/, "");
    const line = m ? Number(m[1]) : undefined;
    problems.push({
      path: line === undefined ? "(document)" : `line ${line}, column ${m![2]}`,
      ...(line === undefined ? {} : { line }),
      message: `the XML is not well-formed: ${reason}`,
    });
  };
  const parser = new DOMParser({
    locator: {},
    errorHandler: { warning: report, error: report, fatalError: report },
  });
  try {
    const doc = parser.parseFromString(content, "application/xml");
    // NOTE: after the first XML error xmldom's later messages are its own confusion.
    return { doc: problems.length === 0 ? doc : null, problems: problems.slice(0, 1) };
  } catch (err) {
    if (problems.length === 0) report(err instanceof Error ? err.message : String(err));
    return { doc: null, problems: problems.slice(0, 1) };
  }
}

function locate(doc: Document, tag: "node" | "edge"): Located[] {
  const elements = doc.getElementsByTagName(tag);
  return Array.from(elements, (element, i) => {
    const id = element.getAttribute("id") ?? "";
    const line = (element as unknown as { lineNumber?: number }).lineNumber;
    return { element, line, label: id === "" ? `${tag} #${i + 1}` : `${tag} "${id}"` };
  });
}

const drop = (el: Element) => el.parentNode?.removeChild(el);

/** Parses GEXF text into a dataset; `fileName` names the file in the citations. */
export function parseGexf(content: string, fileName = "graph.gexf"): ParseResult<Dataset> {
  if (content.trim() === "") return fail([{ path: "(document)", message: "the file is empty" }]);
  const xml = parseXml(content);
  if (!xml.doc) return fail(xml.problems);
  const doc = xml.doc;
  const root = doc.documentElement?.tagName;
  if (root !== "gexf") {
    const found = root ? `the root element is <${root}>` : "there is no XML element";
    return fail([{ path: "(document)", message: `not a GEXF file: ${found}, expected <gexf>` }]);
  }
  if (doc.getElementsByTagName("graph").length === 0) {
    return fail([{ path: "(document)", message: "not a GEXF file: <gexf> has no <graph>" }]);
  }

  const problems: Problem[] = [];
  let skipped = 0;
  const nodeIds = new Map<string, Located>();
  for (const node of locate(doc, "node")) {
    const id = node.element.getAttribute("id") ?? "";
    const first = nodeIds.get(id);
    if (id === "") problems.push(problemAt(node, "has no id", "id"));
    else if (first) {
      problems.push(problemAt(node, `duplicate node id "${id}" (first at ${where(first)})`, "id"));
    } else {
      nodeIds.set(id, node);
      continue;
    }
    drop(node.element);
    skipped++;
  }
  const edges = new Map<string, Located>();
  locate(doc, "edge").forEach((edge, i) => {
    const el = edge.element;
    const id = el.getAttribute("id") ?? "";
    const rowProblems: Problem[] = [];
    for (const end of ["source", "target"] as const) {
      const ref = el.getAttribute(end) ?? "";
      if (ref === "") rowProblems.push(problemAt(edge, "is missing", end));
      else if (!nodeIds.has(ref)) rowProblems.push(problemAt(edge, `unknown node "${ref}"`, end));
    }
    const source = el.getAttribute("source");
    if (source && source === el.getAttribute("target")) {
      rowProblems.push(problemAt(edge, `self-loop: node "${source}" pays itself`, "target"));
    }
    if (id !== "" && edges.has(id)) {
      rowProblems.push(
        problemAt(edge, `duplicate edge id "${id}" (first at ${where(edges.get(id)!)})`, "id"),
      );
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      drop(el);
      skipped++;
      return;
    }
    // NOTE: every kept edge gets a known key, so graph edges map back to their lines.
    const key = id === "" ? `\u0000edge-${i + 1}` : id;
    if (id === "") el.setAttribute("id", key);
    edges.set(key, edge);
  });

  let graph: Graph;
  try {
    // NOTE: the generic Graph, so that undirected, mixed and parallel edges all load.
    graph = parseGexfGraph(Graph, doc, { allowUndeclaredAttributes: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail([
      ...problems,
      {
        path: "(document)",
        message: `could not read the graph: ${reason.replace(/^graphology-gexf\/parser: /, "")}`,
      },
    ]);
  }

  const companyIds = new Map<string, string>();
  const used = new Set<string>();
  const companies: Company[] = [];
  graph.forEachNode((key, attrs) => {
    companyIds.set(key, uniqueId(nodeSlug(key, attrs), used, "node"));
  });
  graph.forEachNode((key, attrs) => {
    companies.push(nodeToCompany(key, attrs, companyIds.get(key)!, (k) => companyIds.get(k)));
  });

  const usedDeals = new Set<string>();
  const deals: Dataset["deals"] = [];
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    const loc = edges.get(key)!;
    const shownId = key.startsWith("\u0000") ? "" : key;
    const base = SLUG_RE.test(shownId) ? shownId : slugify(shownId);
    const result = edgeToDeal({
      id: uniqueId(base === "" ? `edge-${deals.length + 1}` : base, usedDeals, "edge"),
      from: companyIds.get(source)!,
      to: companyIds.get(target)!,
      fromName: text(graph.getNodeAttribute(source, "label")) || source,
      toName: text(graph.getNodeAttribute(target, "label")) || target,
      // NOTE: graphology-gexf turns weight="1e999" into Infinity; report what the file says.
      attrs: {
        ...attrs,
        ...(loc.element.hasAttribute("weight")
          ? { weight: loc.element.getAttribute("weight") }
          : {}),
      },
      undirected,
      sourceId: GEXF_SOURCE_ID,
      citation: shownId === "" ? `${fileName}, ${loc.label}` : `${fileName}, edge "${shownId}"`,
    });
    if ("problems" in result) {
      problems.push(...result.problems.map((p) => problemAt(loc, p.message, p.field)));
      skipped++;
    } else deals.push(result.deal);
  });

  // Lineage needs every edge: one may name a replacement further down the file.
  const lineageBad = new Set<number>();
  for (const p of findLineageProblems({ deals })) {
    const i = Number(/^deals\[(\d+)\]/.exec(p.path)?.[1]);
    lineageBad.add(i);
    problems.push({ path: `edge "${deals[i]!.id}", supersededBy`, message: p.message });
  }
  if (lineageBad.size > 0) {
    skipped += lineageBad.size;
    const kept = deals.filter((_, i) => !lineageBad.has(i));
    deals.length = 0;
    deals.push(...kept);
  }

  const meta = graph.getAttributes();
  const source: Source = { id: GEXF_SOURCE_ID, kind: "external", title: `GEXF ${fileName}` };
  const modified = text(meta.lastModifiedDate).slice(0, 10);
  const value: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    title: text(pickAttr(meta, "title")) || text(pickAttr(meta, "description")) || fileName,
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(modified) ? modified : latestDate(deals),
    companies,
    deals,
    sources: [source],
    facts: [],
  };
  if (problems.length === 0) return { ok: true, value, problems };
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, problems, partial: deals.length > 0 ? value : null, skipped };
}

/** The company id for a node: its own id when that is a readable slug, else its label's. */
function nodeSlug(key: string, attrs: Attributes): string {
  const label = text(attrs.label);
  // NOTE: Gephi numbers its nodes ("0", "1", …); a label says more than that.
  if (/^\d+$/.test(key) && slugify(label) !== "") return slugify(label);
  return SLUG_RE.test(key) ? key : slugify(key) || slugify(label);
}

function uniqueId(base: string, used: Set<string>, fallback: string): string {
  const stem = (base === "" ? fallback : base).slice(0, 110);
  let id = stem;
  for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
  used.add(id);
  return id;
}

function latestDate(deals: Dataset["deals"]): string {
  let best: string | undefined;
  for (const d of deals) if (d.announced && (!best || d.announced > best)) best = d.announced;
  return best ?? new Date().toISOString().slice(0, 10);
}

function fail(problems: Problem[]): ParseResult<Dataset> {
  return { ok: false, problems, partial: null, skipped: 0 };
}

/** Writes a dataset as GEXF 1.2 with companies and deals and all their fields as attributes. */
export function serializeGexf(dataset: Dataset): string {
  const graph = new MultiDirectedGraph();
  graph.replaceAttributes({
    creator: "Ouroboros",
    description: xmlSafe(dataset.title),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(dataset.asOf) ? { lastModifiedDate: dataset.asOf } : {}),
  });
  for (const c of dataset.companies) {
    graph.addNode(c.id, {
      label: xmlSafe(c.name),
      kind: c.kind,
      sponsors: (c.sponsors ?? []).join(","),
      description: xmlSafe(c.description ?? ""),
    });
  }
  const sourceTitles = new Map(dataset.sources.map((s) => [s.id, s.title]));
  for (const d of dataset.deals) {
    if (!graph.hasNode(d.from) || !graph.hasNode(d.to)) continue;
    graph.addDirectedEdgeWithKey(d.id, d.from, d.to, {
      ...(d.amountUsdBn === null ? {} : { weight: d.amountUsdBn, amountUsdBn: d.amountUsdBn }),
      type: d.type,
      amountQualifier: d.amountQualifier,
      announced: d.announced ?? "",
      status: d.status,
      supersededBy: d.supersededBy ?? "",
      evidence: d.evidence,
      arrangementId: d.arrangementId ?? "",
      horizonYears: d.horizonYears ?? null,
      capacityGw: d.capacityGw ?? null,
      description: xmlSafe(d.description),
      notes: xmlSafe(d.notes.join("\n")),
      sources: xmlSafe(d.sources.map((s) => sourceTitles.get(s.sourceId) ?? s.sourceId).join("; ")),
    });
  }
  return writeGexfGraph(graph, {
    version: "1.2",
    formatNode: (_key, a) => ({
      label: a.label,
      attributes: { kind: a.kind, sponsors: a.sponsors, description: a.description },
    }),
    formatEdge: (_key, a) => {
      const { weight, ...attributes } = a;
      return { ...(typeof weight === "number" ? { weight } : {}), attributes };
    },
  });
}
