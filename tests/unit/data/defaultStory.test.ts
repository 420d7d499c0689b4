/**
 * The story shipped with the default dataset. Every figure a caption states is
 * recomputed here the way the app computes it for the step's view (the
 * pipeline with the view's filters, loop length and window; the stress
 * selector with its scenario) and worded by the app's own formatters, so a
 * change in the data that changes a figure fails here until the caption is
 * rewritten. A caption may hold no digit that these checks do not cover.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCircularity } from "../../../src/analysis/circularity.ts";
import type { CompanyConcentration } from "../../../src/analysis/concentration.ts";
import { loopSentence } from "../../../src/analysis/headline.ts";
import { formatRoundTrip, hopKey } from "../../../src/analysis/hops.ts";
import { DEFAULT_LOOP_OPTIONS, type LoopReport } from "../../../src/analysis/loops.ts";
import { type PipelineResult, runPipeline } from "../../../src/analysis/pipeline.ts";
import type { StressResult } from "../../../src/analysis/stress.ts";
import { plural } from "../../../src/domain/counts.ts";
import { formatUsdBn } from "../../../src/domain/money.ts";
import type { Dataset, Story, StoryStep } from "../../../src/domain/schema.ts";
import { validateDataset } from "../../../src/domain/validate.ts";
import { APP_LOOP_LIMIT, DEFAULT_LOOP_CONTROLS } from "../../../src/state/model.ts";
import { selectVisibleLoops } from "../../../src/state/selectors.ts";
import { type Store, initialState } from "../../../src/state/store.ts";
import { selectStressResult } from "../../../src/state/stressSelectors.ts";
import { type ViewState, decodeView, encodeView } from "../../../src/state/url/codec.ts";
import { findLoop } from "../../../src/state/url/sync.ts";
import { formatPartialDate, loopPathText } from "../../../src/ui/panels/format.ts";

const root = join(import.meta.dirname, "../../..");
const raw: unknown = JSON.parse(readFileSync(join(root, "data/ai-circular-deals.json"), "utf8"));
const validated = validateDataset(raw);
if (!validated.ok) {
  throw new Error(validated.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
}
const dataset: Dataset = validated.value;
const STORY_ID = "how-the-money-goes-round";
const story: Story | undefined = dataset.stories?.find((s) => s.id === STORY_ID);
const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
const nameOf = (id: string) => names.get(id) ?? id;

/** What the app holds once it has applied a step's view: the store, with the analysis done. */
interface StepState {
  readonly view: ViewState;
  readonly analysis: PipelineResult;
  readonly store: Store;
}

const analyses = new Map<string, PipelineResult>();

/** The pipeline as `AnalysisRunner` runs it for a view: its filters, options, loop length and window. */
function analyzeView(view: ViewState): PipelineResult {
  const key = JSON.stringify([view.filters, view.options, view.maxLength, view.windowMonths]);
  let analysis = analyses.get(key);
  if (!analysis) {
    analysis = runPipeline({
      dataset,
      filters: view.filters,
      view: { mergeVehicles: view.options.mergeVehicles, timeline: false },
      loops: {
        ...DEFAULT_LOOP_OPTIONS,
        maxLength: view.maxLength,
        windowMonths: view.windowMonths ?? Infinity,
        limit: APP_LOOP_LIMIT,
      },
    });
    analyses.set(key, analysis);
  }
  return analysis;
}

function stateOf(step: StoryStep): StepState {
  const { view } = decodeView(step.view);
  const analysis = analyzeView(view);
  const store: Store = {
    ...initialState(),
    dataset,
    filters: view.filters,
    viewOptions: view.options,
    loopControls: {
      ...DEFAULT_LOOP_CONTROLS,
      maxLength: view.maxLength,
      windowMonths: view.windowMonths,
    },
    tab: view.tab,
    // NOTE: as `applyView` does, shocked companies missing from the data are dropped.
    stress: { ...view.stress, shocked: view.stress.shocked.filter((id) => names.has(id)) },
    analysis,
    analysisStatus: "done",
  };
  return { view, analysis, store };
}

/** The loop a step selects, found as the app finds it (any rotation), or a failed expectation. */
function selectedLoop(s: StepState): LoopReport {
  const sel = s.view.selection;
  expect(sel.kind, "the step selects a loop").toBe("loop");
  const loop = sel.kind === "loop" ? findLoop(s.analysis.loops, sel.companies) : undefined;
  expect(loop, "the selected loop is found").toBeDefined();
  return loop!;
}

/** The concentration record of the company a step selects. */
function selectedCompany(s: StepState): CompanyConcentration {
  const sel = s.view.selection;
  expect(sel.kind, "the step selects a company").toBe("company");
  const id = sel.kind === "company" ? sel.id : "";
  const record = s.analysis.concentration.find((c) => c.company === id);
  expect(record, `${id} has a concentration record`).toBeDefined();
  return record!;
}

function stressOf(s: StepState): StressResult {
  const result = selectStressResult(s.store);
  expect(result, "the step runs a stress scenario").not.toBeNull();
  return result!;
}

