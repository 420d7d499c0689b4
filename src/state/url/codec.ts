/**
 * URL codec: the view as short, readable, versioned query parameters.
 *
 *   ?v=1&loop=nvidia.openai.oracle&types=equity,chip-purchase&min=5&len=5&tab=risk&cam=0.5,0.5,1.2
 *   &status=signed,closed,superseded&evid=filing,reported&merge=1&layout=circle&pos=nvidia:120,-40
 *
 * Pure: no `window`, no `history`. `decodeView` never throws; every parameter
 * that is unknown or malformed is left out and named in `ignored`. Company ids
 * are slugs (a-z, 0-9, -), so "." and "," are safe separators; the dragged
 * positions escape their ids (`positions.ts`). Parameters at their default
 * values are omitted, so a plain URL opens the default view. The camera is in
 * the framed coordinates of the arranged picture (dragged positions included).
 */
import {
  DEFAULT_DEAL_FILTERS,
  DEFAULT_STATUSES,
  type DealFilters,
  sameValues,
} from "../../analysis/filterDeals.ts";
import { oneLine } from "../../domain/problems.ts";
import { CAMERA_CENTRE_RANGE, CAMERA_RATIO_RANGE } from "../../graph/cameraLimits.ts";
import { type DraggedPositions, NO_DRAGGED } from "../../graph/layouts/dragged.ts";
import {
  DEFAULT_LAYOUT,
  LAYOUT_KINDS,
  type LayoutKind,
  isLayoutKind,
} from "../../graph/layouts/layoutKinds.ts";
import {
  DEAL_STATUSES,
  DEAL_TYPES,
  MAX_AMOUNT_USD_BN,
  MAX_STORY_STEPS,
  type DealStatus,
  type DealType,
  EVIDENCE_TIERS,
  type EvidenceTier,
  isPartialDate,
} from "../../domain/schema.ts";
import {
  DEFAULT_LOOP_CONTROLS,
  DEFAULT_STRESS_VIEW,
  DEFAULT_VIEW_OPTIONS,
  VIEW_TABS,
  type ViewCamera,
  type ViewOptions,
  type ViewSelection,
  type ViewStress,
  type ViewTab,
} from "../model.ts";
import { decodePositionsParam, encodePositionsParam } from "./positions.ts";

export const URL_VERSION = 1;

export { VIEW_TABS, DEFAULT_STRESS_VIEW };
export type { ViewTab, ViewSelection, ViewCamera, ViewStress };

export interface ViewState {
  readonly selection: ViewSelection;
  readonly filters: DealFilters;
  readonly maxLength: number;
  /** "Came back within" months; null for any time. */
  readonly windowMonths: number | null;
  readonly tab: ViewTab;
  readonly camera: ViewCamera | null;
  readonly stress: ViewStress;
  readonly options: ViewOptions;
  readonly layout: LayoutKind;
  /** The companies dragged in `layout`, by company id. */
  readonly positions: DraggedPositions;
}

export const DEFAULT_VIEW: ViewState = {
  selection: { kind: "none" },
  filters: DEFAULT_DEAL_FILTERS,
  maxLength: DEFAULT_LOOP_CONTROLS.maxLength,
  windowMonths: null,
  tab: "loops",
  camera: null,
  stress: DEFAULT_STRESS_VIEW,
  options: DEFAULT_VIEW_OPTIONS,
  layout: DEFAULT_LAYOUT,
  positions: NO_DRAGGED,
};

export const MAX_LENGTH_RANGE = [2, 12] as const;
/** Longest "came back within" window a link may ask for: 50 years. */
export const MAX_WINDOW_MONTHS = 600;
const ID_RE = /^[a-z0-9][a-z0-9-]{0,119}$/;
const KNOWN = new Set([
  "v",
  "loop",
  "co",
  "edge",
  "types",
  "status",
  "evid",
  "merge",
  "min",
  "undisc",
  "from",
  "to",
  "len",
  "win",
  "tab",
  "cam",
  "shock",
  "short",
  "thr",
  "layout",
  "pos",
  "embed",
  "story",
  "step",
]);

