// Minimal, style-preserving YAML edits: every quick fix on a manifest is one text edit computed
// from node ranges, so comments, quoting and layout outside the edit stay byte-for-byte.
import {
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { OffsetEdit } from '../engine/types';
import { yamlDocuments } from './kubernetes';

export type Eol = '\n' | '\r\n';

/** How the file lays out block YAML; inserted text copies it. */
export interface YamlStyle {
  /** Spaces from a key to the keys of its nested map. */
  indent: number;
  /** Spaces from a key to the `-` of its block sequence (0: sequences sit at the key's column). */
  seqIndent: number;
  eol: Eol;
}

const DEFAULT_INDENT = 2;

// ---------------------------------------------------------------------------------------------
// Style detection

/** The file's line break; mixed files follow the majority so most lines stay consistent. */
export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** The document's indent unit (spaces between a key and its nested map's keys); 2 when unknown. */
export function detectIndentUnit(text: string): number {
  return detectStyle(text).indent;
}

// every fix of a file asks for its style: the last answer is kept, since a parse of a large broken file takes a second
let lastStyle: { text: string; style: YamlStyle } | undefined;

/** Measures indentation from the parsed tree, not raw lines, so block scalars and `- ` items cannot skew it. */
export function detectStyle(text: string): YamlStyle {
  if (lastStyle?.text !== text) lastStyle = { text, style: measureStyle(text) };
  return { ...lastStyle.style };
}

function measureStyle(text: string): YamlStyle {
  const mapSteps = new Map<number, number>();
  const seqSteps = new Map<number, number>();
  for (const doc of yamlDocuments(text)) {
    visit(doc, {
      Pair(_, pair) {
        const key = pair.key;
        const value = pair.value;
        if (!isNode(key) || !key.range || !isCollection(value) || value.flow || !value.range) return;
        const step = columnOf(text, value.range[0]) - columnOf(text, key.range[0]);
        if (isMap(value) && step > 0) count(mapSteps, step);
        if (isSeq(value) && step >= 0) count(seqSteps, step);
      },
    });
  }
  const indent = mostCommon(mapSteps) ?? mostCommon(positive(seqSteps)) ?? DEFAULT_INDENT;
  const seqIndent = mostCommon(seqSteps) ?? indent;
  return { indent, seqIndent, eol: detectEol(text) };
}

function count(counts: Map<number, number>, step: number): void {
  counts.set(step, (counts.get(step) ?? 0) + 1);
}

function positive(counts: Map<number, number>): Map<number, number> {
  return new Map([...counts].filter(([step]) => step > 0));
}

