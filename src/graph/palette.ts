/**
 * Graph colours: one categorical palette for company kinds (nodes), one for
 * deal types (edges), and the per-theme colours sigma draws with.
 *
 * Hues come from the Okabe–Ito and ColorBrewer "Dark2" sets, which stay
 * distinguishable under the common colour-vision deficiencies. Every colour is
 * a mid-tone with at least 3:1 contrast against both graph backgrounds
 * (white and slate-900), the WCAG 2.1 minimum for graphical objects; the test
 * suite checks it. The legend always pairs a colour with its text label.
 *
 * Reference: M. Okabe, K. Ito, "Color Universal Design" (2002); WCAG 2.1 §1.4.11.
 */
import type { CompanyKind, DealType } from "../domain/schema.ts";

export const GRAPH_THEMES = ["light", "dark"] as const;
export type GraphTheme = (typeof GRAPH_THEMES)[number];

/** Node colour of each company kind. */
export const COMPANY_KIND_COLORS: Readonly<Record<CompanyKind, string>> = {
  chipmaker: "#4477aa",
  hyperscaler: "#d55e00",
  neocloud: "#009e73",
  "ai-lab": "#c4568c",
  investor: "#8a7a00",
  lender: "#7570b3",
  "datacenter-developer": "#9c6b30",
  vehicle: "#cc6677",
  other: "#7a7a7a",
};

/** Edge colour of each deal type (the hop's dominant type). */
export const DEAL_TYPE_COLORS: Readonly<Record<DealType, string>> = {
  equity: "#0072b2",
  debt: "#e7298a",
  "cloud-contract": "#1b9e77",
  "chip-purchase": "#7570b3",
  warrant: "#a6761d",
  backstop: "#6b8e23",
  other: "#7a7a7a",
};

/** Human labels for the legend. */
export const COMPANY_KIND_LABELS: Readonly<Record<CompanyKind, string>> = {
  chipmaker: "Chipmaker",
  hyperscaler: "Hyperscaler",
  neocloud: "Neocloud",
  "ai-lab": "AI lab",
  investor: "Investor",
  lender: "Lender",
  "datacenter-developer": "Data-centre developer",
  vehicle: "Vehicle (SPV, JV, fund)",
  other: "Other",
};

export const DEAL_TYPE_LABELS: Readonly<Record<DealType, string>> = {
  equity: "Equity",
  debt: "Debt",
  "cloud-contract": "Cloud contract",
  "chip-purchase": "Chip purchase",
  warrant: "Warrant",
  backstop: "Backstop",
  other: "Other",
};

/** Alpha of an edge whose amount is undisclosed: drawn faded as well as thin. */
export const UNDISCLOSED_EDGE_ALPHA = 0.7;

/** Alpha of a hop that holds only superseded or cancelled deals: history, drawn faint. */
export const NON_LIVE_EDGE_ALPHA = 0.35;

/** Colours sigma needs per theme. Matches `--accent` and `--graph-bg` in styles.css. */
export interface GraphThemeColors {
  readonly background: string;
  readonly accent: string;
  readonly label: string;
  /** Drawn behind labels so they stay legible over edges (canvas 2D: plain alpha). */
  readonly labelHalo: string;
  readonly dimNode: string;
  /** Premultiplied (see withAlpha), like every translucent WebGL colour. */
  readonly dimEdge: string;
  readonly hoverBoxBg: string;
  readonly hoverBoxBorder: string;
  readonly edgeLabel: string;
}

export const THEME_COLORS: Readonly<Record<GraphTheme, GraphThemeColors>> = {
  light: {
    background: "#ffffff",
    accent: "#d97706",
    label: "#0f172a",
    labelHalo: "#ffffffcc",
    dimNode: "#cbd5e1",
    dimEdge: withAlpha("#94a3b8", 0.3),
    hoverBoxBg: "#ffffff",
    hoverBoxBorder: "#475569",
    edgeLabel: "#334155",
  },
  dark: {
    background: "#0f172a",
    accent: "#f59e0b",
    label: "#e2e8f0",
    labelHalo: "#0f172acc",
    dimNode: "#334155",
    dimEdge: withAlpha("#64748b", 0.35),
    hoverBoxBg: "#1e293b",
    hoverBoxBorder: "#94a3b8",
    edgeLabel: "#cbd5e1",
  },
};

/** A translucent colour as sigma 4 takes it: `#rrggbbaa`, straight (not premultiplied) alpha. */
export function withAlpha(hex: string, alpha: number): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) {
    throw new Error(`graph/palette: withAlpha expects #rrggbb, got "${hex}"`);
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new Error(`graph/palette: alpha must be in [0, 1], got ${alpha}`);
  }
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0")}`;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
