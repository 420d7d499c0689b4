/**
 * A labelled multi-company picker: a combobox that adds companies, and the
 * chosen ones as removable chips. Keyboard: arrows move, Enter adds, Esc
 * closes, Backspace on an empty field removes the last chip.
 */
import { useId, useMemo, useState } from "react";
import { selectLookups } from "../../state/selectors.ts";
import { useStore } from "../../state/store.ts";
import { rankCompanies } from "./searchCompanies.ts";
import "./components.css";

export interface CompanyPickerProps {
  readonly label: string;
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
}

export function CompanyPicker({ label, selected, onChange }: CompanyPickerProps) {
  const id = useId();
  const { companyById } = useStore(selectLookups);
  const companies = useStore((s) => s.dataset.companies);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const matches = useMemo(
    () =>
      (query.trim() === "" ? companies.slice(0, 8) : rankCompanies(companies, query, 12))
        .filter((c) => !selected.includes(c.id))
        .slice(0, 8),
    [companies, query, selected],
  );
  const add = (cid: string) => {
    onChange([...selected, cid]);
    setQuery("");
    setActive(0);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const d = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (matches.length === 0 ? 0 : (a + d + matches.length) % matches.length));
    } else if (e.key === "Enter") {
      const pick = matches[active] ?? matches[0];
      if (open && pick) {
        e.preventDefault();
        add(pick.id);
      }
    } else if (e.key === "Escape") {
      if (open) e.preventDefault();
      setOpen(false);
    } else if (e.key === "Backspace" && query === "" && selected.length > 0) {
      onChange(selected.slice(0, -1));
    }
  };
  const listId = `${id}-list`;
  const showList = open && matches.length > 0;
  return (
    <div className="field company-picker">
      <label htmlFor={id}>{label}</label>
      {selected.length > 0 && (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {selected.map((cid) => (
            <li key={cid} className="chip">
              {companyById.get(cid)?.name ?? cid}
              <button
                type="button"
                aria-label={`Remove ${companyById.get(cid)?.name ?? cid}`}
                onClick={() => onChange(selected.filter((x) => x !== cid))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="search-box">
        <input
          id={id}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${active}` : undefined}
          placeholder="Add a company…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="search-results"
          hidden={!showList}
        >
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                add(c.id);
              }}
            >
              <span className="search-name">{c.name}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
