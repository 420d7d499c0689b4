/**
 * What the graph draws of a large dataset: the largest-flows view.
 *
 * Drawing cost grows with what is on screen, not with what is analysed: in
 * headless Chromium with software WebGL, a frame of 100,000 edges blocks the
 * page for about 6.6 s (measured in `npm run bench:ui`). Above
 * `LARGE_VIEW.maxCompanies` companies or `LARGE_VIEW.maxHops` hops, the graph
 * draws the companies with the most disclosed money through them (in + out,
 * then the most hops, then the id) and, between them, the hops with the most
 * money. Every list, table, figure and export still covers the whole dataset;
 * the view says what it leaves out. O(H log H) for H hops.
 */
import type { Hop } from "../analysis/hops.ts";

export interface LargeViewLimits {
  readonly maxCompanies: number;
  readonly maxHops: number;
}

/** Measured so that drawing a 100,000-deal import keeps every main-thread task under 1 s. */
export const LARGE_VIEW: LargeViewLimits = { maxCompanies: 1_000, maxHops: 2_500 };

/** What a large view leaves out, for its notice; null when everything is drawn. */
export interface LargeViewSummary {
  readonly drawnCompanies: number;
  readonly totalCompanies: number;
  readonly drawnHops: number;
  readonly totalHops: number;
}

const byMoney = (a: Hop, b: Hop) =>
  b.totalUsdBn - a.totalUsdBn || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The hops to draw: all of them when within the limits, else the largest
 * among the companies with the most money. `companies` restricts the choice to
 * companies already chosen (the layout's), so a filter never adds new ones.
 */
export function largestFlows(
  hops: readonly Hop[],
  limits: LargeViewLimits = LARGE_VIEW,
  companies?: (id: string) => boolean,
): readonly Hop[] {
  const within = companies ? hops.filter((h) => companies(h.from) && companies(h.to)) : hops;
  const money = new Map<string, { usdBn: number; hops: number }>();
  for (const h of within) {
    for (const id of [h.from, h.to]) {
      const m = money.get(id) ?? { usdBn: 0, hops: 0 };
      m.usdBn += h.totalUsdBn;
      m.hops += 1;
      money.set(id, m);
    }
  }
  if (within.length <= limits.maxHops && money.size <= limits.maxCompanies) return within;
  const chosen = new Set(
    [...money]
      .sort(
        ([a, ma], [b, mb]) =>
          mb.usdBn - ma.usdBn || mb.hops - ma.hops || (a < b ? -1 : a > b ? 1 : 0),
      )
      .slice(0, limits.maxCompanies)
      .map(([id]) => id),
  );
  return within
    .filter((h) => chosen.has(h.from) && chosen.has(h.to))
    .sort(byMoney)
    .slice(0, limits.maxHops);
}

/**
 * What a drawn graph of the analysis's hops leaves out (the notice's and the
 * export subtitle's numbers), or null when it draws them all. The graph holds
 * a node for each company a drawn hop touches, so its order and size are the
 * drawn counts.
 */
export function summarizeDrawn(
  allHops: readonly Hop[],
  drawn: { readonly order: number; readonly size: number },
): LargeViewSummary | null {
  if (drawn.size >= allHops.length) return null;
  return {
    drawnCompanies: drawn.order,
    totalCompanies: new Set(allHops.flatMap((h) => [h.from, h.to])).size,
    drawnHops: drawn.size,
    totalHops: allHops.length,
  };
}
