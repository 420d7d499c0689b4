/**
 * End-to-end harness: serves the built `dist/` with Vite's preview server on a
 * free localhost port and drives Debian's Chromium through playwright-core.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type PreviewServer, preview } from "vite";

export const ROOT = join(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-results");
/** The build served: `dist/`, or another folder named by E2E_DIST (parallel work on one checkout). */
const DIST = process.env.E2E_DIST ?? "dist";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export interface Harness {
  readonly baseUrl: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Starts the preview server and the browser. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, DIST, "index.html"))) {
    throw new Error("tests/e2e: dist/ is missing; run `vite build` first (npm run test:e2e does)");
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: "silent",
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
    build: { outDir: DIST },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("tests/e2e: no server address");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  // NOTE: every context is a returning reader who has left the first screen, so a
  // page opens as it did before it existed; `showFirstScreen` brings it back.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => sessionStorage.setItem("ouroboros:intro-dismissed", "1"));
    return context;
  };
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** A fresh context and page that records console errors and page errors. */
export async function openPage(
  harness: Harness,
  viewport = { width: 1280, height: 800 },
  path = "",
  /** Lets a test inject its own tools (axe-core) past the app's Content-Security-Policy. */
  bypassCSP = false,
  /** False: open the page but do not navigate yet (to add init scripts first). */
  navigate = true,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await harness.browser.newContext({ viewport, bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  if (navigate) await page.goto(harness.baseUrl + path);
  return { context, page, errors };
}

/**
 * Registers the suite's beforeAll/afterAll and returns the harness, whose
 * fields are readable once the suite has started.
 */
export function suiteHarness(): Harness {
  let current: Harness | null = null;
  const need = () => {
    if (!current) throw new Error("tests/e2e: the harness is used before beforeAll ran");
    return current;
  };
  beforeAll(async () => {
    current = await startHarness();
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get baseUrl() {
      return need().baseUrl;
    },
    get browser() {
      return need().browser;
    },
    close: async () => {},
  };
}

/** Waits until the graph has drawn its first frame with laid-out positions. */
export const waitForGraph = (page: Page) =>
  page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 30_000 });

/** Makes `page`'s next loads a first visit: the first screen shows (see `startHarness`). */
export async function showFirstScreen(page: Page): Promise<void> {
  await page.addInitScript(() => sessionStorage.removeItem("ouroboros:intro-dismissed"));
}
