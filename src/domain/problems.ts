/** A problem found while reading a dataset, located by path and, where known, line. */
export interface Problem {
  /** Where in the document, e.g. `deals[12].amountUsdBn` or `line 7, amount_usd_bn`. */
  readonly path: string;
  /** 1-based line in the file the user gave, when the format has lines. */
  readonly line?: number;
  /** Why it is wrong, in plain words. */
  readonly message: string;
}

import type { DetectedMapping } from "./tracker.ts";

/** Result of reading user input: the dataset when valid, and every problem found. */
export type ParseResult<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly problems: readonly Problem[];
      /** What was read in a way the user should know of (e.g. two spellings taken as one company). */
      readonly warnings?: readonly Problem[];
      /** For an edge list or tracker: how its columns and values were read. */
      readonly mapping?: DetectedMapping;
    }
  | {
      readonly ok: false;
      readonly problems: readonly Problem[];
      readonly warnings?: readonly Problem[];
      readonly mapping?: DetectedMapping;
      /** The records that were valid, for "import only the valid rows". */
      readonly partial: T | null;
      /** How many records the partial value leaves out. */
      readonly skipped: number;
    };

/** Formats a zod-style path (`["deals", 12, "amountUsdBn"]`) as `deals[12].amountUsdBn`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(document)" : out;
}

// eslint-disable-next-line no-control-regex -- control characters are the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text safe to print on one line of a terminal or a list: line breaks become
 * "↵" and other control characters (terminal escape sequences among them) are
 * written as `\u001b`, so a name can neither break a message in two nor
 * recolour a terminal.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, "↵")
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One line per problem: `line 7, amount_usd_bn: must not be negative`. */
export function formatProblem(p: Problem): string {
  return oneLine(`${p.path}: ${p.message}`);
}
