// Several keys added to one map as a single edit (yaml-edit's insertMapPair adds one): two insertions at
// the same offset would be ambiguous to apply, so they are joined here.
import type { YAMLMap } from 'yaml';
import type { OffsetEdit } from '../engine/types';
import { detectStyle, flowText, formatScalar, insertMapPair, type YamlStyle } from './yaml-edit';

/** Adds every `key: value` of `entries`, in order, after the map's last entry, in the map's own style. */
export function insertMapPairs(text: string, map: YAMLMap, entries: [string, unknown][], style = styleOf(text)): OffsetEdit {
  if (entries.length === 0) throw new Error('insertMapPairs needs at least one entry');
  if (map.flow && map.items.length === 0) {
    const only = insertMapPair(text, map, entries[0][0], entries[0][1], style);
    const rest = entries.slice(1).map(([k, v]) => `, ${formatScalar(k, true)}: ${flowText(v)}`);
    return { ...only, newText: only.newText + rest.join('') };
  }
  const edits = entries.map(([k, v]) => insertMapPair(text, map, k, v, style));
  if (edits.some((e) => e.start !== edits[0].start || e.end !== e.start)) throw new Error('insertions do not share one offset');
  return { start: edits[0].start, end: edits[0].end, newText: edits.map((e) => e.newText).join('') };
}

let cached: { text: string; style: YamlStyle } | undefined;

/** detectStyle parses the whole file; fixes of one file in a row share the result. */
export function styleOf(text: string): YamlStyle {
  if (cached?.text !== text) cached = { text, style: detectStyle(text) };
  return cached.style;
}
