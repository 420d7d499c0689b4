/**
 * Camera controller (renders nothing): frames the selected loop, answers the
 * `focus` and `fit` graph commands (fit takes in dragged nodes too), and
 * starts each new layout fully fitted.
 */
import { useEffect } from "react";
import type { CameraState } from "sigma/types";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { cameraStateToFit, cameraStateToFocus } from "../../graph/camera.ts";
import { LARGE_GRAPH_NODES } from "../../graph/settings.ts";
import { useStore } from "../../state/store.ts";
import { frameFullGraph } from "./frame.ts";
import { type FlowSigma, useGraphCommands, useSigma } from "./sigmaContext.ts";

const ANIMATION_MS = 500;

const prefersReducedMotion = () =>
  typeof window.matchMedia === "function" &&
  window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Moves the camera, animated unless the user asks for reduced motion or the
 * graph is large. NOTE: every animation frame redraws the graph, and in
 * software WebGL a frame of a 7,000-edge graph takes about half a second, so
 * an animation there only stutters.
 */
function moveCamera(sigma: FlowSigma, state: Partial<CameraState>): void {
  const camera = sigma.getCamera();
  if (sigma.getGraph().order > LARGE_GRAPH_NODES || prefersReducedMotion()) {
    camera.setState(state);
  } else void camera.animate(state, { duration: ANIMATION_MS });
}

export function CameraController({ ready, fullGraph }: { ready: boolean; fullGraph: FlowGraph }) {
  const sigma = useSigma();
  const loopCompanies = useStore((s) =>
    s.selection.kind === "loop" ? s.selection.companies : null,
  );
  const commands = useGraphCommands();

  useEffect(() => {
    if (ready) sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }, [sigma, ready]);

  useEffect(() => {
    if (!ready || !loopCompanies) return;
    const target = cameraStateToFit(sigma, loopCompanies);
    if (target) moveCamera(sigma, target);
  }, [sigma, ready, loopCompanies]);

  useEffect(() => {
    if (!ready) return;
    return commands.attach({
      focus(companyId) {
        const target = cameraStateToFocus(sigma, companyId);
        if (target) moveCamera(sigma, target);
      },
      fit() {
        // Dragged nodes may have left the frame: take them in before fitting.
        if (!useStore.getState().layoutRunning) frameFullGraph(sigma, fullGraph);
        moveCamera(sigma, { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      },
    });
  }, [sigma, ready, fullGraph, commands]);

  return null;
}
