/**
 * Stress colouring: how a stress-test result shows on the graph. Companies are
 * coloured in four bands (shocked, distressed, hurt within the threshold,
 * untouched) and the flows on which a payment fails are drawn in red, thicker.
 * Bands, not a gradient, so the legend can name each colour. O(N + F).
 *
 * Reference: the stress model of `analysis/stress.ts`.
 */
import type { StressResult } from "../analysis/stress.ts";

export const STRESS_BANDS = ["shocked", "distressed", "hurt", "untouched"] as const;
export type StressBand = (typeof STRESS_BANDS)[number];

export const STRESS_COLORS: Readonly<Record<StressBand, string>> = {
  shocked: "#7e22ce",
  distressed: "#dc2626",
  hurt: "#f59e0b",
  untouched: "#94a3b8",
};

export const STRESS_LABELS: Readonly<Record<StressBand, string>> = {
  shocked: "Shocked: pays only part of its commitments",
  distressed: "Distressed: loss above the threshold, cuts its payments",
  hurt: "Loses money, within the threshold",
  untouched: "No loss",
};

export const FAILED_FLOW_COLOR = "#dc2626";

export interface StressOverlay {
  readonly bandOf: ReadonlyMap<string, StressBand>;
  /** Edge keys (`from>to`) on which some payment fails. */
  readonly failedEdges: ReadonlySet<string>;
}

/** The overlay for a stress result; companies not listed are untouched. */
export function buildStressOverlay(result: StressResult): StressOverlay {
  const bandOf = new Map<string, StressBand>();
  for (const c of result.companies) {
    bandOf.set(
      c.company,
      c.distressedRound === 0
        ? "shocked"
        : c.distressedRound !== null
          ? "distressed"
          : c.lossUsdBn > 0
            ? "hurt"
            : "untouched",
    );
  }
  return { bandOf, failedEdges: new Set(result.failedHops) };
}
