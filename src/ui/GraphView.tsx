/**
 * The money-flow graph: one sigma instance on the pipeline's hops, with
 * render-null controllers for layout, events, dragging, highlighting, camera
 * and theme, plus the overlays: the layout chooser, the zoom and layout
 * buttons, the legend and the edge tooltip. Overlays carry
 * `data-graph-overlay`, so the camera keeps nodes out from under them.
 *
 * Two graphs: the layout graph (every deal of the dataset) holds the
 * positions, so they survive filtering, and sigma draws the graph of the
 * analysis's hops with those positions copied onto it. Nothing is drawn
 * before the analysis has answered: the UI never folds deals itself.
 */
import { DirectedGraph } from "graphology";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import Sigma from "sigma";
import {
  type FlowEdgeAttributes,
  type FlowGraph,
  type FlowNodeAttributes,
  buildFlowGraph,
  buildLayoutGraph,
} from "../graph/buildGraph.ts";
import {
  LARGE_VIEW,
  type LargeViewSummary,
  largestFlows,
  summarizeDrawn,
} from "../graph/largeView.ts";
import { LAYOUT_KINDS, LAYOUT_LABELS } from "../graph/layouts/layoutKinds.ts";
import { nodeKey } from "../graph/nodeKeys.ts";
import { copyPositions } from "../graph/positions.ts";
import {
  type ReducerSlot,
  createLabelState,
  createSigmaOptions,
  sizeDependentSettings,
} from "../graph/settings.ts";
import { formatCount } from "../domain/counts.ts";
import { actions, useStore } from "../state/store.ts";
import { FirstScreen } from "./components/FirstScreen.tsx";
import { Legend } from "./components/Legend.tsx";
import { EdgeTooltip } from "./components/EdgeTooltip.tsx";
import { CameraController } from "./controllers/CameraController.tsx";
import { CameraSyncController } from "./controllers/CameraSyncController.tsx";
import { DragController } from "./controllers/DragController.tsx";
import { EventsController } from "./controllers/EventsController.tsx";
import { HighlightController } from "./controllers/HighlightController.tsx";
import { fittedCamera, frameFullGraph } from "./controllers/frame.ts";
import { LayoutController } from "./controllers/LayoutController.tsx";
import {
  type FlowSigma,
  SigmaContext,
  useGraphCommands,
  useSigma,
} from "./controllers/sigmaContext.ts";
import { ThemeController } from "./controllers/ThemeController.tsx";
import { GRAPH_STATES, LabelPlanController } from "./controllers/LabelPlanController.tsx";
import "./graph.css";

declare global {
  interface Window {
    /** End-to-end test hook: the live sigma instance and the graph it draws. */
    __ouroboros?: { sigma: FlowSigma; graph: FlowGraph };
  }
}

/** Performance mark set when the first frame with laid-out positions is drawn. */
export const FIRST_FRAME_MARK = "ouroboros:first-frame";
const ZOOM_MS = 200;

