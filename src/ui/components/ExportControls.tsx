/**
 * Export controls for the app header: "Export PNG", "Export SVG" and an options
 * popover (resolution, background). Exports what is highlighted: the selected
 * loop, company or flow, else the filtered graph. Needs no props: it reads the
 * store and the on-screen sigma from the app's SigmaContext. The options persist
 * in localStorage, not in the store. Above EXPORT_WARN_EDGES flows a warning
 * shows, and the export still runs.
 */
import { formatCount } from "../../domain/counts.ts";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { exportHighlighted } from "../../graph/export/exportImage.ts";
import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_BACKGROUNDS,
  EXPORT_SCALES,
  EXPORT_WARN_EDGES,
  type ExportFormat,
  type ExportOptions,
  resolveExportOptions,
} from "../../graph/export/options.ts";
import { countExportEdges } from "../../graph/export/subgraph.ts";
import { summarizeDrawn } from "../../graph/largeView.ts";
import type { Hop } from "../../analysis/hops.ts";
import { selectLookups, selectSelectedLoop } from "../../state/selectors.ts";
import { type FlowSigma, useOptionalSigma } from "../controllers/sigmaContext.ts";
import { selectStressResult } from "../../state/stressSelectors.ts";
import { buildStressOverlay } from "../../graph/stressStyle.ts";
import { formatUsdBn } from "../../domain/money.ts";
import { shortfallSentence } from "../panels/format.ts";
import { type Store, useStore } from "../../state/store.ts";
import "./export.css";

const STORAGE_KEY = "ouroboros:export-options";
const NO_HOPS: readonly Hop[] = [];
const BACKGROUND_LABELS = { white: "White", transparent: "Transparent" } as const;

function loadOptions(): ExportOptions {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
    return raw
      ? resolveExportOptions(JSON.parse(raw) as Partial<ExportOptions>)
      : DEFAULT_EXPORT_OPTIONS;
  } catch {
    return DEFAULT_EXPORT_OPTIONS;
  }
}

function saveOptions(options: ExportOptions): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(options));
  } catch {
    // NOTE: private modes may refuse storage; the choice then lasts for the session.
  }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Last export's duration and sigma-vs-scene drift, as data attributes for tests and benchmarks. */
interface ExportMetrics {
  readonly ms: number;
  readonly alignmentPx: number;
}

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly format: ExportFormat }
  | { readonly kind: "done" | "error"; readonly text: string };

/** The stress scenario on screen, with a caption describing it, or null. */
function stressForExport(state: Store) {
  const result = selectStressResult(state);
  if (!result) return null;
  const names = state.stress.shocked.map(
    (id) => selectLookups(state).companyById.get(id)?.name ?? id,
  );
  const caption =
    `Stress test, yearly basis: ${shortfallSentence(names, state.stress.shortfallPct)}; ` +
    `distress threshold ${state.stress.thresholdPct}% of equity, cash or revenue; ` +
    `total loss ${formatUsdBn(result.totalLossUsdBn)} a year, ` +
    `${result.distressedCount} distressed`;
  return { overlay: buildStressOverlay(result), caption };
}

/** Exports, downloads and says what happened; never throws. */
async function exportAndDownload(
  sigma: FlowSigma | null,
  format: ExportFormat,
  options: ExportOptions,
): Promise<{ status: Status; metrics: ExportMetrics | null }> {
  if (!sigma) {
    return {
      status: { kind: "error", text: "The graph is not drawn yet; try again in a moment." },
      metrics: null,
    };
  }
  const started = performance.now();
  try {
    const state = useStore.getState();
    const { dataset, selection } = state;
    const result = await exportHighlighted({
      sigma,
      selection,
      dataset,
      loop: selectSelectedLoop(state),
      format,
      options,
      stress: stressForExport(state),
      largeView: state.analysis ? summarizeDrawn(state.analysis.hops, sigma.getGraph()) : null,
    });
    download(result.blob, result.fileName);
    const size = `${formatCount(result.width)} × ${formatCount(result.height)}`;
    const reduced =
      format === "png" && result.pixelRatio < options.scale
        ? ` Resolution lowered to ${result.pixelRatio.toFixed(1)}× to stay within browser limits.`
        : "";
    const unit = format === "png" ? " px" : "";
    return {
      status: { kind: "done", text: `Saved ${result.fileName} (${size}${unit}).${reduced}` },
      metrics: {
        ms: Math.round(performance.now() - started),
        alignmentPx: Math.round(result.alignmentErrorPx * 100) / 100,
      },
    };
  } catch (error) {
    return {
      status: { kind: "error", text: `Export failed: ${(error as Error).message}` },
      metrics: null,
    };
  }
}

