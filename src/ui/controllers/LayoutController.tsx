/**
 * Layout controller (renders nothing): gives the full dataset graph its
 * positions: the chosen layout's own (force from the cache or a run, circle
 * and role computed at once), with the companies the user dragged in that
 * layout laid over them. Switching layout, reordering the ring for a selected
 * loop and the `relayout` command (which forgets the layout's dragged
 * positions) animate the nodes to their new places. Positions live on the
 * full graph; each change is copied onto the graph sigma draws.
 */
import { useEffect, useRef, useState } from "react";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { type ForceLayoutRun, runForceLayout } from "../../graph/forceLayoutRun.ts";
import {
  SYNC_LAYOUT_MAX_ORDER,
  assignInitialPositions,
  forceLayoutIterations,
  relaxLayoutSync,
} from "../../graph/layout.ts";
import { circleLayout } from "../../graph/layouts/circle.ts";
import { arrangePositions } from "../../graph/layouts/dragged.ts";
import { type LayoutInput, layoutInputOf } from "../../graph/layouts/layoutInput.ts";
import type { LayoutKind } from "../../graph/layouts/layoutKinds.ts";
import { roleLayout } from "../../graph/layouts/role.ts";
import { nodeKey } from "../../graph/nodeKeys.ts";
import {
  type Positions,
  applyPositions,
  readPositions,
  roundPositions,
} from "../../graph/positions.ts";
import { LARGE_GRAPH_NODES } from "../../graph/settings.ts";
import { actions, useStore } from "../../state/store.ts";
import { frameFullGraph, reframeKeepingView } from "./frame.ts";
import { forgetLayout, loadLayout, saveLayout } from "./layoutStorage.ts";
import { type FlowSigma, useGraphCommands, useSigma } from "./sigmaContext.ts";

/** Wall-time safety cap of a worker run; iteration counts normally stop it well before. */
export const MAX_LAYOUT_MS = 3000;
/** Shortest interval between two animation frames of a running layout. */
const TICK_COPY_MS = 150;
/** How long nodes take to move to a new layout. */
const MOVE_MS = 450;

const prefersReducedMotion = () =>
  typeof window.matchMedia === "function" &&
  window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** What a graph's layouts cost to compute, kept per graph: its layout input and base positions. */
interface GraphLayouts {
  input: LayoutInput | null;
  /** Base positions by layout key (`force`, `role`, `circle|<loop>`). */
  readonly bases: Map<string, Positions>;
}

/** The layout key of a layout; the circle depends on the loop it keeps together. */
const baseKeyOf = (layout: LayoutKind, loopKey: string) =>
  layout === "circle" ? `circle|${loopKey}` : layout;

