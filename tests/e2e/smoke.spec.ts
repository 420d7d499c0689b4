import { describe, expect, it } from "vitest";
import { openPage, suiteHarness } from "./harness.ts";

const harness = suiteHarness();

describe("app (Chromium)", () => {
  it("should load the page with its title and no console errors", async () => {
    const { context, page, errors } = await openPage(harness);
    await page.waitForSelector("h1");
    expect(await page.title()).toMatch(/Ouroboros/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
