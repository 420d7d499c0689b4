/**
 * Text that XML can hold: XML 1.0 forbids most control characters and lone
 * surrogates, and a document holding one is not well-formed (Gephi refuses it,
 * browsers show a parse error). Both the GEXF and the SVG writers pass every
 * string through `xmlSafe`. O(n).
 *
 * Reference: XML 1.0 (Fifth Edition) §2.2, "Characters".
 */

/** Drops characters XML 1.0 forbids (control characters); lone surrogates become U+FFFD. */
export function xmlSafe(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- these control characters are the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
  );
}
