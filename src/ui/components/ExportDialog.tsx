/**
 * The export dialog (loaded when first opened): preset (web column, full
 * width, two social sizes, print in millimetres), density and background, and
 * the headline, subtitle and caption, prefilled from what is shown; its
 * preview is the composed SVG itself, so what it shows is what downloads.
 * Exports what is highlighted: the selected loop, company or flow, else the
 * filtered graph. The settings persist in localStorage; the wording is the
 * view's until the user edits it. Above EXPORT_WARN_EDGES flows a warning shows.
 */
import { useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { formatCount, plural } from "../../domain/counts.ts";
import { formatUsdBn } from "../../domain/money.ts";
import { downloadBlob } from "./download.ts";
import type { EvidenceTier } from "../../domain/schema.ts";
import { defaultCaption } from "../../graph/export/compose.ts";
import {
  type PreparedExport,
  prepareExport,
  renderExport,
} from "../../graph/export/exportImage.ts";
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_BACKGROUNDS,
  EXPORT_DENSITIES,
  EXPORT_PRESETS,
  type ExportFormat,
  type ExportSettings,
  MAX_PRINT_WIDTH_MM,
  MIN_PRINT_WIDTH_MM,
  PRESET_LABELS,
  pngPixels,
  resolveExportSettings,
} from "../../graph/export/presets.ts";
import { summarizeDrawn } from "../../graph/largeView.ts";
import { buildStressOverlay } from "../../graph/stressStyle.ts";
import { selectLookups, selectSelectedLoop } from "../../state/selectors.ts";
import { selectStressResult } from "../../state/stressSelectors.ts";
import { type Store, useStore } from "../../state/store.ts";
import { viewLink } from "../../state/url/sync.ts";
import type { FlowSigma } from "../controllers/sigmaContext.ts";
import { shortfallSentence } from "../panels/format.ts";
import { useModalDialog } from "./useModalDialog.ts";

const STORAGE_KEY = "ouroboros:export-settings";
const BACKGROUND_LABELS = { white: "White", transparent: "Transparent" } as const;

function loadSettings(): ExportSettings {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
    return raw
      ? resolveExportSettings(JSON.parse(raw) as Partial<ExportSettings>)
      : DEFAULT_EXPORT_SETTINGS;
  } catch {
    return DEFAULT_EXPORT_SETTINGS;
  }
}

function saveSettings(settings: ExportSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // NOTE: private modes may refuse storage; the choice then lasts for the session.
  }
}

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

interface Wording {
  readonly headline: string | null;
  readonly subtitle: string | null;
  readonly caption: string | null;
}
const VIEW_WORDING: Wording = { headline: null, subtitle: null, caption: null };

/** Composes the export of the current view; null with a reason when it cannot. */
function prepare(
  sigma: FlowSigma | null,
  settings: ExportSettings,
  wording: Wording,
): { prepared: PreparedExport } | { error: string } {
  if (!sigma) return { error: "The graph is not drawn yet; try again in a moment." };
  try {
    const state = useStore.getState();
    const hopByKey = new Map((state.analysis?.hops ?? []).map((h) => [h.key, h]));
    return {
      prepared: prepareExport({
        graph: sigma.getGraph(),
        selection: state.selection,
        dataset: state.dataset,
        loop: selectSelectedLoop(state),
        settings,
        wording,
        stress: stressForExport(state),
        largeView: state.analysis ? summarizeDrawn(state.analysis.hops, sigma.getGraph()) : null,
        evidenceOf: (key) =>
          Object.keys(hopByKey.get(key)?.evidence ?? {}) as readonly EvidenceTier[],
        shareUrl: viewLink(state),
      }),
    };
  } catch (error) {
    return { error: `Export failed: ${(error as Error).message}` };
  }
}

