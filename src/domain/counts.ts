/** How the app and the CLI write counts: "1,000,000", "1 loop", "3 companies". */

/** A count with thousands separators, the same in every locale: 1000000 → "1,000,000". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** "1 loop", "3 loops", "2 companies" (with `many`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
