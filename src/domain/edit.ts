/**
 * Edits to a dataset's deals: replace, add or delete one, each checked as a
 * whole dataset (the zod schema, then references and lineage), so an edit
 * that would break the data (a payer that does not exist, a deal another one
 * names as its replacement) is refused with the field and the reason. Never
 * mutates its input: the app's undo history keeps every version.
 */
import type { ParseResult, Problem } from "./problems.ts";
import type { Dataset, Deal } from "./schema.ts";
import { validateDataset } from "./validate.ts";

export type DealEdit =
  | { readonly kind: "replace"; readonly id: string; readonly deal: Deal }
  | { readonly kind: "add"; readonly deal: Deal }
  | { readonly kind: "delete"; readonly id: string };

/** A problem of an edit, by the deal's field ("amountUsdBn") or "deal" for the whole. */
export interface EditProblem {
  readonly field: string;
  readonly message: string;
}

function fieldProblems(problems: readonly Problem[], index: number): EditProblem[] {
  const own = `deals[${index}]`;
  return problems.map((p) => {
    if (p.path.startsWith(`${own}.`)) {
      return { field: p.path.slice(own.length + 1).replace(/\[\d+\].*$/, ""), message: p.message };
    }
    return { field: "deal", message: `${p.path}: ${p.message}` };
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
  const result: ParseResult<Dataset> = validateDataset({ ...dataset, deals });
  if (result.ok) return { ok: true, dataset: result.value };
  return {
    ok: false,
    problems: fieldProblems(result.problems, edit.kind === "delete" ? -1 : index),
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
