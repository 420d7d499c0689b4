/** Keyboard movement shared by the listboxes (loops list, search results). */

/** Where an arrow, Home or End key moves a list's active item; null for other keys. */
export function nextActiveIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return index < 0 ? 0 : Math.min(index + 1, count - 1);
    case "ArrowUp":
      return index < 0 ? count - 1 : Math.max(index - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** Scrolls an element into view when the DOM supports it (jsdom does not). */
export function scrollIntoViewIfSupported(el: Element | null): void {
  if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
}
