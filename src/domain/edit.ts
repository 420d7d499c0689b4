/**
 * Edits to a dataset: replace, add or delete a deal or a company, or merge two
 * companies that are the same (every deal, fact and sponsor naming one names
 * the other). Each is checked as a whole dataset (the zod schema, then
 * references and lineage), so an edit that would break the data (a payer that
 * does not exist, a company deals still name, a merge that makes a company pay
 * itself) is refused with the field and the reason. Never mutates its input:
 * the app's undo history keeps every version.
 */
import type { ParseResult, Problem } from "./problems.ts";
import { companyIdOf } from "./csv.ts";
import {
  type Company,
  type Dataset,
  type Deal,
  type Source,
  type Story,
  storySchema,
} from "./schema.ts";
import { formatPath } from "./problems.ts";
import { schemaIssueMessage, validateDataset } from "./validate.ts";

export type DealEdit =
  | {
      readonly kind: "replace";
      readonly id: string;
      readonly deal: Deal;
      /** Sources the deal cites that the dataset does not have yet. */
      readonly newSources?: readonly Source[];
    }
  | { readonly kind: "add"; readonly deal: Deal; readonly newSources?: readonly Source[] }
  | { readonly kind: "delete"; readonly id: string };

export type CompanyEdit =
  | { readonly kind: "replace-company"; readonly id: string; readonly company: Company }
  | { readonly kind: "add-company"; readonly company: Company }
  | { readonly kind: "delete-company"; readonly id: string }
  /** `drop` becomes `keep` everywhere, then goes. */
  | { readonly kind: "merge-companies"; readonly keep: string; readonly drop: string };

/** A story is put whole (added, or replacing the one with its id) or deleted. */
export type StoryEdit =
  | { readonly kind: "put-story"; readonly story: Story }
  | { readonly kind: "delete-story"; readonly id: string };

export type DataEdit = DealEdit | CompanyEdit | StoryEdit;

/** A problem of an edit, by the deal's field ("amountUsdBn") or "deal" for the whole. */
export interface EditProblem {
  readonly field: string;
  readonly message: string;
}

function fieldProblems(
  problems: readonly Problem[],
  index: number,
  collection = "deals",
): EditProblem[] {
  const own = `${collection}[${index}]`;
  return problems.map((p) => {
    if (p.path.startsWith(`${own}.`)) {
      return { field: p.path.slice(own.length + 1).replace(/\[\d+\].*$/, ""), message: p.message };
    }
    return {
      field: collection === "deals" ? "deal" : "company",
      message: `${p.path}: ${p.message}`,
    };
  });
}

