import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { encodeDatasetFragment } from "../../src/state/url/fragment.ts";
import { tinyDataset } from "../unit/domain/fixtures.ts";
import { openPage, showFirstScreen, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();
const STORY = "how-the-money-goes-round";

/** The loop selected in the Loops list, as its path text ("A → B → A"). */
async function selectedLoop(page: Page): Promise<string> {
  const selected = page
    .getByRole("listbox", { name: "Cycles" })
    .getByRole("option", { selected: true });
  if ((await selected.count()) === 0) return "";
  return (await selected.locator(".loop-path").innerText()).trim();
}

const stepOf = (page: Page) => new URL(page.url()).searchParams.get("step");

/** The story bar, once the graph is drawn and the bar is shown. */
async function shownStory(page: Page): Promise<Locator> {
  await waitForGraph(page);
  const story = page.getByRole("region", { name: "Story" });
  await story.waitFor();
  return story;
}

/** A step's title as shown (its heading also says "Step n of N:" to screen readers only). */
const titleOf = async (region: Locator): Promise<string> =>
  (await region.getByRole("heading").innerText()).replace(/^Step \d+ of \d+:\s*/, "");

describe("story mode (Chromium)", () => {
  it("should step through the shipped story: the highlighted loop and the address follow, Back and Forward too", async () => {
    const { context, page, errors } = await openPage(harness, undefined, `?story=${STORY}&step=1`);
    const story = await shownStory(page);
    expect(await titleOf(story)).toBe("The whole network");
    expect(await story.innerText()).toContain("comes back round");
    expect(await selectedLoop(page)).toBe("");

    await story.getByRole("button", { name: "Next step" }).click();
    await expect.poll(() => stepOf(page)).toBe("2");
    await expect.poll(() => selectedLoop(page)).toBe("Nvidia → OpenAI → Oracle → Nvidia");
    expect(await titleOf(story)).toContain("Nvidia → OpenAI → Oracle");
    // A screen reader hears the new step: where it is, its title and its caption.
    expect(await story.locator('[aria-live="polite"]').innerText()).toMatch(
      /^Step 2 of 9:\s*Nvidia → OpenAI → Oracle → Nvidia[\s\S]*at least \$30 bn/,
    );

    // The arrow keys step too.
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => stepOf(page)).toBe("3");
    await expect.poll(() => selectedLoop(page)).toBe("OpenAI → Amazon → OpenAI");
    expect(page.url()).not.toMatch(/[?&]loop=/);

    await page.goBack();
    await expect.poll(() => stepOf(page)).toBe("2");
    await expect.poll(() => selectedLoop(page)).toBe("Nvidia → OpenAI → Oracle → Nvidia");
    expect(await titleOf(story)).toContain("Nvidia → OpenAI → Oracle");
    await page.goForward();
    await expect.poll(() => stepOf(page)).toBe("3");
    await expect.poll(() => selectedLoop(page)).toBe("OpenAI → Amazon → OpenAI");

    await story.getByRole("button", { name: "Previous step" }).click();
    await expect.poll(() => stepOf(page)).toBe("2");

    // Explore freely leaves the story with the step's view, written into the address.
    await story.getByRole("button", { name: "Explore freely" }).click();
    await expect.poll(() => story.count()).toBe(0);
    await expect.poll(() => page.url()).toMatch(/[?&]loop=nvidia\.openai\.oracle/);
    expect(page.url()).not.toMatch(/[?&]story=/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should offer the story from the first screen on a laptop", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "", false, false);
    await showFirstScreen(page);
    await page.goto(harness.baseUrl);
    await waitForGraph(page);
    const intro = page.getByRole("region", { name: "Introduction" });
    await intro.getByRole("button", { name: /^Step through the story \(9 steps\)$/ }).click();
    const story = await shownStory(page);
    expect(await intro.count()).toBe(0);
    await expect.poll(() => page.url()).toMatch(new RegExp(`\\?story=${STORY}&step=1$`));
    expect(await titleOf(story)).toBe("The whole network");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should open a step's link in a fresh context at that step, with its panel and selection", async () => {
    const { context, page, errors } = await openPage(harness, undefined, `?story=${STORY}&step=6`);
    const story = await shownStory(page);
    expect(await titleOf(story)).toBe("Oracle leans on OpenAI");
    expect(await story.innerText()).toContain("Step 6 of 9");
    expect(await page.getByRole("tab", { name: "Risk" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(await story.getByRole("button", { name: /^Step 6:/ }).getAttribute("aria-current")).toBe(
      "step",
    );
    // The step's deals and their sources are one click away.
    await story.getByRole("button", { name: "Deals and sources" }).click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Details" }).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toMatch(/Oracle[\s\S]*OpenAI/);
    expect(await page.getByRole("tabpanel").getByRole("link").count()).toBeGreaterThan(0);
    // The stress step sets its scenario.
    await story.getByRole("button", { name: /^Step 8:/ }).click();
    await expect.poll(() => stepOf(page)).toBe("8");
    await expect
      .poll(async () => page.getByRole("tab", { name: "Stress" }).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => page.getByText(/companies? distressed|distressed/).count()).not.toBe(0);
    // A step past the end opens the last, saying so.
    await page.goto(`${harness.baseUrl}?story=${STORY}&step=40`);
    await waitForGraph(page);
    await story.waitFor();
    expect(await story.innerText()).toContain("Step 9 of 9");
    expect(await page.getByRole("status").or(page.locator(".notice-bar")).allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/has 9 steps; its last is shown/)]),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should let an author build a story that survives reload, undoes, travels in a link and renders captions inert", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "?co=oracle");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await waitForGraph(page);
    await page.getByRole("tab", { name: "Stories" }).click();
    await page.getByLabel("New story title").fill("Who pays Oracle?");
    await page.getByRole("button", { name: "New story from this view" }).click();
    const editor = page.getByRole("region", { name: "Editing “Who pays Oracle?”" });
    await editor.waitFor();
    await editor
      .getByLabel("Step 1 caption")
      .fill(
        "**Oracle** <script>window.__pwned = 1</script><img src=x onerror=window.__pwned=2> [click](javascript:window.__pwned=3) and [the filing](https://www.sec.gov/)",
      );
    await editor.getByLabel("Step 1 title").fill("Oracle's customers");
    await editor.getByLabel("Step 1 title").press("Tab");
    // NOTE: the browser writes the edit asynchronously; leaving the page before it lands would lose it.
    await page.locator(".save-state--saved").waitFor();
    // A second step from another view: a loop.
    await page.goto(`${harness.baseUrl}?loop=openai.amazon&tab=stories`);
    await waitForGraph(page);
    await page.getByRole("button", { name: "Edit “Who pays Oracle?”" }).click();
    await editor.getByRole("button", { name: "Add this view as a step" }).click();
    await expect.poll(() => editor.getByLabel(/^Step \d caption$/).count()).toBe(2);
    // Undo takes the step back, Redo brings it again.
    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect.poll(() => editor.getByLabel(/^Step \d caption$/).count()).toBe(1);
    await page.getByRole("button", { name: /^Redo/ }).click();
    await expect.poll(() => editor.getByLabel(/^Step \d caption$/).count()).toBe(2);
    // Reordering is an edit like the others: Undo puts the steps back.
    await editor.getByRole("button", { name: "Move step 2 up" }).click();
    await expect.poll(() => editor.getByLabel("Step 1 title").inputValue()).toBe("Step 2");
    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect
      .poll(() => editor.getByLabel("Step 1 title").inputValue())
      .toBe("Oracle's customers");
    await expect.poll(() => page.getByText("Saved", { exact: false }).count()).not.toBe(0);

    // Survives a reload (kept in the browser with the dataset).
    await page.reload();
    await waitForGraph(page);
    await page.getByRole("tab", { name: "Stories" }).click();
    await page.getByRole("button", { name: "Play “Who pays Oracle?”" }).click();
    const story = await shownStory(page);
    expect(await titleOf(story)).toBe("Oracle's customers");
    expect(await story.locator("strong").innerText()).toBe("Oracle");
    expect(await story.innerText()).toContain("<script>window.__pwned = 1</script>");
    expect(await story.locator("script, img").count()).toBe(0);
    expect(await story.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await story.getByRole("link", { name: "the filing" }).getAttribute("href")).toBe(
      "https://www.sec.gov/",
    );
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // Shared: the story alone travels in the link (it is told on the shipped data).
    // NOTE: playing the step showed its panel (Loops); the author goes back to Stories.
    await page.getByRole("tab", { name: "Stories" }).click();
    await page.getByRole("button", { name: "Share “Who pays Oracle?”" }).click();
    const field = page.getByLabel("Link to “Who pays Oracle?”");
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\?story=who-pays-oracle&step=1#story=/);
    expect(url).not.toMatch(/#data=/);
    await context.close();

    const fresh = await openPage(harness, undefined, "", false, false);
    await fresh.page.goto(url);
    const told = await shownStory(fresh.page);
    expect(await titleOf(told)).toBe("Oracle's customers");
    await told.getByRole("button", { name: "Next step" }).click();
    await expect.poll(() => selectedLoop(fresh.page)).toBe("OpenAI → Amazon → OpenAI");
    expect(
      await fresh.page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.context.close();
  });

  it("should save a caption while it is typed, so a reload right after keeps it", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "?tab=stories");
    await waitForGraph(page);
    await page.getByRole("button", { name: "New story from this view" }).click();
    await page.getByLabel("Step 1 caption").pressSequentially("Typed, never left", { delay: 20 });
    // No blur: the pause in typing saves it.
    await expect.poll(() => page.getByRole("button", { name: /^Undo/ }).isEnabled()).toBe(true);
    await page.waitForTimeout(1500);
    await page.reload();
    await waitForGraph(page);
    await page.getByRole("button", { name: "Edit “Untitled story”" }).click();
    expect(await page.getByLabel("Step 1 caption", { exact: true }).inputValue()).toBe(
      "Typed, never left",
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should keep a caption typed in one tab when another tab saves the same story meanwhile", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "?tab=stories");
    await waitForGraph(page);
    await page.getByLabel("New story title").fill("Two tabs");
    await page.getByRole("button", { name: "New story from this view" }).click();
    await page.locator(".save-state--saved").waitFor();
    const other = await context.newPage();
    await other.goto(`${harness.baseUrl}?tab=stories`);
    await waitForGraph(other);
    const caption = (p: Page) =>
      p
        .getByRole("region", { name: "Editing “Two tabs”" })
        .getByLabel("Step 1 caption", { exact: true });
    const title = (p: Page) =>
      p.getByRole("region", { name: "Editing “Two tabs”" }).getByLabel("Step 1 title");
    // Typing in the first tab, not yet saved (no pause, no blur) ...
    await caption(page).pressSequentially("Typed in the first tab", { delay: 10 });
    // ... while the second tab saves another field of the same story.
    await other.getByRole("button", { name: "Edit “Two tabs”" }).click();
    await title(other).fill("Titled in the second tab");
    await title(other).press("Tab");
    await expect.poll(() => title(page).inputValue()).toBe("Titled in the second tab");
    expect(await caption(page).inputValue()).toBe("Typed in the first tab");
    // The pause saves the caption onto the second tab's version: both tabs, and a reload, show both.
    await expect.poll(() => caption(other).inputValue()).toBe("Typed in the first tab");
    await page.locator(".save-state--saved").waitFor();
    await page.reload();
    await waitForGraph(page);
    await page.getByRole("button", { name: "Edit “Two tabs”" }).click();
    expect(await caption(page).inputValue()).toBe("Typed in the first tab");
    expect(await title(page).inputValue()).toBe("Titled in the second tab");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should carry a story on an imported dataset with the data, in the link's #data=", async () => {
    const enc = await encodeDatasetFragment(tinyDataset());
    if (!enc.ok) throw new Error("the tiny dataset does not fit a link");
    const { context, page, errors } = await openPage(
      harness,
      undefined,
      `?co=oracle&tab=stories#${enc.fragment}`,
    );
    await waitForGraph(page);
    await page.getByLabel("New story title").fill("Tiny loop");
    await page.getByRole("button", { name: "New story from this view" }).click();
    await page.getByLabel("Step 1 caption").fill("Oracle, *imported*.");
    await page.getByLabel("Step 1 title").click();
    await page.getByRole("button", { name: "Share “Tiny loop”" }).click();
    const url = await page.getByLabel("Link to “Tiny loop”").inputValue();
    expect(url).toMatch(/\?story=tiny-loop&step=1#data=/);
    await context.close();

    const fresh = await openPage(harness, undefined, "", false, false);
    await fresh.page.goto(url);
    const told = await shownStory(fresh.page);
    expect(await told.locator("em").innerText()).toBe("imported");
    await fresh.page.getByRole("tab", { name: "Stories" }).click();
    expect(await fresh.page.getByRole("list", { name: "Stories" }).innerText()).toContain(
      "Tiny loop",
    );
    // The link's dataset is the tiny one, not the shipped one.
    expect(await fresh.page.getByRole("list", { name: "Stories" }).innerText()).not.toContain(
      "How the AI money goes round",
    );
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.context.close();
  });

  it("should tell a story in an embed, read-only, with a link out to the step", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 640, height: 480 },
      `?story=${STORY}&step=2&embed=1`,
    );
    const story = await shownStory(page);
    expect(await page.getByRole("tablist").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Data" }).count()).toBe(0);
    await story.getByRole("button", { name: "Next step" }).click();
    await expect.poll(() => stepOf(page)).toBe("3");
    const href = await page.getByRole("link", { name: "Open in Ouroboros" }).getAttribute("href");
    expect(href).toMatch(new RegExp(`\\?story=${STORY}&step=3$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`should open a phone (${viewport.width}×${viewport.height}) on the story, swipe through it, and never scroll the page`, async () => {
      const { context, page, errors } = await openPage(harness, viewport, "", false, false);
      await showFirstScreen(page);
      await page.goto(harness.baseUrl);
      const story = await shownStory(page);
      await expect.poll(() => stepOf(page)).toBe("1");
      const box = (await story.boundingBox())!;
      const canvas = (await page.getByTestId("graph-canvas").boundingBox())!;
      // The caption sits below the graph, inside the screen.
      expect(box.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
      // A swipe to the left is the next step.
      const y = box.y + 40;
      await story.dispatchEvent("pointerdown", { clientX: box.x + 300, clientY: y, pointerId: 7 });
      await story.dispatchEvent("pointerup", {
        clientX: box.x + 60,
        clientY: y + 10,
        pointerId: 7,
      });
      await expect.poll(() => stepOf(page)).toBe("2");
      await expect.poll(() => titleOf(story)).toBe("Nvidia → OpenAI → Oracle → Nvidia");
      const scroll = await page.evaluate(() => ({
        height: document.scrollingElement!.scrollHeight,
        width: document.scrollingElement!.scrollWidth,
      }));
      expect(scroll.height).toBeLessThanOrEqual(viewport.height);
      expect(scroll.width).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
