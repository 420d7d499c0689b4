/**
 * Edge tooltip: while the pointer is on an edge, a small box near it lists the
 * hop's deals (type, amount, announcement date). Reads the hovered edge from
 * the store and follows the pointer through sigma's mouse captor.
 */
import { useEffect, useState } from "react";
import type { MouseCoords, SigmaEdgeEventPayload } from "sigma/types";
import { formatDealAmount } from "../../domain/money.ts";
import { hopKey } from "../../analysis/hops.ts";
import { DEAL_TYPE_COLORS, DEAL_TYPE_LABELS } from "../../graph/palette.ts";
import { nameOf, selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { useSigma } from "../controllers/sigmaContext.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const OFFSET_PX = 14;
const WIDTH_PX = 260;

/** "2025", "Sep 2025", "22 Sep 2025", or "undated". */
function announcedText(date: string | undefined): string {
  if (!date) return "undated";
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function EdgeTooltip() {
  const sigma = useSigma();
  const hovered = useStore((s) => s.hoveredEdge);
  const { dealById } = useStore(selectLookups);
  const names = useStore((s) =>
    hovered ? `${nameOf(s, hovered.from)} → ${nameOf(s, hovered.to)}` : "",
  );
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const captor = sigma.getMouseCaptor();
    let onEdge = false;
    const onEnter = ({ event }: SigmaEdgeEventPayload) => {
      onEdge = true;
      setPointer({ x: event.x, y: event.y });
    };
    const onLeave = () => {
      onEdge = false;
      setPointer(null);
    };
    const onMove = (e: MouseCoords) => {
      if (onEdge) setPointer({ x: e.x, y: e.y });
    };
    sigma.on("enterEdge", onEnter);
    sigma.on("leaveEdge", onLeave);
    captor.on("mousemovebody", onMove);
    return () => {
      sigma.off("enterEdge", onEnter);
      sigma.off("leaveEdge", onLeave);
      captor.off("mousemovebody", onMove);
    };
  }, [sigma]);

  if (!hovered || !pointer) return null;
  // The drawn edge lists its (filtered) deals: O(deals on the hop), not O(all deals).
  const graph = sigma.getGraph();
  const key = hopKey(hovered.from, hovered.to);
  const hop = graph.hasEdge(key)
    ? graph.getEdgeAttribute(key, "dealIds").flatMap((id) => dealById.get(id) ?? [])
    : [];
  if (hop.length === 0) return null;
  const { width } = sigma.getDimensions();
  const left =
    pointer.x + OFFSET_PX + WIDTH_PX > width
      ? pointer.x - OFFSET_PX - WIDTH_PX
      : pointer.x + OFFSET_PX;
  return (
    <div
      className="edge-tooltip"
      role="tooltip"
      style={{ left: Math.max(4, left), top: pointer.y + OFFSET_PX, width: WIDTH_PX }}
    >
      <div className="edge-tooltip__title">{names}</div>
      <ul className="edge-tooltip__deals">
        {hop.map((d) => (
          <li key={d.id}>
            <span
              className="edge-tooltip__swatch"
              style={{ background: DEAL_TYPE_COLORS[d.type] }}
              aria-hidden="true"
            />
            <span className="edge-tooltip__type">{DEAL_TYPE_LABELS[d.type]}</span>
            <span className="edge-tooltip__amount">
              {formatDealAmount(d.amountUsdBn, d.amountQualifier)}
            </span>
            <span className="edge-tooltip__date">{announcedText(d.announced)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
