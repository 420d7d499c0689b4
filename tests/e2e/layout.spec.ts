import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, openPage, suiteHarness, waitForGraph } from "./harness.ts";

const harness = suiteHarness();

const cycles = (page: Page) => page.getByRole("listbox", { name: "Cycles" });
const chooser = (page: Page) => page.getByRole("radiogroup", { name: "Layout" });
const LAYOUT_NAMES = { force: "Force", circle: "Circle", role: "By role" } as const;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Waits until the camera and the nodes have stopped moving (layouts and selections animate). */
async function settled(page: Page): Promise<void> {
  let last = "";
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => {
      const { sigma } = window.__ouroboros!;
      const graph = sigma.getGraph();
      const first = graph.nodes()[0];
      return JSON.stringify([
        sigma.getCamera().getState(),
        first ? graph.getNodeAttributes(first).x : 0,
      ]);
    });
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** Graph positions of the drawn nodes, by node key. */
const positions = (page: Page) =>
  page.evaluate(() => {
    const { sigma } = window.__ouroboros!;
    const out: Record<string, [number, number]> = {};
    sigma.getGraph().forEachNode((key, attr) => {
      out[key] = [attr.x, attr.y];
    });
    return out;
  });

/** Each drawn node's disc on the page (CSS pixels), by node key; only `keys` when given. */
async function nodeBoxes(page: Page, keys?: readonly string[]): Promise<Record<string, Box>> {
  const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
  const boxes = await page.evaluate((wanted) => {
    const { sigma } = window.__ouroboros!;
    const out: Record<string, { x: number; y: number; r: number }> = {};
    for (const key of wanted ?? sigma.getGraph().nodes()) {
      const data = sigma.getNodeDisplayData(key);
      if (!data) continue;
      const p = sigma.framedGraphToViewport(data);
      out[key] = { x: p.x, y: p.y, r: sigma.scaleSize(data.size) };
    }
    return out;
  }, keys ?? null);
  return Object.fromEntries(
    Object.entries(boxes).map(([key, { x, y, r }]) => [
      key,
      {
        left: canvas.x + x - r,
        top: canvas.y + y - r,
        right: canvas.x + x + r,
        bottom: canvas.y + y + r,
      },
    ]),
  );
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

async function legendBox(page: Page): Promise<Box> {
  const b = (await page.locator(".legend").boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

async function canvasBox(page: Page): Promise<Box> {
  const b = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

/** The nodes whose disc the legend covers, or that are not on the canvas. */
async function hiddenNodes(page: Page, keys?: readonly string[]): Promise<string[]> {
  const legend = await legendBox(page);
  const canvas = await canvasBox(page);
  const boxes = await nodeBoxes(page, keys);
  if (keys) expect(Object.keys(boxes).sort()).toEqual([...keys].sort());
  return Object.entries(boxes)
    .filter(
      ([, b]) =>
        overlaps(b, legend) ||
        b.left < canvas.left ||
        b.right > canvas.right ||
        b.top < canvas.top ||
        b.bottom > canvas.bottom,
    )
    .map(([key]) => key);
}

async function chooseLayout(page: Page, layout: keyof typeof LAYOUT_NAMES): Promise<void> {
  await chooser(page).getByRole("radio", { name: LAYOUT_NAMES[layout] }).check();
  await expect.poll(() => page.url()).toMatch(layout === "force" ? /^(?!.*layout=)/ : /layout=/);
  await settled(page);
}

/** Drags a node by `dx`, `dy` pixels with the mouse; answers its graph position after. */
async function dragNode(page: Page, key: string, dx: number, dy: number) {
  const box = (await nodeBoxes(page, [key]))[key]!;
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
  await settled(page);
  return (await positions(page))[key]!;
}

/** The positions saved for the shipped dataset in the page's IndexedDB, as JSON ("" when none). */
const savedShippedPositions = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("ouroboros");
        // NOTE: never create the database here: the app's first open must.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("datasets")) return resolve("");
          const get = db.transaction("datasets").objectStore("datasets").get("default-positions");
          get.onsuccess = () => resolve(get.result === undefined ? "" : JSON.stringify(get.result));
          get.onerror = () => resolve("");
        };
        open.onerror = () => resolve("");
      }),
  );

