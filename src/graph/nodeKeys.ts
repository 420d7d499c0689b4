/**
 * Node keys: company ids as graphology may hold them.
 *
 * graphology keeps each node's neighbours in plain objects, so a node keyed
 * `constructor` (or any other `Object.prototype` name) finds an inherited
 * "neighbour" and the graph breaks for good. Such ids are given a key with a
 * "~" suffix, a character no company id can contain (ids are slugs), and every
 * id handed to graphology or sigma goes through `nodeKey`; every key read back
 * goes through `companyOf`. Other ids are their own key, so keys stay readable.
 *
 * Reference: ECMAScript §20.1.3 (properties of the Object prototype object).
 */

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const SUFFIX = "~";

/** The graphology key of a company id. */
export function nodeKey(companyId: string): string {
  return PROTOTYPE_NAMES.has(companyId) || companyId.endsWith(SUFFIX)
    ? `${companyId}${SUFFIX}`
    : companyId;
}

/** The company id of a graphology node key. */
export function companyOf(key: string): string {
  return key.endsWith(SUFFIX) ? key.slice(0, -SUFFIX.length) : key;
}
