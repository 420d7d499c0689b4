import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../bench/generators.ts";
import { ARTIFACTS, openPage, suiteHarness, waitForGraph } from "./harness.ts";
import { nonBackgroundShare } from "./pixels.ts";

const harness = suiteHarness();

const ready = waitForGraph;
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });

/** Waits until the camera has stopped moving (selecting a loop animates it). */
async function cameraSettled(page: Page): Promise<void> {
  let last = "";
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() =>
      JSON.stringify(window.__ouroboros!.sigma.getCamera().getState()),
    );
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** Selects the first loop; returns its company names and their on-screen box in CSS px. */
async function selectFirstLoop(page: Page) {
  const option = cycles(page).getByRole("option").first();
  await option.waitFor();
  await option.click();
  await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
  await cameraSettled(page);
  const path = await option.locator(".loop-path").innerText();
  const names = [...new Set(path.split("→").map((s) => s.trim()))];
  const box = await page.evaluate((labels) => {
    const { sigma, graph } = window.__ouroboros!;
    const points = graph
      .filterNodes((_n, a) => labels.includes(String(a.label)))
      .map((n) => sigma.graphToViewport(graph.getNodeAttributes(n) as { x: number; y: number }));
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    return {
      count: points.length,
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
  }, names);
  return { names, box };
}

async function exportVia(page: Page, name: "Export PNG" | "Export SVG"): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    page.getByRole("button", { name }).click(),
  ]);
  return download;
}

async function saved(download: Download, artifact: string): Promise<Buffer> {
  const path = join(ARTIFACTS, artifact);
  await download.saveAs(path);
  return readFileSync(path);
}

const exportMs = (page: Page) =>
  page.getByRole("group", { name: "Export image" }).getAttribute("data-export-ms");

