import { describe, expect, it } from "vitest";
import { headlineLoop, hopPhrase, loopSentence } from "../../../src/analysis/headline.ts";
import type { DealType } from "../../../src/domain/schema.ts";

const loop = (
  companies: string[],
  types: DealType[],
  roundTripUsdBn: number,
  timeRespecting: boolean,
  spanMonths: number | null = 3,
) => ({
  companies,
  hops: companies.map((from, i) => ({
    from,
    to: companies[(i + 1) % companies.length]!,
    dominantType: types[i]!,
  })),
  roundTripUsdBn,
  roundTripCeilingUsdBn: roundTripUsdBn,
  hasUnknownAmount: false,
  timeRespecting,
  spanMonths: timeRespecting ? spanMonths : null,
});

describe("analysis/headline", () => {
  describe("headlineLoop", () => {
    it("should prefer the largest loop that came back in order, else the largest", () => {
      const big = loop(["a", "b"], ["equity", "equity"], 100, false);
      const inOrder = loop(["a", "c"], ["equity", "equity"], 10, true);
      expect(headlineLoop([big, inOrder])).toBe(inOrder);
      expect(headlineLoop([big, loop(["x", "y"], ["debt", "debt"], 5, false)])).toBe(big);
      expect(headlineLoop([])).toBeNull();
    });
  });

  describe("loopSentence", () => {
    it("should tell the famous loop in words, with its round trip and how fast it came back", () => {
      const names: Record<string, string> = {
        nvidia: "Nvidia",
        openai: "OpenAI",
        oracle: "Oracle",
      };
      const text = loopSentence(
        loop(
          ["nvidia", "openai", "oracle"],
          ["equity", "cloud-contract", "chip-purchase"],
          30,
          true,
          6,
        ),
        (id) => names[id] ?? id,
      );
      expect(text).toBe(
        "Nvidia invests in OpenAI, OpenAI rents Oracle's cloud, Oracle buys Nvidia's chips: $30 bn came back round within 6 months.",
      );
    });

    it("should say when the deals were not made in the loop's order", () => {
      const text = loopSentence(loop(["a", "b"], ["debt", "other"], 2, false), (id) => id);
      expect(text).toBe(
        "a lends to b, b pays a: $2 bn goes round (the deals were not made in that order).",
      );
      expect(hopPhrase("A", "B", "backstop")).toBe("A backs B's capacity");
    });
  });
});
