/**
 * Limits on what a user may import, kept apart from the parsers so the page can
 * check a file before it loads any of them.
 */
import { formatCount as n } from "./counts.ts";
import type { ParseResult, Problem } from "./problems.ts";

/** Files above this size are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The file picker's `accept`: the dataset JSON, a CSV edge list, GEXF. */
export const IMPORT_ACCEPT = ".json,.csv,.gexf,.xlsx";

/** "61.2 MB", "830 kB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** The problem with a file's size, or null when it may be read. */
export function importSizeProblem(fileName: string, bytes: number): Problem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    path: "(file)",
    message: `${fileName} is ${formatBytes(bytes)}; files larger than ${formatBytes(MAX_IMPORT_BYTES)} are refused`,
  };
}

/**
 * The largest dataset the explorer draws. Above it the graph, the layout and
 * the per-company panels would hold the page for tens of seconds or exhaust
 * its memory, so the import is refused with this reason instead; the CLI
 * analyses files of any size.
 */
export const MAX_VIEW_DEALS = 100_000;
export const MAX_VIEW_COMPANIES = 100_000;

/** The problem with a dataset too large to draw, or null. */
export function viewSizeProblem(
  fileName: string,
  dataset: { readonly deals: readonly unknown[]; readonly companies: readonly unknown[] },
): Problem | null {
  const over =
    dataset.deals.length > MAX_VIEW_DEALS
      ? `${n(dataset.deals.length)} deals; the explorer draws at most ${n(MAX_VIEW_DEALS)}`
      : dataset.companies.length > MAX_VIEW_COMPANIES
        ? `${n(dataset.companies.length)} companies; the explorer draws at most ${n(MAX_VIEW_COMPANIES)}`
        : null;
  if (over === null) return null;
  return {
    path: "(file)",
    message: `${fileName} has ${over} (analyse it with the command line: npm run analyze -- ${fileName})`,
  };
}

/** A parse result refused when what it would open is too large to draw. */
export function withViewLimit<T extends Parameters<typeof viewSizeProblem>[1]>(
  fileName: string,
  result: ParseResult<T>,
): ParseResult<T> {
  const value = result.ok ? result.value : result.partial;
  const problem = value && viewSizeProblem(fileName, value);
  if (!problem) return result;
  const problems = result.ok ? [problem] : [problem, ...result.problems];
  return { ok: false, problems, partial: null, skipped: value.deals.length };
}
