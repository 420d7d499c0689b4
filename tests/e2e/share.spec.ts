import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeDatasetFragment } from "../../src/state/url/fragment.ts";
import { tinyDataset } from "../unit/domain/fixtures.ts";
import { ARTIFACTS, openPage, suiteHarness, waitForGraph } from "./harness.ts";
import { countNear } from "./pixels.ts";

const harness = suiteHarness();

const ready = waitForGraph;
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });
const selectedLoop = (page: Page) => cycles(page).locator('[role="option"][aria-selected="true"]');
const ACCENT: [number, number, number] = [0xd9, 0x77, 0x06];

describe("shareable URL (Chromium)", () => {
  it("should reopen the same loop and filters from a copied link in a fresh browser", async () => {
    const { context, page, errors } = await openPage(harness);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await ready(page);
    await page.getByRole("tab", { name: "Filters" }).click();
    await page.getByRole("checkbox", { name: /warrant/i }).uncheck();
    await page.getByRole("tab", { name: "Loops" }).click();
    const option = cycles(page).getByRole("option").nth(1);
    await option.click();
    const loopText = (await selectedLoop(page).innerText()).split("·")[0]!.trim();
    await page.getByRole("button", { name: "Share" }).click();
    await page.getByText("Link copied").waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/[?&]loop=/);
    expect(url).toMatch(/[?&]types=/);
    expect(errors).toEqual([]);
    await context.close();

    const fresh = await openPage(
      harness,
      { width: 1280, height: 800 },
      url.replace(harness.baseUrl, ""),
    );
    await ready(fresh.page);
    await expect.poll(() => selectedLoop(fresh.page).count(), { timeout: 10_000 }).toBe(1);
    expect((await selectedLoop(fresh.page).innerText()).split("·")[0]!.trim()).toBe(loopText);
    await fresh.page.waitForTimeout(900);
    const shot = await fresh.page.locator('[data-testid="graph-canvas"]').screenshot();
    expect(countNear(shot, ACCENT)).toBeGreaterThan(200);
    await fresh.page.getByRole("tab", { name: "Filters" }).click();
    expect(await fresh.page.getByRole("checkbox", { name: /warrant/i }).isChecked()).toBe(false);
    await fresh.page.screenshot({ path: join(ARTIFACTS, "shared-link-1280x800.png") });
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it("should step through selections with Back and Forward", async () => {
    const { context, page } = await openPage(harness);
    await ready(page);
    const options = cycles(page).getByRole("option");
    await options.nth(0).click();
    const first = await selectedLoop(page).innerText();
    await options.nth(2).click();
    const third = await selectedLoop(page).innerText();
    expect(third).not.toBe(first);
    await page.goBack();
    await expect.poll(() => selectedLoop(page).innerText()).toBe(first);
    await page.goForward();
    await expect.poll(() => selectedLoop(page).innerText()).toBe(third);
    await context.close();
  });

  it("should load the default view from a malformed URL, with a dismissible notice", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 1280, height: 800 },
      "?v=1&loop=nvidia.nobody&len=abc&zoom=3&cam=x",
    );
    await ready(page);
    const notice = page.locator(".notice-bar");
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(/unknown parameter "zoom"/);
    expect(text).toMatch(/len=abc/);
    expect(text).toMatch(/nobody/);
    expect(await notice.getAttribute("role")).toBe("status");
    await cycles(page).getByRole("option").first().waitFor();
    expect(await selectedLoop(page).count()).toBe(0);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => notice.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should open a small custom dataset carried in the link", async () => {
    const enc = await encodeDatasetFragment(tinyDataset());
    if (!enc.ok) throw new Error("tiny dataset should fit in a link");
    const { context, page, errors } = await openPage(
      harness,
      { width: 1280, height: 800 },
      `?v=1&loop=nvidia.openai.oracle#${enc.fragment}`,
    );
    await ready(page);
    await expect.poll(() => cycles(page).getByRole("option").count()).toBe(1);
    await expect.poll(() => selectedLoop(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await selectedLoop(page).innerText()).toMatch(/Nvidia → OpenAI → Oracle → Nvidia/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("share without a clipboard (Chromium)", () => {
  it("should show the link in a selectable field when the clipboard is refused", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
      });
    });
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}?v=1&co=oracle`);
    await ready(page);
    await page.getByRole("button", { name: "Share" }).click();
    const field = page.getByRole("textbox", { name: "Link to this view" });
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/co=oracle/);
    expect(
      await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!),
    ).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, "share-fallback-390x844.png") });
    await context.close();
  });
});
