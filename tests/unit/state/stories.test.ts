import { beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyStoryEdit, newStoryId } from "../../../src/domain/edit.ts";
import type { Story } from "../../../src/domain/schema.ts";
import { serializeDatasetJson, parseDatasetJson } from "../../../src/domain/validate.ts";
import { selectStories, selectStoryStep } from "../../../src/state/selectors.ts";
import { currentStepView, hasShippedData, linkCarrying } from "../../../src/state/stories.ts";
import { DEFAULT_DATASET, actions, initialState, useStore } from "../../../src/state/store.ts";
import { decodeView, encodeStoryPlace } from "../../../src/state/url/codec.ts";
import { decodeStoryFragment, encodeStoryFragment } from "../../../src/state/url/fragment.ts";
import { tinyDataset } from "../domain/fixtures.ts";

const story = (over: Partial<Story> = {}): Story => ({
  id: "who-pays-oracle",
  title: "Who pays Oracle?",
  steps: [
    { title: "The loop", caption: "*Money* goes round.", view: "v=1&loop=nvidia.openai.oracle" },
    { title: "Oracle", caption: "", view: "v=1&co=oracle&tab=risk" },
  ],
  ...over,
});

describe("domain/edit", () => {
  describe("applyStoryEdit", () => {
    it("should refuse a story that breaks the schema, naming the field", () => {
      const bad = applyStoryEdit(tinyDataset(), {
        kind: "put-story",
        story: story({ steps: [{ title: " ", caption: "", view: "v=1" }] }),
      });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.problems[0]!.field).toBe("steps[0].title");
      const markup = applyStoryEdit(tinyDataset(), {
        kind: "put-story",
        story: story({ steps: [{ title: "x", caption: "", view: 'co="><script>' }] }),
      });
      expect(markup.ok).toBe(false);
      if (!markup.ok) expect(markup.problems[0]!.field).toBe("steps[0].view");
      expect(
        applyStoryEdit(tinyDataset(), { kind: "put-story", story: story({ steps: [] }) }).ok,
      ).toBe(false);
      expect(applyStoryEdit(tinyDataset(), { kind: "delete-story", id: "ghost" }).ok).toBe(false);
    });

    it("should add, replace and delete a story, keeping the records the same objects", () => {
      const data = tinyDataset();
      const added = applyStoryEdit(data, { kind: "put-story", story: story() });
      expect(added.ok).toBe(true);
      if (!added.ok) return;
      expect(added.dataset.stories).toHaveLength(1);
      expect(added.dataset.deals).toBe(data.deals);
      const renamed = applyStoryEdit(added.dataset, {
        kind: "put-story",
        story: story({ title: "Renamed" }),
      });
      expect(renamed.ok && renamed.dataset.stories!.map((s) => s.title)).toEqual(["Renamed"]);
      const gone = applyStoryEdit(added.dataset, { kind: "delete-story", id: "who-pays-oracle" });
      expect(gone.ok && gone.dataset.stories).toEqual([]);
    });

    it("should survive JSON export and import unchanged", () => {
      const added = applyStoryEdit(tinyDataset(), { kind: "put-story", story: story() });
      if (!added.ok) throw new Error("not added");
      const back = parseDatasetJson(serializeDatasetJson(added.dataset));
      expect(back.ok && back.value.stories).toEqual([story()]);
    });

    it("should refuse two stories with one id on import", () => {
      const text = JSON.stringify({ ...tinyDataset(), stories: [story(), story()] });
      const read = parseDatasetJson(text);
      expect(read.ok).toBe(false);
      expect(read.problems[0]).toMatchObject({ path: "stories[1].id" });
    });
  });

  describe("newStoryId", () => {
    it("should slug the title and never reuse an id, even for hostile titles", () => {
      const data = { stories: [story({ id: "constructor" })] };
      expect(newStoryId(data, "Constructor")).toBe("constructor-2");
      expect(newStoryId(data, "__proto__")).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      fc.assert(
        fc.property(fc.string(), (title) => {
          expect(newStoryId(data, title)).toMatch(/^[a-z0-9][a-z0-9-]{0,119}$/);
        }),
      );
    });
  });
});

