import { describe, expect, it } from "vitest";
import { groupBySource, safeHttpUrl } from "../../../src/ui/components/SourceList.tsx";
import { nextActiveIndex } from "../../../src/ui/components/listKeys.ts";
import { sortRows } from "../../../src/ui/components/SortableTable.tsx";
import { factValueText, metricLabel } from "../../../src/ui/panels/FactCard.tsx";
import {
  formatFlowAmount,
  formatPartialDate,
  formatShare,
  formatSignedUsdBn,
  loopPathText,
  severityLevel,
} from "../../../src/ui/panels/format.ts";

describe("ui/panels/format", () => {
  describe("formatPartialDate", () => {
    it("should say how precise a partial date is", () => {
      expect(formatPartialDate(undefined)).toBe("undated");
      expect(formatPartialDate("2025")).toBe("2025 (year only)");
      expect(formatPartialDate("2025-09")).toBe("Sep 2025 (month only)");
      expect(formatPartialDate("2025-09-05")).toBe("5 Sep 2025");
    });
  });

  describe("amounts and shares", () => {
    it("should format shares, signed dollars, flows and hops", () => {
      expect(formatShare(0.666)).toBe("67%");
      expect(formatShare(0.001)).toBe("<1%");
      expect(formatShare(0)).toBe("0%");
      expect(formatSignedUsdBn(-5)).toBe("−$5 bn");
      expect(formatSignedUsdBn(300)).toBe("$300 bn");
      expect(formatFlowAmount(40, 0)).toBe("$40 bn");
      expect(formatFlowAmount(40, 2)).toBe("$40 bn + 2 undisclosed");
      expect(formatFlowAmount(0, 1)).toBe("undisclosed");
    });
  });

  describe("metricLabel and factValueText", () => {
    it("should name a metric and state a fact's figure", () => {
      expect(metricLabel("customer-concentration")).toBe("Customer concentration");
      const fact = {
        id: "f",
        company: "c",
        metric: "customer-concentration" as const,
        description: "d",
        notes: [],
        sources: [{ sourceId: "s", quote: "q" }],
      };
      expect(factValueText({ ...fact, sharePct: 45, valueUsdBn: 625 })).toBe("45% of $625 bn");
      expect(factValueText({ ...fact, valueUsdBn: -5 })).toBe("−$5 bn");
      expect(factValueText(fact)).toBe("");
    });
  });

  describe("loopPathText and severityLevel", () => {
    it("should close the loop and name severities", () => {
      expect(loopPathText(["a", "b"], (id) => id.toUpperCase())).toBe("A → B → A");
      expect(loopPathText([], (id) => id)).toBe("");
      expect(severityLevel(0)).toBeNull();
      expect(severityLevel(3)).toBe("critical");
    });
  });
});

describe("ui/components", () => {
  describe("nextActiveIndex", () => {
    it("should ignore other keys and empty lists, and clamp at the ends", () => {
      expect(nextActiveIndex("a", 0, 3)).toBeNull();
      expect(nextActiveIndex("ArrowDown", 0, 0)).toBeNull();
      expect(nextActiveIndex("ArrowDown", -1, 3)).toBe(0);
      expect(nextActiveIndex("ArrowDown", 2, 3)).toBe(2);
      expect(nextActiveIndex("ArrowUp", 0, 3)).toBe(0);
      expect(nextActiveIndex("ArrowUp", -1, 3)).toBe(2);
      expect(nextActiveIndex("End", 0, 3)).toBe(2);
      expect(nextActiveIndex("Home", 2, 3)).toBe(0);
    });
  });

  describe("sortRows", () => {
    it("should sort stably with nulls last in both directions", () => {
      const rows = [
        { id: "a", v: 2 },
        { id: "b", v: null },
        { id: "c", v: 5 },
        { id: "d", v: 2 },
      ];
      const ids = (dir: "ascending" | "descending") =>
        sortRows(rows, (r) => r.v, dir).map((r) => r.id);
      expect(ids("ascending")).toEqual(["a", "d", "c", "b"]);
      expect(ids("descending")).toEqual(["c", "a", "d", "b"]);
    });
  });

  describe("SourceList helpers", () => {
    it("should group quotes by source and link only web addresses", () => {
      const groups = groupBySource([
        { sourceId: "s1", quote: "one" },
        { sourceId: "s2", quote: "two" },
        { sourceId: "s1", quote: "three" },
      ]);
      expect(groups.map((g) => [g.sourceId, g.refs.length])).toEqual([
        ["s1", 2],
        ["s2", 1],
      ]);
      expect(safeHttpUrl("https://example.com/a")).toBe("https://example.com/a");
      expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
      expect(safeHttpUrl("not a url")).toBeNull();
      expect(safeHttpUrl(undefined)).toBeNull();
    });
  });
});
