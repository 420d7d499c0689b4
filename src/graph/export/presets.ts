/**
 * Export presets: the sizes a newsroom asks for, and the user's framing.
 *
 * Every preset is laid out at its nominal size in CSS pixels (text at least
 * MIN_TEXT_PX there), then rasterised at its density: web column 640 px and
 * full width 1200 px grow in height to hold the picture and every source;
 * the social presets are fixed (1200 × 675, 1080 × 1080) and list what fits;
 * print is a width in millimetres at 300 dpi, laid out at 96 CSS px to the
 * inch, so 12 px text prints at 9 pt. Every bag is checked with namespaced
 * messages before use. O(1).
 *
 * Reference: CSS Values 4 absolute lengths (1in = 96px = 72pt = 25.4mm).
 */

export const EXPORT_PRESETS = ["web", "full", "social-wide", "social-square", "print"] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

export const PRESET_LABELS: Record<ExportPreset, string> = {
  web: "Web column (640 px)",
  full: "Full width (1200 px)",
  "social-wide": "Social 1200 × 675",
  "social-square": "Social 1080 × 1080",
  print: "Print (mm at 300 dpi)",
};

export const EXPORT_DENSITIES = [1, 2] as const;
export type ExportDensity = (typeof EXPORT_DENSITIES)[number];

export const EXPORT_BACKGROUNDS = ["white", "transparent"] as const;
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];

export const EXPORT_FORMATS = ["png", "svg"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Smallest text at a preset's nominal size, in CSS px (9 pt in print). */
export const MIN_TEXT_PX = 12;
export const PRINT_DPI = 300;
export const CSS_PX_PER_INCH = 96;
export const MM_PER_INCH = 25.4;
export const MIN_PRINT_WIDTH_MM = 40;
export const MAX_PRINT_WIDTH_MM = 500;

export interface ExportSettings {
  readonly preset: ExportPreset;
  /** Pixels per CSS pixel for the screen presets (print is always 300 dpi). */
  readonly density: ExportDensity;
  /** Print width in millimetres (print preset only). */
  readonly printWidthMm: number;
  readonly background: ExportBackground;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  preset: "web",
  density: 2,
  printWidthMm: 180,
  background: "white",
};

/** What the user writes around the picture; null keeps what the view says. */
export interface ExportWording {
  readonly headline: string | null;
  readonly subtitle: string | null;
  readonly caption: string | null;
}

export const DEFAULT_WORDING: ExportWording = { headline: null, subtitle: null, caption: null };

/** A preset resolved to sizes: layout width and fixed height in CSS px, and PNG pixels per CSS px. */
export interface PresetSize {
  readonly width: number;
  /** Null when the picture grows to hold what it shows. */
  readonly height: number | null;
  readonly pixelRatio: number;
  /** For print: the physical width, for the SVG's `width` attribute. */
  readonly widthMm: number | null;
}

/** Throws a namespaced error naming the first bad setting. */
export function validateExportSettings(
  settings: unknown,
): asserts settings is Partial<ExportSettings> {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
    throw new Error("graph/export: settings must be an object");
  }
  const { preset, density, printWidthMm, background } = settings as Record<string, unknown>;
  const oneOf = (name: string, value: unknown, allowed: readonly unknown[]) => {
    if (value !== undefined && !allowed.includes(value)) {
      throw new Error(
        `graph/export: ${name} must be one of ${allowed.join(", ")}, got ${String(value)}`,
      );
    }
  };
  oneOf("preset", preset, EXPORT_PRESETS);
  oneOf("density", density, EXPORT_DENSITIES);
  oneOf("background", background, EXPORT_BACKGROUNDS);
  if (
    printWidthMm !== undefined &&
    !(
      typeof printWidthMm === "number" &&
      printWidthMm >= MIN_PRINT_WIDTH_MM &&
      printWidthMm <= MAX_PRINT_WIDTH_MM
    )
  ) {
    throw new Error(
      `graph/export: printWidthMm must be a number from ${MIN_PRINT_WIDTH_MM} to ${MAX_PRINT_WIDTH_MM}, got ${String(printWidthMm)}`,
    );
  }
}

/** The settings with defaults filled in; throws like `validateExportSettings`. */
export function resolveExportSettings(settings: Partial<ExportSettings> = {}): ExportSettings {
  validateExportSettings(settings);
  return { ...DEFAULT_EXPORT_SETTINGS, ...settings };
}

/** Layout size and pixel ratio of a preset. */
export function presetSize(settings: ExportSettings): PresetSize {
  switch (settings.preset) {
    case "web":
      return { width: 640, height: null, pixelRatio: settings.density, widthMm: null };
    case "full":
      return { width: 1200, height: null, pixelRatio: settings.density, widthMm: null };
    case "social-wide":
      return { width: 1200, height: 675, pixelRatio: 1, widthMm: null };
    case "social-square":
      return { width: 1080, height: 1080, pixelRatio: 1, widthMm: null };
    case "print":
      return {
        width: (settings.printWidthMm / MM_PER_INCH) * CSS_PX_PER_INCH,
        height: null,
        pixelRatio: PRINT_DPI / CSS_PX_PER_INCH,
        widthMm: settings.printWidthMm,
      };
  }
}

/** The PNG's pixel size for a layout of `width` × `height` CSS px. */
export function pngPixels(size: PresetSize, width: number, height: number) {
  return {
    width: Math.round(width * size.pixelRatio),
    height: Math.round(height * size.pixelRatio),
  };
}
