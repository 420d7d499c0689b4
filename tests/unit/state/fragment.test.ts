import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_FRAGMENT_BYTES,
  MAX_UNPACKED_BYTES,
  decodeDatasetFragment,
  encodeDatasetFragment,
} from "../../../src/state/url/fragment.ts";
import { DEFAULT_DATASET } from "../../../src/state/store.ts";
import { tinyDataset } from "../domain/fixtures.ts";

describe("state/url/fragment", () => {
  describe("decodeDatasetFragment", () => {
    it("should refuse damaged data with a readable problem", async () => {
      const r = await decodeDatasetFragment("#data=!!!not-base64");
      expect(r?.ok).toBe(false);
      expect(r?.problems[0]?.message).toMatch(/base64url|damaged/);
      const r2 = await decodeDatasetFragment("#data=AAAA");
      expect(r2?.ok).toBe(false);
    });

    it("should refuse a small link that unpacks to a huge dataset, without unpacking it all", async () => {
      // A 30 MB name compresses to about 30 KB.
      const bomb = { ...tinyDataset(), title: "x".repeat(30 * 1024 * 1024) };
      const json = new TextEncoder().encode(JSON.stringify(bomb));
      const packed = new Uint8Array(
        await new Response(
          new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw")),
        ).arrayBuffer(),
      );
      expect(packed.length).toBeLessThan(MAX_FRAGMENT_BYTES * 4);
      let bin = "";
      for (const b of packed) bin += String.fromCharCode(b);
      const payload = btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const r = await decodeDatasetFragment(`#data=${payload}`);
      expect(r?.ok).toBe(false);
      expect(r?.problems[0]?.message).toBe(
        "the data in the link unpacks to more than 1 MB, more than a link may carry",
      );
      expect(MAX_UNPACKED_BYTES).toBeLessThan(json.length / 10);
    });

    it("should return null without a data fragment", async () => {
      expect(await decodeDatasetFragment("")).toBeNull();
      expect(await decodeDatasetFragment("#other=1")).toBeNull();
    });

    it("should never throw on random fragments", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
          const r = await decodeDatasetFragment(`#data=${s}`);
          expect(r === null || typeof r.ok === "boolean").toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("encodeDatasetFragment", () => {
    it("should round-trip a small dataset", async () => {
      const enc = await encodeDatasetFragment(tinyDataset());
      expect(enc.ok).toBe(true);
      if (!enc.ok) return;
      expect(enc.bytes).toBeLessThanOrEqual(MAX_FRAGMENT_BYTES);
      const back = await decodeDatasetFragment(`#${enc.fragment}`);
      expect(back).toMatchObject({ ok: true, value: tinyDataset() });
    });

    it("should say when a dataset is too large for a link", async () => {
      const enc = await encodeDatasetFragment(DEFAULT_DATASET);
      expect(enc.ok).toBe(false);
      expect(enc.bytes).toBeGreaterThan(MAX_FRAGMENT_BYTES);
    });
  });
});
