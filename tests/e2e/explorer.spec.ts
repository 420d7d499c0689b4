import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, ROOT, openPage, suiteHarness, waitForGraph } from "./harness.ts";
import { countNear, nonBackgroundShare } from "./pixels.ts";

const harness = suiteHarness();

const ready = waitForGraph;
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });
const optionTexts = async (page: Page) =>
  (await cycles(page).getByRole("option").allInnerTexts()).map((t) => t.replace(/\s+/g, " "));

describe("explorer (Chromium)", () => {
  it("should load with no console errors, a drawn graph and the known loops", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await cycles(page).getByRole("option").first().waitFor();
    const shot = await page.locator('[data-testid="graph-canvas"]').screenshot();
    expect(nonBackgroundShare(shot)).toBeGreaterThan(0.01);
    const texts = await optionTexts(page);
    expect(texts.some((t) => t.includes("Nvidia → OpenAI → Oracle → Nvidia"))).toBe(true);
    expect(texts.some((t) => t.includes("OpenAI → AMD → OpenAI"))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "explorer-1280x800.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should select a loop by keyboard, set aria-selected and highlight it", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const list = cycles(page);
    await list.getByRole("option").first().waitFor();
    const canvas = page.locator('[data-testid="graph-canvas"]');
    const accent: [number, number, number] = [0xd9, 0x77, 0x06];
    const before = countNear(await canvas.screenshot(), accent);
    await list.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const selected = list.locator('[role="option"][aria-selected="true"]');
    await expect.poll(() => selected.count()).toBe(1);
    expect(await selected.innerText()).toMatch(/→/);
    // The camera animates to the loop; then the accent colour marks its edges.
    await page.waitForTimeout(900);
    const after = countNear(await canvas.screenshot(), accent);
    expect(after).toBeGreaterThan(before + 200);
    await page.screenshot({ path: join(ARTIFACTS, "loop-selected-1280x800.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should change the loop count when a filter changes", async () => {
    const { context, page } = await openPage(harness);
    await ready(page);
    await cycles(page).getByRole("option").first().waitFor();
    const before = await cycles(page).getByRole("option").count();
    await page.getByRole("tab", { name: "Filters" }).click();
    await page.getByRole("checkbox", { name: /chip-purchase/i }).uncheck();
    await page.getByRole("tab", { name: "Loops" }).click();
    await expect.poll(() => cycles(page).getByRole("option").count()).toBeLessThan(before);
    await context.close();
  });

  it("should focus a company from the search box with / and Enter", async () => {
    const { context, page } = await openPage(harness);
    await ready(page);
    await page.keyboard.press("/");
    const search = page.getByRole("combobox", { name: "Search companies" });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("orac");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("tab", { name: "Details" }).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toMatch(/Oracle/);
    await context.close();
  });

  it("should list every deal in the table view", async () => {
    const { context, page } = await openPage(harness);
    await ready(page);
    await page.getByRole("tab", { name: "Table" }).click();
    const rows = page.locator("table tbody tr");
    // Superseded and cancelled deals are history: the table lists the deals that count.
    const deals = JSON.parse(readFileSync(join(ROOT, "data/ai-circular-deals.json"), "utf8"))
      .deals as { status: string }[];
    const live = deals.filter((d) => d.status !== "superseded" && d.status !== "cancelled");
    expect(live.length).toBeLessThan(deals.length);
    await expect.poll(() => rows.count()).toBe(live.length);
    await context.close();
  });

  it("should work on a phone-sized screen with the panels in a drawer", async () => {
    const { context, page, errors } = await openPage(harness, { width: 390, height: 844 });
    await ready(page);
    await page.screenshot({ path: join(ARTIFACTS, "explorer-390x844.png") });
    await page.getByRole("button", { name: "Panels" }).click();
    await cycles(page).getByRole("option").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "drawer-390x844.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`should close the drawer when a loop is chosen, and not scroll past the page, at ${viewport.width}x${viewport.height}`, async () => {
      const { context, page, errors } = await openPage(harness, viewport);
      await ready(page);
      await page.getByRole("button", { name: "Panels" }).click();
      const option = cycles(page).getByRole("option").nth(1);
      await option.click();
      await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
      // The drawer is closed: the graph, with the chosen loop, is what the reader sees.
      await expect
        .poll(() => page.getByRole("button", { name: "Panels", exact: true }).count())
        .toBe(1);
      expect(await page.locator("#side-panel").getAttribute("data-open")).toBe("false");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollHeight - window.innerHeight,
      );
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({
        path: join(ARTIFACTS, `loop-chosen-${viewport.width}x${viewport.height}.png`),
      });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
