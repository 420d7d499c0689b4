import { describe, expect, it } from "vitest";
import { COMPANY_KINDS, DEAL_TYPES } from "../../../src/domain/schema.ts";
import {
  COMPANY_KIND_COLORS,
  COMPANY_KIND_LABELS,
  DEAL_TYPE_COLORS,
  DEAL_TYPE_LABELS,
  THEME_COLORS,
  contrastRatio,
  withAlpha,
} from "../../../src/graph/palette.ts";

describe("graph/palette", () => {
  describe("withAlpha", () => {
    it("should refuse a colour that is not #rrggbb and an alpha outside [0, 1]", () => {
      expect(() => withAlpha("red", 0.5)).toThrow(
        'graph/palette: withAlpha expects #rrggbb, got "red"',
      );
      expect(() => withAlpha("#ff0000", 1.5)).toThrow("graph/palette: alpha must be in [0, 1]");
      expect(() => withAlpha("#ff0000", Number.NaN)).toThrow("alpha must be in [0, 1]");
    });

    it("should append the alpha to the colour, straight as sigma 4 takes it", () => {
      expect(withAlpha("#ff8000", 1)).toBe("#ff8000ff");
      expect(withAlpha("#ff8000", 0.5)).toBe("#ff800080");
      expect(withAlpha("#123456", 0)).toBe("#12345600");
    });
  });

  describe("palettes", () => {
    it("should colour and name every company kind and deal type, each colour distinct", () => {
      for (const [colors, labels, keys] of [
        [COMPANY_KIND_COLORS, COMPANY_KIND_LABELS, COMPANY_KINDS],
        [DEAL_TYPE_COLORS, DEAL_TYPE_LABELS, DEAL_TYPES],
      ] as const) {
        const values = keys.map((k) => (colors as Record<string, string>)[k]);
        expect(values.every((c) => /^#[0-9a-f]{6}$/.test(c ?? ""))).toBe(true);
        expect(new Set(values).size).toBe(keys.length);
        expect(keys.every((k) => ((labels as Record<string, string>)[k] ?? "").length > 0)).toBe(
          true,
        );
      }
    });

    it("should keep 3:1 contrast against both graph backgrounds", () => {
      const colors = [...Object.values(COMPANY_KIND_COLORS), ...Object.values(DEAL_TYPE_COLORS)];
      for (const theme of [THEME_COLORS.light, THEME_COLORS.dark]) {
        for (const c of colors)
          expect(contrastRatio(c, theme.background)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(theme.accent, theme.background)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(theme.label, theme.background)).toBeGreaterThanOrEqual(7);
      }
    });
  });

  describe("contrastRatio", () => {
    it("should be 21 for black on white and 1 for a colour on itself", () => {
      expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
      expect(contrastRatio("#4477aa", "#4477aa")).toBe(1);
    });
  });
});
