/**
 * Camera sync controller (renders nothing): keeps the store's `camera` (which
 * the URL carries) in step with sigma's camera, and answers the `moveCamera`
 * graph command (e.g. a shared link being opened).
 *
 * The fitted default view (`fittedCamera`, which depends on the screen) is
 * reported as null, so links stay short and open fitted on any screen. The
 * command is answered only once the graph is drawn and the analysis has
 * settled (earlier calls wait in the command hub), because the link's
 * selection is restored then and framing a loop would move the camera; so the
 * link's camera wins.
 */
import { useEffect, useRef } from "react";
import type { FlowGraph } from "../../graph/buildGraph.ts";
import { type ViewCamera, roundCamera } from "../../state/url/codec.ts";
import { actions, useStore } from "../../state/store.ts";
import { fittedCamera } from "./frame.ts";
import { useGraphCommands, useSigma } from "./sigmaContext.ts";

/** Quiet time after the last camera move before it is reported. */
const REPORT_DELAY_MS = 300;

const sameCamera = (a: ViewCamera | null, b: ViewCamera | null) =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.ratio === b.ratio);

export function CameraSyncController({
  ready,
  fullGraph,
}: {
  ready: boolean;
  fullGraph: FlowGraph;
}) {
  const sigma = useSigma();
  const commands = useGraphCommands();
  const analysisSettled = useStore(
    (s) => s.analysisStatus === "done" || s.analysisStatus === "error",
  );
  const fullGraphRef = useRef(fullGraph);
  useEffect(() => {
    fullGraphRef.current = fullGraph;
  });

  useEffect(() => {
    if (!ready) return;
    const camera = sigma.getCamera();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      const state = roundCamera(camera.getState());
      const next = sameCamera(state, roundCamera(fittedCamera(sigma, fullGraphRef.current)))
        ? null
        : state;
      if (!sameCamera(next, useStore.getState().camera)) actions.setCamera(next);
    };
    const onUpdated = () => {
      clearTimeout(timer);
      timer = setTimeout(report, REPORT_DELAY_MS);
    };
    camera.on("updated", onUpdated);
    return () => {
      clearTimeout(timer);
      camera.off("updated", onUpdated);
    };
  }, [sigma, ready]);

  useEffect(() => {
    if (!ready || !analysisSettled) return;
    return commands.attach({
      moveCamera(target) {
        // NOTE: a new animation cancels one in progress (a loop being framed);
        // with a 1 ms duration it lands on the next frame.
        void sigma.getCamera().animate({ ...target, angle: 0 }, { duration: 1 });
      },
    });
  }, [sigma, ready, analysisSettled, commands]);

  return null;
}