/** Copies the full graph's positions onto the drawn graph, easing them there when asked. */
function moveDrawnNodes(
  sigma: FlowSigma,
  fullGraph: FlowGraph,
  animate: boolean,
  previous: (() => void) | null,
): (() => void) | null {
  previous?.();
  const graph = sigma.getGraph();
  const copy = (t: number) =>
    graph.updateEachNodeAttributes(
      (id, attr) => {
        if (!fullGraph.hasNode(id)) return attr;
        const target = fullGraph.getNodeAttributes(id);
        const start = from.get(id);
        attr.x = start && t < 1 ? start.x + (target.x - start.x) * t : target.x;
        attr.y = start && t < 1 ? start.y + (target.y - start.y) * t : target.y;
        return attr;
      },
      { attributes: ["x", "y"] },
    );
  const from = new Map<string, { x: number; y: number }>();
  if (!animate || graph.order > LARGE_GRAPH_NODES || prefersReducedMotion()) {
    copy(1);
    return null;
  }
  graph.forEachNode((id, attr) => from.set(id, { x: attr.x, y: attr.y }));
  const startedAt = performance.now();
  let frame = 0;
  const step = () => {
    const t = Math.min(1, (performance.now() - startedAt) / MOVE_MS);
    // Ease in and out (cubic).
    copy(t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);
    if (t < 1) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => {
    cancelAnimationFrame(frame);
    copy(1);
  };
}

/**
 * Lays the full graph out with ForceAtlas2 from the start circle: at once up to
 * SYNC_LAYOUT_MAX_ORDER nodes (answers null), else in a worker whose ticks are
 * copied onto the drawn graph (answers the run).
 */
function startForceRun(sigma: FlowSigma, fullGraph: FlowGraph): ForceLayoutRun | null {
  assignInitialPositions(fullGraph);
  if (fullGraph.order <= SYNC_LAYOUT_MAX_ORDER || typeof Worker === "undefined") {
    relaxLayoutSync(fullGraph);
    return null;
  }
  actions.setLayoutRunning(true);
  // NOTE: while positions move, sigma re-frames every frame so the drawing stays in view.
  sigma.setCustomBBox(null);
  // NOTE: each copy makes sigma redraw, and a redraw delays the worker's next
  // message; copying a few times a second keeps the animation without slowing FA2.
  let lastCopy = performance.now();
  const onTick = () => {
    const now = performance.now();
    if (now - lastCopy < TICK_COPY_MS) return;
    lastCopy = now;
    moveDrawnNodes(sigma, fullGraph, false, null);
  };
  try {
    return runForceLayout(fullGraph, {
      maxIterations: forceLayoutIterations(fullGraph.order),
      maxMs: MAX_LAYOUT_MS,
      onTick,
    });
  } catch {
    // Worker creation can fail (CSP, sandbox): fall back to the synchronous layout.
    actions.setLayoutRunning(false);
    relaxLayoutSync(fullGraph);
    return null;
  }
}

export function LayoutController(props: {
  fullGraph: FlowGraph;
  onPositioned: (fullGraph: FlowGraph) => void;
}) {
  const { fullGraph, onPositioned } = props;
  const sigma = useSigma();
  const commands = useGraphCommands();
  const layout = useStore((s) => s.layout);
  const dragged = useStore((s) => s.draggedPositions[s.layout]);
  // NOTE: a string, so the same loop selected again does not reorder the ring.
  const loopKey = useStore((s) =>
    s.layout === "circle" && s.selection.kind === "loop" ? s.selection.companies.join(" ") : "",
  );
  // Bumped when a force run has finished or a re-layout asks for fresh positions.
  const [baseSeq, setBaseSeq] = useState(0);
  const layoutsRef = useRef(new WeakMap<FlowGraph, GraphLayouts>());
  const runRef = useRef<{ graph: FlowGraph; run: ForceLayoutRun } | null>(null);
  const shownRef = useRef<{ graph: FlowGraph; layout: LayoutKind; loopKey: string } | null>(null);
  const relayoutRef = useRef(false);
  const stopMoveRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    let layouts = layoutsRef.current.get(fullGraph);
    if (!layouts) {
      layouts = { input: null, bases: new Map() };
      layoutsRef.current.set(fullGraph, layouts);
    }
    const key = baseKeyOf(layout, loopKey);
    // A force run for another layout (the user switched away) is abandoned.
    if (runRef.current && (layout !== "force" || runRef.current.graph !== fullGraph)) {
      runRef.current.run.stop();
      runRef.current = null;
      actions.setLayoutRunning(false);
    }
    let base = layouts.bases.get(key);
    if (!base && layout === "force") {
      if (runRef.current) return; // a run for this graph is under way
      const cached = relayoutRef.current ? null : loadLayout(fullGraph);
      if (cached) base = cached;
      else {
        const run = startForceRun(sigma, fullGraph);
        if (run) {
          runRef.current = { graph: fullGraph, run };
          void run.done.then((result) => {
            if (runRef.current?.run !== run || result.reason === "stopped") return;
            runRef.current = null;
            layouts.bases.set("force", roundPositions(readPositions(fullGraph)));
            saveLayout(fullGraph);
            actions.setLayoutRunning(false);
            setBaseSeq((n) => n + 1);
          });
          return;
        }
        base = roundPositions(readPositions(fullGraph));
        saveLayout(fullGraph);
      }
    } else if (!base) {
      layouts.input ??= layoutInputOf(fullGraph);
      base = roundPositions(
        layout === "circle"
          ? circleLayout(layouts.input, { loop: loopKey ? loopKey.split(" ").map(nodeKey) : [] })
          : roleLayout(layouts.input),
      );
    }
    layouts.bases.set(key, base);

    applyPositions(fullGraph, arrangePositions(base, dragged));
    const shown = shownRef.current;
    const relayout = relayoutRef.current;
    relayoutRef.current = false;
    shownRef.current = { graph: fullGraph, layout, loopKey };
    if (shown?.graph !== fullGraph) {
      // A new graph: GraphView copies the positions once it knows they are there.
      stopMoveRef.current?.();
      stopMoveRef.current = null;
      frameFullGraph(sigma, fullGraph);
      onPositioned(fullGraph);
      return;
    }
    const moved = relayout || shown.layout !== layout || shown.loopKey !== loopKey;
    if (moved) {
      frameFullGraph(sigma, fullGraph);
      stopMoveRef.current = moveDrawnNodes(sigma, fullGraph, true, stopMoveRef.current);
      // A new layout or a re-run moves everything: show all of it.
      if (relayout || shown.layout !== layout) commands.fit();
    } else {
      // Dragged positions changed (a drop, a link): keep the picture where it is.
      stopMoveRef.current?.();
      stopMoveRef.current = null;
      reframeKeepingView(sigma, fullGraph);
      moveDrawnNodes(sigma, fullGraph, false, null);
    }
  }, [sigma, fullGraph, layout, loopKey, dragged, baseSeq, onPositioned, commands]);

  // Any run still going belongs to this graph: stop it when the graph goes.
  useEffect(
    () => () => {
      const current = runRef.current;
      if (current?.graph === fullGraph) {
        runRef.current = null;
        current.run.stop();
        actions.setLayoutRunning(false);
      }
    },
    [fullGraph],
  );

  useEffect(() => () => stopMoveRef.current?.(), []);

  useEffect(
    () =>
      commands.attach({
        relayout() {
          const s = useStore.getState();
          if (s.layoutRunning) return;
          const layouts = layoutsRef.current.get(fullGraph);
          if (layouts) {
            for (const key of [...layouts.bases.keys()]) {
              if (key === s.layout || key.startsWith(`${s.layout}|`)) layouts.bases.delete(key);
            }
          }
          if (s.layout === "force") forgetLayout(fullGraph);
          relayoutRef.current = true;
          actions.setDraggedPositions(s.layout);
          setBaseSeq((n) => n + 1);
        },
      }),
    [commands, fullGraph],
  );

  return null;
}