describe("state/stories", () => {
  beforeEach(() => {
    useStore.setState(initialState(), true);
  });

  it("should keep a story edit as one undo step, saved as a copy of the shipped data", () => {
    expect(actions.editData({ kind: "put-story", story: story() })).toEqual([]);
    const s = useStore.getState();
    expect(s.datasetSource.kind).toBe("entry");
    expect(selectStories(s).map((x) => x.id)).toContain("who-pays-oracle");
    expect(hasShippedData(s.dataset)).toBe(true);
    actions.undo();
    expect(selectStories(useStore.getState()).map((x) => x.id)).not.toContain("who-pays-oracle");
  });

  it("should tell a linked story over the shipped data, and end it with another dataset", () => {
    actions.setLinkedStory(story());
    actions.openStory({ storyId: "who-pays-oracle", stepIndex: 1 });
    expect(selectStoryStep(useStore.getState())?.step.title).toBe("Oracle");
    actions.setDataset(tinyDataset(), { kind: "entry", id: "other" });
    expect(useStore.getState().story).toBeNull();
    expect(useStore.getState().linkedStory).toBeNull();
    expect(hasShippedData(tinyDataset())).toBe(false);
  });

  it("should show the last step when the shown one is deleted or undone, and nothing once the story is gone", () => {
    actions.editData({ kind: "put-story", story: story() });
    actions.openStory({ storyId: "who-pays-oracle", stepIndex: 1 });
    actions.editData({ kind: "put-story", story: story({ steps: story().steps.slice(0, 1) }) });
    expect(selectStoryStep(useStore.getState())).toMatchObject({ stepIndex: 0 });
    actions.undo();
    expect(selectStoryStep(useStore.getState())).toMatchObject({ stepIndex: 1 });
    actions.editData({ kind: "delete-story", id: "who-pays-oracle" });
    expect(selectStoryStep(useStore.getState())).toBeNull();
  });

  it("should carry what fits in the link, and say in KB why what is too large does not", () => {
    expect(
      linkCarrying("https://x/?a=1", { ok: true, fragment: "data=abc", bytes: 3 }, "L", "W"),
    ).toEqual({
      url: "https://x/?a=1#data=abc",
      note: null,
    });
    expect(
      linkCarrying(
        "https://x/?a=1",
        { ok: false, bytes: 10_240 },
        "The link names the story but cannot carry it",
        "the story",
      ),
    ).toEqual({
      url: "https://x/?a=1",
      note: "The link names the story but cannot carry it: compressed, the story is 10.0 KB, over the 8.0 KB a link can carry. Send the exported file with it (Data → Export JSON).",
    });
  });

  it("should never make the Stories tab a step's panel", () => {
    actions.setTab("stories");
    expect(decodeView(currentStepView(useStore.getState())).view.tab).toBe("loops");
    actions.setTab("risk");
    expect(decodeView(currentStepView(useStore.getState())).view.tab).toBe("risk");
  });

  it("should know the shipped data read back from storage, whatever its key order", () => {
    expect(hasShippedData(structuredClone(DEFAULT_DATASET))).toBe(true);
    const read = parseDatasetJson(serializeDatasetJson(DEFAULT_DATASET));
    if (!read.ok) throw new Error("the shipped dataset does not validate");
    expect(hasShippedData(read.value)).toBe(true);
    const edited = structuredClone(read.value);
    edited.deals[0] = { ...edited.deals[0]!, amountUsdBn: 1 };
    expect(hasShippedData(edited)).toBe(false);
  });
});

describe("state/url/codec", () => {
  describe("decodeView (story)", () => {
    it("should refuse a bad story id or step, and a step with no story, saying why", () => {
      expect(decodeView("story=Bad!&step=1").ignored[0]).toContain("not a story id");
      expect(decodeView("story=a&step=0").ignored[0]).toContain("step number from 1");
      expect(decodeView("story=a&step=x").ignored[0]).toContain("step number from 1");
      expect(decodeView("step=2").ignored[0]).toContain("names no story");
    });

    it("should read back the place it writes (1-based in the address)", () => {
      const place = { storyId: "how-it-goes", stepIndex: 3 };
      expect(encodeStoryPlace(place)).toBe("story=how-it-goes&step=4");
      expect(decodeView(encodeStoryPlace(place))).toMatchObject({ story: place, ignored: [] });
      expect(decodeView("story=a").story).toEqual({ storyId: "a", stepIndex: 0 });
    });
  });
});

describe("state/url/fragment", () => {
  describe("decodeStoryFragment", () => {
    it("should refuse a story that breaks the schema, naming the field", async () => {
      const enc = await encodeStoryFragment({ ...story(), steps: [] });
      if (!enc.ok) throw new Error("too large");
      const read = await decodeStoryFragment(`#${enc.fragment}`);
      expect(read?.ok).toBe(false);
      expect(read?.problems[0]).toMatchObject({ path: "story.steps" });
      expect(await decodeStoryFragment("#data=abc")).toBeNull();
      expect((await decodeStoryFragment("#story=%%%"))?.ok).toBe(false);
    });

    it("should round-trip a story, hostile captions included", async () => {
      const hostile = story({
        steps: [
          {
            title: "<b>x</b>",
            caption: "<script>alert(1)</script> [x](javascript:alert(1))",
            view: "v=1",
          },
        ],
      });
      const enc = await encodeStoryFragment(hostile);
      if (!enc.ok) throw new Error("too large");
      const read = await decodeStoryFragment(`#${enc.fragment}`);
      expect(read?.ok && read.value).toEqual(hostile);
    });
  });
});