/** Most frequent step; ties go to the smaller one, the likelier unit. */
function mostCommon(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && step < best)) {
      best = step;
      bestCount = n;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Serialising inserted values

type Plain = string | number | boolean | bigint | null | undefined;

// Indicators that cannot start a plain scalar (a leading `-` is handled apart: `-Xmx1g` is fine).
const INDICATOR_START = /^[?:,[\]{}#&*!|>'"%@`]/;
// Characters YAML cannot carry in a plain scalar on one line (tabs and breaks included).
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/**
 * Whether `s` may be written unquoted and still read back as the same string, both by YAML 1.2
 * and by the YAML 1.1 resolvers Kubernetes tooling uses (`yes`, `0777`, `1:30` are not strings there).
 */
export function isPlainSafe(s: string, inFlow: boolean): boolean {
  // Fast path for identifier-like words (most keys); only the boolean/null words resolve otherwise.
  if (/^[A-Za-z][\w./-]*$/.test(s)) return !/^(y|n|yes|no|on|off|true|false|null)$/i.test(s);
  if (s === '' || s !== s.trim() || UNPRINTABLE.test(s)) return false;
  if (INDICATOR_START.test(s) || s === '-' || /^-\s/.test(s) || s === '<<') return false;
  if (/:\s|:$|\s#/.test(s) || /^(---|\.\.\.)/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  // two YAML parses per answer, and fixes ask again and again for the same few values (`100m`, `128Mi`, `8080`)
  const key = `${inFlow ? 'f' : 'b'}${s}`;
  let safe = plainSafeAnswers.get(key);
  if (safe === undefined) {
    safe = (['1.1', '1.2'] as const).every((version) => readsBackAs(s, version, inFlow));
    if (plainSafeAnswers.size >= MAX_PLAIN_SAFE_ANSWERS) plainSafeAnswers.clear();
    plainSafeAnswers.set(key, safe);
  }
  return safe;
}

const plainSafeAnswers = new Map<string, boolean>();
const MAX_PLAIN_SAFE_ANSWERS = 1024;

/** Parses `s` where it will stand (alone, or as a flow item) and checks one plain string comes back. */
function readsBackAs(s: string, version: '1.1' | '1.2', inFlow: boolean): boolean {
  const doc = parseDocument(inFlow ? `[${s}]` : s, { version });
  let node: unknown = doc.contents;
  if (inFlow) node = isSeq(node) && node.items.length === 1 ? node.items[0] : undefined;
  return doc.errors.length === 0 && isScalar(node) && node.type === 'PLAIN' && node.value === s && !node.tag;
}

/** A double-quoted scalar: JSON escapes are valid YAML, plus the C1 controls YAML also wants escaped. */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\x7f-\x9f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function formatNumber(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return String(n);
}

/** One scalar as YAML text, quoted only when the plain form would change meaning or break the parse. */
export function formatScalar(value: Plain, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return formatNumber(value);
  return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}

function isPlainValue(value: unknown): value is Plain {
  return value === null || ['undefined', 'string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** Own entries in insertion order; `undefined` members are dropped as JSON does. */
function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function checkSerialisable(value: unknown): void {
  if (!isPlainValue(value) && (typeof value !== 'object' || value === null)) {
    throw new TypeError(`cannot write a ${typeof value} as YAML`);
  }
}

/** Flow-style text (`{a: 1, b: [x, y]}`), for flow collections and compact values. */
export function flowText(value: unknown): string {
  checkSerialisable(value);
  if (isPlainValue(value)) return formatScalar(value, true);
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  return `{${entriesOf(value as object).map(([k, v]) => `${formatScalar(k, true)}: ${flowText(v)}`).join(', ')}}`;
}

/** Collections with members are written as blocks; scalars and empty ones stay on the key's line. */
function isBlockCollection(value: unknown): value is object {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && entriesOf(value).length > 0;
}

function inlineText(value: unknown): string {
  checkSerialisable(value);
  return isPlainValue(value) ? formatScalar(value) : flowText(value);
}

/** `key: value` at column 0, nested content indented from the key by the file's units. */
export function pairLines(key: string, value: unknown, style: YamlStyle): string[] {
  const head = `${formatScalar(key)}:`;
  if (!isBlockCollection(value)) return [`${head} ${inlineText(value)}`];
  if (Array.isArray(value)) return [head, ...indented(seqLines(value, style), style.seqIndent)];
  return [head, ...indented(mapLines(value, style), style.indent)];
}

function mapLines(value: object, style: YamlStyle): string[] {
  return entriesOf(value).flatMap(([k, v]) => pairLines(k, v, style));
}

function seqLines(items: unknown[], style: YamlStyle): string[] {
  return items.flatMap((item) => itemLines(item, style));
}

/** A `- ` item; a map or sequence item starts on the dash line and its other lines align under its first. */
export function itemLines(item: unknown, style: YamlStyle): string[] {
  if (!isBlockCollection(item)) return [`- ${inlineText(item)}`];
  const inner = Array.isArray(item) ? seqLines(item, style) : mapLines(item, style);
  return [`- ${inner[0]}`, ...indented(inner.slice(1), 2)];
}

function indented(lines: string[], by: number): string[] {
  const pad = ' '.repeat(by);
  return lines.map((line) => pad + line);
}

/** Block-style YAML text of `value` at column 0 (a collection's lines, or a scalar's text). */
export function blockText(value: unknown, style: YamlStyle): string {
  if (!isBlockCollection(value)) return inlineText(value);
  const lines = Array.isArray(value) ? seqLines(value, style) : mapLines(value, style);
  return lines.join(style.eol);
}

// ---------------------------------------------------------------------------------------------
// Positions

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the line break ending the line at `offset` (the `\r` of `\r\n`), or the text's end. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new Error('YAML node has no source range (was it built rather than parsed?)');
  return node.range;
}

/**
 * Where a node's own text ends. Block collections recurse into their last entry because their
 * range may run on over the trailing comment lines we must insert before.
 */
function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) return contentEnd(lastMember(node));
  return rangeOf(node)[1];
}

/** The node a collection's text ends with: its last item, or its last pair's value (its key when valueless). */
function lastMember(collection: YAMLMap | YAMLSeq): Node {
  const last: unknown = collection.items[collection.items.length - 1];
  const node = isPair(last) ? (isNode(last.value) ? last.value : last.key) : last;
  if (!isNode(node)) throw new Error('collection member has no node');
  return node;
}

/**
 * The start of the line after a block collection's last entry: past the entry's inline comment,
 * before trailing comment lines, and after a block scalar's body (which already ends in a break).
 */
function afterLastEntry(text: string, collection: YAMLMap | YAMLSeq): { offset: number; atEof: boolean } {
  const end = contentEnd(collection);
  if (end > 0 && text[end - 1] === '\n') return { offset: end, atEof: false };
  const nl = text.indexOf('\n', end);
  return nl === -1 ? { offset: text.length, atEof: true } : { offset: nl + 1, atEof: false };
}

/** New lines at `column`, as an edit after the collection's last line (adds a break when the file lacks a final one). */
function blockInsertion(text: string, collection: YAMLMap | YAMLSeq, column: number, lines: string[], eol: Eol): OffsetEdit {
  const body = indented(lines, column).join(eol);
  const { offset, atEof } = afterLastEntry(text, collection);
  return { start: offset, end: offset, newText: atEof ? eol + body : body + eol };
}

/** `item` added after a flow collection's last member (trailing comma and comments stay where they are). */
function flowInsertion(text: string, collection: YAMLMap | YAMLSeq, item: string): OffsetEdit {
  const close = rangeOf(collection)[1] - 1;
  if (text[close] !== (isMap(collection) ? '}' : ']')) throw new Error('flow collection does not end at its closing bracket');
  if (collection.items.length === 0) return { start: close, end: close, newText: item };
  const at = contentEnd(lastMember(collection));
  return { start: at, end: at, newText: `, ${item}` };
}


/** Column of a block map's keys, taken from its first key so new keys line up with the old. */
function keyColumn(text: string, map: YAMLMap): number {
  const first = map.items[0];
  const key = first && isNode(first.key) ? first.key : map;
  return columnOf(text, rangeOf(key)[0]);
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Adds `key: value` as the last entry of `map`, in the map's own style (block or flow). */
export function insertMapPair(text: string, map: YAMLMap, key: string, value: unknown, style = detectStyle(text)): OffsetEdit {
  if (map.has(key)) throw new Error(`map already has key '${key}'`);
  if (map.flow) return flowInsertion(text, map, `${formatScalar(key, true)}: ${flowText(value)}`);
  if (map.items.length === 0) throw new Error('cannot place a key in an empty block map');
  return blockInsertion(text, map, keyColumn(text, map), pairLines(key, value, style), style.eol);
}

/** Appends an item to `seq`; block items take the column of the existing dashes (indented or not). */
export function appendSeqItem(text: string, seq: YAMLSeq, value: unknown, style = detectStyle(text)): OffsetEdit {
  if (seq.flow) return flowInsertion(text, seq, flowText(value));
  const dash = rangeOf(seq)[0];
  if (seq.items.length === 0 || text[dash] !== '-') throw new Error('block sequence does not start with a dash');
  return blockInsertion(text, seq, columnOf(text, dash), itemLines(value, style), style.eol);
}

/** `{a: {b: value}}` for path ['a', 'b']. */
function nested(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/**
 * Adds `value` at `path` below `map`, creating only the maps that are missing, inside the deepest
 * one that exists. A key that is present with an empty value (`limits:`) is filled in place.
 */
export function insertPath(text: string, map: YAMLMap, path: string[], value: unknown, style = detectStyle(text)): OffsetEdit {
  if (path.length === 0) throw new Error('insertPath needs a non-empty path');
  let target = map;
  for (let i = 0; i < path.length; i++) {
    const rest = nested(path.slice(i + 1), value);
    const child: unknown = target.get(path[i], true);
    if (child === undefined) return insertMapPair(text, target, path[i], rest, style);
    if (isMap(child) && i < path.length - 1) {
      target = child;
      continue;
    }
    if (child === null || (isScalar(child) && child.value === null)) return fillEmptyValue(text, target, path[i], rest, style);
    throw new Error(`'${path.slice(0, i + 1).join('.')}' already has a value`);
  }
  throw new Error('unreachable');
}

/** Gives a key that has no value (`limits:`, `limits: ~`, flow `{limits}`) the value `value`. */
function fillEmptyValue(text: string, map: YAMLMap, key: string, value: unknown, style: YamlStyle): OffsetEdit {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isNode(pair.key)) throw new Error(`key '${key}' not found`);
  const keyEnd = rangeOf(pair.key)[1];
  // `{limits}`: no colon and no value node, so the whole `: value` goes after the key.
  if (!isNode(pair.value)) return { start: keyEnd, end: keyEnd, newText: `: ${flowText(value)}` };
  const [start, end] = rangeOf(pair.value);
  // An explicit `~`/`null` token is replaced; leaving it would keep the key null.
  if (start !== end) return { start, end, newText: map.flow ? flowText(value) : inlineText(value) };
  if (map.flow) return { start, end, newText: (text[start - 1] === ':' ? ' ' : '') + flowText(value) };
  if (!isBlockCollection(value)) {
    const colon = text.lastIndexOf(':', start - 1) + 1;
    return { start: colon, end: colon, newText: ` ${inlineText(value)}` };
  }
  // Block content goes below the key's line, after any comment on it.
  const column = columnOf(text, rangeOf(pair.key)[0]) + (Array.isArray(value) ? style.seqIndent : style.indent);
  const lines = Array.isArray(value) ? seqLines(value, style) : mapLines(value, style);
  const at = lineEnd(text, start);
  return { start: at, end: at, newText: style.eol + indented(lines, column).join(style.eol) };
}

// ---------------------------------------------------------------------------------------------
// Replacing scalars

export interface ReplaceOptions {
  /** Whether the scalar sits inside a flow collection; when unknown, plain text avoids `,[]{}` to be safe. */
  inFlow?: boolean;
}

/**
 * Replaces a scalar's value. Strings keep the node's quoting style when it can carry them; numbers
 * and booleans are written plain, since quoting them would turn them into strings.
 */
export function replaceScalar(text: string, node: Scalar, value: string | number | boolean, options: ReplaceOptions = {}): OffsetEdit {
  const [start, end] = rangeOf(node);
  const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (isBlock && typeof value === 'string') {
    const block = blockScalarText(text, node, value);
    if (block !== undefined) return { start, end, newText: block };
  }
  // A block scalar's range includes its final line break; the one-line replacement must keep it.
  const tail = isBlock && text[end - 1] === '\n' ? detectEol(text) : '';
  return { start, end, newText: inlineScalar(node, value, options.inFlow ?? true) + tail };
}

function inlineScalar(node: Scalar, value: string | number | boolean, inFlow: boolean): string {
  if (typeof value !== 'string') return formatScalar(value);
  if (node.type === 'QUOTE_SINGLE' && !UNPRINTABLE.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (node.type === 'QUOTE_DOUBLE') return doubleQuoted(value);
  return formatScalar(value, inFlow);
}

/**
 * The new text of a `|`/`>` scalar: same header comment and content indentation, chomping chosen
 * for the new value's trailing breaks. Undefined when a block cannot carry the value.
 */
function blockScalarText(text: string, node: Scalar, value: string): string | undefined {
  const [start, end] = rangeOf(node);
  const eol = detectEol(text);
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  // Leading spaces would need an indentation indicator, a value of only breaks a keep-chomped
  // block of blank lines; controls cannot appear in a block at all. Those fall back to quotes.
  if (/^[ \t]/.test(body) || (body === '' && trailing > 0)) return undefined;
  if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(body)) return undefined;
  const source = text.slice(start, end);
  const headerEnd = source.indexOf('\n');
  const header = headerEnd === -1 ? source : source.slice(0, headerEnd).replace(/\r$/, '');
  const comment = header.replace(/^[|>][-+0-9]*/, '');
  // Folding would join the lines of a multi-line value, so those become literal.
  const indicator = header.startsWith('>') && !body.includes('\n') ? '>' : '|';
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(blockContentIndent(text, node));
  const lines = body === '' ? [] : body.split('\n').map((line) => (line === '' ? '' : pad + line));
  // One break ends the last line; keep chomping adds the value's extra trailing breaks as blank lines.
  const breaks = Math.max(trailing, 1);
  // At the end of a file without a final newline the end of input stands for the last break,
  // except under keep chomping, where every break is content.
  const atEof = text[end - 1] !== '\n';
  const ending = eol.repeat(atEof && chomp !== '+' ? breaks - 1 : breaks);
  return [indicator + chomp + comment, ...lines].join(eol) + ending;
}

/** The existing content's indentation, else one unit past the header's line. */
function blockContentIndent(text: string, node: Scalar): number {
  const [start, end] = rangeOf(node);
  const firstContent = /\n( *)[^\s]/.exec(text.slice(start, end));
  if (firstContent) return firstContent[1].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineIndent = /^ */.exec(text.slice(lineStart))![0].length;
  return lineIndent + detectIndentUnit(text);
}
