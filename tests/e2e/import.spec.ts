import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

const ready = waitForGraph;
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });
const loopTexts = async (page: Page) => {
  await cycles(page).getByRole("option").first().waitFor();
  return (await cycles(page).getByRole("option").allInnerTexts()).map((t) =>
    t.replace(/\s+/g, " "),
  );
};
const dialog = (page: Page) => page.locator("dialog[open]");
const importFile = (page: Page, name: string, content: string, mimeType = "text/csv") =>
  page
    .locator('[data-testid="import-file-input"]')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(content) });

const LOOP_CSV = [
  "from,to,type,amount_usd_bn,announced,source",
  "A,B,equity,10,2025-01,Note 1",
  "B,C,cloud-contract,20,2025-02,Note 2",
  "C,A,chip-purchase,5,2025-03,Note 3",
].join("\n");

const BAD_CSV = [
  "from,to,type,amount_usd_bn",
  "Alpha,Beta,equity,10",
  "Beta,Beta,equity,5",
  "Beta,,debt,1",
  "Gamma,Alpha,equity,-1",
  ",Alpha,debt,2",
].join("\n");

describe("import (Chromium)", () => {
  it("should list every problem of a CSV by line, then import only the valid rows", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await importFile(page, "errors.csv", BAD_CSV);
    const box = page.getByRole("dialog", { name: "errors.csv has problems" });
    await box.waitFor();
    const problems = await box.getByRole("list", { name: "Problems" }).getByRole("listitem");
    // Only rows that cannot be deals are problems; an unreadable amount is a warning.
    expect(await problems.allInnerTexts()).toEqual([
      'line 3, to: self-loop: "Beta" pays itself',
      "line 4, to: is empty",
      "line 6, from: is empty",
    ]);
    expect(await box.innerText()).toContain("3 rows skipped");
    await page.screenshot({ path: join(ARTIFACTS, "import-problems-1280x800.png") });

    // Cancel keeps the current dataset.
    await box.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect((await loopTexts(page)).some((t) => t.includes("Nvidia → OpenAI"))).toBe(true);

    await importFile(page, "errors.csv", BAD_CSV);
    await box.getByRole("button", { name: "Import the 2 valid rows (3 rows skipped)" }).click();
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toBe(
      "Imported 3 companies and 2 deals from errors.csv (3 rows with problems skipped).",
    );
    await done.getByRole("button", { name: "Close" }).click();
    await page.getByRole("tab", { name: "Table" }).click();
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should import an Excel workbook's first sheet as an edge list, and name its rows in problems", async () => {
    const { default: writeExcelFile } = await import("write-excel-file/node");
    const workbook = async (rows: unknown[][]) =>
      Buffer.from(
        await writeExcelFile(rows as never, { dateFormat: "yyyy-mm-dd" } as never).toBuffer(),
      );
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const input = page.locator('[data-testid="import-file-input"]');
    await input.setInputFiles({
      name: "tracker.xlsx",
      mimeType: xlsx,
      buffer: await workbook([
        ["from", "to", "type", "amount_usd_bn", "announced"],
        ["A", "B", "equity", 10, new Date(Date.UTC(2025, 0, 15))],
        ["B", "C", "cloud-contract", 20, "2025-02"],
        ["C", "A", "chip-purchase", 5, "2025-03"],
        ["C", "C", "debt", 1, "2025-04"],
      ]),
    });
    const box = dialog(page);
    await expect.poll(() => box.innerText()).toContain('line 5, to: self-loop: "C" pays itself');
    await box.getByRole("button", { name: /Import the 3 valid rows/ }).click();
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toMatch(
      /^Imported 3 companies and 3 deals from tracker\.xlsx/,
    );
    await done.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("A → B → C → A")]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should let the user pick the sheet of a workbook with several", async () => {
    const { default: writeExcelFile } = await import("write-excel-file/node");
    const buffer = Buffer.from(
      await writeExcelFile([
        {
          sheet: "Read me",
          data: [
            ["from", "to"],
            ["X", "Y"],
          ],
        },
        {
          sheet: "Deals",
          data: [
            ["from", "to", "amount_usd_bn"],
            ["A", "B", 10],
            ["B", "C", 20],
            ["C", "A", 5],
          ],
        },
      ] as never).toBuffer(),
    );
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.locator('[data-testid="import-file-input"]').setInputFiles({
      name: "book.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    const box = page.getByRole("dialog", { name: "Read book.xlsx as deals" });
    const sheet = box.getByLabel("Sheet of the workbook");
    expect(await sheet.inputValue()).toBe("Read me");
    await sheet.selectOption("Deals");
    await expect.poll(() => box.getByRole("status").first().innerText()).toMatch(/^3 deals/);
    await box.getByRole("button", { name: "Import 3 deals" }).click();
    await page
      .getByRole("dialog", { name: "Import complete" })
      .getByRole("button", { name: "Close" })
      .click();
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("A → B → C → A")]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should show a tracker's mapping before importing it, let the user change it, and remember it for that header", async () => {
    const tracker = readFileSync(
      join(import.meta.dirname, "../../data/fixtures/trackers/analyst-tracker.csv"),
    );
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const open = () =>
      page
        .locator('[data-testid="import-file-input"]')
        .setInputFiles({ name: "analyst-tracker.csv", mimeType: "text/csv", buffer: tracker });
    await open();
    const box = page.getByRole("dialog", { name: "Read analyst-tracker.csv as deals" });
    await box.waitFor();
    const counts = box.getByRole("status").first();
    await expect
      .poll(() => counts.innerText())
      .toMatch(
        /^6 deals, 7 warnings, 1 row that cannot be a deal\. Nothing has been imported yet\./,
      );
    expect(
      await box.getByRole("combobox", { name: 'Column "Investor" read as' }).inputValue(),
    ).toBe("from");
    expect(
      await box.getByRole("combobox", { name: 'Column "in_totals" read as' }).inputValue(),
    ).toBe("");
    const conditional = box.getByRole("combobox", { name: 'status "conditional" read as' });
    expect(await conditional.inputValue()).toBe("announced");
    const preview = box.getByRole("table", { name: /as they would be imported/ });
    expect(await preview.getByRole("row").nth(5).innerText()).toMatch(
      /Mistral → ASML\s+debt\s+0\.385 bn EUR \(not converted\)\s+cancelled/,
    );
    await page.screenshot({ path: join(ARTIFACTS, "import-mapping-1280x800.png") });

    // A changed value reads the file again; nothing is imported until the user says so.
    await conditional.selectOption("signed");
    await expect.poll(() => conditional.inputValue()).toBe("signed");
    // A column can be read as another field: the analyst's initials as the notes.
    await box.getByRole("combobox", { name: 'Column "Analyst" read as' }).selectOption("notes");
    await expect
      .poll(() => box.getByRole("combobox", { name: 'Column "Analyst" read as' }).inputValue())
      .toBe("notes");
    await box.getByRole("button", { name: "Import the 6 valid rows (1 row skipped)" }).click();
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toBe(
      "Imported 9 companies and 6 deals from analyst-tracker.csv (1 row with problems skipped).",
    );
    await done.getByRole("button", { name: "Close" }).click();
    // The table lists live deals: the superseded and the cancelled one are history.
    await page.getByRole("tab", { name: "Table" }).click();
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(4);

    // The same header again: the chosen mapping is used, and says so.
    await open();
    await box.waitFor();
    await expect
      .poll(() => counts.innerText())
      .toContain("Using the mapping you chose last time for this header.");
    expect(await conditional.inputValue()).toBe("signed");
    await box.getByRole("button", { name: "Cancel" }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should make a valid CSV a saved dataset, keep it after a reload, and show the default without deleting it", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await importFile(page, "loop.csv", LOOP_CSV);
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toBe(
      "Imported 3 companies and 3 deals from loop.csv.",
    );
    await page.screenshot({ path: join(ARTIFACTS, "import-done-1280x800.png") });
    await done.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("A → B → C → A")]);
    // Focus comes back to the Data button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Data");

    await page.reload();
    await ready(page);
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("A → B → C → A")]);
    await page.getByRole("tab", { name: "About" }).click();
    await expect
      .poll(() => page.getByRole("tabpanel").innerText())
      .toMatch(/loop\.csv \(saved in this browser\), as of 2025-03: 3 companies, 3 deals/);

    await page.getByRole("button", { name: "Data" }).click();
    await page.getByRole("menuitem", { name: "Show the default dataset" }).click();
    await page.getByRole("tab", { name: "Loops" }).click();
    await expect
      .poll(async () => (await loopTexts(page)).some((t) => t.includes("Nvidia → OpenAI")))
      .toBe(true);
    await page.getByRole("button", { name: "Data" }).click();
    expect(
      await page.getByRole("menuitem", { name: "Show the default dataset" }).isDisabled(),
    ).toBe(true);
    // The imported dataset is still in the library, by name.
    await page.getByRole("menuitem", { name: "Datasets…" }).click();
    const library = page.getByRole("dialog", { name: "Datasets" });
    await library.getByRole("list", { name: "Saved datasets" }).waitFor();
    expect(await library.getByRole("list", { name: "Saved datasets" }).innerText()).toContain(
      "loop.csv",
    );
    await page.screenshot({ path: join(ARTIFACTS, "datasets-1280x800.png") });
    await library.getByRole("button", { name: "Close" }).click();

    await page.reload();
    await ready(page);
    expect((await loopTexts(page)).some((t) => t.includes("Nvidia → OpenAI"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should import a GEXF file dropped anywhere on the page, parsed in the worker", async () => {
    const { context, page, errors } = await openPage(harness);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await ready(page);
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="edge"><attribute id="0" title="amount" type="double"/></attributes>
    <nodes><node id="0" label="Xeno"/><node id="1" label="Yotta"/></nodes>
    <edges>
      <edge id="a" source="0" target="1"><attvalues><attvalue for="0" value="3"/></attvalues></edge>
      <edge id="b" source="1" target="0" weight="4"/>
    </edges>
  </graph>
</gexf>`;
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "graph.gexf", { type: "application/xml" }));
      (window as unknown as { __transfer: DataTransfer }).__transfer = transfer;
      document.body.dispatchEvent(
        new DragEvent("dragenter", { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }, gexf);
    const overlay = page.getByText("Drop a dataset file to import");
    await overlay.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "import-drop-overlay-1280x800.png") });
    await page.evaluate(() => {
      const transfer = (window as unknown as { __transfer: DataTransfer }).__transfer;
      document.body.dispatchEvent(
        new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    });
    await expect.poll(() => overlay.count()).toBe(0);
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toBe(
      "Imported 2 companies and 2 deals from graph.gexf.",
    );
    await done.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => loopTexts(page)).toEqual([expect.stringContaining("Xeno → Yotta")]);
    expect(workers.some((url) => /import\.worker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should refuse a file larger than 50 MB with a message", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file-input"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(51 * 1024 * 1024)], "huge.json"));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const box = page.getByRole("dialog", { name: "huge.json cannot be imported" });
    expect(await box.innerText()).toContain(
      "(file): huge.json is 51.0 MB; files larger than 50.0 MB are refused",
    );
    expect(await box.getByRole("button").allInnerTexts()).toEqual(["Cancel"]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should refuse, with the reason, a million-row CSV too large to draw, and keep the page alive", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.evaluate(() => {
      const rows = ["from,to,amount_usd_bn"];
      for (let i = 0; i < 1_000_000; i++) rows.push(`c${i},c${(i + 1) % 1_000_000},1`);
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file-input"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([rows.join("\n")], "ring.csv", { type: "text/csv" }));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const box = page.getByRole("dialog", { name: "ring.csv cannot be imported" });
    await box.waitFor({ timeout: 90_000 });
    expect(await box.innerText()).toContain(
      "(file): ring.csv has 1,000,000 deals; the explorer draws at most 100,000",
    );
    expect(await box.getByRole("button").allInnerTexts()).toEqual(["Cancel"]);
    await page.keyboard.press("Escape");
    // The default dataset is still shown and answers.
    await expect.poll(() => loopTexts(page).then((t) => t.length)).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("should draw a large import's largest flows, say so, and keep every deal for the lists and after a reload", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.evaluate(() => {
      const companies = 4_000;
      const rows = ["from,to,type,amount_usd_bn,announced"];
      for (let i = 0; i < 20_000; i++) {
        const from = i % companies;
        const to = (from + 1 + ((i * 7919) % 13)) % companies;
        rows.push(`Co ${from},Co ${to},equity,${1 + (i % 9)},2025-0${1 + (i % 9)}`);
      }
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file-input"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([rows.join("\n")], "big.csv", { type: "text/csv" }));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const done = page.getByRole("dialog", { name: "Import complete" });
    await done.waitFor({ timeout: 90_000 });
    await done.getByRole("button", { name: "Close" }).click();
    const note = page.getByTestId("large-view-note");
    const drawnGraph = async () => {
      await note.waitFor({ timeout: 90_000 });
      await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', {
        timeout: 90_000,
      });
      return page.evaluate(() => ({
        order: window.__ouroboros!.graph.order,
        size: window.__ouroboros!.graph.size,
      }));
    };
    const drawn = await drawnGraph();
    expect(drawn.order).toBeLessThanOrEqual(1_000);
    expect(drawn.size).toBeLessThanOrEqual(2_500);
    expect((await note.innerText()).replace(/\s+/g, " ")).toContain(
      `the graph draws the ${drawn.size.toLocaleString("en-US")} largest flows between the ${drawn.order.toLocaleString("en-US")} companies with the most money (of 20,000 flows and 4,000 companies)`,
    );
    await page.getByRole("tab", { name: "Table" }).click();
    await expect
      .poll(() => page.getByRole("tabpanel").innerText(), { timeout: 30_000 })
      .toMatch(/Deals \(20,000\)/);
    await page.reload();
    expect(await drawnGraph()).toEqual(drawn);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it("should export JSON, CSV and GEXF named after the title; the JSON imports back", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const saved: Record<string, string> = {};
    for (const label of ["Export JSON", "Export CSV", "Export GEXF"]) {
      await page.getByRole("button", { name: "Data" }).click();
      if (label === "Export JSON") {
        await page.screenshot({ path: join(ARTIFACTS, "data-menu-1280x800.png") });
      }
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("menuitem", { name: label }).click(),
      ]);
      const path = await download.path();
      saved[download.suggestedFilename()] = readFileSync(path, "utf8");
    }
    expect(Object.keys(saved)).toEqual([
      "ai-circular-deals.json",
      "ai-circular-deals.csv",
      "ai-circular-deals.gexf",
    ]);
    const json = saved["ai-circular-deals.json"]!;
    const original = JSON.parse(json) as { companies: unknown[]; deals: unknown[] };
    expect(saved["ai-circular-deals.csv"]!.split("\n")[0]).toMatch(
      /^id,from,to,type,amount_usd_bn/,
    );
    expect(saved["ai-circular-deals.gexf"]).toContain('<graph defaultedgetype="directed">');
    // NOTE: the edge-list exports say what they could not carry; JSON says nothing.
    await expect
      .poll(() => page.getByText(/^CSV export leaves out \d+ company facts/).count())
      .toBe(1);
    await expect
      .poll(() => page.getByText(/^GEXF export leaves out \d+ company facts/).count())
      .toBe(1);
    expect(await page.getByText(/^JSON export leaves out/).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "export-notices-1280x800.png") });

    await importFile(page, "ai-circular-deals.json", json, "application/json");
    const done = page.getByRole("dialog", { name: "Import complete" });
    expect(await done.getByRole("status").innerText()).toBe(
      `Imported ${original.companies.length} companies and ${original.deals.length} deals from ai-circular-deals.json.`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should fit the problems dialog on a phone screen", async () => {
    const { context, page, errors } = await openPage(harness, { width: 390, height: 844 });
    await ready(page);
    const many = [BAD_CSV, ...Array.from({ length: 30 }, (_, i) => `Row${i},Row${i},equity,1`)];
    await importFile(page, "errors.csv", many.join("\n"));
    const box = page.getByRole("dialog", { name: "errors.csv has problems" });
    await box.waitFor();
    const rect = await box.boundingBox();
    expect(rect!.x).toBeGreaterThanOrEqual(0);
    expect(rect!.x + rect!.width).toBeLessThanOrEqual(390);
    expect(rect!.y + rect!.height).toBeLessThanOrEqual(844);
    await expect.poll(() => box.getByRole("listitem").count()).toBe(33);
    expect(await box.getByRole("button", { name: /Import the 2 valid rows/ }).isVisible()).toBe(
      true,
    );
    await page.screenshot({ path: join(ARTIFACTS, "import-problems-390x844.png") });
    expect(errors).toEqual([]);
    await context.close();
  });
});
