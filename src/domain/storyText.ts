/**
 * Story captions: a small Markdown subset (paragraphs, `*em*`/`_em_`, `**strong**`/`__strong__`,
 * `[label](url)` and backslash escapes) parsed into inline tokens. Nothing is ever HTML: `<script>`
 * or `&lt;` come out as the literal text they are, and the UI renders tokens as React text. A link
 * is kept only when its URL is http(s); any other URL is dropped and its label shown as text.
 * Emphasis follows CommonMark's delimiter-run rules (flanking, intraword `_`, rule of 3). O(n) in
 * the input, which is capped at MAX_CAPTION_CHARS so hostile input stays cheap.
 *
 * Reference: CommonMark Spec 0.31.2, §6.2 "Emphasis and strong emphasis", §6.3 "Links" and
 * appendix "Processing emphasis"; OWASP XSS Prevention Cheat Sheet, rule 5 (URLs).
 */
import { safeHttpUrl } from "./safeUrl.ts";

export type CaptionInline =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "em"; readonly children: readonly CaptionInline[] }
  | { readonly kind: "strong"; readonly children: readonly CaptionInline[] }
  | { readonly kind: "link"; readonly href: string; readonly text: string };
export type CaptionParagraph = readonly CaptionInline[];

/** Longer captions are parsed up to this many UTF-16 code units. */
export const MAX_CAPTION_CHARS = 2000;

/** Characters a backslash turns into plain text. */
const ESCAPABLE = new Set(["*", "_", "[", "]", "(", ")", "\\"]);
const ESCAPE = /\\([*_[\]()\\])/g;
/** ASCII whitespace; a run of it (a soft break included) becomes one space. */
const WHITESPACE_RUN = /[ \t\n\v\f\r]+/g;
/** One or more blank (or whitespace-only) lines end a paragraph. */
const PARAGRAPH_BREAK = /\n(?:[ \t\v\f]*\n)+/;

type Emphasis = "em" | "strong";
/** A run of `*` or `_`: `count` is what is left unmatched, `length` the run as written. */
interface Delimiter {
  readonly kind: "delim";
  readonly char: "*" | "_";
  readonly length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  count: number;
  /** Emphasis this run opens (innermost first) and how many it closes. */
  readonly opens: Emphasis[];
  closes: number;
}
type Piece = CaptionInline | Delimiter;

/** Parses a caption into paragraphs of inline tokens; never throws. */
export function parseCaption(source: string): readonly CaptionParagraph[] {
  let capped = source.slice(0, MAX_CAPTION_CHARS);
  // NOTE: a cut between the halves of a surrogate pair would invent a lone surrogate.
  if (source.length > MAX_CAPTION_CHARS && /[\uD800-\uDBFF]$/.test(capped))
    capped = capped.slice(0, -1);
  return capped
    .replace(/\r\n?/g, "\n")
    .split(PARAGRAPH_BREAK)
    .map((raw) => raw.replace(WHITESPACE_RUN, " ").replace(/^ | $/g, ""))
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => buildTree(matchEmphasis(scanParagraph(paragraph))));
}

/** The caption as plain text (for aria labels, exports, search): markers removed, links as their label. */
export function captionPlainText(source: string): string {
  return parseCaption(source).map(inlineText).join("\n\n");
}

function inlineText(inlines: readonly CaptionInline[]): string {
  return inlines
    .map((inline) => ("children" in inline ? inlineText(inline.children) : inline.text))
    .join("");
}

function classify(char: string | undefined): "space" | "punctuation" | "other" {
  if (char === undefined || /^\s$/u.test(char)) return "space";
  return /^[\p{P}\p{S}]$/u.test(char) ? "punctuation" : "other";
}

/** Splits a paragraph into text, links and delimiter runs, resolving escapes and links. */
function scanParagraph(paragraph: string): Piece[] {
  const closingParen = matchParens(paragraph);
  const pieces: Piece[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") pieces.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < paragraph.length) {
    const char = paragraph.charAt(i);
    if (char === "\\" && ESCAPABLE.has(paragraph.charAt(i + 1))) {
      text += paragraph.charAt(i + 1);
      i += 2;
    } else if (char === "*" || char === "_") {
      let end = i;
      while (paragraph.charAt(end) === char) end++;
      // Code points, not code units, so an astral symbol counts as punctuation.
      const before = classify([...paragraph.slice(Math.max(0, i - 2), i)].at(-1));
      const after = classify([...paragraph.slice(end, end + 2)][0]);
      const left = after !== "space" && (after === "other" || before !== "other");
      const right = before !== "space" && (before === "other" || after !== "other");
      flush();
      pieces.push({
        kind: "delim",
        char,
        length: end - i,
        count: end - i,
        // Underscores never open or close inside a word (snake_case stays as written).
        canOpen: left && (char === "*" || !right || before === "punctuation"),
        canClose: right && (char === "*" || !left || after === "punctuation"),
        opens: [],
        closes: 0,
      });
      i = end;
    } else if (char === "[") {
      const link = scanLink(paragraph, i, closingParen);
      if (link?.href) {
        flush();
        pieces.push({ kind: "link", href: link.href, text: link.label });
      } else text += link ? link.label : char;
      i = link ? link.end : i + 1;
    } else text += paragraph.charAt(i++);
  }
  flush();
  return pieces;
}

