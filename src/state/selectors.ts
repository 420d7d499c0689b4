/**
 * Derived data, memoised on the store fields it depends on, so components can
 * select it without re-computing on every render.
 */
import type { CompanyConcentration } from "../analysis/concentration.ts";
import { filterDeals } from "../analysis/filterDeals.ts";
import type { LoopReport } from "../analysis/loops.ts";
import type { Company, Deal, Fact, Source } from "../domain/schema.ts";
import type { Store } from "./store.ts";

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i])) {
      return last;
    }
    lastArgs = args;
    last = fn(...args);
    return last;
  };
}

export interface DatasetLookups {
  readonly companyById: ReadonlyMap<string, Company>;
  readonly dealById: ReadonlyMap<string, Deal>;
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly factsByCompany: ReadonlyMap<string, readonly Fact[]>;
}

const lookups = memo((dataset: Store["dataset"]): DatasetLookups => {
  const factsByCompany = new Map<string, Fact[]>();
  for (const f of dataset.facts) {
    const list = factsByCompany.get(f.company) ?? [];
    list.push(f);
    factsByCompany.set(f.company, list);
  }
  return {
    companyById: new Map(dataset.companies.map((c) => [c.id, c])),
    dealById: new Map(dataset.deals.map((d) => [d.id, d])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    factsByCompany,
  };
});

/** Maps from ids to companies, deals, sources and facts. */
export const selectLookups = (s: Store): DatasetLookups => lookups(s.dataset);

/** A company's display name (its id when unknown). */
export const nameOf = (s: Store, id: string): string =>
  selectLookups(s).companyById.get(id)?.name ?? id;

const filtered = memo((deals: Store["dataset"]["deals"], filters: Store["filters"]) =>
  filterDeals(deals, filters),
);

/** The deals that pass the current filters. */
export const selectFilteredDeals = (s: Store): readonly Deal[] =>
  filtered(s.dataset.deals, s.filters);

const visibleLoops = memo(
  (
    loops: readonly LoopReport[] | undefined,
    controls: Store["loopControls"],
    focusCompany: Store["focusCompany"],
  ): readonly LoopReport[] => {
    if (!loops) return [];
    const through = controls.onlyThroughSelected ? focusCompany : null;
    return loops.filter(
      (l) =>
        l.roundTripUsdBn >= controls.minRoundTripUsdBn &&
        (through === null || l.companies.includes(through)),
    );
  },
);

/** Loops after the list controls (minimum round trip, only through the selected company). */
export const selectVisibleLoops = (s: Store): readonly LoopReport[] =>
  visibleLoops(s.analysis?.loops, s.loopControls, s.focusCompany);

const flagged = memo((c: readonly CompanyConcentration[] | undefined) =>
  (c ?? []).filter((x) => x.flags.length > 0),
);

/** Companies with at least one concentration flag, most severe first. */
export const selectFlaggedCompanies = (s: Store): readonly CompanyConcentration[] =>
  flagged(s.analysis?.concentration);

/** Deals of the hop from → to among the filtered deals. */
export const dealsOfHop = (deals: readonly Deal[], from: string, to: string): Deal[] =>
  deals.filter((d) => d.from === from && d.to === to);
