import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

describe("editing deals (Chromium)", () => {
  it("should edit a deal in a checked form, undo and redo it, and keep it as a saved copy after a reload", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 1280, height: 800 },
      "?edge=openai.oracle&tab=details",
    );
    await waitForGraph(page);
    const details = page.getByRole("tabpanel");
    await expect.poll(() => details.innerText()).toContain("about $300 bn");
    const undo = page.getByRole("button", { name: "Undo the last edit" });
    const redo = page.getByRole("button", { name: "Redo the edit" });
    expect(await undo.isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Edit deal openai-oracle-cloud-300bn" }).click();
    const form = page.getByRole("dialog", { name: "Edit deal openai-oracle-cloud-300bn" });
    await form.waitFor();
    const amount = form.getByLabel("Amount (US$ bn, empty if undisclosed)");
    expect(await amount.inputValue()).toBe("300");
    // A bad value is refused by the dataset's own rules, by its field; nothing is saved.
    await amount.fill("-5");
    await form.getByRole("button", { name: "Save the deal" }).click();
    await expect.poll(() => form.innerText()).toMatch(/must be|negative|at least/);
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    await amount.fill("250");
    await form.getByRole("button", { name: "Save the deal" }).click();
    await expect.poll(() => form.isVisible()).toBe(false);
    await expect.poll(() => details.innerText()).toContain("about $250 bn");
    // The shipped dataset is never changed: the edit made a saved copy.
    await page.getByRole("tab", { name: "About" }).click();
    await expect
      .poll(() => page.getByRole("tabpanel").innerText())
      .toMatch(/saved in this browser/);

    await undo.click();
    await page.getByRole("tab", { name: "Details" }).click();
    await expect.poll(() => details.innerText()).toContain("about $300 bn");
    // Keyboard: Ctrl+Shift+Z redoes, outside any text field.
    await page.locator("body").press("Control+Shift+Z");
    await expect.poll(() => details.innerText()).toContain("about $250 bn");
    expect(await redo.isDisabled()).toBe(true);
    // The app says when the edit is written to the browser.
    const saved = page.getByRole("group", { name: "Edit history" }).getByRole("status");
    await expect.poll(() => saved.innerText()).toBe("Saved");

    await page.reload();
    await waitForGraph(page);
    await page.getByRole("tab", { name: "Details" }).click();
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toContain("about $250 bn");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should keep two tabs' edits of one saved dataset: each tab shows the other's at once", async () => {
    const path = "?edge=openai.oracle&tab=details";
    const { context, page, errors } = await openPage(harness, { width: 1280, height: 800 }, path);
    await waitForGraph(page);
    const setAmount = async (tab: Page, from: string, to: string) => {
      await tab.getByRole("button", { name: "Edit deal openai-oracle-cloud-300bn" }).click();
      const form = tab.getByRole("dialog", { name: "Edit deal openai-oracle-cloud-300bn" });
      const amount = form.getByLabel("Amount (US$ bn, empty if undisclosed)");
      expect(await amount.inputValue()).toBe(from);
      await amount.fill(to);
      await form.getByRole("button", { name: "Save the deal" }).click();
      await expect.poll(() => form.isVisible()).toBe(false);
      const saved = tab.getByRole("group", { name: "Edit history" }).getByRole("status");
      await expect.poll(() => saved.innerText()).toBe("Saved");
    };
    const shows = (tab: Page) => tab.getByRole("tabpanel").innerText();
    // The first edit makes a saved copy; a second tab opens on it.
    await setAmount(page, "300", "250");
    const second = await context.newPage();
    const secondErrors: string[] = [];
    second.on("pageerror", (err) => secondErrors.push(err.message));
    await second.goto(harness.baseUrl + path);
    await waitForGraph(second);
    await expect.poll(() => shows(second)).toContain("about $250 bn");

    // An edit in the first tab shows in the second at once, with a notice.
    await setAmount(page, "250", "200");
    await expect.poll(() => shows(second)).toContain("about $200 bn");
    await expect
      .poll(() => second.getByRole("status").allInnerTexts())
      .toContainEqual(expect.stringContaining("was changed in another tab"));
    // The second tab's edit builds on it, and shows in the first.
    await setAmount(second, "200", "180");
    await expect.poll(() => shows(page)).toContain("about $180 bn");
    await page.reload();
    await waitForGraph(page);
    await expect.poll(() => shows(page)).toContain("about $180 bn");
    expect(errors).toEqual([]);
    expect(secondErrors).toEqual([]);
    await context.close();
  });

  it("should add and delete a deal, each one undo step", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await page.getByRole("tab", { name: "Table" }).click();
    const caption = () => page.locator("table caption").first().innerText();
    const before = await caption();
    await page.getByRole("button", { name: "Add a deal" }).click();
    const form = page.getByRole("dialog", { name: "Add a deal" });
    await form.getByLabel("Payer (money leaves)").selectOption("nvidia");
    await form.getByLabel("Payee (money arrives)").selectOption("intel");
    await form.getByLabel("Amount (US$ bn, empty if undisclosed)").fill("5");
    await form.getByLabel("Announced", { exact: true }).fill("2025-09");
    await form.getByLabel("Description").fill("Nvidia buys a $5 bn stake in Intel.");
    // A source the dataset does not have yet: its title and link, and the quote.
    await form.getByLabel("Source 1", { exact: true }).selectOption({ label: "A new source…" });
    await form.getByLabel("Title of new source 1").fill("Intel press release, 18 Sep 2025");
    await form.getByLabel("Link of new source 1").fill("https://www.intc.com/news-events");
    await form.getByLabel("Quote from source 1").fill("a test quote");
    await form.getByLabel("Term (years)").fill("3");
    await form.getByRole("button", { name: "Add the deal" }).click();
    await expect.poll(() => form.isVisible()).toBe(false);
    const count = (text: string) => Number(/Deals \(([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
    await expect.poll(async () => count(await caption())).toBe(count(before) + 1);
    await page.getByRole("button", { name: "Undo the last edit" }).click();
    await expect.poll(async () => count(await caption())).toBe(count(before));
    await page.getByRole("button", { name: "Redo the edit" }).click();
    await expect.poll(async () => count(await caption())).toBe(count(before) + 1);

    // Delete it from its flow's details (the saved copy opens again on this address).
    const saved = page.getByRole("group", { name: "Edit history" }).getByRole("status");
    await expect.poll(() => saved.innerText()).toBe("Saved");
    await page.goto(`${harness.baseUrl}?edge=nvidia.intel&tab=details`);
    await waitForGraph(page);
    const remove = page.getByRole("button", { name: /^Delete deal nvidia-intel(-\d+)?$/ }).last();
    const removed = await remove.getAttribute("aria-label");
    await remove.click();
    await expect.poll(() => page.getByRole("tabpanel").innerText()).not.toContain("a test quote");
    await page.getByRole("button", { name: "Undo the last edit" }).click();
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toContain("a test quote");
    const card = page.getByRole("article").filter({ hasText: "a test quote" });
    expect(await card.innerText()).toMatch(/Horizon\s*3 years/);
    expect(await card.getByRole("link", { name: /Intel press release/ }).getAttribute("href")).toBe(
      "https://www.intc.com/news-events",
    );
    expect(removed).toMatch(/^Delete deal nvidia-intel/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should merge an import's duplicate companies into one, closing the loop, and undo it", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await page.locator('[data-testid="import-file-input"]').setInputFiles({
      name: "dupes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "from,to,amount_usd_bn\nNvidia,OpenAI,100\nOpen AI,Oracle,300\nOracle,Nvidia,40\n",
      ),
    });
    const done = page.getByRole("dialog", { name: "Import complete" });
    await done.getByRole("button", { name: "Close" }).click();
    const loops = page.getByRole("listbox", { name: "Cycles" });
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toContain("0 loops");
    await page.getByRole("combobox", { name: "Search companies" }).fill("Open AI");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Details" }).click();
    const panel = page.getByRole("tabpanel");
    await expect.poll(() => panel.innerText()).toContain("Open AI");
    await panel.getByLabel("Merge Open AI into").selectOption("openai");
    await panel.getByRole("button", { name: "Merge" }).click();
    await page.getByRole("tab", { name: "Loops" }).click();
    await expect
      .poll(() => loops.getByRole("option").allInnerTexts())
      .toEqual([expect.stringContaining("Nvidia → OpenAI → Oracle → Nvidia")]);
    await page.getByRole("button", { name: "Undo the last edit" }).click();
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toContain("0 loops");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should carry an edited small dataset in a share link", async () => {
    const { context, page, errors } = await openPage(harness);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await waitForGraph(page);
    await page.locator('[data-testid="import-file-input"]').setInputFiles({
      name: "small.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("id,from,to,amount_usd_bn\nab,A,B,10\nba,B,A,20\n"),
    });
    await page
      .getByRole("dialog", { name: "Import complete" })
      .getByRole("button", { name: "Close" })
      .click();
    await page.goto(`${harness.baseUrl}?edge=a.b&tab=details`);
    await waitForGraph(page);
    await page.getByRole("button", { name: "Edit deal ab" }).click();
    const form = page.getByRole("dialog", { name: "Edit deal ab" });
    await form.getByLabel("Amount (US$ bn, empty if undisclosed)").fill("12");
    await form.getByRole("button", { name: "Save the deal" }).click();
    await expect.poll(() => page.getByRole("tabpanel").innerText()).toContain("$12 bn");
    await page.getByRole("button", { name: "Share" }).click();
    await page.getByText("Link copied").waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain("#data=");
    await context.close();

    const fresh = await openPage(
      harness,
      { width: 1280, height: 800 },
      url.replace(harness.baseUrl, ""),
    );
    await waitForGraph(fresh.page);
    await expect.poll(() => fresh.page.getByRole("tabpanel").innerText()).toContain("$12 bn");
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });
});
