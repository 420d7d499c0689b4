import { describe, expect, it } from "vitest";
import { openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

describe("embed view (Chromium)", () => {
  it("should show the graph, its legend and a caption with a link out, and no panels or data controls", async () => {
    const { context, page, errors } = await openPage(
      harness,
      { width: 640, height: 480 },
      "?loop=nvidia.openai.oracle&embed=1",
    );
    await waitForGraph(page);
    expect(await page.getByRole("main", { name: "Money-flow graph" }).count()).toBe(1);
    expect(await page.locator(".legend").count()).toBe(1);
    for (const name of ["Data", "Export…", "Share", "Panels"]) {
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole("tablist").count()).toBe(0);
    expect(await page.getByRole("region", { name: "Introduction" }).count()).toBe(0);
    const caption = page.locator(".embed-caption");
    await expect.poll(() => caption.innerText()).toMatch(/Nvidia invests in OpenAI/);
    const link = caption.getByRole("link", { name: "Open in Ouroboros" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toContain("loop=nvidia.openai.oracle");
    expect(href).not.toContain("embed=1");
    expect(await link.getAttribute("target")).toBe("_blank");
    // The address keeps embed=1 as the view is synced into it.
    await expect.poll(() => page.url()).toContain("embed=1");
    // Nothing scrolls beyond the frame.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
