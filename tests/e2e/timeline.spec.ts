import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { countNear } from "./pixels.ts";
import { ARTIFACTS, openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

const ready = waitForGraph;
const loopTexts = async (page: Page) =>
  (await page.getByRole("listbox", { name: "Cycles" }).getByRole("option").allInnerTexts()).join(
    "\n",
  );
const ORACLE_LOOP = "Nvidia → OpenAI → Oracle → Nvidia";

/** Moves the Timeline slider to a month label such as "Aug 2025" with the keyboard. */
async function slideTo(page: Page, label: string) {
  const slider = page.getByRole("slider", { name: "Timeline" });
  await slider.focus();
  await page.keyboard.press("End");
  for (let i = 0; i < 200; i++) {
    if ((await slider.getAttribute("aria-valuetext"))?.startsWith(label)) return;
    await page.keyboard.press("ArrowLeft");
  }
  throw new Error(`slider never reached ${label}`);
}

describe("timeline (Chromium)", () => {
  it("should remove the Nvidia → OpenAI → Oracle loop before September 2025 and restore it", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await expect.poll(() => loopTexts(page)).toContain(ORACLE_LOOP);
    await slideTo(page, "Aug 2025");
    await expect.poll(() => loopTexts(page)).not.toContain(ORACLE_LOOP);
    expect(page.url()).toContain("to=2025-08");
    await page.screenshot({ path: join(ARTIFACTS, "timeline-aug-2025-1280x800.png") });
    await slideTo(page, "Sep 2025");
    await expect.poll(() => loopTexts(page)).toContain(ORACLE_LOOP);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should advance the date when playing, and announce loops as they close", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 1280, height: 800 },
      "?v=1&to=2025-07",
    );
    await ready(page);
    const date = page.locator(".timeline-date");
    expect(await date.innerText()).toBe("Jul 2025");
    await page.getByRole("combobox", { name: "Playback speed" }).selectOption("4");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => date.innerText(), { timeout: 10_000 }).not.toBe("Jul 2025");
    await expect
      .poll(() => page.locator(".timeline-announce").innerText(), { timeout: 15_000 })
      .toMatch(/Loop closed: .+, 2025-\d\d/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("stress test (Chromium)", () => {
  it("should shock a company and rank the losses, with the scenario in the URL", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.getByRole("tab", { name: "Stress" }).click();
    const picker = page.getByRole("combobox", { name: "Shocked companies" });
    await picker.fill("OpenAI");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Total loss" }).count())
      .toBe(1);
    const table = page.getByRole("table").first();
    expect(await table.innerText()).toMatch(
      /Oracle[\s\S]*OpenAI stops paying \$[\d.]+ (bn|m) a year/,
    );
    await expect.poll(() => page.url()).toContain("shock=openai");
    await page.screenshot({ path: join(ARTIFACTS, "stress-1280x800.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should export the stressed view with its legend and a caption", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 1280, height: 800 },
      "?v=1&tab=stress&shock=openai&short=50",
    );
    await ready(page);
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export image" });
    await dialog.getByRole("img", { name: /^Preview of the export/ }).waitFor();
    expect(await dialog.getByLabel("Subtitle").inputValue()).toContain("Stress test, yearly basis");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      dialog.getByRole("button", { name: "Download PNG" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-stress\.png$/);
    const path = join(ARTIFACTS, "export-stress.png");
    await download.saveAs(path);
    const png = readFileSync(path);
    // Failed payments are drawn in red (#dc2626) and the shocked company in purple.
    expect(countNear(png, [0xdc, 0x26, 0x26], 30)).toBeGreaterThan(500);
    expect(countNear(png, [0x7e, 0x22, 0xce], 30)).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await context.close();
  });
});