describe("layouts (Chromium)", () => {
  /** Opens the shipped dataset on the circle and drags Oracle, until the drag is saved. */
  const dragOracleOnTheCircle = async () => {
    const opened = await openPage(harness);
    await waitForGraph(opened.page);
    await chooseLayout(opened.page, "circle");
    await dragNode(opened.page, "oracle", 120, 90);
    await expect.poll(() => savedShippedPositions(opened.page)).toMatch(/"circle":\[\["oracle"/);
    return opened;
  };

  it("should draw each layout at its own positions with every company on screen", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    const seen: Record<string, Record<string, [number, number]>> = {};
    for (const layout of ["force", "circle", "role"] as const) {
      if (layout !== "force") await chooseLayout(page, layout);
      expect(
        await chooser(page).getByRole("radio", { name: LAYOUT_NAMES[layout] }).isChecked(),
      ).toBe(true);
      const at = await positions(page);
      const points = Object.values(at);
      expect(points.length).toBeGreaterThan(50);
      expect(points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
      expect(new Set(points.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`)).size).toBe(
        points.length,
      );
      expect(await hiddenNodes(page)).toEqual([]);
      seen[layout] = at;
      await page.screenshot({ path: join(ARTIFACTS, `layout-${layout}-1280x800.png`) });
    }
    const moved = (a: string, b: string) =>
      Object.keys(seen[a]!).filter((k) => {
        const [ax, ay] = seen[a]![k]!;
        const [bx, by] = seen[b]![k]!;
        return Math.hypot(ax - bx, ay - by) > 1;
      }).length;
    const count = Object.keys(seen.force!).length;
    expect(moved("force", "circle")).toBeGreaterThan(count * 0.9);
    expect(moved("force", "role")).toBeGreaterThan(count * 0.9);
    expect(moved("circle", "role")).toBeGreaterThan(count * 0.9);
    // By role: lenders left of labs, labs left of clouds, clouds left of chipmakers.
    expect(seen.role!.jpmorgan![0]).toBeLessThan(seen.role!.openai![0]);
    expect(seen.role!.openai![0]).toBeLessThan(seen.role!.oracle![0]);
    expect(seen.role!.oracle![0]).toBeLessThan(seen.role!.nvidia![0]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should choose the layout with the arrow keys and keep it over a reload", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await chooser(page).getByRole("radio", { name: "Force" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toMatch(/layout=circle/);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toMatch(/layout=role/);
    await settled(page);
    const before = await positions(page);
    await page.reload();
    await waitForGraph(page);
    await settled(page);
    expect(await chooser(page).getByRole("radio", { name: "By role" }).isChecked()).toBe(true);
    expect(await positions(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should keep dragged positions per layout over a reload and in a shared link", async () => {
    const { context, page, errors } = await openPage(harness);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await waitForGraph(page);
    await chooseLayout(page, "circle");
    const circleBase = await positions(page);
    const dropped = await dragNode(page, "oracle", 120, 90);
    expect(
      Math.hypot(dropped[0] - circleBase.oracle![0], dropped[1] - circleBase.oracle![1]),
    ).toBeGreaterThan(50);
    await expect.poll(() => page.url()).toMatch(/pos=oracle:-?\d+,-?\d+/);
    // Only the moved company is carried.
    expect(new URL(page.url()).searchParams.get("pos")!.split(";")).toHaveLength(1);
    const arranged = await positions(page);

    // The force layout keeps its own positions.
    await chooseLayout(page, "force");
    const force = await positions(page);
    expect(new URL(page.url()).searchParams.get("pos")).toBeNull();
    await chooseLayout(page, "circle");
    expect(await positions(page)).toEqual(arranged);

    // A reload without the link's parameters reads them back from the saved dataset.
    await page.goto(`${harness.baseUrl}?v=1&layout=circle`);
    await waitForGraph(page);
    await settled(page);
    expect(await positions(page)).toEqual(arranged);
    await chooseLayout(page, "force");
    expect(await positions(page)).toEqual(force);
    await chooseLayout(page, "circle");

    // A camera of its own, so the link carries one.
    await page.getByRole("button", { name: "Zoom in" }).click();
    await settled(page);
    await expect.poll(() => page.url()).toMatch(/cam=/);
    const screen = await nodeBoxes(page, ["oracle", "nvidia"]);
    await page.getByRole("button", { name: "Share" }).click();
    await page.getByText("Link copied").waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/layout=circle/);
    expect(url).toMatch(/pos=oracle:/);
    expect(url).toMatch(/cam=/);
    expect(errors).toEqual([]);
    await context.close();

    const fresh = await openPage(harness, undefined, url.replace(harness.baseUrl, ""));
    await waitForGraph(fresh.page);
    await settled(fresh.page);
    expect(await positions(fresh.page)).toEqual(arranged);
    // The same picture in the same place: the camera is relative to the arranged drawing.
    const there = await nodeBoxes(fresh.page, ["oracle", "nvidia"]);
    for (const key of ["oracle", "nvidia"]) {
      expect(Math.abs(there[key]!.left - screen[key]!.left)).toBeLessThan(2);
      expect(Math.abs(there[key]!.top - screen[key]!.top)).toBeLessThan(2);
    }
    await fresh.page.screenshot({ path: join(ARTIFACTS, "layout-shared-drag-1280x800.png") });
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it("should keep my own dragged positions while a link's are shown, and give them back", async () => {
    const { context, page, errors } = await dragOracleOnTheCircle();
    const mine = await positions(page);

    // A link with its own arrangement, opened in the same browser: it is drawn.
    await page.goto(`${harness.baseUrl}?v=1&layout=circle&pos=nvidia:40,-40`);
    await waitForGraph(page);
    await settled(page);
    const shown = await positions(page);
    expect(shown.nvidia).toEqual([40, -40]);
    expect(shown.oracle).not.toEqual(mine.oracle);
    expect(await savedShippedPositions(page)).toMatch(/"circle":\[\["oracle"/);

    // Back on the app without the link's positions: my arrangement, as I left it.
    await page.goto(`${harness.baseUrl}?v=1&layout=circle`);
    await waitForGraph(page);
    await settled(page);
    expect(await positions(page)).toEqual(mine);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should add to my dragged positions, not replace them, when I drag in the shipped story", async () => {
    const { context, page, errors } = await dragOracleOnTheCircle();
    // A link to a step of the shipped story opens on the shipped dataset, with my drags read back.
    await page.goto(`${harness.baseUrl}?story=how-the-money-goes-round&step=1`);
    await waitForGraph(page);
    await page.getByRole("region", { name: "Story" }).waitFor();
    await settled(page);
    await dragNode(page, "nvidia", 60, 40);
    await expect
      .poll(() => savedShippedPositions(page))
      .toMatch(/^(?=.*"circle":\[\["oracle")(?=.*\["nvidia")/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should forget a layout's dragged positions when it is re-run", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "?v=1&layout=role");
    await waitForGraph(page);
    await settled(page);
    const base = await positions(page);
    await dragNode(page, "nvidia", -60, 80);
    await expect.poll(() => page.url()).toMatch(/pos=nvidia:/);
    await page.getByRole("button", { name: "Re-run layout" }).click();
    await expect.poll(() => page.url()).not.toMatch(/pos=/);
    await settled(page);
    expect(await positions(page)).toEqual(base);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should keep a selected loop's companies side by side, in loop order, on the circle", async () => {
    const { context, page, errors } = await openPage(harness, undefined, "?v=1&layout=circle");
    await waitForGraph(page);
    for (const n of [0, 3]) {
      const option = cycles(page).getByRole("option").nth(n);
      await option.click();
      await settled(page);
      const path = (await option.locator(".loop-path").innerText()).split("→").map((s) => s.trim());
      const members = await page.evaluate((names) => {
        const graph = window.__ouroboros!.sigma.getGraph();
        const byName = new Map(graph.mapNodes((k, a) => [String(a.label), k] as const));
        return names.slice(0, -1).map((name) => byName.get(name)!);
      }, path);
      const at = await positions(page);
      const angle = (k: string) => Math.atan2(at[k]![1], at[k]![0]);
      // Clockwise from the top: decreasing angle.
      const ring = Object.keys(at).sort((a, b) => angle(b) - angle(a));
      const next = (k: string) => ring[(ring.indexOf(k) + 1) % ring.length];
      // Side by side in loop order (the block may start at any member): every member
      // but the block's last is followed on the ring by the next company of the loop.
      const followed = members.filter((k, i) => next(k) === members[(i + 1) % members.length]);
      expect(followed.length).toBeGreaterThanOrEqual(members.length - 1);
      expect(await hiddenNodes(page, members)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("camera and legend (Chromium)", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`should keep every node clear of the legend at ${viewport.width}x${viewport.height}, after load and after selecting each of the top 5 loops`, async () => {
      const { context, page, errors } = await openPage(harness, viewport);
      await waitForGraph(page);
      await settled(page);
      expect(await hiddenNodes(page)).toEqual([]);
      if (viewport.width < 700) {
        // The phone starts with the legend closed; opened, it takes a third of the
        // view, and the fitted picture moves clear of it.
        await page.locator(".legend summary").click();
        await settled(page);
        expect(await hiddenNodes(page)).toEqual([]);
      }
      for (let n = 0; n < 5; n++) {
        // The phone shows the loops in a drawer over the graph: open it to pick one.
        if (viewport.width < 700) await page.getByRole("button", { name: "Panels" }).click();
        const option = cycles(page).getByRole("option").nth(n);
        await option.click();
        await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
        // Choosing a loop closes the drawer, so the loop is seen at once.
        if (viewport.width < 700) {
          await expect
            .poll(() => page.getByRole("button", { name: "Panels", exact: true }).count())
            .toBe(1);
        }
        await settled(page);
        const members = await page.evaluate(() => {
          const s = window.__ouroboros!;
          // The highlighted loop's members are the nodes drawn with their label box.
          return s.sigma
            .getGraph()
            .filterNodes((k) => s.sigma.getNodeDisplayData(k)?.highlighted === true);
        });
        expect(members.length).toBeGreaterThanOrEqual(2);
        expect(await hiddenNodes(page, members)).toEqual([]);
      }
      await page.screenshot({
        path: join(ARTIFACTS, `layout-loop5-${viewport.width}x${viewport.height}.png`),
      });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("should frame a selected company with all its counterparties", async () => {
    const { context, page, errors } = await openPage(harness);
    await waitForGraph(page);
    await settled(page);
    const box = (await nodeBoxes(page, ["coreweave"])).coreweave!;
    await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await expect.poll(() => page.url()).toMatch(/co=coreweave/);
    await settled(page);
    const partners = await page.evaluate(() =>
      window.__ouroboros!.sigma.getGraph().neighbors("coreweave"),
    );
    expect(partners.length).toBeGreaterThan(5);
    expect(await hiddenNodes(page, ["coreweave", ...partners])).toEqual([]);
    const ratio = await page.evaluate(() => window.__ouroboros!.sigma.getCamera().ratio);
    expect(ratio).toBeLessThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
