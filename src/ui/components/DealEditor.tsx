/**
 * The deal form: every field of a deal, its sources with their quotes, checked
 * by the dataset's own rules (`domain/edit.ts`: the zod schema, references and
 * lineage) when saved; each problem is shown by its field. Saving is one undo
 * step. Opened by `openDealEditor` (a deal to edit, or a new one).
 */
import { type FormEvent, useId, useState } from "react";
import { newDealId, newSourceId } from "../../domain/edit.ts";
import type { EditProblem } from "../../domain/edit.ts";
import {
  AMOUNT_QUALIFIERS,
  DEAL_STATUSES,
  DEAL_TYPES,
  type Dataset,
  type Deal,
  EVIDENCE_TIERS,
  type Source,
} from "../../domain/schema.ts";
import { actions, useStore } from "../../state/store.ts";
import { createEditor, fieldProblems } from "./editorDialog.tsx";

const editor = createEditor<Deal>();

/** Opens the form on a deal, or on a new one. */
export const openDealEditor = editor.open;

interface Draft {
  from: string;
  to: string;
  type: Deal["type"];
  amount: string;
  qualifier: Deal["amountQualifier"];
  announced: string;
  status: Deal["status"];
  supersededBy: string;
  evidence: Deal["evidence"];
  arrangementId: string;
  description: string;
  notes: string;
  capacityGw: string;
  horizonYears: string;
  sources: { sourceId: string; quote: string; title?: string; url?: string }[];
}

/** The source choice that opens fields for a source the dataset does not have yet. */
const NEW_SOURCE = "";

function draftOf(deal: Deal | null, fallbackSource: string): Draft {
  return {
    from: deal?.from ?? "",
    to: deal?.to ?? "",
    type: deal?.type ?? "equity",
    amount: deal?.amountUsdBn === null || deal === null ? "" : String(deal.amountUsdBn),
    qualifier: deal?.amountQualifier ?? "exact",
    announced: deal?.announced ?? "",
    status: deal?.status ?? "announced",
    supersededBy: deal?.supersededBy ?? "",
    evidence: deal?.evidence ?? "reported",
    arrangementId: deal?.arrangementId ?? "",
    description: deal?.description ?? "",
    notes: (deal?.notes ?? []).join("\n"),
    capacityGw: deal?.capacityGw === undefined ? "" : String(deal.capacityGw),
    horizonYears: deal?.horizonYears === undefined ? "" : String(deal.horizonYears),
    sources: deal ? deal.sources.map((s) => ({ ...s })) : [{ sourceId: fallbackSource, quote: "" }],
  };
}

/** A number field's value: undefined when empty, NaN (refused by the schema) when not a number. */
const numberOf = (text: string) => (text.trim() === "" ? undefined : Number(text.trim()));

/** The deal a draft stands for, and the new sources it cites; text is passed as typed for the schema to check. */
function dealOf(
  draft: Draft,
  base: Deal | null,
  id: string,
  dataset: Dataset,
): { deal: Deal; newSources: Source[] } {
  const amount = numberOf(draft.amount);
  const optional = <K extends string>(key: K, value: string) =>
    value.trim() === "" ? {} : ({ [key]: value.trim() } as Record<K, string>);
  const capacityGw = numberOf(draft.capacityGw);
  const horizonYears = numberOf(draft.horizonYears);
  const rest = base
    ? Object.fromEntries(
        Object.entries(base).filter(([k]) => ["localAmount", "attributes"].includes(k)),
      )
    : {};
  const newSources: Source[] = [];
  const sources = draft.sources.map((s) => {
    if (s.sourceId !== NEW_SOURCE) return { sourceId: s.sourceId, quote: s.quote.trim() };
    const title = (s.title ?? "").trim();
    const url = (s.url ?? "").trim();
    const sourceId = newSourceId(
      dataset,
      title || url,
      newSources.map((n) => n.id),
    );
    newSources.push({ id: sourceId, kind: "external", title, ...(url ? { url } : {}) });
    return { sourceId, quote: s.quote.trim() };
  });
  const deal = {
    ...rest,
    id,
    from: draft.from,
    to: draft.to,
    type: draft.type,
    amountUsdBn: amount ?? null,
    amountQualifier: amount === undefined ? "undisclosed" : draft.qualifier,
    ...(capacityGw === undefined ? {} : { capacityGw }),
    ...optional("announced", draft.announced),
    ...(horizonYears === undefined ? {} : { horizonYears }),
    status: draft.status,
    ...optional("supersededBy", draft.supersededBy),
    evidence: draft.evidence,
    ...optional("arrangementId", draft.arrangementId),
    description: draft.description.trim(),
    notes: draft.notes
      .split("\n")
      .map((n) => n.trim())
      .filter((n) => n !== ""),
    sources,
  } as Deal;
  return { deal, newSources };
}

export function DealEditor() {
  return (
    <editor.EditorDialog
      form={(deal, headingId) => <DealForm deal={deal} headingId={headingId} />}
    />
  );
}

