import { beforeEach, describe, expect, it } from "vitest";
import { analyzeDataset } from "../../../src/analysis/pipeline.ts";
import { actions, initialState, useStore } from "../../../src/state/store.ts";
import { decodeView, encodeView } from "../../../src/state/url/codec.ts";
import { findLoop, resolveSelection, viewOfStore } from "../../../src/state/url/sync.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("state/url/sync", () => {
  beforeEach(() => {
    useStore.setState(initialState(), true);
    actions.setDataset(tinyDataset(), { kind: "entry", id: "test" });
    actions.analysisFinished(analyzeDataset(tinyDataset()));
  });

  describe("resolveSelection", () => {
    it("should refuse companies, flows and loops missing from the data, saying why", () => {
      const s = useStore.getState();
      expect(resolveSelection(s, { kind: "company", id: "ghost" })).toEqual({
        notice: 'company "ghost" is not in this dataset',
      });
      expect(resolveSelection(s, { kind: "edge", from: "oracle", to: "openai" })).toHaveProperty(
        "notice",
      );
      expect(
        resolveSelection(s, { kind: "loop", companies: ["nvidia", "oracle", "openai"] }),
      ).toHaveProperty("notice");
    });

    it("should find a loop given from any starting company", () => {
      const s = useStore.getState();
      expect(
        resolveSelection(s, { kind: "loop", companies: ["oracle", "nvidia", "openai"] }),
      ).toEqual({
        selection: {
          kind: "loop",
          loopId: "nvidia>openai>oracle",
          companies: ["nvidia", "openai", "oracle"],
          hopKeys: ["nvidia>openai", "openai>oracle", "oracle>nvidia"],
        },
      });
      expect(findLoop(s.analysis!.loops, ["openai", "nvidia", "oracle"])).toBeUndefined();
    });
  });

  describe("viewOfStore", () => {
    it("should encode the store's view so that decoding gives it back", () => {
      actions.selectLoop(useStore.getState().analysis!.loops[0]!);
      actions.setFilters({ minAmountUsdBn: 10 });
      actions.setTab("risk");
      const view = viewOfStore(useStore.getState());
      const back = decodeView(encodeView(view));
      expect(back.ignored).toEqual([]);
      expect(back.view).toEqual(view);
    });

    it("should carry the layout and only that layout's dragged positions", () => {
      actions.dragCompany("force", "nvidia", { x: 5, y: 5 });
      actions.setLayout("circle");
      actions.dragCompany("circle", "oracle", { x: -20.4, y: 7.5 });
      const view = viewOfStore(useStore.getState());
      expect(view.layout).toBe("circle");
      expect([...view.positions]).toEqual([["oracle", { x: -20, y: 8 }]]);
      expect(encodeView(view)).toBe("v=1&layout=circle&pos=oracle:-20,8");
      expect(decodeView(encodeView(view)).view).toEqual(view);
      // Opening another dataset starts with nothing dragged.
      actions.setDataset({ ...tinyDataset(), title: "Other" }, { kind: "entry", id: "other" });
      expect(viewOfStore(useStore.getState()).positions.size).toBe(0);
    });
  });
});