/** True when the address asks for the embed view (`embed=1`): the graph and a caption, read-only. */
export function isEmbedSearch(search: string): boolean {
  try {
    return (
      new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).get("embed") === "1"
    );
  } catch {
    return false;
  }
}

/** Rounds camera numbers the way the URL writes them (4 decimals). */
export function roundCamera(c: ViewCamera): ViewCamera {
  // NOTE: "+ 0" turns -0 into 0, which the URL cannot tell apart.
  const r = (n: number) => Math.round(n * 1e4) / 1e4 + 0;
  return { x: r(c.x), y: r(c.y), ratio: r(c.ratio) };
}

const num = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** Writes a view as query parameters (without the leading "?"). */
export function encodeView(view: ViewState): string {
  const p = new URLSearchParams();
  p.set("v", String(URL_VERSION));
  const sel = view.selection;
  if (sel.kind === "loop") p.set("loop", sel.companies.join("."));
  else if (sel.kind === "company") p.set("co", sel.id);
  else if (sel.kind === "edge") p.set("edge", `${sel.from}.${sel.to}`);
  const f = view.filters;
  if (!sameValues(f.types, DEAL_TYPES))
    p.set("types", DEAL_TYPES.filter((t) => f.types.includes(t)).join(","));
  if (!sameValues(f.statuses, DEFAULT_STATUSES)) {
    p.set("status", DEAL_STATUSES.filter((s) => f.statuses.includes(s)).join(","));
  }
  if (!sameValues(f.evidence, EVIDENCE_TIERS)) {
    p.set("evid", EVIDENCE_TIERS.filter((t) => f.evidence.includes(t)).join(","));
  }
  if (view.options.mergeVehicles) p.set("merge", "1");
  if (f.minAmountUsdBn !== 0) p.set("min", num(f.minAmountUsdBn));
  if (!f.includeUndisclosed) p.set("undisc", "0");
  if (f.dateFrom !== null) p.set("from", f.dateFrom);
  if (f.dateTo !== null) p.set("to", f.dateTo);
  if (view.maxLength !== DEFAULT_VIEW.maxLength) p.set("len", String(view.maxLength));
  if (view.windowMonths !== null) p.set("win", String(view.windowMonths));
  if (view.tab !== DEFAULT_VIEW.tab) p.set("tab", view.tab);
  const st = view.stress;
  if (st.shocked.length > 0) p.set("shock", st.shocked.join("."));
  if (st.shortfallPct !== DEFAULT_STRESS_VIEW.shortfallPct) p.set("short", String(st.shortfallPct));
  if (st.thresholdPct !== DEFAULT_STRESS_VIEW.thresholdPct) p.set("thr", String(st.thresholdPct));
  if (view.layout !== DEFAULT_VIEW.layout) p.set("layout", view.layout);
  if (view.positions.size > 0) p.set("pos", encodePositionsParam(view.positions));
  if (view.camera) {
    const c = roundCamera(view.camera);
    p.set("cam", `${num(c.x)},${num(c.y)},${num(c.ratio)}`);
  }
  // NOTE: URLSearchParams escapes ",", ":" and ";", which a query may hold as they
  // are; keep them readable. Ids in `pos` are escaped before, so theirs stay escaped.
  return p.toString().replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%3B/g, ";");
}

/** A story's step the address opens on (`story=<id>&step=<n>`, n from 1). */
export interface StoryPlace {
  readonly storyId: string;
  /** 0-based here; the address writes it from 1. */
  readonly stepIndex: number;
}

/** Writes a story's place as query parameters (without "?"). */
export function encodeStoryPlace(place: StoryPlace): string {
  return `story=${place.storyId}&step=${place.stepIndex + 1}`;
}

export interface DecodedView {
  readonly view: ViewState;
  /** The story step the address names; its view then replaces `view`. */
  readonly story: StoryPlace | null;
  /** Human-readable notes on what was ignored, e.g. `unknown parameter "foo"`. */
  readonly ignored: readonly string[];
}

function parseList<T extends string>(raw: string, allowed: readonly T[]): T[] | null {
  if (raw === "") return [];
  const parts = raw.split(",");
  if (!parts.every((x) => (allowed as readonly string[]).includes(x))) return null;
  return allowed.filter((a) => parts.includes(a));
}

