/** The widths the app lays out for a phone: the panels become a drawer, a story sits under the graph. */
export const PHONE_QUERY = "(max-width: 720px)";

/** True when the window is phone-sized now. */
export function isPhone(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(PHONE_QUERY).matches;
}
