// Docker Compose files: every service, with what Compose itself would run — strings split as Compose splits
// them (quotes, no shell), `$$` read as `$`, `${VAR}` interpolated from the `.env` beside the file when known.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { alignDecoded, docOffset, type MappedText } from './mapped-text';
import type { SourceText } from './source';
import { resolveAliases } from './kubernetes';
import { deref, lookup, lookupPair } from './yaml-lookup';
import { cutDeepNesting, MAX_YAML_DEPTH } from './yaml-depth';
import { parseYamlStream } from './yaml-stream';

export interface ComposeModel {
  kind: 'compose';
  source: SourceText;
  documents: ComposeDocument[];
  services: ComposeService[];
  /** Variables of the `.env` beside the file; undefined when that file is not known. */
  dotenv?: Record<string, string>;
  /** The file describes development containers (it lies in a `.devcontainer/` folder, or a devcontainer.json names it). */
  devcontainer: boolean;
  /** The devcontainer.json `service`: the one that idles while the editor attaches; undefined when not known. */
  devcontainerService?: string;
}

export interface ComposeDocument {
  index: number;
  yaml: Document.Parsed;
  errors: { message: string; start: number; end: number }[];
}

export interface Span {
  start: number;
  end: number;
}

/** A `$name` / `${name…}` that Compose interpolates when it reads the file (`$$` excluded). */
export interface Interpolation {
  name: string;
  /** From `$` to the end of the reference. */
  span: Span;
  /** Where `$` sits in the document, for the `$` → `$$` fix. */
  dollar: number;
}

/** A word of a split Compose string; `quoted` when any of it was quoted or escaped. */
export interface ComposeWord extends MappedText {
  quoted?: boolean;
}

/** A `command`, `entrypoint` or healthcheck `test` value as Compose reads it. */
export interface ComposeCommand {
  pair: Pair;
  key: Span;
  node: Node;
  /** The value was one string (Compose splits it), not a list. */
  isString: boolean;
  /** The words after interpolation and splitting. */
  argv: ComposeWord[];
  /** The YAML value as written (not interpolated), for fixes that keep it. */
  raw?: string;
  /** Interpolations Compose makes in the value. */
  interpolations: Interpolation[];
}

export interface DependsOn {
  name: string;
  span: Span;
  /** Short syntax: a list item; long syntax: a key with a map. */
  short: boolean;
  condition?: string;
  conditionSpan?: Span;
}

export interface ComposeService {
  name: string;
  key: Scalar;
  node: YAMLMap;
  /** The `name: {…}` pair in `services`. */
  pair: Pair;
  doc: Document.Parsed;
  image?: { text: string; node: Scalar };
  build?: { context?: string; dockerfile?: string; target?: string; node: Node };
  entrypoint?: ComposeCommand;
  command?: ComposeCommand;
  healthcheck?: { node: Node; disabled: boolean; test?: ComposeCommand };
  dependsOn: DependsOn[];
  dependsOnNode?: Node;
  environment: { name: string; value?: string; nameSpan: Span; valueSpan?: Span }[];
  user?: string;
  privileged?: Span;
  networkMode?: { value: string; span: Span };
  volumes: { source?: string; target?: string }[];
  ports: string[];
  /** `extends`: keys may come from another service or file. */
  extends: boolean;
  /** Rule ids of `x-herd-ignore`. */
  ignore: string[];
  /** `restart: "no"` with `profiles`: a tool run on demand, not a long-running service. */
  oneOff: boolean;
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]+)?\.ya?ml$/i;

/** `compose.yaml`, `docker-compose.yml` and their overrides and variants (`compose.override.yaml`, `docker-compose.prod.yml`, `docker-compose-mysql.yaml`). */
export function isComposeFileName(name: string): boolean {
  return COMPOSE_NAME.test(name);
}

/** `.env` text → variables (`KEY=value`, `export KEY=value`, quoted values, comments). */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].trim();
    if (/^"(?:[^"\\]|\\.)*"$/.test(v)) v = v.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    else if (/^'[^']*'$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out[m[1]] = v;
  }
  return out;
}

/** What a devcontainer.json beside a Compose file says of it. */
export interface DevcontainerLink {
  /** `dockerComposeFile` names this file. */
  names: boolean;
  service?: string;
}

/**
 * A devcontainer.json (JSON with comments and trailing commas): does its `dockerComposeFile` name `fileName`, and which
 * `service` is the development container. Undefined when the text is not such a file.
 */
