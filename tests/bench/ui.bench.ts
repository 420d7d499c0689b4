/**
 * UI benchmark: time from navigation to the first drawn graph frame in headless
 * Chromium (software WebGL), for the default dataset and a generated
 * 10,000-edge one, and the longest main-thread task while hovering and
 * selecting after first paint. Prints numbers; asserts nothing.
 * Run with `npm run bench:ui` (builds first).
 */
import type { Page } from "playwright-core";
import { type Harness, startHarness } from "../e2e/harness.ts";
import { generateDataset } from "./generators.ts";

const RUNS = 3;

async function firstFrameMs(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const mark = performance.getEntriesByName("ouroboros:first-frame")[0];
    return mark ? mark.startTime : NaN;
  });
}

async function interact(page: Page): Promise<void> {
  const points = await page.evaluate(() => {
    const hook = window.__ouroboros;
    if (!hook) return [];
    const nodes = hook.graph.nodes().slice(0, 25);
    return nodes.map((n) => {
      const a = hook.graph.getNodeAttributes(n) as { x: number; y: number };
      return hook.sigma.graphToViewport({ x: a.x, y: a.y });
    });
  });
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  for (const p of points) {
    if (!box) break;
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.waitForTimeout(30);
  }
  const options = page.getByRole("listbox", { name: "Cycles" }).getByRole("option");
  const count = Math.min(await options.count(), 8);
  for (let i = 0; i < count; i++) {
    await options.nth(i).click();
    await page.waitForTimeout(120);
  }
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
}

async function measure(harness: Harness, label: string, dataset?: unknown) {
  const times: number[] = [];
  let longest = 0;
  for (let run = 0; run < RUNS; run++) {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript((data) => {
      const w = window as unknown as { __longTasks: PerformanceEntry[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries())).observe({
        type: "longtask",
        buffered: true,
      });
      if (data !== null)
        (window as { __OUROBOROS_DATASET__?: unknown }).__OUROBOROS_DATASET__ = data;
    }, dataset ?? null);
    await page.goto(harness.baseUrl);
    const ms = await firstFrameMs(page);
    times.push(ms);
    if (run === RUNS - 1) {
      await page.waitForTimeout(500);
      await interact(page);
      longest = await page.evaluate((after) => {
        const w = window as unknown as { __longTasks: PerformanceEntry[] };
        return w.__longTasks
          .filter((t) => t.startTime > after)
          .reduce((m, t) => Math.max(m, t.duration), 0);
      }, ms + 500);
    }
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(28)} | first frame median ${median.toFixed(0).padStart(6)} ms (runs: ${times
      .map((t) => t.toFixed(0))
      .join(
        ", ",
      )}) | longest task after first paint while hovering/selecting: ${longest.toFixed(0)} ms`,
  );
}

const harness = await startHarness();
try {
  console.log("UI benchmark (headless Chromium, software WebGL), 1280x800");
  console.log(
    "targets: default < 1500 ms; 10,000 edges < 4000 ms; no task > 200 ms after first paint",
  );
  await measure(harness, "default dataset");
  const big = generateDataset(2_000, 10_000, 42);
  await measure(harness, "generated 2k nodes/10k edges", big);
} finally {
  await harness.close();
}
