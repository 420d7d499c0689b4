import fc from "fast-check";
import type { CompanyKind } from "../../../../src/domain/schema.ts";
import { COMPANY_KINDS } from "../../../../src/domain/schema.ts";
import { buildLayoutGraph } from "../../../../src/graph/buildGraph.ts";
import {
  type LayoutInput,
  layoutInputOf,
  makeLayoutInput,
} from "../../../../src/graph/layouts/layoutInput.ts";
import type { Positions } from "../../../../src/graph/positions.ts";
import { realDataset } from "../fixtures.ts";

/** The layout input of the default dataset's layout graph. */
export function realInput(): LayoutInput {
  return layoutInputOf(buildLayoutGraph(realDataset()));
}

/** A layout input from node keys (kind "other", size 5 unless given) and payer → payee pairs. */
export function inputOf(
  nodes: readonly (string | { key: string; kind?: CompanyKind; size?: number })[],
  edges: readonly (readonly [string, string])[],
): LayoutInput {
  return makeLayoutInput(
    nodes.map((n) =>
      typeof n === "string"
        ? { key: n, kind: "other" as const, size: 5 }
        : { key: n.key, kind: n.kind ?? "other", size: n.size ?? 5 },
    ),
    edges,
  );
}

/** Random directed graphs: 2–30 nodes of random kinds, random edges (no self-loops). */
export const randomInput: fc.Arbitrary<LayoutInput> = fc
  .integer({ min: 2, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.constantFrom(...COMPANY_KINDS), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      fc.array(fc.integer({ min: 5, max: 16 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([kinds, pairs, sizes]) =>
    makeLayoutInput(
      kinds.map((kind, i) => ({ key: `n${i}`, kind, size: sizes[i]! })),
      pairs.filter(([a, b]) => a !== b).map(([a, b]) => [`n${a}`, `n${b}`] as const),
    ),
  );

/** Every node has a finite position, and no two share one. */
export function expectFiniteDistinct(input: LayoutInput, positions: Positions): void {
  const keys = input.nodes.map((n) => n.key);
  const seen = new Set<string>();
  for (const key of keys) {
    const p = positions[key];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new Error(`no finite position for ${key}`);
    }
    const at = `${p.x.toFixed(6)},${p.y.toFixed(6)}`;
    if (seen.has(at)) throw new Error(`two nodes at ${at}`);
    seen.add(at);
  }
  if (Object.keys(positions).length !== keys.length) throw new Error("extra positions");
}