export function devcontainerLink(json: string, fileName: string): DevcontainerLink | undefined {
  let data: unknown;
  try {
    const plain = json.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? '').replace(/,(\s*[}\]])/g, '$1');
    data = JSON.parse(plain);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as { dockerComposeFile?: unknown; service?: unknown };
  const files = (Array.isArray(d.dockerComposeFile) ? d.dockerComposeFile : [d.dockerComposeFile]).filter((f): f is string => typeof f === 'string');
  const names = files.some((f) => f.split('/').pop() === fileName);
  return { names, service: typeof d.service === 'string' ? d.service : undefined };
}

export function parseCompose(source: SourceText, options: { dotenv?: string; devcontainer?: DevcontainerLink } = {}): ComposeModel {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let docs: Document.Parsed[];
  const { text: parsed, cuts } = cutDeepNesting(source.text);
  try {
    docs = parseYamlStream(parsed, { uniqueKeys: false, strict: false, prettyErrors: false }, source.uri);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const model: ComposeModel = {
    kind: 'compose',
    source,
    documents: [],
    services: [],
    dotenv: options.dotenv === undefined ? undefined : parseDotenv(options.dotenv),
    devcontainer: /(?:^|\/)\.devcontainer\//.test(decodeURIComponent(source.uri.split(/[?#]/)[0])) || options.devcontainer?.names === true,
    devcontainerService: options.devcontainer?.names ? options.devcontainer.service : undefined,
  };
  // what lay too deep for the parser's recursion was blanked out (offsets kept): an error where each cut starts
  docs.forEach((yaml, index) => {
    const end = index + 1 < docs.length ? docs[index + 1].range[0] : Infinity;
    const errors = cuts
      .filter((c) => c.start >= yaml.range[0] && c.start < end)
      .map((c) => ({ message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels: Herd did not read below this point`, start: c.start, end: c.start + 1 }));
    for (const e of yaml.errors) errors.push({ message: e.message, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
    errors.sort((a, b) => a.start - b.start);
    model.documents.push({ index, yaml, errors });
    // each alias's target in one walk: yaml's own resolve() walks the whole document for every alias looked up
    resolveAliases(yaml);
    const root = yaml.contents;
    if (!isMap(root)) return;
    const services = deref(yaml, lookup(yaml, root, 'services'));
    if (!isMap(services)) return;
    for (const pair of services.items) {
      const node = deref(yaml, pair.value);
      const name = isScalar(pair.key) ? scalarText(pair.key) : undefined;
      if (!isMap(node) || name === undefined || name.startsWith('x-')) continue;
      model.services.push(serviceOf(model, yaml, pair, pair.key as Scalar, name, node));
    }
  });
  return model;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null || v === undefined ? undefined : String(v);
}

function spanOf(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** A scalar's decoded value mapped to its source characters. */
function mappedScalar(model: ComposeModel, node: Scalar): MappedText | undefined {
  const value = scalarText(node);
  if (value === undefined || !node.range) return undefined;
  const [start, end] = node.range;
  return alignDecoded(value, model.source.text.slice(start, end), start);
}

/** The pairs of a map by key as `lookupPair` finds them: its own (the first of a repeated key), then those of its merge sources. */
function servicePairs(doc: Document.Parsed, node: YAMLMap): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  let merges = false;
  for (const pair of node.items) {
    const k = isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
    if (k === undefined) continue;
    if (k === '<<') merges = true;
    else if (!pairs.has(k)) pairs.set(k, pair);
  }
  if (!merges) return pairs;
  // rare: keys from `<<: *base` are found as lookupPair finds them (own keys first, sources in order, depth-bounded)
  const merged = new Set<string>();
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k !== '<<') continue;
    for (const source of mergeSourceMaps(doc, pair.value)) for (const p of source.items) if (isScalar(p.key) && p.key.value !== null) merged.add(String(p.key.value));
  }
  for (const k of merged) {
    if (pairs.has(k) || k === '<<') continue;
    const found = lookupPair(doc, node, k);
    if (found) pairs.set(k, found);
  }
  return pairs;
}

function mergeSourceMaps(doc: Document.Parsed, value: unknown, depth = 0): YAMLMap[] {
  // bounded: an anchor may merge itself in (`a: &a {<<: *a}`)
  if (depth > 8) return [];
  const v = deref(doc, value);
  const items = isSeq(v) ? v.items.map((i) => deref(doc, i)) : [v];
  // a source's own merges: their keys are looked up by lookupPair
  return items.flatMap((m) => (isMap(m) ? [m, ...m.items.filter((p) => isScalar(p.key) && p.key.value === '<<').flatMap((p) => mergeSourceMaps(doc, p.value, depth + 1))] : []));
}

function serviceOf(model: ComposeModel, doc: Document.Parsed, pair: Pair, key: Scalar, name: string, node: YAMLMap): ComposeService {
  // every key of the service in one pass (its own first, then merged-in ones): about twenty lookups follow
  const pairs = servicePairs(doc, node);
  const get = (k: string) => {
    const pair = pairs.get(k);
    return pair ? deref(doc, pair.value) : undefined;
  };
  const imageNode = get('image');
  const image = isScalar(imageNode) && scalarText(imageNode) !== undefined ? { text: interpolatedValue(model, imageNode), node: imageNode } : undefined;
  const buildNode = get('build');
  let build: ComposeService['build'];
  if (isScalar(buildNode)) build = { context: scalarText(buildNode), node: buildNode };
  else if (isMap(buildNode)) {
    const str = (k: string) => scalarText(lookup(doc, buildNode, k));
    build = { context: str('context'), dockerfile: str('dockerfile'), target: str('target'), node: buildNode };
  }
  const health = get('healthcheck');
  let healthcheck: ComposeService['healthcheck'];
  if (isMap(health)) {
    const disable = lookup(doc, health, 'disable');
    const testPair = lookupPair(doc, health, 'test');
    healthcheck = { node: health, disabled: isScalar(disable) && disable.value === true, test: testPair ? commandOf(model, doc, testPair) : undefined };
  }
  const privileged = get('privileged');
  const network = get('network_mode');
  const networkValue = scalarText(network);
  const restart = scalarText(get('restart'));
  const profiles = get('profiles');
  const ignoreNode = get('x-herd-ignore');
  const user = scalarText(get('user'));
  const entrypointPair = pairs.get('entrypoint');
  const commandPair = pairs.get('command');
  const dependsOnNode = get('depends_on');
  return {
    name,
    key,
    node,
    pair,
    doc,
    image,
    build,
    entrypoint: entrypointPair ? commandOf(model, doc, entrypointPair) : undefined,
    command: commandPair ? commandOf(model, doc, commandPair) : undefined,
    healthcheck,
    dependsOn: dependsOnOf(doc, dependsOnNode),
    dependsOnNode,
    environment: environmentOf(model, doc, get('environment')),
    user,
    privileged: isScalar(privileged) && privileged.value === true ? spanOf(privileged) : undefined,
    networkMode: networkValue !== undefined && network ? { value: networkValue, span: spanOf(network)! } : undefined,
    volumes: volumesOf(doc, get('volumes')),
    ports: isSeq(get('ports')) ? (get('ports') as YAMLSeq).items.map((i) => scalarText(deref(doc, i)) ?? '').filter(Boolean) : [],
    extends: get('extends') !== undefined,
    ignore: (scalarText(ignoreNode) ?? '').split(/[,\s]+/).filter(Boolean),
    oneOff: (restart === 'no' || restart === 'false') && isSeq(profiles) && profiles.items.length > 0,
  };
}

/** `command`/`entrypoint`/`test`: a string is interpolated then split; a list's items are interpolated one by one. */
function commandOf(model: ComposeModel, doc: Document, pair: Pair): ComposeCommand | undefined {
  const node = deref(doc, pair.value);
  const key = spanOf(pair.key as Node);
  if (!node || !key) return undefined;
  const interpolations: Interpolation[] = [];
  if (isScalar(node)) {
    const mapped = mappedScalar(model, node);
    if (!mapped) return { pair, key, node, isString: true, argv: [], interpolations };
    const text = interpolate(mapped, model.dotenv, interpolations);
    return { pair, key, node, isString: true, argv: splitComposeString(text), raw: mapped.text, interpolations };
  }
  if (isSeq(node)) {
    const argv: MappedText[] = [];
    for (const item of node.items) {
      const scalar = deref(doc, item);
      const mapped = isScalar(scalar) ? mappedScalar(model, scalar) : undefined;
      if (!mapped) return undefined;
      argv.push(interpolate(mapped, model.dotenv, interpolations));
    }
    return { pair, key, node, isString: false, argv, interpolations };
  }
  return undefined;
}

/** A scalar value after interpolation (an image reference, an environment value). */
function interpolatedValue(model: ComposeModel, node: Scalar): string {
  // the text only: nothing to map when nothing is interpolated
  const plain = scalarText(node);
  if (plain !== undefined && !plain.includes('$')) return plain;
  const mapped = mappedScalar(model, node);
  return mapped ? interpolate(mapped, model.dotenv, []).text : (scalarText(node) ?? '');
}

/**
 * Compose interpolation: `$$` → `$`; `$NAME`, `${NAME}` and `${NAME:-default}` forms take the `.env` value
 * when the name is there. Anything else stays as written, so a shell parser sees an expansion it cannot know.
 */
export function interpolate(m: MappedText, env: Record<string, string> | undefined, found: Interpolation[]): MappedText {
  const src = m.text;
  if (!src.includes('$')) return m;
  let text = '';
  const offsets: number[] = [];
  const emit = (s: string, at: (i: number) => number) => {
    for (let i = 0; i < s.length; i++) {
      text += s[i];
      offsets.push(at(i));
    }
  };
  const same = (from: number) => (i: number) => docOffset(m, from + i);
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c !== '$') {
      emit(c, same(i));
      i++;
      continue;
    }
    if (src[i + 1] === '$') {
      emit('$', same(i));
      i += 2;
      continue;
    }
    const ref = referenceAt(src, i);
    // `$?`, `$1`, `$@`: a shell special, which Compose refuses to interpolate
    if (!ref && /[0-9?!#@*-]/.test(src[i + 1] ?? '')) found.push({ name: src[i + 1], span: { start: docOffset(m, i), end: docOffset(m, i + 1) + 1 }, dollar: docOffset(m, i) });
    if (!ref) {
      emit('$', same(i));
      i++;
      continue;
    }
    const span = { start: docOffset(m, i), end: docOffset(m, ref.end - 1) + 1 };
    found.push({ name: ref.name, span, dollar: docOffset(m, i) });
    const value = env ? resolve(ref, env) : undefined;
    if (value === undefined) emit(src.slice(i, ref.end), same(i));
    else if (value.fromDefault !== undefined) emit(src.slice(value.fromDefault, value.fromDefault + value.text.length), same(value.fromDefault));
    else emit(value.text, (k) => Math.min(span.start + k, span.end - 1));
    i = ref.end;
  }
  offsets.push(docOffset(m, src.length));
  return { text, base: offsets[0] ?? m.base, offsets };
}

interface Reference {
  name: string;
  end: number;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?` and the text after it (its start in the source string). */
  operator?: string;
  argStart?: number;
  argEnd?: number;
}

function referenceAt(src: string, i: number): Reference | undefined {
  const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i, i + 256));
  if (plain) return { name: plain[1], end: i + plain[0].length };
  if (src[i + 1] !== '{') return undefined;
  const head = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?/.exec(src.slice(i, i + 256));
  if (!head) return undefined;
  // the closing brace, nested `${…}` in a default counted
  let depth = 1;
  let k = i + head[0].length;
  for (; k < src.length && depth > 0; k++) {
    if (src[k] === '{') depth++;
    else if (src[k] === '}') depth--;
  }
  if (depth > 0) return undefined;
  if (!head[2] && k !== i + head[0].length + 1) return undefined;
  return { name: head[1], end: k, operator: head[2], argStart: i + head[0].length, argEnd: k - 1 };
}

function resolve(ref: Reference, env: Record<string, string>): { text: string; fromDefault?: number } | undefined {
  const value = env[ref.name];
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (ref.operator) {
    case undefined:
    case ':?':
    case '?':
      return set ? { text: value } : undefined;
    case ':-':
      return nonEmpty ? { text: value } : undefined;
    case '-':
      return set ? { text: value } : undefined;
    case ':+':
      return nonEmpty ? { text: '', fromDefault: ref.argStart } : set ? { text: '' } : undefined;
    case '+':
      return set ? { text: '', fromDefault: ref.argStart } : undefined;
    default:
      return undefined;
  }
}

/**
 * A Compose string as Compose splits it into argv: blanks separate words, single quotes keep everything,
 * double quotes keep all but `\"`, `\\` and `\$`, a backslash outside quotes escapes the next character.
 * No shell: `&&`, `|` or `>` are words like any other.
 */
export function splitComposeString(m: MappedText): ComposeWord[] {
  const src = m.text;
  const words: ComposeWord[] = [];
  let text = '';
  let offsets: number[] = [];
  let inWord = false;
  let quoted = false;
  const push = (c: string, at: number) => {
    text += c;
    offsets.push(docOffset(m, at));
    inWord = true;
  };
  const end = () => {
    if (!inWord || !offsets.length) {
      inWord = false;
      quoted = false;
      return;
    }
    offsets.push(offsets[offsets.length - 1] + 1);
    words.push({ text, base: offsets[0], offsets, quoted });
    text = '';
    offsets = [];
    inWord = false;
    quoted = false;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === "'") {
      inWord = true;
      quoted = true;
      const close = src.indexOf("'", i + 1);
      const stop = close < 0 ? src.length : close;
      for (let k = i + 1; k < stop; k++) push(src[k], k);
      i = stop + 1;
    } else if (c === '"') {
      inWord = true;
      quoted = true;
      let k = i + 1;
      for (; k < src.length && src[k] !== '"'; k++) {
        if (src[k] === '\\' && k + 1 < src.length && '"\\$`'.includes(src[k + 1])) k++;
        push(src[k], k);
      }
      i = k + 1;
    } else if (c === '\\' && i + 1 < src.length) {
      quoted = true;
      push(src[i + 1], i + 1);
      i += 2;
    } else {
      push(c, i);
      i++;
    }
  }
  end();
  return words;
}

function dependsOnOf(doc: Document, node: Node | undefined): DependsOn[] {
  const out: DependsOn[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const name = scalarText(item);
      const span = spanOf(item as Node);
      if (name && span) out.push({ name, span, short: true });
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const name = scalarText(pair.key);
      const span = spanOf(pair.key as Node);
      if (!name || !span || name === '<<') continue;
      const value = deref(doc, pair.value);
      const condition = isMap(value) ? lookup(doc, value, 'condition') : undefined;
      out.push({ name, span, short: false, condition: scalarText(condition), conditionSpan: spanOf(condition) });
    }
  }
  return out;
}

function environmentOf(model: ComposeModel, doc: Document, node: Node | undefined): ComposeService['environment'] {
  const out: ComposeService['environment'] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = scalarText(pair.key);
      const nameSpan = spanOf(pair.key as Node);
      if (!name || !nameSpan || name === '<<') continue;
      const value = deref(doc, pair.value);
      const valueSpan = isScalar(value) && value.value !== null ? spanOf(value) : undefined;
      out.push({ name, nameSpan, value: isScalar(value) && value.value !== null ? interpolatedValue(model, value) : undefined, valueSpan });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const scalar = deref(doc, item);
      const mapped = isScalar(scalar) ? mappedScalar(model, scalar) : undefined;
      if (!mapped) continue;
      const eq = mapped.text.indexOf('=');
      const name = eq < 0 ? mapped.text : mapped.text.slice(0, eq);
      if (!name) continue;
      const nameSpan = { start: docOffset(mapped, 0), end: docOffset(mapped, name.length - 1) + 1 };
      if (eq < 0) {
        out.push({ name, nameSpan });
        continue;
      }
      const valueText = { text: mapped.text.slice(eq + 1), base: docOffset(mapped, eq + 1), offsets: mapped.text.slice(eq + 1).split('').map((_, k) => docOffset(mapped, eq + 1 + k)).concat(docOffset(mapped, mapped.text.length)) };
      const valueSpan = { start: docOffset(mapped, eq + 1), end: docOffset(mapped, mapped.text.length) };
      out.push({ name, nameSpan, value: interpolate(valueText, model.dotenv, []).text, valueSpan });
    }
  }
  return out;
}

function volumesOf(doc: Document, node: Node | undefined): ComposeService['volumes'] {
  const out: ComposeService['volumes'] = [];
  if (!isSeq(node)) return out;
  for (const item of node.items) {
    const v = deref(doc, item);
    if (isScalar(v)) {
      const parts = String(v.value ?? '').split(':');
      out.push(parts.length > 1 ? { source: parts[0], target: parts[1] } : { target: parts[0] });
    } else if (isMap(v)) out.push({ source: scalarText(lookup(doc, v, 'source')), target: scalarText(lookup(doc, v, 'target')) });
  }
  return out;
}
