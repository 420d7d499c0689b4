import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEAL_STATUSES, DEAL_TYPES, EVIDENCE_TIERS } from "../../../src/domain/schema.ts";
import { MAX_DRAGGED_COORDINATE } from "../../../src/graph/layouts/dragged.ts";
import { LAYOUT_KINDS } from "../../../src/graph/layouts/layoutKinds.ts";
import {
  DEFAULT_VIEW,
  VIEW_TABS,
  type ViewState,
  decodeView,
  encodeView,
  roundCamera,
} from "../../../src/state/url/codec.ts";

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const month = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
const selection = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc
    .uniqueArray(id, { minLength: 2, maxLength: 6 })
    .map((companies) => ({ kind: "loop" as const, companies })),
  id.map((x) => ({ kind: "company" as const, id: x })),
  fc
    .uniqueArray(id, { minLength: 2, maxLength: 2 })
    .map(([from, to]) => ({ kind: "edge" as const, from: from!, to: to! })),
);
const subset = <T extends string>(all: readonly T[]) =>
  fc.subarray([...all]).map((xs) => all.filter((x) => xs.includes(x)));
/** Any id a link may carry positions for, hostile ones included. */
const anyId = fc.oneof(
  id,
  fc.constantFrom("__proto__", "constructor", "a,b", "c:d", "e;f", "g%h", "sp ace", "é+ü", "x=y&z"),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const coordinate = fc.integer({ min: -MAX_DRAGGED_COORDINATE, max: MAX_DRAGGED_COORDINATE });
const positions = fc
  .uniqueArray(fc.tuple(anyId, coordinate, coordinate), { maxLength: 6, selector: ([k]) => k })
  .map((rows) => new Map(rows.map(([k, x, y]) => [k, { x, y }])));
const view: fc.Arbitrary<ViewState> = fc.record({
  selection,
  filters: fc.record({
    types: subset(DEAL_TYPES),
    statuses: subset(DEAL_STATUSES),
    evidence: subset(EVIDENCE_TIERS),
    minAmountUsdBn: fc
      .double({ min: 0, max: 5000, noNaN: true })
      .map((n) => Math.round(n * 1e4) / 1e4),
    includeUndisclosed: fc.boolean(),
    dateFrom: fc.option(month, { nil: null }),
    dateTo: fc.option(month, { nil: null }),
  }),
  maxLength: fc.integer({ min: 2, max: 12 }),
  windowMonths: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  tab: fc.constantFrom(...VIEW_TABS),
  options: fc.record({ mergeVehicles: fc.boolean() }),
  stress: fc.record({
    shocked: fc.uniqueArray(id, { maxLength: 4 }),
    shortfallPct: fc.integer({ min: 0, max: 100 }),
    thresholdPct: fc.integer({ min: 0, max: 100 }),
  }),
  camera: fc.option(
    fc
      .record({
        // Valid views keep the camera within its own limits (links beyond them are clamped).
        x: fc.double({ min: -1, max: 2, noNaN: true }),
        y: fc.double({ min: -1, max: 2, noNaN: true }),
        ratio: fc.double({ min: 0.05, max: 4, noNaN: true }),
      })
      .map(roundCamera)
      .filter((c) => c.ratio > 0),
    { nil: null },
  ),
  layout: fc.constantFrom(...LAYOUT_KINDS),
  positions,
});

describe("state/url/codec", () => {
  describe("decodeView", () => {
    it("should ignore unknown and malformed parameters, naming each", () => {
      const { view, ignored } = decodeView(
        "?v=1&foo=bar&loop=nvidia&len=99&cam=1,2&types=equity,loan&tab=x",
      );
      expect(view).toEqual(DEFAULT_VIEW);
      expect(ignored).toHaveLength(6);
      expect(ignored[0]).toBe('unknown parameter "foo"');
      expect(ignored.join("\n")).toMatch(/"loop=nvidia": not a loop/);
    });

    it("should read the default view from an empty query", () => {
      expect(decodeView("")).toEqual({ view: DEFAULT_VIEW, story: null, ignored: [] });
      expect(decodeView("?")).toEqual({ view: DEFAULT_VIEW, story: null, ignored: [] });
    });

    it("should read a readable URL", () => {
      const { view, ignored } = decodeView(
        "v=1&loop=nvidia.openai.oracle&types=equity,chip-purchase&min=5&undisc=0&from=2025-01&len=4&tab=risk&cam=0.5,0.25,1.5",
      );
      expect(ignored).toEqual([]);
      expect(view.selection).toEqual({ kind: "loop", companies: ["nvidia", "openai", "oracle"] });
      expect(view.filters.types).toEqual(["equity", "chip-purchase"]);
      expect(view.filters).toMatchObject({
        minAmountUsdBn: 5,
        includeUndisclosed: false,
        dateFrom: "2025-01",
      });
      expect(view).toMatchObject({
        maxLength: 4,
        tab: "risk",
        camera: { x: 0.5, y: 0.25, ratio: 1.5 },
      });
    });

    it("should read the evidence filter, the status filter and the vehicle merge", () => {
      const { view, ignored } = decodeView(
        "v=1&status=signed,closed,superseded&evid=filing,reported,estimate&merge=1",
      );
      expect(ignored).toEqual([]);
      expect(view.filters.statuses).toEqual(["signed", "closed", "superseded"]);
      expect(view.filters.evidence).toEqual(["filing", "reported", "estimate"]);
      expect(view.options.mergeVehicles).toBe(true);
      expect(decodeView("evid=rumour&merge=yes").ignored).toEqual([
        '"evid=rumour": evidence tiers are filing, reported, estimate, inferred',
        '"merge=yes": must be 0 or 1',
      ]);
    });

    it("should leave superseded and cancelled deals out by default and say so when ticked", () => {
      expect(DEFAULT_VIEW.filters.statuses).not.toContain("superseded");
      expect(DEFAULT_VIEW.filters.statuses).not.toContain("cancelled");
      const ticked = {
        ...DEFAULT_VIEW,
        filters: { ...DEFAULT_VIEW.filters, statuses: [...DEAL_STATUSES] },
      };
      expect(encodeView(ticked)).toBe(
        "v=1&status=announced,signed,closed,stalled,revised,superseded,cancelled",
      );
    });

    it("should never throw on random strings", () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
          const r = decodeView(s);
          expect(r.view).toBeDefined();
        }),
        { numRuns: 3000 },
      );
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.constantFrom(
                "v",
                "loop",
                "co",
                "edge",
                "types",
                "min",
                "len",
                "cam",
                "tab",
                "from",
                "zz",
              ),
              fc.string(),
            ),
            { maxLength: 8 },
          ),
          (pairs) => {
            const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
            const r = decodeView(q);
            expect(Array.isArray(r.ignored)).toBe(true);
          },
        ),
        { numRuns: 3000 },
      );
    });
  });

  describe("encodeView", () => {
    it("should write only v=1 for the default view", () => {
      expect(encodeView(DEFAULT_VIEW)).toBe("v=1");
    });

    it("should round-trip every valid view", () => {
      fc.assert(
        fc.property(view, (v) => {
          const { view: back, ignored } = decodeView(encodeView(v));
          expect(ignored).toEqual([]);
          expect(back).toEqual(v);
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe("state/url/codec hostile values", () => {
  it("should clamp a camera and a minimum beyond their ranges, and say so", () => {
    const { view, ignored } = decodeView("v=1&cam=1e308,-1e308,1e308&min=1e308");
    expect(view.camera).toEqual({ x: 2, y: -1, ratio: 4 });
    expect(view.filters.minAmountUsdBn).toBe(10_000);
    expect(ignored).toEqual([
      '"cam=1e308,-1e308,1e308": outside the camera\'s range (centre -1 to 2, zoom 0.05 to 4); clamped',
      '"min=1e308": more than the largest deal amount; 10000 is used',
    ]);
    // What the app writes back is finite and reads back the same.
    const again = decodeView(encodeView(view));
    expect(again.ignored).toEqual([]);
    expect(again.view.camera).toEqual(view.camera);
  });
});

describe("state/url/codec layouts and dragged positions", () => {
  it("should refuse an unknown layout and malformed positions, naming each", () => {
    const { view, ignored } = decodeView("v=1&layout=spiral&pos=nvidia:1.5,2;openai:3");
    expect(view.layout).toBe("force");
    expect(view.positions.size).toBe(0);
    expect(ignored).toEqual([
      '"layout=spiral": layouts are force, circle, role',
      '"pos=nvidia:1.5,2;openai:3": positions must be id:x,y entries joined by ";", whole numbers within ±1000000',
    ]);
    expect(decodeView("pos=a:1,2;a:3,4").ignored).toEqual([
      '"pos=a:1,2;a:3,4": company "a" is given twice',
    ]);
    expect(decodeView("pos=a:1,2000000").ignored).toHaveLength(1);
    expect(decodeView("pos=:1,2").ignored).toHaveLength(1);
    expect(decodeView("pos=%25E0%25A4%25A:1,2").ignored).toHaveLength(1);
    const many = Array.from({ length: 5001 }, (_, i) => `c${i}:1,1`).join(";");
    expect(decodeView(`pos=${many}`).ignored[0]).toMatch(/more than 5000 dragged companies/);
  });

  it("should read and write readable layout and position parameters", () => {
    const { view, ignored } = decodeView("v=1&layout=circle&pos=nvidia:120,-40;openai:-3,0");
    expect(ignored).toEqual([]);
    expect(view.layout).toBe("circle");
    expect([...view.positions]).toEqual([
      ["nvidia", { x: 120, y: -40 }],
      ["openai", { x: -3, y: 0 }],
    ]);
    expect(encodeView(view)).toBe("v=1&layout=circle&pos=nvidia:120,-40;openai:-3,0");
  });

  it("should write positions sorted by id, so one picture gives one link", () => {
    const a = new Map([
      ["b", { x: 1, y: 1 }],
      ["a", { x: 2, y: 2 }],
    ]);
    const b = new Map([...a].reverse());
    expect(encodeView({ ...DEFAULT_VIEW, positions: a })).toBe(
      encodeView({ ...DEFAULT_VIEW, positions: b }),
    );
  });

  it("should round-trip hostile company ids in the positions", () => {
    const hostile = [
      "__proto__",
      "constructor",
      "toString",
      "a,b",
      "c:d",
      "e;f",
      "g%h",
      "i&j=k",
      "l m",
      "é",
    ];
    const positions = new Map(hostile.map((id, i) => [id, { x: i, y: 5 - i }]));
    const query = encodeView({ ...DEFAULT_VIEW, layout: "role", positions });
    const { view, ignored } = decodeView(query);
    expect(ignored).toEqual([]);
    expect(view.positions).toEqual(positions);
    expect(view.positions.get("__proto__")).toEqual({ x: 0, y: 5 });
    expect(Object.getPrototypeOf(view.positions)).toBe(Map.prototype);
  });
});
