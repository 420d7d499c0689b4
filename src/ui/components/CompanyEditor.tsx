/**
 * Companies: a form to add or edit one (name, kind, sponsors of a vehicle,
 * description), checked by the dataset's rules; and, on a company's details,
 * edit, delete (refused while deals name it) and merge into another company
 * that is the same (every deal, fact and sponsor naming it then names the
 * other: an import's duplicates become one). Each is one undo step.
 */
import { type FormEvent, useId, useState } from "react";
import { type EditProblem, newCompanyId } from "../../domain/edit.ts";
import { COMPANY_KINDS, type Company } from "../../domain/schema.ts";
import { actions, useStore } from "../../state/store.ts";
import { createEditor, fieldProblems } from "./editorDialog.tsx";

const editor = createEditor<Company>();

/** Opens the form on a company, or on a new one. */
export const openCompanyEditor = editor.open;
const close = editor.close;

export function CompanyEditor() {
  return (
    <editor.EditorDialog
      form={(company, headingId) => <CompanyForm company={company} headingId={headingId} />}
    />
  );
}

function CompanyForm({ company, headingId }: { company: Company | null; headingId: string }) {
  const dataset = useStore((s) => s.dataset);
  const [name, setName] = useState(company?.name ?? "");
  const [kind, setKind] = useState<Company["kind"]>(company?.kind ?? "other");
  const [sponsors, setSponsors] = useState((company?.sponsors ?? []).join(", "));
  const [description, setDescription] = useState(company?.description ?? "");
  const [problems, setProblems] = useState<readonly EditProblem[]>([]);
  const formId = useId();
  const { messageOf: problemOf, invalid, error } = fieldProblems(problems, formId);
  const field = (id: string, label: string, control: React.ReactNode, schemaField = id) => (
    <label className="form-field" htmlFor={`${formId}-${id}`}>
      <span>{label}</span>
      {control}
      {error(schemaField)}
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = sponsors
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const next: Company = {
      id: company?.id ?? newCompanyId(dataset, name),
      name: name.trim(),
      kind,
      ...(list.length > 0 || kind === "vehicle" ? { sponsors: list } : {}),
      ...(description.trim() === "" ? {} : { description: description.trim() }),
    };
    const found = actions.editData(
      company
        ? { kind: "replace-company", id: company.id, company: next }
        : { kind: "add-company", company: next },
    );
    if (found.length > 0) setProblems(found);
    else close();
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 id={headingId}>{company ? `Edit ${company.name}` : "Add a company"}</h2>
      {problemOf("company") && (
        <p role="alert" className="field-error">
          {problemOf("company")}
        </p>
      )}
      {field(
        "name",
        "Name",
        <input
          id={`${formId}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...invalid("name")}
        />,
      )}
      {field(
        "kind",
        "Kind",
        <select
          id={`${formId}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as Company["kind"])}
        >
          {COMPANY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>,
      )}
      {field(
        "sponsors",
        "Sponsors of a vehicle (company ids, lead first, comma-separated)",
        <input
          id={`${formId}-sponsors`}
          value={sponsors}
          onChange={(e) => setSponsors(e.target.value)}
          {...invalid("sponsors")}
        />,
      )}
      {field(
        "description",
        "Description",
        <textarea
          id={`${formId}-description`}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />,
      )}
      <div className="dialog-buttons">
        <button type="submit" className="primary">
          {company ? "Save the company" : "Add the company"}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Edit, delete and merge on a company's details. */
export function CompanyEditButtons({ company }: { readonly company: Company }) {
  const companies = useStore((s) => s.dataset.companies);
  const [into, setInto] = useState("");
  const [problem, setProblem] = useState("");
  const mergeId = useId();
  const run = (found: readonly EditProblem[], what: string) =>
    setProblem(found.length > 0 ? `${what}: ${found.map((p) => p.message).join("; ")}` : "");
  const others = companies
    .filter((c) => c.id !== company.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="deal-edit" role="group" aria-label={`Edit ${company.name}`}>
      <button type="button" onClick={() => openCompanyEditor(company)}>
        Edit company
      </button>
      <button
        type="button"
        onClick={() =>
          run(actions.editData({ kind: "delete-company", id: company.id }), "Not deleted")
        }
      >
        Delete company
      </button>
      <label htmlFor={mergeId} className="sr-only">
        Merge {company.name} into
      </label>
      <select id={mergeId} value={into} onChange={(e) => setInto(e.target.value)}>
        <option value="">Merge into… (the same company)</option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={into === ""}
        onClick={() =>
          run(
            actions.editData({ kind: "merge-companies", keep: into, drop: company.id }),
            "Not merged",
          )
        }
      >
        Merge
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
