/**
 * Camera controller (renders nothing): starts each new graph fitted into the
 * part of the view the legend and the other overlays leave free; frames a
 * selected loop (its members) or company (with all its counterparties), and
 * answers the `focus` and `fit` graph commands the same way.
 */
import { useEffect, useRef } from "react";
import type { CameraState } from "sigma/types";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { nodeKey } from "../../graph/nodeKeys.ts";
import { LARGE_GRAPH_NODES } from "../../graph/settings.ts";
import type { Selection } from "../../state/model.ts";
import { useStore } from "../../state/store.ts";
import { cameraToShow, fittedCamera } from "./frame.ts";
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

/** A company and every counterparty it has in the drawn graph, as node keys. */
function neighbourhoodOf(sigma: FlowSigma, company: string): string[] | null {
  const graph = sigma.getGraph();
  const key = nodeKey(company);
  if (!graph.hasNode(key)) return null;
  return [key, ...graph.neighbors(key)];
}

/** The nodes a selection is framed on, or null for a selection that leaves the camera be. */
function selectionNodes(sigma: FlowSigma, selection: Selection): string[] | null {
  if (selection.kind === "loop") return selection.companies.map(nodeKey);
  if (selection.kind === "company") return neighbourhoodOf(sigma, selection.id);
  return null;
}

export function CameraController({ ready, fullGraph }: { ready: boolean; fullGraph: FlowGraph }) {
  const sigma = useSigma();
  const selection = useStore((s) => s.selection);
  const commands = useGraphCommands();
  // NOTE: the graph is read through a ref: a new graph alone (a filter change)
  // must not move the camera, only a new selection or the graph becoming ready.
  const fullGraphRef = useRef(fullGraph);
  useEffect(() => {
    fullGraphRef.current = fullGraph;
  });

  useEffect(() => {
    if (!ready) return;
    sigma.getCamera().setState({ ...fittedCamera(sigma, fullGraphRef.current), angle: 0 });
  }, [sigma, ready]);

  useEffect(() => {
    if (!ready) return;
    const nodes = selectionNodes(sigma, selection);
    const target = nodes && cameraToShow(sigma, fullGraphRef.current, nodes);
    if (target) moveCamera(sigma, target);
  }, [sigma, ready, selection]);

  useEffect(() => {
    if (!ready) return;
    return commands.attach({
      focus(companyId) {
        const nodes = neighbourhoodOf(sigma, companyId);
        const target = nodes && cameraToShow(sigma, fullGraph, nodes);
        if (target) moveCamera(sigma, target);
      },
      fit() {
        moveCamera(sigma, { ...fittedCamera(sigma, fullGraph), angle: 0 });
      },
    });
  }, [sigma, ready, fullGraph, commands]);

  return null;
}
