/**
 * The first screen's story: which loop to open on, and one sentence on it.
 *
 * The headline loop is the time-respecting loop with the largest round trip
 * (money that came back round, in order, within the window); when no loop came
 * back in order, the loop with the largest round trip. The sentence walks the
 * loop's hops with a verb for each hop's main deal type, then says how much
 * came back round and how fast: "Nvidia invests in OpenAI, OpenAI rents
 * Oracle's cloud, Oracle buys Nvidia's chips: at least $30 bn came back round
 * within 6 months." Amounts are worded by `hops.ts`, so the sentence says what
 * the Loops panel says. O(L) for L loops.
 *
 * Reference: `hops.ts` (`formatRoundTrip`); `timeOrder.ts` (spans).
 */
import type { DealType } from "../domain/schema.ts";
import { type Hop, formatRoundTrip } from "./hops.ts";
import type { LoopReport } from "./loops.ts";

type HeadlineLoop = Pick<
  LoopReport,
  | "companies"
  | "roundTripUsdBn"
  | "roundTripCeilingUsdBn"
  | "hasUnknownAmount"
  | "timeRespecting"
  | "spanMonths"
> & { readonly hops: readonly Pick<Hop, "from" | "to" | "dominantType">[] };

/** The loop a first screen opens on, or null when there is none. */
export function headlineLoop<L extends HeadlineLoop>(loops: readonly L[]): L | null {
  const inOrder = loops.filter((l) => l.timeRespecting);
  const pool = inOrder.length > 0 ? inOrder : loops;
  let best: L | null = null;
  for (const loop of pool) {
    if (
      best === null ||
      loop.roundTripUsdBn > best.roundTripUsdBn ||
      (loop.roundTripUsdBn === best.roundTripUsdBn && loop.companies.length < best.companies.length)
    ) {
      best = loop;
    }
  }
  return best;
}

/** "A invests in B", "A rents B's cloud"…: what the payer does with the payee's money. */
export function hopPhrase(from: string, to: string, type: DealType): string {
  switch (type) {
    case "equity":
      return `${from} invests in ${to}`;
    case "debt":
      return `${from} lends to ${to}`;
    case "cloud-contract":
      return `${from} rents ${to}'s cloud`;
    case "chip-purchase":
      return `${from} buys ${to}'s chips`;
    case "backstop":
      return `${from} backs ${to}'s capacity`;
    default:
      return `${from} pays ${to}`;
  }
}

/** The months in words: "within the month", "within 6 months". */
function within(months: number): string {
  if (months <= 0) return "within the month";
  return months === 1 ? "within a month" : `within ${months} months`;
}

/** One sentence on a loop: its hops in words, then how much came back round and how fast. */
export function loopSentence(loop: HeadlineLoop, nameOf: (id: string) => string): string {
  const steps = loop.hops.map((hop) =>
    hopPhrase(nameOf(hop.from), nameOf(hop.to), hop.dominantType),
  );
  const amount = formatRoundTrip(loop);
  const how =
    loop.timeRespecting && loop.spanMonths !== null
      ? `came back round ${within(loop.spanMonths)}`
      : "goes round (the deals were not made in that order)";
  return `${steps.join(", ")}: ${amount} ${how}.`;
}
