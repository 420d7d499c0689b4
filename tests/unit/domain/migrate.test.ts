import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDataset, migrateV1ToV2 } from "../../../src/domain/migrate.ts";
import { parseImportText } from "../../../src/domain/importText.ts";
import { formatProblem } from "../../../src/domain/problems.ts";
import { SCHEMA_VERSION } from "../../../src/domain/schema.ts";
import {
  parseDatasetJson,
  serializeDatasetJson,
  validateDataset,
} from "../../../src/domain/validate.ts";
import { migrateRecord } from "../../../src/state/persistence.ts";

const V1_DIR = join(import.meta.dirname, "../../../data/fixtures/v1");
const v1Files = readdirSync(V1_DIR).filter((f) => f.endsWith(".json"));
const readV1 = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(V1_DIR, name), "utf8")) as Record<string, unknown>;

describe("domain/migrate", () => {
  describe("migrateDataset", () => {
    it("should refuse a newer schema, naming both versions", () => {
      expect(migrateDataset({ schemaVersion: 9 })).toEqual({
        ok: false,
        reason: "schema 9 was written by a newer version of Ouroboros (this one reads up to 2)",
      });
      expect(migrateDataset({ schemaVersion: 0 })).toEqual({
        ok: false,
        reason: "schema 0 is an older format that cannot be converted",
      });
    });

    it("should pass through what declares no version, for validation to name", () => {
      expect(migrateDataset("x")).toEqual({ ok: true, value: "x", fromVersion: null });
      expect(migrateDataset({ deals: [] })).toMatchObject({ ok: true, fromVersion: null });
      const r = validateDataset({ schemaVersion: 9, deals: [] });
      expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
        "schemaVersion: schema 9 was written by a newer version of Ouroboros (this one reads up to 2)",
      ]);
    });

    it("should give v1 deals the reported tier and keep a tier already there", () => {
      const out = migrateV1ToV2({
        schemaVersion: 1,
        deals: [{ id: "a" }, { id: "b", evidence: "filing" }, "junk"],
      });
      expect(out).toEqual({
        schemaVersion: 2,
        deals: [{ id: "a", evidence: "reported" }, { id: "b", evidence: "filing" }, "junk"],
      });
    });

    it("should never change its input", () => {
      const input = readV1("tiny-v1.json");
      const before = JSON.stringify(input);
      migrateDataset(input);
      expect(JSON.stringify(input)).toBe(before);
    });
  });

  describe("v1 fixtures", () => {
    it("should hold the old default dataset, a small file and a saved IndexedDB record", () => {
      expect(v1Files.sort()).toEqual([
        "ai-circular-deals-v1.json",
        "indexeddb-record-v1.json",
        "tiny-v1.json",
      ]);
    });

    for (const name of v1Files.filter((f) => !f.startsWith("indexeddb"))) {
      it(`should open ${name} as v2 and round-trip it unchanged`, async () => {
        const text = readFileSync(join(V1_DIR, name), "utf8");
        const { format, result } = await parseImportText(text, name);
        expect(format).toBe("json");
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
        expect(result.value.schemaVersion).toBe(SCHEMA_VERSION);
        expect(result.value.deals.every((d) => d.evidence === "reported")).toBe(true);
        const v1 = readV1(name) as { deals: unknown[] };
        expect(result.value.deals).toHaveLength(v1.deals.length);
        const again = parseDatasetJson(serializeDatasetJson(result.value));
        expect(again.ok && again.value).toEqual(result.value);
      });
    }

    it("should open a v1 IndexedDB record as v2", () => {
      const record = readV1("indexeddb-record-v1.json");
      const migrated = migrateRecord(record);
      if ("reason" in migrated) throw new Error(migrated.reason);
      expect(migrated.migrated).toBe(true);
      const r = validateDataset(migrated.dataset);
      expect(r.ok && r.value.schemaVersion).toBe(2);
    });
  });
});
