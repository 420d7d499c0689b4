import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, openPage, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe("app (Chromium)", () => {
  it("should load the page with its title and no console errors", async () => {
    const { context, page, errors } = await openPage(harness);
    await page.waitForSelector("h1");
    expect(await page.title()).toMatch(/Ouroboros/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
