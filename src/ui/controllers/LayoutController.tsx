/**
 * Layout controller (renders nothing): gives the full dataset graph its
 * positions (from the cache, or by running the layout) and re-runs the layout
 * when the `relayout` graph command is called. Positions live on the full graph;
 * each layout tick is copied onto the graph sigma draws, so the run animates.
 */
import { useEffect, useRef } from "react";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { type ForceLayoutRun, runForceLayout } from "../../graph/forceLayoutRun.ts";
import {
  SYNC_LAYOUT_MAX_ORDER,
  assignInitialPositions,
  forceLayoutIterations,
  relaxLayoutSync,
} from "../../graph/layout.ts";
import { applyPositions, copyPositions } from "../../graph/positions.ts";
import { actions } from "../../state/store.ts";
import { frameFullGraph } from "./frame.ts";
import { loadLayout, saveLayout } from "./layoutStorage.ts";
import { type FlowSigma, useGraphCommands, useSigma } from "./sigmaContext.ts";

/** Wall-time safety cap of a worker run; iteration counts normally stop it well before. */
export const MAX_LAYOUT_MS = 3000;
/** Shortest interval between two animation frames of a running layout. */
const TICK_COPY_MS = 150;

const SETTLED: ForceLayoutRun = {
  done: Promise.resolve({ iterations: 0, reason: "converged" }),
  stop() {},
};

function startRun(sigma: FlowSigma, fullGraph: FlowGraph, fromCurrent: boolean): ForceLayoutRun {
  // The caller has placed the nodes; relaxing from the start circle = computeLayoutSync.
  if (!fromCurrent && fullGraph.order <= SYNC_LAYOUT_MAX_ORDER) {
    relaxLayoutSync(fullGraph);
    return SETTLED;
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
    copyPositions(fullGraph, sigma.getGraph());
  };
  if (typeof Worker !== "undefined") {
    try {
      return runForceLayout(fullGraph, {
        maxIterations: forceLayoutIterations(fullGraph.order),
        maxMs: MAX_LAYOUT_MS,
        onTick,
      });
    } catch {
      // Worker creation can fail (CSP, sandbox): fall through to the synchronous layout.
    }
  }
  relaxLayoutSync(fullGraph);
  return SETTLED;
}

export function LayoutController(props: {
  fullGraph: FlowGraph;
  onPositioned: (fullGraph: FlowGraph) => void;
}) {
  const { fullGraph, onPositioned } = props;
  const sigma = useSigma();
  const commands = useGraphCommands();
  const runRef = useRef<ForceLayoutRun | null>(null);

  const launch = (fromCurrent: boolean) => {
    runRef.current?.stop();
    if (!fromCurrent) assignInitialPositions(fullGraph);
    const run = startRun(sigma, fullGraph, fromCurrent);
    runRef.current = run;
    void run.done.then(() => {
      if (runRef.current !== run) return;
      runRef.current = null;
      copyPositions(fullGraph, sigma.getGraph());
      frameFullGraph(sigma, fullGraph);
      saveLayout(fullGraph);
      actions.setLayoutRunning(false);
      onPositioned(fullGraph);
      // A re-run moves everything: show all of it.
      if (fromCurrent) commands.fit();
    });
  };
  const launchRef = useRef(launch);
  useEffect(() => {
    launchRef.current = launch;
  });

  useEffect(() => {
    const cached = loadLayout(fullGraph);
    if (cached) {
      applyPositions(fullGraph, cached);
      copyPositions(fullGraph, sigma.getGraph());
      frameFullGraph(sigma, fullGraph);
      onPositioned(fullGraph);
    } else launchRef.current(false);
    // Any run still going (first layout or a re-run) belongs to this graph: stop it.
    return () => {
      const run = runRef.current;
      runRef.current = null;
      if (run) {
        run.stop();
        actions.setLayoutRunning(false);
      }
    };
  }, [sigma, fullGraph, onPositioned]);

  useEffect(() => commands.attach({ relayout: () => launchRef.current(true) }), [commands]);

  return null;
}
