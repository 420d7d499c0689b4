import { describe, expect, it } from "vitest";
import { openPage, showFirstScreen, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

describe("first screen (Chromium)", () => {
  it("should open on the headline, the circularity figure and the headline loop, highlighted", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "", false, false);
    await showFirstScreen(page);
    await page.goto(harness.baseUrl);
    await waitForGraph(page);
    const intro = page.getByRole("region", { name: "Introduction" });
    await intro.waitFor();
    expect(await intro.getByRole("heading").innerText()).toContain("Money that comes back");
    expect(await intro.innerText()).toMatch(
      /% of the money flowing through these companies comes back round/,
    );
    const sentence = await intro.locator(".first-screen__loop").innerText();
    expect(sentence).toMatch(/came back round within|goes round/);
    // The loop the sentence tells is the one selected in the list and in the URL.
    const selected = page
      .getByRole("listbox", { name: "Cycles" })
      .getByRole("option", { selected: true });
    await expect.poll(() => selected.count()).toBe(1);
    const path = await selected.locator(".loop-path").innerText();
    for (const name of new Set(path.split("→").map((s) => s.trim()))) {
      expect(sentence).toContain(name);
    }
    await expect.poll(() => page.url()).toMatch(/[?&]loop=/);
    // Esc leaves the first screen; the loop stays selected.
    await page.keyboard.press("Escape");
    await expect.poll(() => intro.count()).toBe(0);
    expect(await selected.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should leave with one click, and let a shared link's view take precedence", async () => {
    // NOTE: on a phone the first visit opens on the story instead (story.spec.ts).
    const first = await openPage(harness, undefined, "", false, false);
    await showFirstScreen(first.page);
    await first.page.goto(harness.baseUrl);
    await waitForGraph(first.page);
    const intro = first.page.getByRole("region", { name: "Introduction" });
    await intro.getByRole("button", { name: "Explore freely" }).click();
    await expect.poll(() => intro.count()).toBe(0);
    // Left for the session: a reload opens on the view the address now holds.
    await first.page.reload();
    await waitForGraph(first.page);
    expect(await intro.count()).toBe(0);
    await first.context.close();

    const linked = await openPage(harness, undefined, "", false, false);
    await showFirstScreen(linked.page);
    await linked.page.goto(`${harness.baseUrl}?co=oracle`);
    await waitForGraph(linked.page);
    await linked.page.waitForTimeout(500);
    expect(await linked.page.getByRole("region", { name: "Introduction" }).count()).toBe(0);
    expect(linked.errors).toEqual([]);
    await linked.context.close();
  });
});
