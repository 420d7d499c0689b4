/**
 * Company search: an ARIA 1.2 combobox (input + listbox popup) with
 * aria-activedescendant, so focus stays in the input while the arrows move
 * through the matches. "/" anywhere outside a form field focuses it.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import type { Company } from "../../domain/schema.ts";
import { actions, useStore } from "../../state/store.ts";
import { nextActiveIndex, scrollIntoViewIfSupported } from "./listKeys.ts";
import { rankCompanies } from "./searchCompanies.ts";
import "./components.css";
import { useSelectAndFocus } from "../controllers/sigmaContext.ts";

const MAX_RESULTS = 8;

/** True when a key press is typing into a form field, so "/" must not be taken from it. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The company search combobox. */
export function SearchBox() {
  const selectAndFocus = useSelectAndFocus();
  const companies = useStore((s) => s.dataset.companies);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  const matches = useMemo(() => rankCompanies(companies, query, MAX_RESULTS), [companies, query]);
  const hasQuery = query.trim() !== "";
  const expanded = open && matches.length > 0;
  const active = expanded && activeIndex >= 0 && activeIndex < matches.length ? activeIndex : -1;

  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const moveTo = (index: number) => {
    setActiveIndex(index);
    scrollIntoViewIfSupported(listRef.current?.children[index] ?? null);
  };

  const choose = (company: Company) => {
    setQuery(company.name);
    setOpen(false);
    setActiveIndex(-1);
    selectAndFocus(company.id, { openDetails: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActiveIndex(e.key === "ArrowDown" ? 0 : matches.length - 1);
        return;
      }
      const next = nextActiveIndex(e.key, active, matches.length);
      if (next !== null) moveTo(next);
    } else if (e.key === "Enter") {
      const company = matches[active >= 0 ? active : 0];
      if (company) {
        e.preventDefault();
        choose(company);
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (query === "") actions.clearSelection();
      setQuery("");
      setOpen(false);
      setActiveIndex(-1);
    }
  };

  return (
    <div className="search-box">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label="Search companies"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="/"
        placeholder="Search companies ( / )"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActiveIndex(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label="Matching companies"
        className="search-results"
        hidden={!expanded}
      >
        {matches.map((company, i) => (
          <li
            key={company.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // NOTE: keep focus in the input, so the click lands before the blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(company)}
          >
            <span className="search-name">{company.name}</span>
            <span className="search-kind muted">{company.kind}</span>
          </li>
        ))}
      </ul>
      <p className="search-empty muted" aria-live="polite">
        {open && hasQuery && matches.length === 0 ? "No company matches" : ""}
      </p>
    </div>
  );
}
