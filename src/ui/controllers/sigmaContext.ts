/**
 * The sigma instance the controllers drive, shared through React context so
 * they need no props. GraphView provides it once sigma exists.
 */
import { createContext, useContext } from "react";
import type Sigma from "sigma";
import type { FlowEdgeAttributes, FlowNodeAttributes } from "../../graph/buildGraph.ts";

export type FlowSigma = Sigma<FlowNodeAttributes, FlowEdgeAttributes>;

export const SigmaContext = createContext<FlowSigma | null>(null);

/** The sigma instance; throws when used outside GraphView. */
export function useSigma(): FlowSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error("ui/controllers: useSigma must be used inside <GraphView>");
  return sigma;
}
