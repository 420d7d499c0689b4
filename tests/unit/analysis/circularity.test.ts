import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { circularityIndex, formatCircularity } from "../../../src/analysis/circularity.ts";
import { buildFlowIndex } from "../../../src/analysis/flowIndex.ts";
import { stronglyConnectedComponents } from "../../../src/analysis/scc.ts";

const flows = (list: [string, string, number][]) =>
  list.map(([from, to, amountUsdBn]) => ({ from, to, amountUsdBn }));

function run(list: [string, string, number][], maxExactSize?: number) {
  const index = buildFlowIndex(flows(list));
  return circularityIndex(index, stronglyConnectedComponents(index), { maxExactSize });
}

/** (I − Q)⁻¹ of the whole network by Gauss–Jordan elimination, with no component shortcut. */
function directShares(list: [string, string, number][]): Map<string, number> | null {
  const ids = [...new Set(list.flatMap(([a, b]) => [a, b]))];
  const n = ids.length;
  const at = new Map(ids.map((id, i) => [id, i]));
  const inflow: number[] = new Array(n).fill(0);
  const outflow: number[] = new Array(n).fill(0);
  const f = ids.map(() => new Array(n).fill(0));
  for (const [a, b, x] of list) {
    if (a === b) continue;
    f[at.get(a)!]![at.get(b)!] += x;
    outflow[at.get(a)!] = outflow[at.get(a)!]! + x;
    inflow[at.get(b)!] = inflow[at.get(b)!]! + x;
  }
  const t = ids.map((_, i) => Math.max(inflow[i]!, outflow[i]!));
  const m = ids.map((_, i) =>
    ids.map((__, j) => (i === j ? 1 : 0) - (t[i]! > 0 ? f[i]![j]! / t[i]! : 0)),
  );
  const inv = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : 0)));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-10) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    [inv[c], inv[p]] = [inv[p]!, inv[c]!];
    const d = m[c]![c]!;
    for (let j = 0; j < n; j++) {
      m[c]![j]! /= d;
      inv[c]![j]! /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]!;
      for (let j = 0; j < n; j++) {
        m[r]![j]! -= k * m[c]![j]!;
        inv[r]![j]! -= k * inv[c]![j]!;
      }
    }
  }
  return new Map(
    ids
      .filter((_, i) => t[i]! > 0)
      .map((id) => [id, (inv[at.get(id)!]![at.get(id)!]! - 1) / inv[at.get(id)!]![at.get(id)!]!]),
  );
}

describe("analysis/circularity", () => {
  describe("circularityIndex", () => {
    it("should refuse a bad size limit", () => {
      expect(() => run([], 0)).toThrow(
        "analysis/circularity: maxExactSize must be an integer >= 1",
      );
    });

    it("should be 0 on a chain, where nothing comes back", () => {
      const c = run([
        ["a", "b", 10],
        ["b", "c", 10],
      ]);
      expect(c).toMatchObject({ computed: true, index: 0 });
    });

    it("should be 1 on a closed ring, where everything comes back", () => {
      const c = run([
        ["a", "b", 10],
        ["b", "c", 10],
        ["c", "a", 10],
      ]);
      expect(c.computed && c.index).toBe(1);
    });

    it("should match the hand computation on a leaky pair", () => {
      // a ↔ b with 10 each way; x pays a 10, b pays y 10: T_a = T_b = 20, N_aa = 4/3.
      const c = run([
        ["a", "b", 10],
        ["b", "a", 10],
        ["x", "a", 10],
        ["b", "y", 10],
      ]);
      if (!c.computed) throw new Error("not computed");
      expect(c.byCompany.get("a")).toBeCloseTo(0.25, 12);
      expect(c.byCompany.get("b")).toBeCloseTo(0.25, 12);
      expect(c.byCompany.get("x")).toBe(0);
      expect(c.index).toBeCloseTo(10 / 60, 12);
      expect(formatCircularity(c)).toBe(
        "17% of the money flowing through these companies comes back round",
      );
    });

    it("should say it was not computed, and why, above the size limit", () => {
      const c = run(
        [
          ["a", "b", 1],
          ["b", "c", 1],
          ["c", "a", 1],
        ],
        2,
      );
      expect(c).toEqual({
        computed: false,
        reason:
          "the largest group of companies that money can go round has 3 members; the exact index is computed up to 2",
      });
      expect(formatCircularity(c)).toMatch(/^The circularity index was not computed: /);
    });

    it("should agree with a direct inverse of the whole network on random graphs (property)", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 6 }),
              fc.integer({ min: 0, max: 6 }),
              fc.integer({ min: 1, max: 50 }),
            ),
            { maxLength: 20 },
          ),
          (raw) => {
            const list = raw.map(([a, b, x]) => [`c${a}`, `c${b}`, x] as [string, string, number]);
            const direct = directShares(list);
            const c = run(list);
            if (!c.computed) throw new Error("not computed");
            if (direct === null) return; // a closed part: covered by the ring case
            for (const [id, share] of direct) expect(c.byCompany.get(id)!).toBeCloseTo(share, 9);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it("should agree with the direct inverse on larger sparse networks, where elimination fills in (property)", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 24 }),
              fc.integer({ min: 0, max: 24 }),
              fc.integer({ min: 1, max: 50 }),
            ),
            { minLength: 20, maxLength: 80 },
          ),
          (raw) => {
            const list = raw.map(([a, b, x]) => [`c${a}`, `c${b}`, x] as [string, string, number]);
            const direct = directShares(list);
            const c = run(list);
            if (!c.computed) throw new Error("not computed");
            if (direct === null) return;
            for (const [id, share] of direct) expect(c.byCompany.get(id)!).toBeCloseTo(share, 9);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
