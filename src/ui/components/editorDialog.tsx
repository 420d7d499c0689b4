/**
 * What the deal and company forms share: a modal dialog opened on one record
 * (or on a new one), whose form starts afresh for each record, and a form's
 * problems tied to their fields (the message under the control, the control
 * marked invalid and described by it).
 */
import { Fragment, type ReactNode, useId } from "react";
import { create } from "zustand";
import type { EditProblem } from "../../domain/edit.ts";
import { useModalDialog } from "./useModalDialog.ts";

/** An editor of records with ids: `open` it on one, or on "new"; the dialog renders its form. */
export function createEditor<T extends { readonly id: string }>() {
  const useTarget = create<{ target: T | "new" | null }>(() => ({ target: null }));
  const open = (target: T | "new") => useTarget.setState({ target });
  const close = () => useTarget.setState({ target: null });
  function EditorDialog({
    form,
  }: {
    readonly form: (record: T | null, headingId: string) => ReactNode;
  }) {
    const target = useTarget((s) => s.target);
    const isOpen = target !== null;
    const ref = useModalDialog(isOpen);
    const headingId = useId();
    return (
      <dialog
        ref={ref}
        className="data-dialog deal-editor"
        aria-labelledby={headingId}
        onClose={() => {
          if (isOpen) close();
        }}
      >
        {/* NOTE: keyed by the record, so each opens with a fresh form. */}
        {target !== null && (
          <Fragment key={target === "new" ? "new" : target.id}>
            {form(target === "new" ? null : target, headingId)}
          </Fragment>
        )}
      </dialog>
    );
  }
  return { open, close, EditorDialog };
}

/** A form's problems by field, for the control whose id is `${formId}-${field}`. */
export function fieldProblems(problems: readonly EditProblem[], formId: string) {
  const messageOf = (field: string) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => p.message)
      .join("; ");
  const errorId = (field: string) => `${formId}-${field}-error`;
  return {
    messageOf,
    /** The attributes that mark a control invalid and point at its message. */
    invalid: (field: string) =>
      messageOf(field) ? { "aria-invalid": true, "aria-describedby": errorId(field) } : {},
    /** The message under a control, or nothing. */
    error: (field: string) =>
      messageOf(field) ? (
        <span id={errorId(field)} className="field-error">
          {messageOf(field)}
        </span>
      ) : null,
  };
}
