/** Company search for the SearchBox: case-insensitive, prefix matches first. */
import type { Company } from "../../domain/schema.ts";

const byName = (a: Company, b: Company) =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** Companies whose name (or id) contains the query; names that start with it come first. */
export function rankCompanies(companies: readonly Company[], query: string, limit = 8): Company[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const prefix: Company[] = [];
  const inner: Company[] = [];
  for (const c of companies) {
    const name = c.name.toLowerCase();
    if (name.startsWith(q)) prefix.push(c);
    else if (name.includes(q) || c.id.includes(q)) inner.push(c);
  }
  return [...prefix.sort(byName), ...inner.sort(byName)].slice(0, limit);
}
