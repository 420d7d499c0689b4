/**
 * Camera controller (renders nothing): frames the selected loop, focuses the
 * company asked for (`focusRequest`), fits the whole graph on `fitRequest`
 * (dragged nodes included), and starts each new layout fully fitted.
 */
import { useEffect, useRef } from "react";
import type { CameraState } from "sigma/types";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { cameraStateToFit, cameraStateToFocus } from "../../graph/camera.ts";
import { LARGE_GRAPH_NODES } from "../../graph/settings.ts";
import { useStore } from "../../state/store.ts";
import { frameFullGraph } from "./frame.ts";
import { type FlowSigma, useSigma } from "./sigmaContext.ts";

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
  const focusRequest = useStore((s) => s.focusRequest);
  const fitRequest = useStore((s) => s.fitRequest);
  const handledFocus = useRef<number | null>(null);
  const handledFit = useRef(fitRequest);

  useEffect(() => {
    if (ready) sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }, [sigma, ready]);

  useEffect(() => {
    if (!ready || !loopCompanies) return;
    const target = cameraStateToFit(sigma, loopCompanies);
    if (target) moveCamera(sigma, target);
  }, [sigma, ready, loopCompanies]);

  useEffect(() => {
    if (!ready || !focusRequest || handledFocus.current === focusRequest.seq) return;
    handledFocus.current = focusRequest.seq;
    const target = cameraStateToFocus(sigma, focusRequest.id);
    if (target) moveCamera(sigma, target);
  }, [sigma, ready, focusRequest]);

  useEffect(() => {
    if (fitRequest === handledFit.current) return;
    handledFit.current = fitRequest;
    // Dragged nodes may have left the frame: take them in before fitting.
    if (!useStore.getState().layoutRunning) frameFullGraph(sigma, fullGraph);
    moveCamera(sigma, { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }, [sigma, fitRequest, fullGraph]);

  return null;
}