/** Reads a view from a query string (with or without "?"). Never throws. */
export function decodeView(search: string): DecodedView {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  } catch {
    return { view: DEFAULT_VIEW, story: null, ignored: ["the address could not be read"] };
  }
  const ignored: string[] = [];
  const bad = (name: string, value: string, why: string) =>
    ignored.push(oneLine(`"${name}=${value.slice(0, 60)}": ${why}`));
  let selection: ViewSelection = DEFAULT_VIEW.selection;
  const filters: { -readonly [K in keyof DealFilters]: DealFilters[K] } = {
    ...DEFAULT_DEAL_FILTERS,
  };
  let maxLength = DEFAULT_VIEW.maxLength;
  let windowMonths: number | null = null;
  let tab: ViewTab = DEFAULT_VIEW.tab;
  let camera: ViewCamera | null = null;
  const stress: { -readonly [K in keyof ViewStress]: ViewStress[K] } = { ...DEFAULT_STRESS_VIEW };
  const options: { -readonly [K in keyof ViewOptions]: ViewOptions[K] } = {
    ...DEFAULT_VIEW_OPTIONS,
  };
  let layout: LayoutKind = DEFAULT_VIEW.layout;
  let positions: DraggedPositions = DEFAULT_VIEW.positions;
  let storyId: string | null = null;
  let stepIndex = 0;
  const seen = new Set<string>();

  for (const [name, value] of params) {
    if (!KNOWN.has(name)) {
      ignored.push(oneLine(`unknown parameter "${name.slice(0, 40)}"`));
      continue;
    }
    if (seen.has(name)) {
      bad(name, value, "given more than once; the first is used");
      continue;
    }
    seen.add(name);
    switch (name) {
      case "v":
        if (value !== String(URL_VERSION))
          bad(name, value, `unsupported version (this app reads v=${URL_VERSION})`);
        break;
      case "loop": {
        const ids = value.split(".");
        if (
          ids.length < 2 ||
          !ids.every((id) => ID_RE.test(id)) ||
          new Set(ids).size !== ids.length
        ) {
          bad(name, value, "not a loop of two or more distinct company ids");
        } else if (selection.kind !== "none") bad(name, value, "only one selection is kept");
        else selection = { kind: "loop", companies: ids };
        break;
      }
      case "co":
        if (!ID_RE.test(value)) bad(name, value, "not a company id");
        else if (selection.kind !== "none") bad(name, value, "only one selection is kept");
        else selection = { kind: "company", id: value };
        break;
      case "edge": {
        const ids = value.split(".");
        if (ids.length !== 2 || !ids.every((id) => ID_RE.test(id)) || ids[0] === ids[1]) {
          bad(name, value, "not a flow between two company ids");
        } else if (selection.kind !== "none") bad(name, value, "only one selection is kept");
        else selection = { kind: "edge", from: ids[0]!, to: ids[1]! };
        break;
      }
      case "types": {
        const list = parseList<DealType>(value, DEAL_TYPES);
        if (list === null) bad(name, value, `deal types are ${DEAL_TYPES.join(", ")}`);
        else filters.types = list;
        break;
      }
      case "status": {
        const list = parseList<DealStatus>(value, DEAL_STATUSES);
        if (list === null) bad(name, value, `statuses are ${DEAL_STATUSES.join(", ")}`);
        else filters.statuses = list;
        break;
      }
      case "evid": {
        const list = parseList<EvidenceTier>(value, EVIDENCE_TIERS);
        if (list === null) bad(name, value, `evidence tiers are ${EVIDENCE_TIERS.join(", ")}`);
        else filters.evidence = list;
        break;
      }
      case "merge":
        if (value === "1") options.mergeVehicles = true;
        else if (value === "0") options.mergeVehicles = false;
        else bad(name, value, "must be 0 or 1");
        break;
      case "min": {
        const n = Number(value);
        if (value.trim() === "" || Number.isNaN(n) || n < 0) bad(name, value, "not an amount >= 0");
        else if (n > MAX_AMOUNT_USD_BN) {
          bad(name, value, `more than the largest deal amount; ${MAX_AMOUNT_USD_BN} is used`);
          filters.minAmountUsdBn = MAX_AMOUNT_USD_BN;
        } else filters.minAmountUsdBn = Math.round(n * 1e4) / 1e4;
        break;
      }
      case "undisc":
        if (value === "0") filters.includeUndisclosed = false;
        else if (value === "1") filters.includeUndisclosed = true;
        else bad(name, value, "must be 0 or 1");
        break;
      case "from":
      case "to":
        if (!isPartialDate(value)) bad(name, value, "not a date as YYYY, YYYY-MM or YYYY-MM-DD");
        else if (name === "from") filters.dateFrom = value;
        else filters.dateTo = value;
        break;
      case "len": {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < MAX_LENGTH_RANGE[0] || n > MAX_LENGTH_RANGE[1]) {
          bad(
            name,
            value,
            `loop length must be a whole number from ${MAX_LENGTH_RANGE[0]} to ${MAX_LENGTH_RANGE[1]}`,
          );
        } else maxLength = n;
        break;
      }
      case "win": {
        const n = Number(value);
        if (!/^\d{1,3}$/.test(value) || n > MAX_WINDOW_MONTHS)
          bad(name, value, `must be a whole number of months from 0 to ${MAX_WINDOW_MONTHS}`);
        else windowMonths = n;
        break;
      }
      case "tab":
        if (!(VIEW_TABS as readonly string[]).includes(value))
          bad(name, value, `tabs are ${VIEW_TABS.join(", ")}`);
        else tab = value as ViewTab;
        break;
      case "shock": {
        const ids = value.split(".");
        if (!ids.every((x) => ID_RE.test(x)) || new Set(ids).size !== ids.length) {
          bad(name, value, "not a list of distinct company ids");
        } else stress.shocked = ids;
        break;
      }
      case "short":
      case "thr": {
        const n = Number(value);
        if (!/^\d{1,3}$/.test(value) || n > 100)
          bad(name, value, "must be a whole percentage from 0 to 100");
        else if (name === "short") stress.shortfallPct = n;
        else stress.thresholdPct = n;
        break;
      }
      case "layout":
        if (!isLayoutKind(value)) bad(name, value, `layouts are ${LAYOUT_KINDS.join(", ")}`);
        else layout = value;
        break;
      case "pos": {
        const read = decodePositionsParam(value);
        if ("reason" in read) bad(name, value, read.reason);
        else positions = read.positions;
        break;
      }
      case "story":
        if (!ID_RE.test(value)) bad(name, value, "not a story id");
        else storyId = value;
        break;
      case "step":
        if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_STORY_STEPS)
          bad(name, value, `must be a step number from 1 to ${MAX_STORY_STEPS}`);
        else stepIndex = Number(value) - 1;
        break;
      case "cam": {
        const parts = value.split(",").map(Number);
        if (parts.length !== 3 || parts.some((n) => Number.isNaN(n)) || !(parts[2]! > 0)) {
          bad(name, value, "camera must be x,y,zoom with zoom > 0");
        } else {
          const clamp = (v: number, [lo, hi]: readonly [number, number]) =>
            Math.min(hi, Math.max(lo, v));
          const next = {
            x: clamp(parts[0]!, CAMERA_CENTRE_RANGE),
            y: clamp(parts[1]!, CAMERA_CENTRE_RANGE),
            ratio: clamp(parts[2]!, CAMERA_RATIO_RANGE),
          };
          if (next.x !== parts[0] || next.y !== parts[1] || next.ratio !== parts[2]) {
            bad(
              name,
              value,
              `outside the camera's range (centre ${CAMERA_CENTRE_RANGE.join(" to ")}, zoom ${CAMERA_RATIO_RANGE.join(" to ")}); clamped`,
            );
          }
          camera = roundCamera(next);
        }
        break;
      }
    }
  }
  if (storyId === null && seen.has("step")) ignored.push(`"step" names no story (no "story=")`);
  return {
    view: {
      selection,
      filters,
      maxLength,
      windowMonths,
      tab,
      camera,
      stress,
      options,
      layout,
      positions,
    },
    story: storyId === null ? null : { storyId, stepIndex },
    ignored,
  };
}
