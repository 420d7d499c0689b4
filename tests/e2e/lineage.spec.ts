import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();
const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });

const V1_TINY = JSON.parse(readFileSync(join(ROOT, "data/fixtures/v1/tiny-v1.json"), "utf8"));

/** A v2 dataset: a superseded letter of intent, and a joint venture that borrows from a lender. */
const V2 = {
  schemaVersion: 2,
  title: "Lineage and vehicles",
  asOf: "2026-03-01",
  companies: [
    { id: "nvidia", name: "Nvidia", kind: "chipmaker" },
    { id: "openai", name: "OpenAI", kind: "ai-lab" },
    { id: "meta", name: "Meta", kind: "hyperscaler" },
    { id: "pimco", name: "Pimco", kind: "lender" },
    { id: "hyperion", name: "Hyperion JV", kind: "vehicle", sponsors: ["meta"] },
  ],
  sources: [{ id: "s1", kind: "external", title: "A named outlet", date: "2026-01" }],
  deals: [
    ["loi", "nvidia", "openai", 100, "superseded", "stake"],
    ["stake", "nvidia", "openai", 30, "closed", undefined],
    ["chips", "openai", "nvidia", 20, "signed", undefined],
    ["bonds", "pimco", "hyperion", 18, "closed", undefined],
    ["lease", "meta", "hyperion", 27, "signed", undefined],
    ["gpus", "hyperion", "nvidia", 5, "signed", undefined],
    ["meta-pimco", "meta", "pimco", 1, "signed", undefined],
    ["nvidia-meta", "nvidia", "meta", 2, "signed", undefined],
  ].map(([id, from, to, amount, status, supersededBy]) => ({
    id,
    from,
    to,
    type: "other",
    amountUsdBn: amount,
    amountQualifier: "exact",
    announced: "2025-10",
    status,
    ...(supersededBy ? { supersededBy } : {}),
    evidence: "reported",
    description: `${from} pays ${to}`,
    notes: [],
    sources: [{ sourceId: "s1", quote: "a quote" }],
  })),
  facts: [],
};

async function openWith(dataset: unknown) {
  const opened = await openPage(harness);
  await opened.page.addInitScript((data) => {
    (window as unknown as { __OUROBOROS_DATASET__: unknown }).__OUROBOROS_DATASET__ = data;
  }, dataset);
  await opened.page.reload();
  await waitForGraph(opened.page);
  return opened;
}

describe("schema v2 in the app (Chromium)", () => {
  it("should open a version-1 dataset as version 2", async () => {
    const { context, page, errors } = await openWith(V1_TINY);
    await expect
      .poll(() => cycles(page).getByRole("option").first().innerText())
      .toMatch(/^Nvidia → OpenAI → Oracle → Nvidia · round trip \$40 bn/);
    const version = await page.evaluate(() => window.__ouroboros!.graph.order);
    expect(version).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should leave a superseded deal out until ticked, then count it and say so", async () => {
    const { context, page, errors } = await openWith(V2);
    const option = cycles(page).getByRole("option", { name: /^Nvidia → OpenAI → Nvidia/ });
    await expect.poll(() => option.innerText()).toContain("round trip $20 bn");
    const hop = () =>
      page.evaluate(() =>
        window.__ouroboros!.graph.getEdgeAttribute("nvidia>openai", "totalUsdBn"),
      );
    expect(await hop()).toBe(30);
    await page.getByRole("tab", { name: "Filters" }).click();
    const statuses = page.getByRole("group", { name: "Status" });
    await statuses.getByRole("checkbox", { name: "superseded" }).check();
    await expect.poll(hop).toBe(130);
    await expect.poll(() => page.url()).toContain("status=");
    await page.getByRole("tab", { name: "Loops" }).click();
    await page
      .getByText("Superseded or cancelled deals are ticked in Filters, so these loops count them.")
      .waitFor();
    await expect.poll(() => option.innerText()).toContain("counts 1 replaced or cancelled deal");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should draw money lent to a vehicle to it, and fold it into its sponsor on request", async () => {
    const { context, page, errors } = await openWith(V2);
    const has = (key: string) => page.evaluate((k) => window.__ouroboros!.graph.hasEdge(k), key);
    await expect.poll(() => has("pimco>hyperion")).toBe(true);
    await page.getByRole("tab", { name: "Filters" }).click();
    await page.getByRole("checkbox", { name: "Merge vehicles into their sponsors" }).check();
    await expect.poll(() => has("pimco>meta")).toBe(true);
    expect(await page.evaluate(() => window.__ouroboros!.graph.hasNode("hyperion"))).toBe(false);
    expect(await has("meta>meta")).toBe(false);
    await expect.poll(() => page.url()).toContain("merge=1");
    await page.getByRole("tab", { name: "Loops" }).click();
    await cycles(page)
      .getByRole("option", { name: /^Meta → Pimco → Meta/ })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
