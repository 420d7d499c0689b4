import { beforeEach, describe, expect, it } from "vitest";
import { analyzeFiltered } from "../../../src/analysis/analyzeDataset.ts";
import { DEFAULT_DEAL_FILTERS } from "../../../src/analysis/filterDeals.ts";
import { actions, initialState, useStore } from "../../../src/state/store.ts";
import { decodeView, encodeView } from "../../../src/state/url/codec.ts";
import { findLoop, resolveSelection, viewOfStore } from "../../../src/state/url/sync.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("state/url/sync", () => {
  beforeEach(() => {
    useStore.setState(initialState(), true);
    actions.setDataset(tinyDataset(), "imported");
    actions.analysisFinished(analyzeFiltered(tinyDataset(), DEFAULT_DEAL_FILTERS));
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
        },
      });
      expect(findLoop(s.analysis!.loops, ["openai", "nvidia", "oracle"])).toBeUndefined();
    });
  });

  describe("viewOfStore", () => {
    it("should encode the store's view so that decoding gives it back", () => {
      actions.selectLoop("nvidia>openai>oracle", ["nvidia", "openai", "oracle"]);
      actions.setFilters({ minAmountUsdBn: 10 });
      actions.setTab("risk");
      const view = viewOfStore(useStore.getState());
      const back = decodeView(encodeView(view));
      expect(back.ignored).toEqual([]);
      expect(back.view).toEqual(view);
    });
  });
});
