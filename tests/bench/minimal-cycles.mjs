// The yardstick of `npm run bench:cli`: a minimal, untuned counter of the simple
// cycles of length 2..L in a CSV edge list (from,to first; parallel deals are one
// edge). Each cycle is counted once, from its smallest node: a bounded
// depth-first search over larger nodes, pruned by a reverse breadth-first bound.
// Usage: node tests/bench/minimal-cycles.mjs FILE.csv [L=6]
/* global console, process */
import { readFileSync } from "node:fs";
const [file, bound = "6"] = process.argv.slice(2);
const L = Number(bound);
const ids = new Map();
const id = (name) => (ids.has(name) ? ids.get(name) : (ids.set(name, ids.size), ids.size - 1));
const edges = new Set();
for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
  const [a, b] = line.split(",");
  if (a && b && a !== b) edges.add(id(a) * 2 ** 26 + id(b));
}
const out = Array.from({ length: ids.size }, () => []);
const inn = Array.from({ length: ids.size }, () => []);
for (const e of edges) {
  const a = Math.floor(e / 2 ** 26),
    b = e % 2 ** 26;
  out[a].push(b);
  inn[b].push(a);
}
const dist = new Int32Array(ids.size).fill(-1);
const onPath = new Uint8Array(ids.size);
let count = 0;
for (let s = 0; s < ids.size; s++) {
  const seen = [s];
  dist[s] = 0;
  for (let i = 0; i < seen.length; i++) {
    const v = seen[i];
    if (dist[v] >= L - 1) continue;
    for (const u of inn[v]) {
      if (u > s && dist[u] < 0) {
        dist[u] = dist[v] + 1;
        seen.push(u);
      }
    }
  }
  const walk = (v, depth) => {
    for (const w of out[v]) {
      if (w === s) count++;
      else if (w > s && !onPath[w] && dist[w] > 0 && depth + 1 + dist[w] <= L) {
        onPath[w] = 1;
        walk(w, depth + 1);
        onPath[w] = 0;
      }
    }
  };
  walk(s, 0);
  for (const v of seen) dist[v] = -1;
}
console.log(count);
