/**
 * Undo and redo of edits to the data: two buttons, and Ctrl+Z / Ctrl+Shift+Z
 * (Cmd on a Mac; Ctrl+Y too) anywhere but in a text field, where the keys
 * belong to the field. View changes are never undo steps.
 */
import { useEffect } from "react";
import { useStore as useZustand } from "zustand";
import { actions, useStore } from "../../state/store.ts";

function useHistory() {
  const past = useZustand(useStore.temporal, (t) => t.pastStates.length);
  const future = useZustand(useStore.temporal, (t) => t.futureStates.length);
  return { past, future };
}

/** Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, outside text fields. */
export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      if (key !== "z" && key !== "y") return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      event.preventDefault();
      if (key === "y" || event.shiftKey) actions.redo();
      else actions.undo();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

const SAVE_TEXT = {
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  failed: "Not saved",
} as const;

export function UndoControls() {
  const { past, future } = useHistory();
  const saveState = useStore((s) => s.saveState);
  return (
    <div className="undo-controls" role="group" aria-label="Edit history">
      <span
        role="status"
        className={`save-state save-state--${saveState}`}
        title={saveState === "saved" ? "Saved in this browser" : undefined}
      >
        {SAVE_TEXT[saveState]}
      </span>
      <button
        type="button"
        aria-label="Undo the last edit"
        title="Undo (Ctrl+Z)"
        disabled={past === 0}
        onClick={() => actions.undo()}
      >
        ↶
      </button>
      <button
        type="button"
        aria-label="Redo the edit"
        title="Redo (Ctrl+Shift+Z)"
        disabled={future === 0}
        onClick={() => actions.redo()}
      >
        ↷
      </button>
    </div>
  );
}
