/**
 * Links the app may show: only http and https. A dataset is user input, and a
 * `javascript:`, `data:`, `vbscript:` or `file:` URL in a source would run or
 * open something when clicked; such a source is shown as text. O(n).
 *
 * Reference: WHATWG URL Standard (URL parsing), OWASP XSS prevention rule 5.
 */

/** The URL when it is http(s), normalised by the URL parser; null otherwise. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
