import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });

describe("time order and circularity (Chromium)", () => {
  it("should headline the circularity index and say how it works", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    const figure = page.locator(".circularity-figure");
    await expect
      .poll(() => figure.innerText())
      .toMatch(/^\d+% of the money flowing through these companies comes back round$/);
    await page.getByText("How this works").first().click();
    await expect.poll(() => page.locator(".circularity").innerText()).toMatch(/Finn/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should keep only loops that came back in order within the chosen window, in the URL too", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    const options = cycles(page).getByRole("option");
    await options.first().waitFor();
    const all = await options.count();
    const texts = await options.allInnerTexts();
    expect(texts.some((t) => t.includes("not in time order"))).toBe(true);
    await page
      .getByRole("combobox", { name: "Only loops that came back" })
      .selectOption({ label: "in order, within 24 months" });
    await expect.poll(() => page.url()).toContain("win=24");
    await expect.poll(() => options.count()).toBeLessThan(all);
    const kept = await options.allInnerTexts();
    expect(kept.length).toBeGreaterThan(0);
    for (const t of kept) {
      const months = /came back (within the month|in (\d+) months?)/.exec(t);
      expect(months, t).not.toBeNull();
      if (months?.[2]) expect(Number(months[2])).toBeLessThanOrEqual(24);
    }
    // A fresh browser opening the link sees the same list.
    const second = await openPage(harness, undefined, `?${new URL(page.url()).search.slice(1)}`);
    await waitForGraph(second.page);
    await expect.poll(() => cycles(second.page).getByRole("option").count()).toBe(kept.length);
    await second.context.close();
    await page
      .getByRole("combobox", { name: "Only loops that came back" })
      .selectOption({ label: "any time (every loop)" });
    await expect.poll(() => options.count()).toBe(all);
    expect(errors).toEqual([]);
    await context.close();
  });
});
