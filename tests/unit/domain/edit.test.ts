import { describe, expect, it } from "vitest";
import { applyDealEdit, newDealId } from "../../../src/domain/edit.ts";
import { tinyDataset } from "./fixtures.ts";

describe("domain/edit", () => {
  it("should replace, add and delete a deal without touching the input", () => {
    const d = tinyDataset();
    const frozen = JSON.stringify(d);
    const first = d.deals[0]!;
    const replaced = applyDealEdit(d, {
      kind: "replace",
      id: first.id,
      deal: { ...first, amountUsdBn: 1, amountQualifier: "exact" },
    });
    expect(replaced.ok && replaced.dataset.deals[0]!.amountUsdBn).toBe(1);
    const id = newDealId(d, first.from, first.to);
    const added = applyDealEdit(d, { kind: "add", deal: { ...first, id } });
    expect(added.ok && added.dataset.deals.at(-1)!.id).toBe(id);
    const deleted = applyDealEdit(d, { kind: "delete", id: first.id });
    expect(deleted.ok && deleted.dataset.deals.map((x) => x.id)).not.toContain(first.id);
    expect(JSON.stringify(d)).toBe(frozen);
  });

  it("should refuse an edit that breaks the data, naming the field", () => {
    const d = tinyDataset();
    const first = d.deals[0]!;
    const bad = applyDealEdit(d, {
      kind: "replace",
      id: first.id,
      deal: { ...first, from: "nobody", amountUsdBn: -1 },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.field)).toContain("amountUsdBn");
    const unknown = applyDealEdit(d, {
      kind: "replace",
      id: first.id,
      deal: { ...first, from: "nobody" },
    });
    expect(unknown.ok ? [] : unknown.problems).toEqual([
      { field: "from", message: 'unknown company "nobody"' },
    ]);
    expect(applyDealEdit(d, { kind: "add", deal: first })).toEqual({
      ok: false,
      problems: [{ field: "id", message: `a deal "${first.id}" exists` }],
    });
  });
});

describe("domain/edit companies", () => {
  it("should merge a duplicate into a company: deals, facts and sponsors follow", async () => {
    const { applyEdit } = await import("../../../src/domain/edit.ts");
    const { parseCsvEdgeList } = await import("../../../src/domain/csv.ts");
    const r = parseCsvEdgeList(
      "from,to,amount_usd_bn\nNvidia,OpenAI,100\nOpen AI,Oracle,300\nOracle,Nvidia,40\n",
    );
    if (!r.ok) throw new Error("should parse");
    expect(r.value.companies.map((c) => c.id)).toEqual(["nvidia", "openai", "open-ai", "oracle"]);
    const merged = applyEdit(r.value, { kind: "merge-companies", keep: "openai", drop: "open-ai" });
    if (!merged.ok) throw new Error(merged.problems.map((p) => p.message).join("; "));
    expect(merged.dataset.companies.map((c) => c.id)).toEqual(["nvidia", "openai", "oracle"]);
    expect(merged.dataset.deals.map((d) => `${d.from}>${d.to}`)).toEqual([
      "nvidia>openai",
      "openai>oracle",
      "oracle>nvidia",
    ]);
    // A merge that would make a company pay itself is refused, naming the deals.
    const selfPay = applyEdit(r.value, { kind: "merge-companies", keep: "nvidia", drop: "openai" });
    expect(selfPay.ok ? "" : selfPay.problems[0]!.message).toMatch(
      /^the merge would make the company pay itself in row-2/,
    );
  });

  it("should refuse to delete a company deals name, and add or rename one by the rules", async () => {
    const { applyEdit, newCompanyId } = await import("../../../src/domain/edit.ts");
    const d = tinyDataset();
    const used = d.deals[0]!.from;
    const refused = applyEdit(d, { kind: "delete-company", id: used });
    expect(refused.ok ? "" : refused.problems[0]!.message).toMatch(/deals? names? it/);
    const id = newCompanyId(d, "Mistral AI");
    expect(id).toBe("mistral-ai");
    const added = applyEdit(d, {
      kind: "add-company",
      company: { id, name: "Mistral AI", kind: "ai-lab" },
    });
    expect(added.ok && added.dataset.companies.at(-1)!.name).toBe("Mistral AI");
    const blank = applyEdit(d, {
      kind: "replace-company",
      id: used,
      company: { id: used, name: "", kind: "other" },
    });
    expect(blank.ok ? [] : blank.problems.map((p) => p.field)).toEqual(["name"]);
    if (added.ok) {
      const gone = applyEdit(added.dataset, { kind: "delete-company", id });
      expect(gone.ok && gone.dataset.companies.some((c) => c.id === id)).toBe(false);
    }
  });
});
