import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, showFirstScreen, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Rules about names, labels and ARIA use; colour contrast is checked by eye in screenshots. */
const RULES = [
  "button-name",
  "input-button-name",
  "label",
  "select-name",
  "link-name",
  "aria-input-field-name",
  "aria-toggle-field-name",
  "aria-allowed-attr",
  "aria-required-attr",
  "aria-required-children",
  "aria-required-parent",
  "aria-valid-attr",
  "aria-valid-attr-value",
  "aria-roles",
  "duplicate-id-aria",
  "list",
  "listitem",
  "document-title",
  "html-has-lang",
  "nested-interactive",
  "tabindex",
];

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (rules) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: rules } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  }, RULES);
}

describe("accessibility (Chromium, axe-core)", () => {
  for (const tab of [
    "Loops",
    "Risk",
    "Stress",
    "Details",
    "Table",
    "Filters",
    "Stories",
    "About",
  ]) {
    it(`should name every control on the ${tab} tab`, async () => {
      const { context, page } = await openPage(
        harness,
        { width: 1280, height: 800 },
        "?v=1&co=oracle&shock=openai",
        true,
      );
      await waitForGraph(page);
      await page.getByRole("tab", { name: tab }).click();
      await page.waitForTimeout(300);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }

  it("should name every field of the deal and company forms and the tracker mapping", async () => {
    const { context, page } = await openPage(
      harness,
      { width: 1280, height: 800 },
      "?v=1&co=oracle&tab=table",
      true,
    );
    await waitForGraph(page);
    await page.getByRole("button", { name: "Add a deal" }).click();
    const form = page.getByRole("dialog", { name: "Add a deal" });
    await form.getByLabel("Source 1", { exact: true }).selectOption({ label: "A new source…" });
    await form.getByRole("button", { name: "Add the deal" }).click();
    expect(await violations(page)).toEqual([]);
    await form.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Add a company" }).click();
    expect(await violations(page)).toEqual([]);
    await page
      .getByRole("dialog", { name: "Add a company" })
      .getByRole("button", { name: "Cancel" })
      .click();
    await page.locator('[data-testid="import-file-input"]').setInputFiles({
      name: "t.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Investor,Investee,Status\nA,B,LOI\n"),
    });
    await page.getByRole("dialog", { name: "Read t.csv as deals" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("should name every control of the first screen, the layout chooser and the export dialog", async () => {
    const { context, page } = await openPage(harness, undefined, "", true, false);
    await showFirstScreen(page);
    await page.goto(harness.baseUrl);
    await waitForGraph(page);
    await page.getByRole("region", { name: "Introduction" }).waitFor();
    await page.getByRole("radiogroup", { name: "Layout" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole("button", { name: "Explore freely" }).click();
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export image" });
    await dialog.getByRole("img", { name: /^Preview of the export/ }).waitFor();
    await dialog.getByLabel("Size").selectOption("print");
    await dialog.getByLabel("Print width (mm)").waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("should name every control of the story bar and the story editor", async () => {
    const { context, page } = await openPage(
      harness,
      undefined,
      "?story=how-the-money-goes-round&step=2",
      true,
    );
    await waitForGraph(page);
    await page.getByRole("region", { name: "Story" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole("tab", { name: "Stories" }).click();
    await page.getByRole("button", { name: "New story from this view" }).click();
    await page.getByRole("button", { name: "Add this view as a step" }).click();
    await page.getByLabel("Step 2 caption").fill("**Bold** and [a link](https://example.com)");
    await page.getByLabel("Step 2 title").click();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("should name every control of the embed view", async () => {
    const { context, page } = await openPage(harness, undefined, "?embed=1", true);
    await waitForGraph(page);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
