import { describe, expect, it } from "vitest";
import { tinyDataset } from "../domain/fixtures.ts";

describe("state/store data edits", () => {
  it("should keep edits as undo steps, never view changes, and clear the history on opening a dataset", async () => {
    const { actions, useStore } = await import("../../../src/state/store.ts");
    const d = tinyDataset();
    actions.setDataset(d, { kind: "entry", id: "e1" });
    const temporal = useStore.temporal.getState;
    expect(temporal().pastStates).toHaveLength(0);
    const first = d.deals[0]!;
    expect(
      actions.editData({ kind: "replace", id: first.id, deal: { ...first, amountUsdBn: 7 } }),
    ).toEqual([]);
    actions.selectCompany(first.from);
    expect(temporal().pastStates).toHaveLength(1);
    actions.undo();
    expect(useStore.getState().dataset.deals[0]!.amountUsdBn).toBe(first.amountUsdBn);
    actions.redo();
    expect(useStore.getState().dataset.deals[0]!.amountUsdBn).toBe(7);
    // A refused edit changes nothing.
    expect(actions.editData({ kind: "delete", id: "nope" })).not.toEqual([]);
    expect(temporal().pastStates).toHaveLength(1);
    actions.showDefault();
    expect(temporal().pastStates).toHaveLength(0);
    // Editing the shipped dataset makes a saved copy (an entry), never the shipped file.
    const shipped = useStore.getState().dataset;
    const deal = shipped.deals[0]!;
    actions.editData({ kind: "replace", id: deal.id, deal: { ...deal, description: "edited" } });
    expect(useStore.getState().datasetSource.kind).toBe("entry");
    expect(shipped.deals[0]!.description).not.toBe("edited");
  });
});
