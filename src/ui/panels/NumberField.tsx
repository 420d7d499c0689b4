/**
 * A labelled number input bound to a store value. It keeps the text being typed
 * (an empty field, "1.") while the store keeps the last valid number, and shows
 * the store's value again when it changes elsewhere (a reset).
 */
import { useId, useState } from "react";
import "./panels.css";

function parse(text: string): number {
  return text.trim() === "" ? 0 : Number(text);
}

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly hint?: string;
}

/** A number input that commits only valid values at or above `min`. */
export function NumberField({ label, value, onChange, min = 0, max, hint }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft !== null && parse(draft) === value ? draft : String(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step="any"
        value={shown}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = parse(e.target.value);
          if (Number.isFinite(n) && n >= min && (max === undefined || n <= max)) onChange(n);
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}