export function GraphView({ onSigma }: { onSigma?: (sigma: FlowSigma | null) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<FlowSigma | null>(null);
  // Keyed by the full graph, so a new dataset starts unpositioned and not ready.
  const [positionedGraph, setPositionedGraph] = useState<FlowGraph | null>(null);
  const [readyGraph, setReadyGraph] = useState<FlowGraph | null>(null);
  const dataset = useStore((s) => s.dataset);
  const hops = useStore((s) => s.analysis?.hops ?? null);
  const layoutRunning = useStore((s) => s.layoutRunning);

  const fullGraph = useMemo(() => buildLayoutGraph(dataset), [dataset]);
  // A large dataset draws its largest flows among the layout's companies (`largeView.ts`).
  const drawn = useMemo(
    () => hops && largestFlows(hops, LARGE_VIEW, (id) => fullGraph.hasNode(nodeKey(id))),
    [hops, fullGraph],
  );
  const graph = useMemo(() => (drawn ? buildFlowGraph(dataset, drawn) : null), [dataset, drawn]);
  const largeView = useMemo(
    () => (hops && graph ? summarizeDrawn(hops, graph) : null),
    [hops, graph],
  );
  const positioned = positionedGraph === fullGraph;
  const framedRef = useRef<FlowGraph | null>(null);
  const ready = readyGraph === fullGraph && graph !== null;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const theme = useStore.getState().theme;
    const labels = createLabelState(theme);
    const reducers: ReducerSlot = { node: null, edge: null };
    const instance: FlowSigma = new Sigma(
      new DirectedGraph<FlowNodeAttributes, FlowEdgeAttributes>(),
      container,
      createSigmaOptions(reducers, labels),
    );
    GRAPH_STATES.set(instance, { reducers, labels });
    setSigma(instance);
    onSigma?.(instance);
    // NOTE: sigma only listens to window resizes; the graph area also changes
    // size when the side panel does.
    const observer =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            instance.resize();
            instance.scheduleRender();
          });
    observer?.observe(container);
    return () => {
      observer?.disconnect();
      setSigma(null);
      onSigma?.(null);
      delete window.__ouroboros;
      instance.kill();
    };
  }, [onSigma]);

  // NOTE: nothing is drawn before the layout is known: a frame of a big graph
  // at its start positions would cost as much as the final one.
  useEffect(() => {
    if (!sigma || !positioned || !graph) return;
    copyPositions(fullGraph, graph);
    sigma.setSettings(sizeDependentSettings(fullGraph.order));
    sigma.setGraph(graph);
    window.__ouroboros = { sigma, graph };
    if (!useStore.getState().layoutRunning) frameFullGraph(sigma, fullGraph);
    // A new dataset starts fitted to the free part of the view; a filter change keeps the camera.
    if (framedRef.current !== fullGraph) {
      framedRef.current = fullGraph;
      sigma.getCamera().setState({ ...fittedCamera(sigma, fullGraph), angle: 0 });
    }
    actions.hoverNode(null);
    actions.hoverEdge(null);
  }, [sigma, graph, fullGraph, positioned]);

  useEffect(() => {
    if (!sigma || !positioned || ready || !graph) return;
    const onRender = () => {
      performance.mark(FIRST_FRAME_MARK);
      setReadyGraph(fullGraph);
    };
    sigma.once("afterRender", onRender);
    sigma.scheduleRender();
    return () => {
      sigma.removeListener("afterRender", onRender);
    };
  }, [sigma, positioned, ready, fullGraph, graph]);

  const onPositioned = useCallback((positionedFor: FlowGraph) => {
    setPositionedGraph(positionedFor);
  }, []);

  return (
    <div className="graph-view">
      <div
        ref={containerRef}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-ready={ready ? "true" : "false"}
        data-drawn-companies={graph?.order ?? 0}
      />
      {largeView && <LargeViewNote summary={largeView} />}
      {sigma && (
        <SigmaContext.Provider value={sigma}>
          <LayoutController fullGraph={fullGraph} onPositioned={onPositioned} />
          <ThemeController />
          <LabelPlanController />
          {graph && <HighlightController graph={graph} />}
          <EventsController />
          <DragController fullGraph={fullGraph} />
          <CameraController ready={ready} fullGraph={fullGraph} />
          <CameraSyncController ready={ready} fullGraph={fullGraph} />
          <EdgeTooltip />
          <GraphControls layoutRunning={layoutRunning} />
        </SigmaContext.Provider>
      )}
      <LayoutChooser />
      <Legend />
      <FirstScreen />
    </div>
  );
}

function GraphControls({ layoutRunning }: { layoutRunning: boolean }) {
  const sigma = useSigma();
  const commands = useGraphCommands();
  const camera = sigma.getCamera();
  return (
    <div className="graph-controls" role="group" aria-label="Graph view" data-graph-overlay="">
      <ControlButton
        label="Zoom in"
        icon="+"
        onClick={() => void camera.zoomIn({ duration: ZOOM_MS })}
      />
      <ControlButton
        label="Zoom out"
        icon="−"
        onClick={() => void camera.zoomOut({ duration: ZOOM_MS })}
      />
      <ControlButton label="Fit to screen" icon="⤢" onClick={() => commands.fit()} />
      <ControlButton
        label="Re-run layout"
        title="Re-run layout (forgets the companies dragged in it)"
        icon="↻"
        disabled={layoutRunning}
        onClick={() => commands.relayout()}
      />
    </div>
  );
}

function ControlButton(props: {
  label: string;
  title?: string;
  icon: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="graph-control"
      aria-label={props.label}
      title={props.title ?? props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.icon}</span>
    </button>
  );
}

/**
 * The layout chooser: native radio buttons (arrow keys move between them),
 * drawn as a segmented control. Each layout keeps its own dragged positions.
 */
function LayoutChooser() {
  const layout = useStore((s) => s.layout);
  const name = useId();
  return (
    <div
      className="layout-chooser"
      role="radiogroup"
      aria-labelledby={`${name}-label`}
      data-graph-overlay=""
    >
      <span id={`${name}-label`} className="layout-chooser__label">
        Layout
      </span>
      {LAYOUT_KINDS.map((kind) => (
        <label key={kind} className="layout-chooser__option">
          <input
            type="radio"
            name={name}
            value={kind}
            checked={layout === kind}
            onChange={() => actions.setLayout(kind)}
          />
          <span>{LAYOUT_LABELS[kind]}</span>
        </label>
      ))}
    </div>
  );
}

/** Says what a large dataset's graph leaves out, and where the rest is. */
function LargeViewNote({ summary }: { summary: LargeViewSummary }) {
  return (
    <p
      className="graph-large-note"
      role="status"
      data-testid="large-view-note"
      data-graph-overlay=""
    >
      Large dataset: the graph draws the {formatCount(summary.drawnHops)} largest flows between the{" "}
      {formatCount(summary.drawnCompanies)} companies with the most money (of{" "}
      {formatCount(summary.totalHops)} flows and {formatCount(summary.totalCompanies)} companies).
      Loops, risk, the deals table and data exports (JSON, CSV, GEXF) cover everything.
    </p>
  );
}
