import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  circleLayout,
  circleOrder,
  validateCircleOptions,
} from "../../../../src/graph/layouts/circle.ts";
import { countRingCrossings } from "../../../../src/graph/layouts/crossings.ts";
import { LAYOUT_EXTENT } from "../../../../src/graph/layout.ts";
import { nodeKey } from "../../../../src/graph/nodeKeys.ts";
import { expectFiniteDistinct, inputOf, randomInput, realInput } from "./helpers.ts";

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Ring positions clockwise from the top, by angle. */
function clockwise(positions: ReturnType<typeof circleLayout>): string[] {
  const angle = (k: string) => {
    const a = Math.PI / 2 - Math.atan2(positions[k]!.y, positions[k]!.x);
    return ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  };
  return Object.keys(positions).sort((a, b) => angle(a) - angle(b));
}

/** Whether the loop's members sit side by side on the ring, clockwise in loop order (from any of them). */
function sideBySide(ring: readonly string[], loop: readonly string[]): boolean {
  const first = ring.findIndex((k) => loop.includes(k));
  // The block may wrap past the ring's start: begin it after a non-member.
  let start = first;
  while (
    loop.includes(ring[(start - 1 + ring.length) % ring.length]!) &&
    start > first - ring.length
  ) {
    start--;
  }
  const block = loop.map((_, i) => ring[(start + i + ring.length) % ring.length]!);
  const at = loop.indexOf(block[0]!);
  return at >= 0 && block.every((k, i) => loop[(at + i) % loop.length] === k);
}

describe("graph/layouts/circle", () => {
  describe("validateCircleOptions", () => {
    it("should refuse bad options with namespaced messages", () => {
      expect(() => validateCircleOptions({ extent: -1 })).toThrow(
        "graph/layouts/circle: extent must be a finite number >= 0",
      );
      expect(() => validateCircleOptions({ maxPasses: 1.5 })).toThrow(
        "graph/layouts/circle: maxPasses must be an integer >= 0",
      );
      expect(() => validateCircleOptions({ loop: ["a", "a"] })).toThrow(
        "graph/layouts/circle: loop must not repeat a node",
      );
      expect(() => circleLayout(inputOf(["a"], []), { loop: "a" as never })).toThrow(
        "loop must be an array of node keys",
      );
    });
  });

  describe("circleLayout", () => {
    it("should place no node, one node at the centre, and small graphs on the ring", () => {
      expect(Object.keys(circleLayout(inputOf([], [])))).toEqual([]);
      expect(circleLayout(inputOf(["a"], [])).a).toEqual({ x: 0, y: 0 });
      const two = circleLayout(inputOf(["a", "b"], [["a", "b"]]));
      expect(Math.hypot(two.a!.x, two.a!.y)).toBeCloseTo(LAYOUT_EXTENT / 2);
    });

    it("should give every company a finite, distinct place on a ring of the layout extent", () => {
      const input = realInput();
      const positions = circleLayout(input);
      expectFiniteDistinct(input, positions);
      for (const key of Object.keys(positions)) {
        expect(Math.hypot(positions[key]!.x, positions[key]!.y)).toBeCloseTo(LAYOUT_EXTENT / 2, 6);
      }
    });

    it("should give the same positions on every run", () => {
      expect(circleLayout(realInput())).toEqual(circleLayout(realInput()));
      const loop = ["nvidia", "openai", "oracle"];
      expect(circleLayout(realInput(), { loop })).toEqual(circleLayout(realInput(), { loop }));
    });

    it("should keep a selected loop's members side by side, clockwise in loop order, at the top", () => {
      const input = realInput();
      for (const loop of [
        ["nvidia", "openai", "oracle"],
        ["openai", "microsoft"],
        ["amd", "openai", "oracle", "nvidia"],
      ]) {
        const positions = circleLayout(input, { loop });
        expect(sideBySide(clockwise(positions), loop)).toBe(true);
        // The block is centred on the top of the ring.
        // Spread over about a quarter of the ring: wider apart than plain neighbours.
        const gap = (a: string, b: string) =>
          Math.hypot(positions[a]!.x - positions[b]!.x, positions[a]!.y - positions[b]!.y);
        const ring = clockwise(positions);
        const plain = gap(ring[ring.length - 3]!, ring[ring.length - 4]!);
        const spread = Math.min(...loop.slice(1).map((k, i) => gap(loop[i]!, k)));
        expect(spread).toBeGreaterThan(4 * plain);
        const meanX = loop.reduce((sum, k) => sum + positions[k]!.x, 0) / loop.length;
        expect(Math.abs(meanX)).toBeLessThan(LAYOUT_EXTENT * 0.05);
        expect(loop.every((k) => positions[k]!.y > 0)).toBe(true);
      }
    });

    it("should lay out hostile keys like any other", () => {
      const keys = ["__proto__", "constructor", "a,b", "c:d"].map(nodeKey);
      const input = inputOf(keys, [
        [keys[0]!, keys[1]!],
        [keys[1]!, keys[2]!],
        [keys[2]!, keys[3]!],
      ]);
      const positions = circleLayout(input, { loop: [keys[1]!, keys[2]!] });
      expectFiniteDistinct(input, positions);
      expect(Object.getPrototypeOf(positions)).toBeNull();
    });
  });

  describe("circleOrder", () => {
    it("should never cross more than the dataset order, on random graphs", () => {
      fc.assert(
        fc.property(randomInput, (input) => {
          const order = circleOrder(input);
          expect([...order].sort((a, b) => a - b)).toEqual(identity(input.order));
          expect(countRingCrossings(input, order)).toBeLessThanOrEqual(
            countRingCrossings(input, identity(input.order)),
          );
        }),
        { numRuns: 200 },
      );
    });

    it("should cut the default dataset's crossings to a fraction of the dataset order's", () => {
      const input = realInput();
      const ordered = countRingCrossings(input, circleOrder(input));
      const dataset = countRingCrossings(input, identity(input.order));
      expect(ordered).toBeLessThan(dataset / 3);
    });

    it("should keep a loop together on random graphs", () => {
      fc.assert(
        fc.property(
          randomInput.chain((input) =>
            fc.tuple(
              fc.constant(input),
              fc.uniqueArray(fc.nat(input.order - 1), {
                minLength: 2,
                maxLength: Math.min(5, input.order),
              }),
            ),
          ),
          ([input, members]) => {
            expect(sideBySide(["a", "x", "b", "y"], ["a", "b"])).toBe(false);
            expect(sideBySide(["b", "x", "y", "a"], ["a", "b"])).toBe(true);
            const loop = members.map((i) => input.nodes[i]!.key);
            const order = [...circleOrder(input, { loop })].map((i) => input.nodes[i]!.key);
            expect(sideBySide(order, loop)).toBe(true);
            const positions = circleLayout(input, { loop });
            expectFiniteDistinct(input, positions);
            expect(sideBySide(clockwise(positions), loop)).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