/** Applies an edit; the new dataset, or the problems it would cause. */
export function applyDealEdit(
  dataset: Dataset,
  edit: DealEdit,
): { ok: true; dataset: Dataset } | { ok: false; problems: EditProblem[] } {
  const index =
    edit.kind === "add" ? dataset.deals.length : dataset.deals.findIndex((d) => d.id === edit.id);
  if (index < 0) return { ok: false, problems: [{ field: "deal", message: "no such deal" }] };
  if (edit.kind === "add" && dataset.deals.some((d) => d.id === edit.deal.id)) {
    return { ok: false, problems: [{ field: "id", message: `a deal "${edit.deal.id}" exists` }] };
  }
  const deals =
    edit.kind === "add"
      ? [...dataset.deals, edit.deal]
      : edit.kind === "delete"
        ? dataset.deals.filter((_, i) => i !== index)
        : dataset.deals.map((d, i) => (i === index ? edit.deal : d));
  const added = edit.kind === "delete" ? [] : (edit.newSources ?? []);
  const clash = added.find((src) => dataset.sources.some((s) => s.id === src.id));
  if (clash)
    return {
      ok: false,
      problems: [{ field: "sources", message: `a source "${clash.id}" exists` }],
    };
  const sources = added.length > 0 ? [...dataset.sources, ...added] : dataset.sources;
  const result: ParseResult<Dataset> = validateDataset({ ...dataset, deals, sources });
  if (result.ok) return { ok: true, dataset: result.value };
  return {
    ok: false,
    problems: fieldProblems(result.problems, edit.kind === "delete" ? -1 : index).map((p) =>
      /^sources\[/.test(p.message)
        ? { field: "sources", message: p.message.replace(/^sources\[\d+\]\.?/, "new source ") }
        : p,
    ),
  };
}

/** An id for a new deal, from its payer and payee, not yet in the dataset. */
export function newDealId(dataset: Pick<Dataset, "deals">, from: string, to: string): string {
  const base = `${from}-${to}`.slice(0, 100);
  const taken = new Set(dataset.deals.map((d) => d.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** An id for a new company, from its name, not yet in the dataset. */
export function newCompanyId(dataset: Pick<Dataset, "companies">, name: string): string {
  const base = companyIdOf(name) || "company";
  const taken = new Set(dataset.companies.map((c) => c.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 110)}-${n}`;
  return id;
}

function checked(
  next: Dataset,
  index: number,
  collection: "deals" | "companies",
): { ok: true; dataset: Dataset } | { ok: false; problems: EditProblem[] } {
  const result: ParseResult<Dataset> = validateDataset(next);
  if (result.ok) return { ok: true, dataset: result.value };
  return { ok: false, problems: fieldProblems(result.problems, index, collection) };
}

/** Applies an edit to a deal or a company; the new dataset, or the problems it would cause. */
export function applyEdit(
  dataset: Dataset,
  edit: DataEdit,
): { ok: true; dataset: Dataset } | { ok: false; problems: EditProblem[] } {
  switch (edit.kind) {
    case "replace":
    case "add":
    case "delete":
      return applyDealEdit(dataset, edit);
    case "put-story":
    case "delete-story":
      return applyStoryEdit(dataset, edit);
    case "add-company": {
      if (dataset.companies.some((c) => c.id === edit.company.id)) {
        return {
          ok: false,
          problems: [{ field: "id", message: `a company "${edit.company.id}" exists` }],
        };
      }
      const companies = [...dataset.companies, edit.company];
      return checked({ ...dataset, companies }, companies.length - 1, "companies");
    }
    case "replace-company": {
      const index = dataset.companies.findIndex((c) => c.id === edit.id);
      if (index < 0)
        return { ok: false, problems: [{ field: "company", message: "no such company" }] };
      const companies = dataset.companies.map((c, i) => (i === index ? edit.company : c));
      return checked({ ...dataset, companies }, index, "companies");
    }
    case "delete-company": {
      const uses = dataset.deals.filter((d) => d.from === edit.id || d.to === edit.id).length;
      if (uses > 0) {
        return {
          ok: false,
          problems: [
            {
              field: "company",
              message: `${uses} ${uses === 1 ? "deal names" : "deals name"} it: delete or edit ${uses === 1 ? "it" : "them"} first, or merge it into another company`,
            },
          ],
        };
      }
      const companies = dataset.companies.filter((c) => c.id !== edit.id);
      return checked({ ...dataset, companies }, -1, "companies");
    }
    case "merge-companies": {
      const { keep, drop } = edit;
      if (keep === drop)
        return {
          ok: false,
          problems: [{ field: "company", message: "a company cannot merge into itself" }],
        };
      if (
        !dataset.companies.some((c) => c.id === keep) ||
        !dataset.companies.some((c) => c.id === drop)
      ) {
        return { ok: false, problems: [{ field: "company", message: "no such company" }] };
      }
      const loops = dataset.deals.filter(
        (d) => (d.from === drop && d.to === keep) || (d.from === keep && d.to === drop),
      );
      if (loops.length > 0) {
        return {
          ok: false,
          problems: [
            {
              field: "company",
              message: `the merge would make the company pay itself in ${loops.map((d) => d.id).join(", ")}: delete or edit ${loops.length === 1 ? "that deal" : "those deals"} first`,
            },
          ],
        };
      }
      const to = (id: string) => (id === drop ? keep : id);
      const next: Dataset = {
        ...dataset,
        companies: dataset.companies
          .filter((c) => c.id !== drop)
          .map((c) =>
            c.sponsors
              ? { ...c, sponsors: [...new Set(c.sponsors.map(to))].filter((s) => s !== c.id) }
              : c,
          ),
        deals: dataset.deals.map((d) =>
          d.from === drop || d.to === drop ? { ...d, from: to(d.from), to: to(d.to) } : d,
        ),
        facts: dataset.facts.map((f) =>
          f.company === drop || f.counterparty === drop
            ? {
                ...f,
                company: to(f.company),
                ...(f.counterparty ? { counterparty: to(f.counterparty) } : {}),
              }
            : f,
        ),
      };
      return checked(next, -1, "companies");
    }
  }
}

/** An id for a new source, from its title or link, not yet in the dataset. */
export function newSourceId(
  dataset: Pick<Dataset, "sources">,
  label: string,
  taken: readonly string[] = [],
): string {
  const base = `src-${companyIdOf(label).slice(0, 60) || "source"}`;
  const used = new Set([...dataset.sources.map((s) => s.id), ...taken]);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Adds, replaces or deletes a story. Only the story is checked (the deals,
 * companies and facts are the same objects), so the analysis need not run again.
 */
export function applyStoryEdit(
  dataset: Dataset,
  edit: StoryEdit,
): { ok: true; dataset: Dataset } | { ok: false; problems: EditProblem[] } {
  const stories = dataset.stories ?? [];
  if (edit.kind === "delete-story") {
    if (!stories.some((s) => s.id === edit.id))
      return { ok: false, problems: [{ field: "story", message: "no such story" }] };
    return { ok: true, dataset: { ...dataset, stories: stories.filter((s) => s.id !== edit.id) } };
  }
  const parsed = storySchema.safeParse(edit.story);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? formatPath(issue.path) : "story",
        message: schemaIssueMessage(issue),
      })),
    };
  }
  const at = stories.findIndex((s) => s.id === parsed.data.id);
  const next =
    at < 0 ? [...stories, parsed.data] : stories.map((s, i) => (i === at ? parsed.data : s));
  return { ok: true, dataset: { ...dataset, stories: next } };
}

/** An id for a new story, from its title, not yet in the dataset. */
export function newStoryId(dataset: Pick<Dataset, "stories">, title: string): string {
  const base = companyIdOf(title) || "story";
  const taken = new Set((dataset.stories ?? []).map((s) => s.id));
  let id = base.slice(0, 110);
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 110)}-${n}`;
  return id;
}