function flagMessage(record: CompanyConcentration, kind: string, counterparty: string): string {
  const flag = record.flags.find((f) => f.kind === kind && f.counterparty === counterparty);
  expect(flag, `${record.company} has a ${kind} flag on ${counterparty}`).toBeDefined();
  return flag!.message;
}

function liveDeal(id: string) {
  const deal = dataset.deals.find((d) => d.id === id);
  expect(deal, `deal ${id}`).toBeDefined();
  expect(["superseded", "cancelled"]).not.toContain(deal!.status);
  return deal!;
}

/**
 * Per step, in order: the figures its caption states, recomputed and worded as
 * the app words them, after checking the statements around them.
 */
const FIGURES: readonly { readonly title: string; readonly figures: (s: StepState) => string[] }[] =
  [
    {
      title: "The whole network",
      figures: (s) => {
        expect(s.view.selection.kind).toBe("none");
        expect(s.analysis.circularity.computed).toBe(true);
        // Worded as the CLI's summary line; superseded and cancelled deals are out.
        expect(s.analysis.countsNonLive).toBe(false);
        return [
          `${dataset.companies.length} companies, ${s.analysis.dealIds.length} live deals`,
          formatCircularity(s.analysis.circularity),
        ];
      },
    },
    {
      title: "Nvidia → OpenAI → Oracle → Nvidia",
      figures: (s) => {
        const loop = selectedLoop(s);
        expect(loopPathText(loop.companies, nameOf)).toBe("Nvidia → OpenAI → Oracle → Nvidia");
        // "at least … because some deals on it disclose no amount".
        expect(loop.hasUnknownAmount).toBe(true);
        expect(loop.roundTripUsdBn).toBeGreaterThan(0);
        return [loopSentence(loop, nameOf), formatRoundTrip(loop)];
      },
    },
    {
      title: "The largest loop: OpenAI and Amazon",
      figures: (s) => {
        const loop = selectedLoop(s);
        // "No loop in the data has a larger round trip".
        const largest = Math.max(...s.analysis.loops.map((l) => l.roundTripUsdBn));
        expect(loop.roundTripUsdBn).toBe(largest);
        // "Amazon's side is up to $50 bn: part of it is conditional".
        const back = loop.hops.find((h) => h.key === hopKey("amazon", "openai"));
        expect(back?.qualifier).toBe("up-to");
        expect(
          back?.dealIds.some((id) => /conditional/i.test(liveDeal(id).description)),
          "a deal on Amazon → OpenAI is conditional",
        ).toBe(true);
        return [loopSentence(loop, nameOf), back!.label];
      },
    },
    {
      title: "Labs and clouds: Google and Anthropic",
      figures: (s) => {
        const loop = selectedLoop(s);
        // "The investor is also the supplier".
        expect(loop.hops.map((h) => [h.key, h.dominantType])).toEqual([
          [hopKey("google", "anthropic"), "equity"],
          [hopKey("anthropic", "google"), "cloud-contract"],
        ]);
        return [loopSentence(loop, nameOf)];
      },
    },
    {
      title: "Amazon does it twice",
      figures: (s) => {
        const loop = selectedLoop(s);
        expect(loop.hops.map((h) => [h.key, h.dominantType])).toEqual([
          [hopKey("amazon", "anthropic"), "equity"],
          [hopKey("anthropic", "amazon"), "cloud-contract"],
        ]);
        // "Amazon is investor and supplier in the largest loop too, with OpenAI".
        const largest = s.analysis.loops[0]!;
        expect([...largest.companies].sort()).toEqual(["amazon", "openai"]);
        expect(largest.hops.map((h) => [h.key, h.dominantType])).toEqual(
          expect.arrayContaining([
            [hopKey("amazon", "openai"), "equity"],
            [hopKey("openai", "amazon"), "cloud-contract"],
          ]),
        );
        return [loopSentence(loop, nameOf)];
      },
    },
    {
      title: "Oracle leans on OpenAI",
      figures: (s) => {
        expect(s.view.tab).toBe("risk");
        const oracle = selectedCompany(s);
        const reported = oracle.flags.find((f) => f.kind === "reported");
        expect(reported?.counterparty).toBe("openai");
        const fact = dataset.facts.find((f) => f.id === reported?.factId);
        expect(fact?.metric).toBe("customer-concentration");
        // "the share is the press's and analysts' estimate, not Oracle's".
        expect(fact?.description).toMatch(/by press\/analysts, not by Oracle/);
        return [
          reported!.message.replace(/^reported: /, ""),
          formatPartialDate(fact!.period),
          flagMessage(oracle, "top-payer", "openai"),
        ];
      },
    },
    {
      title: "AMD and OpenAI",
      figures: (s) => {
        expect(s.view.tab).toBe("risk");
        const amd = selectedCompany(s);
        // "about $90 bn of chips (an estimate; …)".
        const hop = s.analysis.hops.find((h) => h.key === hopKey("openai", "amd"));
        expect(hop?.dominantType).toBe("chip-purchase");
        expect(hop?.evidence.estimate, "the amount is an estimate").toBeGreaterThan(0);
        // "Meta's and Oracle's AMD orders disclose no amount".
        for (const payer of ["meta", "oracle"]) {
          const flow = amd.inflows.find((f) => f.company === payer);
          expect(flow?.usdBn, payer).toBe(0);
          expect(flow?.undisclosedDeals, payer).toBeGreaterThan(0);
        }
        // "AMD also gave OpenAI warrants … for up to about 10% of AMD".
        const warrant = liveDeal("amd-openai-warrant");
        expect([warrant.from, warrant.to, warrant.type]).toEqual(["amd", "openai", "warrant"]);
        expect(warrant.description).toContain("at a nominal price");
        const share = /\((about \d+% of AMD)\)/.exec(warrant.description)?.[1];
        expect(share, "the warrant's share of AMD").toBeDefined();
        return [flagMessage(amd, "top-payer", "openai"), hop!.label, `up to ${share!}`];
      },
    },
    {
      title: "What if OpenAI fell short?",
      figures: (s) => {
        expect(s.view.tab).toBe("stress");
        expect(s.view.stress.shocked).toEqual(["openai"]);
        const result = stressOf(s);
        // "AMD and Oracle hardest hit": the two largest losses, both distressed.
        const hit = result.companies.filter((c) => c.distressedRound !== 0);
        expect(hit.slice(0, 2).map((c) => c.company)).toEqual(["amd", "oracle"]);
        for (const c of hit.slice(0, 2)) expect(c.distressedRound, c.company).not.toBeNull();
        // "a buffer such as its equity or revenue": theirs.
        expect(hit.slice(0, 2).map((c) => c.bufferSource)).toEqual(["revenue", "equity"]);
        return [
          `${s.view.stress.shortfallPct}%`,
          `Total loss to the system: ${formatUsdBn(result.totalLossUsdBn)} a year`,
          `${plural(result.distressedCount, "company", "companies")} distressed`,
          `more than ${s.view.stress.thresholdPct}%`,
        ];
      },
    },
    {
      title: "Your turn",
      figures: (s) => {
        expect(s.view.selection.kind).toBe("none");
        expect(dataset.deals.every((d) => d.sources.length > 0)).toBe(true);
        return [plural(selectVisibleLoops(s.store).length, "loop")];
      },
    },
  ];

