/**
 * How the UI reaches the graph: the sigma instance and the graph commands,
 * both through React context. The app provides them at its root (so the
 * export controls in the header see the same sigma the controllers drive);
 * GraphView creates the sigma instance and reports it up.
 */
import { createContext, useCallback, useContext } from "react";
import type Sigma from "sigma";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "../../graph/buildGraph.ts";
import { type GraphCommands, NO_GRAPH_COMMANDS } from "../../state/graphCommands.ts";
import { actions } from "../../state/store.ts";

export type FlowSigma = Sigma<FlowNodeAttributes, FlowEdgeAttributes>;

export const SigmaContext = createContext<FlowSigma | null>(null);

/** The sigma instance; throws when used outside GraphView. */
export function useSigma(): FlowSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error("ui/controllers: useSigma must be used inside <GraphView>");
  return sigma;
}

/** The sigma instance, or null before the graph exists. */
export function useOptionalSigma(): FlowSigma | null {
  return useContext(SigmaContext);
}

export const GraphCommandsContext = createContext<GraphCommands>(NO_GRAPH_COMMANDS);

/** Fit, re-layout, focus and camera moves: calls the graph's controllers answer. */
export function useGraphCommands(): GraphCommands {
  return useContext(GraphCommandsContext);
}

/** A function that selects a company and moves the camera to it. */
export function useSelectAndFocus(): (id: string, options?: { openDetails?: boolean }) => void {
  const commands = useGraphCommands();
  return useCallback(
    (id, options = {}) => {
      actions.selectCompany(id, options);
      commands.focus(id);
    },
    [commands],
  );
}