export function ExportControls() {
  const [options, setOptions] = useState(loadOptions);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [metrics, setMetrics] = useState<ExportMetrics | null>(null);
  const popoverId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const selection = useStore((s) => s.selection);
  const hops = useStore((s) => s.analysis?.hops ?? NO_HOPS);
  const sigma = useOptionalSigma();
  const counted = useMemo(() => countExportEdges(hops, selection), [hops, selection]);
  // A large dataset's graph draws only its largest flows, and an export copies what is drawn.
  const edgeCount = Math.min(counted, sigma?.getGraph().size ?? Infinity);
  const tooMany = edgeCount > EXPORT_WARN_EDGES;

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  useEffect(() => {
    if (status.kind !== "done") return;
    const timer = setTimeout(() => setStatus({ kind: "idle" }), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const update = (patch: Partial<ExportOptions>) => {
    const next = resolveExportOptions({ ...options, ...patch });
    setOptions(next);
    saveOptions(next);
  };

  const run = async (format: ExportFormat) => {
    setOpen(false);
    setStatus({ kind: "busy", format });
    // Let "Exporting…" paint before the synchronous drawing starts.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const outcome = await exportAndDownload(sigma, format, options);
    if (outcome.metrics) setMetrics(outcome.metrics);
    setStatus(outcome.status);
  };

  const busy = status.kind === "busy";
  const message =
    status.kind === "busy"
      ? `Exporting ${status.format.toUpperCase()}…`
      : status.kind === "idle"
        ? ""
        : status.text;
  const warn = status.kind === "error" || tooMany;
  // NOTE: the format buttons are rendered twice, in the bar (wide screens) and in
  // the popover (phones); CSS shows one set, so one set is in the accessibility tree.
  const formatButtons = (where: "bar" | "menu") => (
    <div className={`export-controls__formats export-controls__formats--${where}`}>
      {(["png", "svg"] as const).map((format) => (
        <button key={format} type="button" disabled={busy} onClick={() => void run(format)}>
          <span className="export-controls__verb">Export </span>
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );
  return (
    <div
      ref={rootRef}
      className="export-controls"
      role="group"
      aria-label="Export image"
      aria-busy={busy}
      data-export-ms={metrics?.ms}
      data-export-alignment-px={metrics?.alignmentPx}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.preventDefault(); // keeps the selection: App clears it on a bare Escape
        setOpen(false);
        toggleRef.current?.focus();
      }}
    >
      {formatButtons("bar")}
      <button
        ref={toggleRef}
        type="button"
        className="export-controls__toggle"
        aria-label="Export options"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen(!open)}
      >
        <span className="export-controls__toggle-text">Export </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={popoverId}
          className="export-controls__popover"
          role="group"
          aria-label="Export options"
        >
          {formatButtons("menu")}
          <ExportOptionsFields options={options} name={popoverId} onChange={update} />
          <p className="export-controls__hint">
            Exports the selected loop, company or flow, or the filtered graph when nothing is
            selected.
            {tooMany &&
              ` This export has ${formatCount(edgeCount)} flows (over ${formatCount(EXPORT_WARN_EDGES)}): labels will overlap and it may take several seconds.`}
          </p>
        </div>
      )}
      <p
        role="status"
        className={`export-controls__status${warn ? " export-controls__status--warn" : ""}`}
      >
        {tooMany && status.kind !== "idle" && status.kind !== "error"
          ? `Large export: ${formatCount(edgeCount)} flows (over ${formatCount(EXPORT_WARN_EDGES)}). It will run, but labels will overlap and it may take several seconds. `
          : ""}
        {message}
      </p>
    </div>
  );
}

function ExportOptionsFields(props: {
  options: ExportOptions;
  name: string;
  onChange: (patch: Partial<ExportOptions>) => void;
}) {
  const { options, name, onChange } = props;
  return (
    <>
      <fieldset>
        <legend>PNG resolution</legend>
        {EXPORT_SCALES.map((scale) => (
          <label key={scale}>
            <input
              type="radio"
              name={`${name}-scale`}
              checked={options.scale === scale}
              onChange={() => onChange({ scale })}
            />
            {scale}×
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Background</legend>
        {EXPORT_BACKGROUNDS.map((background) => (
          <label key={background}>
            <input
              type="radio"
              name={`${name}-background`}
              checked={options.background === background}
              onChange={() => onChange({ background })}
            />
            {BACKGROUND_LABELS[background]}
          </label>
        ))}
      </fieldset>
    </>
  );
}
