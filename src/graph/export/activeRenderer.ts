/**
 * The sigma instance exports read from: GraphView registers the on-screen one,
 * and the export controls (anywhere in the app, no props) fetch it. A killed
 * instance unregisters itself through sigma's "kill" event.
 */
import type { FlowSigma } from "./png.ts";

let active: FlowSigma | null = null;

/** Registers the on-screen sigma (idempotent); it drops out when killed. */
export function setActiveRenderer(sigma: FlowSigma | null): void {
  if (sigma === active) return;
  active = sigma;
  sigma?.once("kill", () => {
    if (active === sigma) active = null;
  });
}

/** The on-screen sigma, or null before the graph is drawn. */
export function getActiveRenderer(): FlowSigma | null {
  return active;
}
