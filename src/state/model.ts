/**
 * The state's types and their defaults, in one place: what is selected, which
 * tab is open, the camera, the stress scenario, the loop controls and the view
 * options. The store and the URL codec import them from here; the graph layer
 * receives them as plain values (its `HighlightSelection` is the same shape).
 */
export const VIEW_TABS = [
  "loops",
  "risk",
  "stress",
  "details",
  "table",
  "filters",
  "stories",
  "about",
] as const;
export type ViewTab = (typeof VIEW_TABS)[number];
export type PanelTab = ViewTab;

/**
 * What is selected. A loop carries its id and hop keys from its `LoopReport`,
 * so highlighting and export never rebuild hops from company names.
 */
export type Selection =
  | { readonly kind: "none" }
  | {
      readonly kind: "loop";
      readonly loopId: string;
      readonly companies: readonly string[];
      readonly hopKeys: readonly string[];
    }
  | { readonly kind: "company"; readonly id: string }
  | { readonly kind: "edge"; readonly from: string; readonly to: string };

export const NO_SELECTION: Selection = { kind: "none" };

/** A selection as a link names it: a loop by its companies only. */
export type ViewSelection =
  | { readonly kind: "none" }
  | { readonly kind: "loop"; readonly companies: readonly string[] }
  | { readonly kind: "company"; readonly id: string }
  | { readonly kind: "edge"; readonly from: string; readonly to: string };

export interface ViewCamera {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

/** A stress scenario: who fails to pay, how much (percent) and the distress line (percent). */
export interface ViewStress {
  readonly shocked: readonly string[];
  readonly shortfallPct: number;
  readonly thresholdPct: number;
}

export const DEFAULT_STRESS_VIEW: ViewStress = { shocked: [], shortfallPct: 100, thresholdPct: 25 };

export interface LoopControls {
  /** Longest loop the analysis looks for, in hops. */
  readonly maxLength: number;
  /** Show only loops through the selected company. */
  readonly onlyThroughSelected: boolean;
  readonly minRoundTripUsdBn: number;
  /** Show only loops that came back in order within this many months; null for any time. */
  readonly windowMonths: number | null;
}

export const DEFAULT_LOOP_CONTROLS: LoopControls = {
  maxLength: 6,
  onlyThroughSelected: false,
  minRoundTripUsdBn: 0,
  windowMonths: null,
};

/** The "came back within" choices the Loops panel offers, in months. */
export const WINDOW_CHOICES = [3, 6, 12, 24, 36, 60] as const;

/** How the money is drawn, beyond the deal filters. */
export interface ViewOptions {
  /** Fold each vehicle (SPV, joint venture, fund) into its lead sponsor. */
  readonly mergeVehicles: boolean;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { mergeVehicles: false };

/**
 * Where the open dataset comes from: the shipped default, an entry of the
 * saved-dataset library (saved on every change), or a temporary one (a shared
 * link's data, the benchmark's) that is not saved until the user keeps it.
 */
export type DatasetSource =
  | { readonly kind: "default" }
  | { readonly kind: "entry"; readonly id: string }
  | { readonly kind: "temporary"; readonly from: "link" | "benchmark" };

export const DEFAULT_SOURCE: DatasetSource = { kind: "default" };

/** Most loops the app lists: the largest round trips among those found. */
export const APP_LOOP_LIMIT = 10_000;

/**
 * Above this many deals, copying the dataset out of the main thread (into
 * IndexedDB, or to the analysis worker) runs in a task of its own. Each copy is
 * a structured clone on the main thread, about 0.2 to 0.4 s at 100,000 deals;
 * in the task that changed the dataset it would add to the redraw, one frozen
 * stretch of over a second after a large import.
 */
export const OWN_TASK_COPY_DEALS = 10_000;

/**
 * Resolves in the next task: what runs after it does not lengthen the current
 * one. A message, not a timer: a hidden tab's timers wait a second or more, so a
 * save deferred by a timer could wait that long.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === "undefined") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
