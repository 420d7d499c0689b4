/**
 * Events controller (renders nothing): sigma pointer events to store actions.
 * Clicking a node or an edge selects it and opens its details; hovering
 * highlights a node's neighbourhood or shows an edge's tooltip. Clicking the
 * empty stage does nothing (Escape clears the selection, handled by the app).
 */
import { useEffect } from "react";
import type { SigmaEdgeEventPayload, SigmaNodeEventPayload } from "sigma/types";
import { actions } from "../../state/store.ts";
import { companyOf } from "../../graph/nodeKeys.ts";
import { useSigma } from "./sigmaContext.ts";

export function EventsController() {
  const sigma = useSigma();
  useEffect(() => {
    const container = sigma.getContainer();
    const endsOf = (edge: string) => {
      const graph = sigma.getGraph();
      return { from: companyOf(graph.source(edge)), to: companyOf(graph.target(edge)) };
    };
    const clickNode = ({ node }: SigmaNodeEventPayload) =>
      actions.selectCompany(companyOf(node), { openDetails: true });
    const clickEdge = ({ edge }: SigmaEdgeEventPayload) => {
      const { from, to } = endsOf(edge);
      actions.selectEdge(from, to, { openDetails: true });
    };
    const enterNode = ({ node }: SigmaNodeEventPayload) => {
      container.style.cursor = "pointer";
      actions.hoverNode(companyOf(node));
    };
    const leaveNode = () => {
      container.style.cursor = "";
      actions.hoverNode(null);
    };
    const enterEdge = ({ edge }: SigmaEdgeEventPayload) => {
      container.style.cursor = "pointer";
      actions.hoverEdge(endsOf(edge));
    };
    const leaveEdge = () => {
      container.style.cursor = "";
      actions.hoverEdge(null);
    };
    sigma.on("clickNode", clickNode);
    sigma.on("clickEdge", clickEdge);
    sigma.on("enterNode", enterNode);
    sigma.on("leaveNode", leaveNode);
    sigma.on("enterEdge", enterEdge);
    sigma.on("leaveEdge", leaveEdge);
    return () => {
      sigma.off("clickNode", clickNode);
      sigma.off("clickEdge", clickEdge);
      sigma.off("enterNode", enterNode);
      sigma.off("leaveNode", leaveNode);
      sigma.off("enterEdge", enterEdge);
      sigma.off("leaveEdge", leaveEdge);
      container.style.cursor = "";
    };
  }, [sigma]);
  return null;
}
