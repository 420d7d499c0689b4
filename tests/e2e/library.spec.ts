import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeDatasetFragment } from "../../src/state/url/fragment.ts";
import { tinyDataset } from "../unit/domain/fixtures.ts";
import { openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });
const loopTexts = async (page: Page) => {
  await cycles(page).getByRole("option").first().waitFor();
  return cycles(page).getByRole("option").allInnerTexts();
};
const importCsv = async (page: Page, name: string, content: string) => {
  await page
    .locator('[data-testid="import-file-input"]')
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  const done = page.getByRole("dialog", { name: "Import complete" });
  await done.getByRole("button", { name: "Close" }).click();
};
const openLibrary = async (page: Page) => {
  await page.getByRole("button", { name: "Data" }).click();
  await page.getByRole("menuitem", { name: "Datasets…" }).click();
  const dialog = page.getByRole("dialog", { name: "Datasets" });
  await dialog.getByRole("list", { name: "Saved datasets" }).waitFor();
  return dialog;
};

describe("saved-dataset library (Chromium)", () => {
  it("should keep my saved dataset when a shared link's dataset is opened and then left", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await importCsv(page, "mine.csv", "from,to,amount_usd_bn\nMine A,Mine B,1\nMine B,Mine A,2\n");
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("Mine A")]);
    const enc = await encodeDatasetFragment({ ...tinyDataset(), title: "Shared tiny" });
    if (!enc.ok) throw new Error("fragment too large");
    // A #data= link pasted into the open tab: only the hash changes.
    await page.evaluate((hash) => (window.location.hash = hash), enc.fragment);
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("Nvidia")]);
    expect(await page.getByRole("status").first().innerText()).toBeDefined();
    await page.getByRole("button", { name: "Data" }).click();
    await page.getByRole("menuitem", { name: "Show the default dataset" }).click();
    const leave = page.getByRole("dialog", { name: "Leave “Shared tiny”?" });
    expect(await leave.innerText()).toContain("“Shared tiny” came from a link and is not saved");
    await leave.getByRole("button", { name: "Leave it" }).click();
    const library = await openLibrary(page);
    expect(await library.getByRole("list", { name: "Saved datasets" }).innerText()).toContain(
      "mine.csv",
    );
    await library.getByRole("button", { name: "Open mine.csv" }).click();
    await library.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("Mine A")]);
    await page.reload();
    await waitForGraph(page);
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("Mine A")]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should rename and delete a saved dataset only after naming it", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await importCsv(page, "first.csv", "from,to,amount_usd_bn\nA,B,1\nB,A,2\n");
    await importCsv(page, "second.csv", "from,to,amount_usd_bn\nC,D,1\nD,C,2\n");
    let library = await openLibrary(page);
    await library.getByRole("button", { name: "Rename first.csv" }).click();
    const title = library.getByLabel("New title for “first.csv”");
    await title.fill("My first");
    await library.getByRole("button", { name: "Save title" }).click();
    await expect
      .poll(() => library.getByRole("list", { name: "Saved datasets" }).innerText())
      .toContain("My first");
    await library.getByRole("button", { name: "Delete My first" }).click();
    await library.getByRole("button", { name: "Delete “My first”" }).click();
    await expect
      .poll(() => library.getByRole("list", { name: "Saved datasets" }).innerText())
      .not.toContain("My first");
    await library.getByRole("button", { name: "Close" }).click();
    await page.reload();
    await waitForGraph(page);
    library = await openLibrary(page);
    const names = await library.getByRole("list", { name: "Saved datasets" }).innerText();
    expect(names).toContain("second.csv");
    expect(names).not.toContain("My first");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should draw and keep a company called constructor through a reload", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await importCsv(
      page,
      "hostile.csv",
      "from,to,amount_usd_bn\nconstructor,Proto,1\nProto,constructor,2\n",
    );
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("constructor")]);
    await page.reload();
    await waitForGraph(page);
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("constructor")]);
    expect(await page.evaluate(() => window.__ouroboros!.graph.order)).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