export function ExportDialog(props: {
  sigma: FlowSigma | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const { sigma, onClose, onSaved } = props;
  const ref = useModalDialog(true);
  const id = useId();
  const [settings, setSettings] = useState(loadSettings);
  const [wording, setWording] = useState<Wording>(VIEW_WORDING);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ text: string; warn: boolean } | null>(null);
  // Typing stays fluid: the preview follows a deferred copy of the settings and words.
  const deferred = useDeferredValue({ settings, wording });
  const outcome = useMemo(
    () => prepare(sigma, deferred.settings, deferred.wording),
    [sigma, deferred],
  );
  const prepared = "prepared" in outcome ? outcome.prepared : null;
  const previewUrl = useMemo(
    () =>
      prepared ? URL.createObjectURL(new Blob([prepared.svg], { type: "image/svg+xml" })) : null,
    [prepared],
  );
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const update = (patch: Partial<ExportSettings>) => {
    const next = resolveExportSettings({ ...settings, ...patch });
    setSettings(next);
    saveSettings(next);
  };
  const run = async (format: ExportFormat) => {
    const now = prepare(sigma, settings, wording);
    if ("error" in now) {
      setMessage({ text: now.error, warn: true });
      return;
    }
    setBusy(format);
    try {
      const result = await renderExport(now.prepared, format);
      downloadBlob(result.blob, result.fileName);
      const unit = format === "png" ? " px" : "";
      const lowered =
        format === "png" && result.pixelRatio < now.prepared.composition.size.pixelRatio - 1e-9
          ? " Resolution lowered to stay within browser limits."
          : "";
      const text = `Saved ${result.fileName} (${formatCount(result.width)} × ${formatCount(result.height)}${unit}).${lowered}`;
      setMessage({ text, warn: false });
      onSaved(text);
    } catch (error) {
      setMessage({ text: `Export failed: ${(error as Error).message}`, warn: true });
    } finally {
      setBusy(null);
    }
  };

  const c = prepared?.composition;
  const px = c ? pngPixels(c.size, c.width, c.height) : null;
  const text = (field: keyof Wording, fallback: string) => wording[field] ?? fallback;
  const edit = (field: keyof Wording) => (value: string) =>
    setWording((w) => ({ ...w, [field]: value }));
  return (
    <dialog
      ref={ref}
      className="data-dialog export-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>Export image</h2>
      <div className="export-dialog__body">
        <form className="export-dialog__form" onSubmit={(e) => e.preventDefault()}>
          <label>
            Size
            <select
              value={settings.preset}
              onChange={(e) => update({ preset: e.target.value as ExportSettings["preset"] })}
            >
              {EXPORT_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {PRESET_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          {settings.preset === "print" && (
            <label>
              Print width (mm)
              <input
                type="number"
                min={MIN_PRINT_WIDTH_MM}
                max={MAX_PRINT_WIDTH_MM}
                value={settings.printWidthMm}
                onChange={(e) => {
                  const mm = Number(e.target.value);
                  if (mm >= MIN_PRINT_WIDTH_MM && mm <= MAX_PRINT_WIDTH_MM) {
                    update({ printWidthMm: mm });
                  }
                }}
              />
            </label>
          )}
          {(settings.preset === "web" || settings.preset === "full") && (
            <fieldset>
              <legend>PNG density</legend>
              {EXPORT_DENSITIES.map((density) => (
                <label key={density}>
                  <input
                    type="radio"
                    name={`${id}-density`}
                    checked={settings.density === density}
                    onChange={() => update({ density })}
                  />
                  {density}×
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>Background</legend>
            {EXPORT_BACKGROUNDS.map((background) => (
              <label key={background}>
                <input
                  type="radio"
                  name={`${id}-background`}
                  checked={settings.background === background}
                  onChange={() => update({ background })}
                />
                {BACKGROUND_LABELS[background]}
              </label>
            ))}
          </fieldset>
          <label>
            Headline
            <input
              type="text"
              value={text("headline", prepared?.suggested.headline ?? "")}
              onChange={(e) => edit("headline")(e.target.value)}
            />
          </label>
          <label>
            Subtitle
            <textarea
              rows={3}
              value={text("subtitle", prepared?.suggested.subtitle ?? "")}
              onChange={(e) => edit("subtitle")(e.target.value)}
            />
          </label>
          <label>
            Caption
            <textarea
              rows={3}
              value={text("caption", defaultCaption())}
              onChange={(e) => edit("caption")(e.target.value)}
            />
          </label>
          <button type="button" onClick={() => setWording(VIEW_WORDING)}>
            Reset the words to the view’s
          </button>
        </form>
        <figure className="export-dialog__preview">
          {previewUrl && c ? (
            <img
              src={previewUrl}
              alt={`Preview of the export: ${c.title}`}
              width={Math.ceil(c.width)}
              height={Math.ceil(c.height)}
            />
          ) : (
            <p role="alert">{"error" in outcome ? outcome.error : "Preparing the preview…"}</p>
          )}
          {c && px && (
            <figcaption data-testid="export-size">
              {settings.preset === "print"
                ? `${settings.printWidthMm} mm wide at 300 dpi: ${formatCount(px.width)} × ${formatCount(px.height)} px`
                : `${formatCount(px.width)} × ${formatCount(px.height)} px`}
              {c.droppedLabels > 0 &&
                ` · ${plural(c.droppedLabels, "label")} left out where ${c.droppedLabels === 1 ? "it" : "they"} would overlap`}
              {c.sourcesListed < c.sourcesCited &&
                ` · ${c.sourcesListed} of ${c.sourcesCited} sources listed, the rest at the link`}
            </figcaption>
          )}
          {prepared?.warning && <p className="export-dialog__warn">{prepared.warning}</p>}
        </figure>
      </div>
      <p
        role="status"
        className={`export-dialog__status${message?.warn ? " export-dialog__status--warn" : ""}`}
      >
        {busy ? `Exporting ${busy.toUpperCase()}…` : (message?.text ?? "")}
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" disabled={busy !== null || !prepared} onClick={() => void run("svg")}>
          Download SVG
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy !== null || !prepared}
          onClick={() => void run("png")}
        >
          Download PNG
        </button>
      </div>
    </dialog>
  );
}
