/**
 * Timeline: a month slider over the deals' announcement dates, with playback
 * and a small chart of cumulative announced dollars by deal type and the
 * number of loops. The slider sets the "announced to" filter, so loops, risk
 * and the stress test recompute for the window, and the date is in the URL.
 */
import { useEffect, useId, useRef, useState } from "react";
import type { TimelinePoint } from "../../analysis/timeline.ts";
import { formatUsdBn } from "../../domain/money.ts";
import { DEAL_TYPES } from "../../domain/schema.ts";
import { DEAL_TYPE_COLORS, DEAL_TYPE_LABELS } from "../../graph/palette.ts";
import { selectLookups } from "../../state/selectors.ts";
import { actions, useStore } from "../../state/store.ts";
import "./timeline.css";

const SPEEDS = [0.5, 1, 2, 4] as const;
const MONTH_MS = 900;

const monthLabel = (m: string) =>
  new Date(`${m}-01T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

function Chart({ points, index }: { points: readonly TimelinePoint[]; index: number }) {
  const w = 600;
  const h = 44;
  const max = Math.max(
    1,
    ...points.map((p) => Object.values(p.cumulativeUsdBnByType).reduce((a, b) => a + b, 0)),
  );
  const maxLoops = Math.max(1, ...points.map((p) => p.loopCount));
  const x = (i: number) => (points.length <= 1 ? 0 : (i / (points.length - 1)) * w);
  const base = new Array<number>(points.length).fill(0);
  const areas = DEAL_TYPES.map((type) => {
    const top = points.map((p, i) => base[i]! + (p.cumulativeUsdBnByType[type] ?? 0));
    const d =
      points.map((_, i) => `${i === 0 ? "M" : "L"}${x(i)},${h - (top[i]! / max) * h}`).join("") +
      points
        .map((_, i) => points.length - 1 - i)
        .map((i) => `L${x(i)},${h - (base[i]! / max) * h}`)
        .join("") +
      "Z";
    top.forEach((t, i) => (base[i] = t));
    return { type, d };
  });
  const loopsLine = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i)},${h - (p.loopCount / maxLoops) * (h - 2) - 1}`)
    .join("");
  const last = points[index];
  const total = last ? Object.values(last.cumulativeUsdBnByType).reduce((a, b) => a + b, 0) : 0;
  return (
    <figure className="timeline-chart">
      <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
        {areas.map((a) => (
          <path key={a.type} d={a.d} fill={DEAL_TYPE_COLORS[a.type]} opacity={0.55} />
        ))}
        <path d={loopsLine} fill="none" stroke="currentColor" strokeWidth={1.5} />
        <line x1={x(index)} x2={x(index)} y1={0} y2={h} stroke="var(--accent)" strokeWidth={2} />
      </svg>
      <figcaption className="muted">
        {last
          ? `${formatUsdBn(total)} announced by ${monthLabel(last.month)} (areas, by type: ${DEAL_TYPES.filter(
              (t) => (last.cumulativeUsdBnByType[t] ?? 0) > 0,
            )
              .map((t) => DEAL_TYPE_LABELS[t].toLowerCase())
              .join(", ")}); line: ${last.loopCount} loops`
          : ""}
      </figcaption>
    </figure>
  );
}

const NO_MONTHS: readonly string[] = [];
const NO_POINTS: readonly TimelinePoint[] = [];

/** The pipeline's timeline: months of the whole dataset, points for every filter but the dates. */
function useTimelinePoints(): {
  months: readonly string[];
  points: readonly TimelinePoint[];
} {
  const months = useStore((s) => s.analysis?.timeline?.months ?? NO_MONTHS);
  const points = useStore((s) => s.analysis?.timeline?.points ?? NO_POINTS);
  return { months, points };
}

export function Timeline() {
  const id = useId();
  const { months, points } = useTimelinePoints();
  const dateTo = useStore((s) => s.filters.dateTo);
  const { companyById } = useStore(selectLookups);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [announcement, setAnnouncement] = useState("");
  const lastMonth = months.at(-1) ?? null;
  const current = dateTo === null ? lastMonth : dateTo.slice(0, 7);
  const index = Math.max(0, current === null ? 0 : months.findIndex((m) => m >= current));
  const stepRef = useRef<() => boolean>(() => false);

  const goTo = (i: number) => {
    const month = months[i];
    if (!month) return;
    actions.setFilters({ dateTo: i === months.length - 1 ? null : month });
    const point = points.find((p) => p.month === month);
    const names = (ids: readonly string[]) =>
      [...ids, ids[0]!].map((c) => companyById.get(c)?.name ?? c).join(" → ");
    if (point && point.newDealIds.length > 0) actions.flashDeals(point.newDealIds);
    if (point && point.loopsClosed.length > 0) {
      setAnnouncement(
        point.loopsClosed.map((l) => `Loop closed: ${names(l)}, ${month}`).join(". "),
      );
    }
  };

  // NOTE: the interval calls the latest step through a ref, so it need not be
  // restarted whenever the month or the data changes.
  useEffect(() => {
    stepRef.current = () => {
      if (index + 1 >= months.length) return false;
      goTo(index + 1);
      return true;
    };
  });
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      if (!stepRef.current()) setPlaying(false);
    }, MONTH_MS / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);

  if (months.length < 2) return null;
  const play = () => {
    if (!playing && index >= months.length - 1) goTo(0);
    setAnnouncement("");
    setPlaying(!playing);
  };
  return (
    <section className="timeline" aria-label="Timeline of deals">
      {points.length > 0 && <Chart points={points} index={Math.min(index, points.length - 1)} />}
      <div className="timeline-row">
        <button type="button" onClick={play} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label className="visually-hidden" htmlFor={`${id}-speed`}>
          Playback speed
        </label>
        <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <input
          type="range"
          aria-label="Timeline"
          min={0}
          max={months.length - 1}
          value={index}
          aria-valuetext={`${monthLabel(months[index]!)}${index === months.length - 1 ? " (all deals)" : ""}`}
          onChange={(e) => {
            setPlaying(false);
            goTo(Number(e.target.value));
          }}
        />
        <output className="timeline-date" aria-live="off">
          {monthLabel(months[index]!)}
        </output>
      </div>
      <p className="timeline-note muted">
        Deals dated only by year or month count from the start of their period.
      </p>
      <p role="status" aria-live="polite" className="timeline-announce">
        {announcement}
      </p>
    </section>
  );
}
