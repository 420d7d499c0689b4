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