function DealForm({ deal, headingId }: { deal: Deal | null; headingId: string }) {
  const dataset = useStore((s) => s.dataset);
  const [draft, setDraft] = useState(() => draftOf(deal, dataset.sources[0]?.id ?? ""));
  const [problems, setProblems] = useState<readonly EditProblem[]>([]);
  const formId = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const { messageOf: problemOf, invalid: described, error } = fieldProblems(problems, formId);
  const fieldId = (field: string) => `${formId}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = deal?.id ?? newDealId(dataset, draft.from || "deal", draft.to || "new");
    const { deal: next, newSources } = dealOf(draft, deal, id, dataset);
    const found = actions.editData(
      deal
        ? { kind: "replace", id: deal.id, deal: next, newSources }
        : { kind: "add", deal: next, newSources },
    );
    if (found.length > 0) setProblems(found);
    else editor.close();
  };
  const companies = [...dataset.companies].sort((a, b) => a.name.localeCompare(b.name));
  const select = (
    field: keyof Draft,
    label: string,
    options: readonly (string | { value: string; label: string })[],
  ) => (
    <label className="form-field" htmlFor={fieldId(field)}>
      <span>{label}</span>
      <select
        id={fieldId(field)}
        value={draft[field] as string}
        onChange={(e) => set(field, e.target.value as never)}
        {...described(field === "qualifier" ? "amountQualifier" : field)}
      >
        {options.map((o) =>
          typeof o === "string" ? (
            <option key={o} value={o}>
              {o}
            </option>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
      {error(field === "qualifier" ? "amountQualifier" : field)}
    </label>
  );
  const text = (field: keyof Draft, label: string, schemaField: string = field, hint = "") => (
    <label className="form-field" htmlFor={fieldId(field)}>
      <span>{label}</span>
      <input
        id={fieldId(field)}
        value={draft[field] as string}
        placeholder={hint}
        onChange={(e) => set(field, e.target.value as never)}
        {...described(schemaField)}
      />
      {error(schemaField)}
    </label>
  );
  const companyOptions = [
    { value: "", label: "— choose —" },
    ...companies.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <form onSubmit={submit} noValidate>
      <h2 id={headingId}>{deal ? `Edit deal ${deal.id}` : "Add a deal"}</h2>
      {problemOf("deal") && (
        <p role="alert" className="field-error">
          {problemOf("deal")}
        </p>
      )}
      {problems.length > 0 && (
        <p role="alert" className="sr-only">
          {problems.length} {problems.length === 1 ? "problem" : "problems"}: nothing was saved.
        </p>
      )}
      <div className="form-grid">
        {select("from", "Payer (money leaves)", companyOptions)}
        {select("to", "Payee (money arrives)", companyOptions)}
        {select("type", "Type", DEAL_TYPES)}
        {text("amount", "Amount (US$ bn, empty if undisclosed)", "amountUsdBn")}
        {select("qualifier", "Amount is", AMOUNT_QUALIFIERS)}
        {text("announced", "Announced", "announced", "YYYY, YYYY-MM or YYYY-MM-DD")}
        {select("status", "Status", DEAL_STATUSES)}
        {text("supersededBy", "Superseded by (deal id)", "supersededBy")}
        {select("evidence", "Evidence", EVIDENCE_TIERS)}
        {text("arrangementId", "Arrangement (id)", "arrangementId")}
        {text("capacityGw", "Capacity (GW)", "capacityGw")}
        {text("horizonYears", "Term (years)", "horizonYears")}
      </div>
      <label className="form-field" htmlFor={fieldId("description")}>
        <span>Description</span>
        <textarea
          id={fieldId("description")}
          rows={2}
          value={draft.description}
          onChange={(e) => set("description", e.target.value)}
          {...described("description")}
        />
        {error("description")}
      </label>
      <label className="form-field" htmlFor={fieldId("notes")}>
        <span>Notes (one a line)</span>
        <textarea
          id={fieldId("notes")}
          rows={2}
          value={draft.notes}
          onChange={(e) => set("notes", e.target.value)}
        />
      </label>
      <fieldset className="form-sources">
        <legend>Sources, each with a short quote</legend>
        {error("sources")}
        {draft.sources.map((s, i) => (
          <div key={i} className="form-source">
            <select
              aria-label={`Source ${i + 1}`}
              value={s.sourceId}
              onChange={(e) =>
                set(
                  "sources",
                  draft.sources.map((x, j) => (j === i ? { ...x, sourceId: e.target.value } : x)),
                )
              }
            >
              <option value={NEW_SOURCE}>A new source…</option>
              {dataset.sources.map((src) => (
                <option key={src.id} value={src.id}>
                  {src.title.length > 70 ? `${src.title.slice(0, 69)}…` : src.title}
                </option>
              ))}
            </select>
            {s.sourceId === NEW_SOURCE && (
              <div className="form-new-source">
                <input
                  aria-label={`Title of new source ${i + 1}`}
                  placeholder="Title, publisher, date"
                  value={s.title ?? ""}
                  onChange={(e) =>
                    set(
                      "sources",
                      draft.sources.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                    )
                  }
                />
                <input
                  aria-label={`Link of new source ${i + 1}`}
                  placeholder="https://…"
                  value={s.url ?? ""}
                  onChange={(e) =>
                    set(
                      "sources",
                      draft.sources.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)),
                    )
                  }
                />
              </div>
            )}
            <textarea
              aria-label={`Quote from source ${i + 1}`}
              rows={2}
              value={s.quote}
              onChange={(e) =>
                set(
                  "sources",
                  draft.sources.map((x, j) => (j === i ? { ...x, quote: e.target.value } : x)),
                )
              }
            />
            <button
              type="button"
              aria-label={`Remove source ${i + 1}`}
              onClick={() =>
                set(
                  "sources",
                  draft.sources.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            set("sources", [
              ...draft.sources,
              { sourceId: dataset.sources[0]?.id ?? "", quote: "" },
            ])
          }
        >
          Add a source
        </button>
      </fieldset>
      <div className="dialog-buttons">
        <button type="submit" className="primary">
          {deal ? "Save the deal" : "Add the deal"}
        </button>
        <button type="button" onClick={editor.close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