describe("data/ai-circular-deals.json", () => {
  describe("the shipped story", () => {
    it("should be in the dataset, which validates with it", () => {
      expect(validated.ok).toBe(true);
      expect(story, `story ${STORY_ID}`).toBeDefined();
      expect(story!.title).toBe("How the AI money goes round");
      expect(story!.steps.length).toBeGreaterThanOrEqual(7);
      expect(story!.steps.length).toBeLessThanOrEqual(9);
      // Short enough to read in seconds.
      for (const step of story!.steps) expect(step.caption.length, step.title).toBeLessThan(400);
    });

    it("should have a check for each step, in order", () => {
      expect(story!.steps.map((s) => s.title)).toEqual(FIGURES.map((f) => f.title));
    });

    it("should write every view as the app writes it, with no camera and nothing ignored", () => {
      for (const step of story!.steps) {
        const decoded = decodeView(step.view);
        expect(decoded.ignored, step.view).toEqual([]);
        expect(decoded.view.camera, step.view).toBeNull();
        // NOTE: the app fits the camera to the selection; a step never names a story or the embed view.
        expect(step.view).not.toMatch(/(^|&)(cam|story|step|embed)=/);
        expect(encodeView(decoded.view), step.view).toBe(step.view);
      }
    });

    it("should name only companies in the dataset, and only loops the analysis finds", () => {
      for (const step of story!.steps) {
        const s = stateOf(step);
        const sel = s.view.selection;
        const named = [
          ...(sel.kind === "company" ? [sel.id] : []),
          ...(sel.kind === "loop" ? sel.companies : []),
          ...(sel.kind === "edge" ? [sel.from, sel.to] : []),
          ...s.view.stress.shocked,
          ...s.view.positions.keys(),
        ];
        for (const id of named) expect(names.has(id), `${step.view}: ${id}`).toBe(true);
        if (sel.kind === "loop") {
          expect(findLoop(s.analysis.loops, sel.companies), step.view).toBeDefined();
        }
        if (sel.kind === "edge") {
          const key = hopKey(sel.from, sel.to);
          expect(
            s.analysis.hops.some((h) => h.key === key),
            step.view,
          ).toBe(true);
        }
      }
    });

    for (const [i, check] of FIGURES.entries()) {
      it(`should state step ${i + 1}'s figures (“${check.title}”) as the app computes them`, () => {
        const step = story!.steps[i]!;
        expect(step.title).toBe(check.title);
        const figures = check.figures(stateOf(step));
        expect(figures.length).toBeGreaterThan(0);
        for (const figure of figures) expect(step.caption).toContain(figure);
        // Every digit of the caption lies inside a figure checked above.
        let rest = step.caption;
        for (const figure of [...figures].sort((a, b) => b.length - a.length)) {
          rest = rest.split(figure).join(" ");
        }
        expect(rest, "digits no check covers").not.toMatch(/\d/);
      });
    }
  });
});