/** For each unescaped `(`, the index of its balancing `)`, or -1: one pass with a stack. */
function matchParens(paragraph: string): Int32Array {
  const closing = new Int32Array(paragraph.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const char = paragraph.charAt(i);
    if (char === "\\" && ESCAPABLE.has(paragraph.charAt(i + 1))) i++;
    else if (char === "(") open.push(i);
    else if (char === ")" && open.length > 0) closing[open.pop()!] = i;
  }
  return closing;
}

/** `[label](url)` at `start`: the label, the safe href (null when the URL is not http(s)) and the end. */
function scanLink(
  paragraph: string,
  start: number,
  closingParen: Int32Array,
): { label: string; href: string | null; end: number } | null {
  let label = "";
  let i = start + 1;
  for (; paragraph.charAt(i) !== "]"; i++) {
    const char = paragraph.charAt(i);
    if (char === "" || char === "[") return null;
    if (char === "\\" && ESCAPABLE.has(paragraph.charAt(i + 1))) i++;
    label += paragraph.charAt(i);
  }
  const close = closingParen[i + 1] ?? -1;
  if (paragraph.charAt(i + 1) !== "(" || close < 0 || label.trim() === "") return null;
  const url = paragraph.slice(i + 2, close).trim();
  // NOTE: inner whitespace makes a URL malformed; the URL parser would percent-encode it instead.
  const href = /\s/.test(url) ? null : safeHttpUrl(url.replace(ESCAPE, "$1"));
  return { label, href, end: close + 1 };
}

/** CommonMark's "process emphasis": pairs closers with the nearest compatible opener. */
function matchEmphasis(pieces: Piece[]): Piece[] {
  const openers: Delimiter[] = [];
  // Per closer kind, the stack depth below which no opener can match (keeps the search linear).
  const openersBottom = new Map<string, number>();
  for (const closer of pieces) {
    if (closer.kind !== "delim") continue;
    const key = `${closer.char}${closer.canOpen}${closer.length % 3}`;
    while (closer.canClose && closer.count > 0) {
      const bottom = openersBottom.get(key) ?? 0;
      let at = openers.length - 1;
      while (at >= bottom && !canPair(openers[at]!, closer)) at--;
      if (at < bottom) {
        openersBottom.set(key, openers.length);
        break;
      }
      const opener = openers[at]!;
      const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      opener.count -= used;
      closer.count -= used;
      opener.opens.push(used === 2 ? "strong" : "em");
      closer.closes++;
      // Runs between the pair can no longer open anything.
      openers.length = opener.count > 0 ? at + 1 : at;
      for (const [k, bottom] of openersBottom)
        openersBottom.set(k, Math.min(bottom, openers.length));
    }
    if (closer.canOpen && closer.count > 0) openers.push(closer);
  }
  return pieces;
}

function canPair(opener: Delimiter, closer: Delimiter): boolean {
  const bothWays = opener.canClose || closer.canOpen;
  // The "rule of 3": keeps `*foo**bar*` one emphasis instead of pairing the inner runs.
  const ruleOf3 =
    (opener.length + closer.length) % 3 === 0 &&
    (opener.length % 3 !== 0 || closer.length % 3 !== 0);
  return opener.char === closer.char && !(bothWays && ruleOf3);
}

/** Nests the matched pieces and merges adjacent text; unmatched markers become text. */
function buildTree(pieces: readonly Piece[]): CaptionInline[] {
  const root: CaptionInline[] = [];
  const stack = [root];
  const append = (inline: CaptionInline) => {
    const children = stack.at(-1)!;
    const last = children.at(-1);
    if (inline.kind === "text" && last?.kind === "text") {
      children[children.length - 1] = { kind: "text", text: last.text + inline.text };
    } else children.push(inline);
  };
  for (const piece of pieces) {
    if (piece.kind !== "delim") {
      append(piece);
      continue;
    }
    for (let n = piece.closes; n > 0 && stack.length > 1; n--) stack.pop();
    if (piece.count > 0) append({ kind: "text", text: piece.char.repeat(piece.count) });
    for (const kind of piece.opens.toReversed()) {
      const children: CaptionInline[] = [];
      append({ kind, children });
      stack.push(children);
    }
  }
  return root;
}
