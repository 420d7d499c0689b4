import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

/** Collects every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe("Content-Security-Policy (Chromium)", () => {
  it("should ship a strict policy in the built page", () => {
    const html = readFileSync(join(ROOT, "dist/index.html"), "utf8");
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(html).toContain("script-src &#39;self&#39;");
    expect(html).not.toContain("unsafe-eval");
    expect(html).not.toContain("unsafe-inline");
  });

  it("should run the graph, the analysis worker, an import, exports and share with no violation", async () => {
    const { context, page, errors } = await openPage(harness);
    const violations = await watchViolations(page);
    await page.reload();
    await waitForGraph(page);
    await page.getByRole("listbox", { name: "Cycles" }).getByRole("option").first().click();
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export image" });
    await dialog.getByRole("img", { name: /^Preview of the export/ }).waitFor();
    for (const name of ["Download PNG", "Download SVG"] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 30_000 }),
        dialog.getByRole("button", { name }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.(png|svg)$/);
    }
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Data" }).click();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("menuitem", { name: /Import/ }).click();
    await (
      await chooser
    ).setFiles({
      name: "tiny.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("from,to,amount_usd_bn\nA,B,1\nB,A,2\n"),
    });
    await waitForGraph(page);
    await expect
      .poll(() => page.getByRole("listbox", { name: "Cycles" }).innerText())
      .toMatch(/A → B/);
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    // The watch itself works: an inline script is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.head.append(script);
    });
    expect(await page.evaluate(() => "__inlineRan" in window)).toBe(false);
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    await context.close();
  });
});
