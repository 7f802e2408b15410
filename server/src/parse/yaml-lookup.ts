// Key lookups that see what Kubernetes sees: aliases (`resources: *defaults`) resolved and merge keys
// (`<<: *base`, YAML 1.1, honoured by kubectl) applied, own keys first.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { aliasTarget } from './kubernetes';

/** Follows an alias to the node it names (bounded, in case of a cycle). */
export function deref(doc: Document, node: unknown): Node | undefined {
  let cur = node;
  // the parse's table first: yaml's resolve() walks the whole document for every alias
  for (let i = 0; i < 16 && isAlias(cur); i++) cur = aliasTarget(cur) ?? cur.resolve(doc);
  return isAlias(cur) ? undefined : ((cur ?? undefined) as Node | undefined);
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** The maps a `<<` pair merges in (a map, an alias to one, or a sequence of those), in precedence order. */
function mergeSources(doc: Document, map: YAMLMap): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const pair of map.items) {
    if (keyOf(pair) !== '<<') continue;
    const value = deref(doc, pair.value);
    const items = isSeq(value) ? value.items.map((item) => deref(doc, item)) : [value];
    for (const item of items) if (isMap(item)) out.push(item);
  }
  return out;
}

/** The pair for `key`: the map's own, else the first merged-in map's (depth-bounded). */
export function lookupPair(doc: Document, map: YAMLMap | undefined, key: string, depth = 0): Pair | undefined {
  if (!map || depth > 8) return undefined;
  // one pass over the keys; merge sources are resolved only when the map has a `<<` key
  let merges = false;
  for (const pair of map.items) {
    const k = keyOf(pair);
    if (k === key) return pair;
    if (k === '<<') merges = true;
  }
  if (!merges) return undefined;
  for (const source of mergeSources(doc, map)) {
    const found = lookupPair(doc, source, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The value of `key`, aliases resolved. */
export function lookup(doc: Document, map: YAMLMap | undefined, key: string): Node | undefined {
  const pair = lookupPair(doc, map, key);
  return pair ? deref(doc, pair.value) : undefined;
}

/** The map at `path` below `map`, aliases and merges resolved. */
export function lookupMap(doc: Document, map: YAMLMap | undefined, ...path: string[]): YAMLMap | undefined {
  let cur: YAMLMap | undefined = map;
  for (const key of path) {
    const next = lookup(doc, cur, key);
    cur = isMap(next) ? next : undefined;
  }
  return cur;
}

/** Whether `map` uses a merge key: keys it shows are not all the keys it has, so edits to it are not offered. */
export function hasMergeKey(map: YAMLMap): boolean {
  return map.items.some((p) => keyOf(p) === '<<');
}

/**
 * Whether keys can be added along `path` in the map's own text: every step that exists is the map's own
 * (not merged in, not an alias or an anchor, whose edit would change every user of the anchor) and is a map or empty.
 */
export function editablePath(doc: Document, map: YAMLMap, path: string[]): boolean {
  let cur = map;
  for (const key of path) {
    if (cur.anchor) return false;
    const own = cur.items.find((p) => keyOf(p) === key);
    if (!own) return !lookupPair(doc, cur, key);
    const value = own.value;
    if (isAlias(value)) return false;
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) return true;
    if (!isMap(value)) return false;
    cur = value;
  }
  return !cur.anchor;
}
