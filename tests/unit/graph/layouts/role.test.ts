import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSegmentCrossings } from "../../../../src/graph/layouts/crossings.ts";
import {
  ROLE_COLUMNS,
  roleColumnOfKind,
  roleColumns,
  roleLayout,
  validateRoleOptions,
} from "../../../../src/graph/layouts/role.ts";
import { LAYOUT_EXTENT } from "../../../../src/graph/layout.ts";
import { expectFiniteDistinct, inputOf, randomInput, realInput } from "./helpers.ts";

describe("graph/layouts/role", () => {
  describe("validateRoleOptions", () => {
    it("should refuse bad options with namespaced messages", () => {
      expect(() => validateRoleOptions({ extent: Number.NaN })).toThrow(
        "graph/layouts/role: extent must be a finite number >= 0",
      );
      expect(() => validateRoleOptions({ sweeps: -1 })).toThrow(
        "graph/layouts/role: sweeps must be an integer >= 0",
      );
    });
  });

  describe("roleColumns", () => {
    it("should put lenders and investors, labs, clouds and data centres, chipmakers left to right", () => {
      expect(ROLE_COLUMNS.map((c) => c.label)).toEqual([
        "Lenders and investors",
        "AI labs",
        "Clouds and data centres",
        "Chipmakers",
      ]);
      expect(roleColumnOfKind("lender")).toBe(0);
      expect(roleColumnOfKind("investor")).toBe(0);
      expect(roleColumnOfKind("ai-lab")).toBe(1);
      expect(roleColumnOfKind("hyperscaler")).toBe(2);
      expect(roleColumnOfKind("neocloud")).toBe(2);
      expect(roleColumnOfKind("datacenter-developer")).toBe(2);
      expect(roleColumnOfKind("vehicle")).toBe(2);
      expect(roleColumnOfKind("chipmaker")).toBe(3);
      expect(roleColumnOfKind("other")).toBeNull();
    });

    it("should place an `other` company where its money flows forwards", () => {
      const input = inputOf(
        [
          { key: "lab", kind: "ai-lab" },
          { key: "cloud", kind: "hyperscaler" },
          { key: "chip", kind: "chipmaker" },
          "funder",
          "supplier",
          "customer",
        ],
        [
          ["funder", "lab"],
          ["chip", "supplier"],
          ["customer", "cloud"],
        ],
      );
      const column = roleColumns(input);
      expect(column[3]).toBe(0); // pays a lab: left of the labs
      expect(column[4]).toBe(3); // paid by a chipmaker: right, with the chipmakers
      expect(column[5]).toBe(1); // pays a cloud: the column before the clouds
    });
  });

  describe("roleLayout", () => {
    it("should order the default dataset's columns as specified, spanning the layout extent", () => {
      const input = realInput();
      const positions = roleLayout(input);
      expectFiniteDistinct(input, positions);
      const xOf = (key: string) => positions[key]!.x;
      expect(xOf("jpmorgan")).toBeLessThan(xOf("openai"));
      expect(xOf("softbank")).toBeLessThan(xOf("openai"));
      expect(xOf("openai")).toBeLessThan(xOf("oracle"));
      expect(xOf("coreweave")).toBeLessThan(xOf("nvidia"));
      expect(xOf("stargate")).toBeLessThan(xOf("nvidia"));
      const xs = Object.values(positions).map((p) => p.x);
      expect(Math.min(...xs)).toBeCloseTo(-LAYOUT_EXTENT / 2, 0);
      expect(Math.max(...xs)).toBeCloseTo(LAYOUT_EXTENT / 2, 0);
      expect(Math.abs(Math.max(...xs) + Math.min(...xs))).toBeLessThan(1);
    });

    it("should give the same positions on every run", () => {
      expect(roleLayout(realInput())).toEqual(roleLayout(realInput()));
    });

    it("should cross less after its sweeps than in the starting order", () => {
      const input = realInput();
      const count = (sweeps: number) => {
        const positions = roleLayout(input, { sweeps });
        const keys = input.nodes.map((n) => n.key);
        return countSegmentCrossings(
          input,
          keys.map((k) => positions[k]!.x),
          keys.map((k) => positions[k]!.y),
        );
      };
      expect(count(12)).toBeLessThan(count(0) * 0.7);
    });

    it("should keep discs apart and companies of a column in line, on random graphs", () => {
      fc.assert(
        fc.property(randomInput, (input) => {
          const positions = roleLayout(input);
          expectFiniteDistinct(input, positions);
          const nodes = input.nodes.map((n) => ({ ...n, ...positions[n.key]! }));
          for (let i = 0; i < nodes.length; i++) {
            for (let j = i + 1; j < nodes.length; j++) {
              const a = nodes[i]!;
              const b = nodes[j]!;
              expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.size + b.size);
            }
          }
          const columns = roleColumns(input);
          for (let i = 0; i < nodes.length; i++) {
            for (let j = 0; j < nodes.length; j++) {
              if (columns[i]! < columns[j]!) expect(nodes[i]!.x).toBeLessThan(nodes[j]!.x);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