describe("image export (Chromium)", () => {
  it("should say the famous loop's round trip in its export exactly as its list entry does", async () => {
    const { context, page, errors } = await openPage(
      harness,
      undefined,
      "?loop=nvidia.openai.oracle",
    );
    await ready(page);
    const option = cycles(page).getByRole("option", { name: /^Nvidia → OpenAI → Oracle → Nvidia/ });
    await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
    const listed = await option.locator(".loop-amount").innerText();
    const download = await exportVia(page, "Export SVG");
    const svg = (await saved(download, "export-famous-loop.svg")).toString("utf8");
    const desc = /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc).toContain(`Loop of 3 hops · ${listed} · `);
    expect(desc).not.toContain("$0 bn");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should export the selected loop as a PNG at least twice its on-screen size", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const { names, box } = await selectFirstLoop(page);
    expect(box.count).toBe(names.length);
    const download = await exportVia(page, "Export PNG");
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-loop\.png$/);
    const png = await saved(download, "export-loop.png");
    const image = PNG.sync.read(png);
    expect(image.width).toBeGreaterThanOrEqual(2 * box.width);
    expect(image.height).toBeGreaterThanOrEqual(2 * box.height);
    expect(nonBackgroundShare(png)).toBeGreaterThan(0.01);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Saved" }).innerText())
      .toContain(download.suggestedFilename());
    // Sigma drew every node where the scene (and so the SVG and the crop) put it.
    const drift = await page
      .getByRole("group", { name: "Export image" })
      .getAttribute("data-export-alignment-px");
    expect(drift).not.toBeNull();
    expect(Number(drift)).toBeLessThan(1);
    console.log(
      `export PNG of loop ${names.join(" → ")}: ${image.width} × ${image.height} px in ${await exportMs(page)} ms`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should export the selected loop as a well-formed SVG naming its companies", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const { names } = await selectFirstLoop(page);
    const download = await exportVia(page, "Export SVG");
    expect(download.suggestedFilename()).toMatch(/-loop\.svg$/);
    const svg = (await saved(download, "export-loop.svg")).toString("utf8");
    expect(errors).toEqual([]);
    expect(svg).toContain("<svg");
    for (const name of names) expect(svg).toContain(name);
    expect(svg).toMatch(/\$\d[\d.]* (bn|tn)|undisclosed/);
    // NOTE: parsed in a page of its own: the app's CSP rightly refuses the SVG's inline styles.
    const viewer = await context.newPage();
    const parsed = await viewer.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.nodeName,
      };
    }, svg);
    expect(parsed).toEqual({ error: 0, root: "svg" });
    // The export states the round trip in the list entry's own words.
    const listed = await cycles(page)
      .getByRole("option")
      .first()
      .locator(".loop-amount")
      .innerText();
    expect(listed).toMatch(/^round trip /);
    const desc = /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc).toContain(` · ${listed} · `);
    // Render the SVG in Chromium too, to look at it next to the PNG.
    await viewer.setContent(
      `<body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body>`,
    );
    const img = viewer.locator("img");
    await img.waitFor();
    await img.screenshot({ path: join(ARTIFACTS, "export-loop-svg.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should export the whole filtered graph when nothing is selected", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    const download = await exportVia(page, "Export PNG");
    expect(download.suggestedFilename()).toBe("ai-circular-deals-graph.png");
    const png = await saved(download, "export-graph.png");
    const image = PNG.sync.read(png);
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    expect(image.width).toBeGreaterThan(canvas.width);
    expect(nonBackgroundShare(png)).toBeGreaterThan(0.01);
    console.log(
      `export PNG of the whole graph: ${image.width} × ${image.height} px in ${await exportMs(page)} ms`,
    );
    const svgDownload = await exportVia(page, "Export SVG");
    expect(svgDownload.suggestedFilename()).toBe("ai-circular-deals-graph.svg");
    const svg = (await saved(svgDownload, "export-graph.svg")).toString("utf8");
    expect(svg).toContain("AI circular deals");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should honour 1× and a transparent background, and name a company export", async () => {
    const { context, page, errors } = await openPage(harness);
    await ready(page);
    await page.getByRole("button", { name: "Export options" }).click();
    const popover = page.getByRole("group", { name: "Export options" });
    await popover.getByRole("radio", { name: "1×" }).check();
    await popover.getByRole("radio", { name: "Transparent" }).check();
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.count()).toBe(0);
    await page.keyboard.press("/");
    await page.keyboard.type("Oracle");
    await page.keyboard.press("Enter");
    await cameraSettled(page);
    const download = await exportVia(page, "Export PNG");
    expect(download.suggestedFilename()).toBe("oracle-counterparties.png");
    const png = await saved(download, "export-company-1x-transparent.png");
    const image = PNG.sync.read(png);
    expect(image.data[3]).toBe(0); // top-left pixel: transparent
    expect(nonBackgroundShare(png)).toBeGreaterThan(0.01);
    // The choice is remembered across reloads.
    await page.reload();
    await ready(page);
    await page.getByRole("button", { name: "Export options" }).click();
    await expect.poll(() => popover.getByRole("radio", { name: "1×" }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
  it("should warn above 2,000 flows and still export the whole graph", async () => {
    // 6,000 generated companies and 13,000 deals: the graph draws its 2,500 largest flows.
    const data = generateDataset(6_000, 13_000, 42);
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.addInitScript((d) => {
      (window as { __OUROBOROS_DATASET__?: unknown }).__OUROBOROS_DATASET__ = d;
    }, data);
    await page.goto(harness.baseUrl);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', {
      timeout: 60_000,
    });
    const flows = await page.evaluate(() => window.__ouroboros!.graph.size);
    expect(flows).toBeGreaterThan(2_000);
    // No standing notice: before an export, nothing covers the tab bar.
    expect(await page.getByRole("status").filter({ hasText: "Large export" }).count()).toBe(0);
    const download = await exportVia(page, "Export PNG");
    const warning = page.getByRole("status").filter({ hasText: "Large export" });
    await expect
      .poll(() => warning.innerText())
      .toContain(`${flows.toLocaleString("en-US")} flows (over 2,000)`);
    // While it shows, the tabs under it still take clicks.
    await page.getByRole("tab", { name: "About" }).click({ timeout: 5000 });
    expect(await page.getByRole("tab", { name: "About" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    const png = await saved(download, "export-large-graph.png");
    expect(PNG.sync.read(png).width).toBeGreaterThan(1000);
    expect(nonBackgroundShare(png)).toBeGreaterThan(0.01);
    console.log(`export PNG of ${flows} flows: ${await exportMs(page)} ms`);
    // The picture says it holds the largest flows only, with the totals.
    const svg = await saved(await exportVia(page, "Export SVG"), "export-large-graph.svg");
    expect(svg.toString("utf8")).toMatch(
      /the 2,500 largest of 12,\d{3} flows, between the \d{3} of 6,000 companies with the most money/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
