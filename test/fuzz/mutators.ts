// Fuzz inputs: corpus files bent by one or two mutations. A mutation is a small, printable description
// (names and numbers) that `applyMutation` turns into text, so a failing input can be replayed from its seed.
import fc from 'fast-check';

export const MUTATORS = [
  'truncate',
  'splice',
  'random-chars',
  'deep-nesting',
  'long-line',
  'unbalanced',
  'aliases',
  'line-endings',
  'bom',
  'nul',
  'surrogates',
  'invalid-utf8',
  'long-file',
] as const;
export type MutatorName = (typeof MUTATORS)[number];

const NESTINGS = [
  'yaml-flow-seq', // [[[[…
  'yaml-flow-map', // {a: {a: …
  'yaml-block-seq', // - - - - …
  'yaml-block-map', // a:\n  a:\n    a: … (indentation grows, so fewer levels)
  'yaml-complex-key', // ? ? ? …
  'shell-substitution', // $(((((…
  'shell-subshell', // ((((…
  'shell-group', // { { { …
  'shell-if', // if x; then if x; then …
  'shell-and-or', // a && a && …
  'shell-pipeline', // a | a | …
  'shell-expansion', // ${a:-${a:-…
  'shell-backticks', // `\`\\\`…
] as const;

const LONG_PATTERNS = ['x', 'a ', 'echo $HOME ', '"', "'", '\\', '\\\n', 'key: value, ', '{{ .Values.x }} ', '- ', '&& ', '|', '$(', '# ', '\t'] as const;

const UNBALANCED = ['"', "'", '`', '$(', '${', '<<EOF\n', "<<-'EOT'\n", '<<"X"\n', 'RUN <<EOF\n', 'RUN cat <<A <<B\nx\n', '[', '{', '"\\', '{{ if', "'''"] as const;

const ALIASES = ['billion-laughs', 'workload-bomb', 'self-reference', 'undefined-alias', 'merge-chain', 'anchor-on-key', 'many-aliases', 'container-aliases', 'list-kind'] as const;

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; other: number; at: number; from: number }
  | { kind: 'random-chars'; at: number; chars: number[]; overwrite: boolean }
  | { kind: 'deep-nesting'; shape: (typeof NESTINGS)[number]; depth: number; at: number; closed: boolean }
  | { kind: 'long-line'; pattern: (typeof LONG_PATTERNS)[number]; length: number; at: number }
  | { kind: 'unbalanced'; token: (typeof UNBALANCED)[number]; at: number[] }
  | { kind: 'aliases'; shape: (typeof ALIASES)[number]; size: number; at: number }
  | { kind: 'line-endings'; to: '\r\n' | '\r' | 'mixed'; seed: number }
  | { kind: 'bom'; at: number[] }
  | { kind: 'nul'; at: number[] }
  | { kind: 'surrogates'; at: number[]; unit: number }
  /** Bytes that are not UTF-8 (Latin-1 letters, broken sequences): applied to the encoded input, see `inputBytes`. */
  | { kind: 'invalid-utf8'; at: number[]; bytes: number[] }
  /** The file repeated up to `lines` lines. */
  | { kind: 'long-file'; lines: number };

export interface FuzzCase {
  /** Index of the corpus file that is mutated. */
  file: number;
  mutations: Mutation[];
}

/** Sizes of the heavy mutations; the bounded test keeps the same shapes at the same depths. */
export interface FuzzScale {
  maxDepth: number;
  maxLongLine: number;
  /** Lines of a repeated file: long, and within the 1 s CPU budget of one lint (bench/large-files.ts goes further). */
  maxLongFileLines: number;
}

export const FULL_SCALE: FuzzScale = { maxDepth: 10_000, maxLongLine: 100_000, maxLongFileLines: 2_000 };

const offset = fc.nat({ max: 1 << 20 });

/** The size a long-file mutation stops at: long in lines, within the 1 s budget of one lint. */
const LONG_FILE_CHARS = 200_000;
const offsets = fc.array(offset, { minLength: 1, maxLength: 8 });

export function mutationArbitrary(fileCount: number, scale: FuzzScale = FULL_SCALE): fc.Arbitrary<Mutation> {
  const arbs: Record<MutatorName, fc.Arbitrary<Mutation>> = {
    truncate: fc.record({ kind: fc.constant('truncate' as const), at: offset }),
    splice: fc.record({ kind: fc.constant('splice' as const), other: fc.nat({ max: fileCount - 1 }), at: offset, from: offset }),
    'random-chars': fc.record({
      kind: fc.constant('random-chars' as const),
      at: offset,
      // code units, including control characters, surrogates and the YAML/shell punctuation
      chars: fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 127 }), fc.constantFrom(0x0a, 0x0d, 0x09, 0x20, 0x22, 0x27, 0x5c, 0x24, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x2d, 0x26, 0x2a, 0x3c, 0x23)), { minLength: 1, maxLength: 64 }),
      overwrite: fc.boolean(),
    }),
    'deep-nesting': fc.record({
      kind: fc.constant('deep-nesting' as const),
      shape: fc.constantFrom(...NESTINGS),
      depth: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(scale.maxDepth), fc.integer({ min: 1000, max: scale.maxDepth })),
      at: offset,
      closed: fc.boolean(),
    }),
    'long-line': fc.record({
      kind: fc.constant('long-line' as const),
      pattern: fc.constantFrom(...LONG_PATTERNS),
      length: fc.oneof(fc.constant(scale.maxLongLine), fc.integer({ min: 1000, max: scale.maxLongLine })),
      at: offset,
    }),
    unbalanced: fc.record({ kind: fc.constant('unbalanced' as const), token: fc.constantFrom(...UNBALANCED), at: offsets }),
    aliases: fc.record({ kind: fc.constant('aliases' as const), shape: fc.constantFrom(...ALIASES), size: fc.integer({ min: 2, max: 12 }), at: offset }),
    'line-endings': fc.record({ kind: fc.constant('line-endings' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const), seed: fc.nat() }),
    bom: fc.record({ kind: fc.constant('bom' as const), at: fc.array(offset, { minLength: 0, maxLength: 3 }) }),
    nul: fc.record({ kind: fc.constant('nul' as const), at: offsets }),
    surrogates: fc.record({ kind: fc.constant('surrogates' as const), at: offsets, unit: fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d) }),
    'invalid-utf8': fc.record({
      kind: fc.constant('invalid-utf8' as const),
      at: offsets,
      // é in Latin-1, a lone continuation byte, a truncated 2- and 3-byte sequence, an overlong form, 0xff
      bytes: fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xe9, 0xc3, 0x28, 0xe2, 0x82, 0xc0, 0xaf, 0xff)), { minLength: 1, maxLength: 4 }),
    }),
    'long-file': fc.record({ kind: fc.constant('long-file' as const), lines: fc.integer({ min: 500, max: scale.maxLongFileLines }) }),
  };
  return fc.oneof(...MUTATORS.map((m) => arbs[m]));
}

/** A corpus file and one mutation, sometimes two (a BOM on a truncated file, NULs in a long line…). */
export function caseArbitrary(fileCount: number, scale: FuzzScale = FULL_SCALE): fc.Arbitrary<FuzzCase> {
  const mutation = mutationArbitrary(fileCount, scale);
  return fc.record({
    file: fc.nat({ max: fileCount - 1 }),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.tuple(mutation) }, { weight: 1, arbitrary: fc.tuple(mutation, mutation) }),
  });
}

/** Applies the mutations of a case to corpus texts. */
export function buildInput(c: FuzzCase, texts: readonly string[]): string {
  let text = texts[c.file];
  for (const m of c.mutations) text = applyMutation(text, m, texts);
  return text;
}

function clampAt(text: string, at: number): number {
  return text.length ? at % (text.length + 1) : 0;
}

/** The start of the line holding `at`, so that inserted blocks begin a line. */
function lineStartAt(text: string, at: number): number {
  const i = clampAt(text, at);
  return text.lastIndexOf('\n', i - 1) + 1;
}

function insert(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

export function applyMutation(text: string, m: Mutation, texts: readonly string[]): string {
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, clampAt(text, m.at));
    case 'splice': {
      const other = texts[m.other % texts.length];
      return text.slice(0, clampAt(text, m.at)) + other.slice(clampAt(other, m.from));
    }
    case 'random-chars': {
      const at = clampAt(text, m.at);
      const piece = String.fromCharCode(...m.chars);
      return text.slice(0, at) + piece + text.slice(m.overwrite ? at + piece.length : at);
    }
    case 'deep-nesting':
      return nest(text, m);
    case 'long-line': {
      const piece = m.pattern.repeat(Math.ceil(m.length / m.pattern.length)).slice(0, m.length);
      return insert(text, clampAt(text, m.at), piece);
    }
    case 'unbalanced': {
      let out = text;
      for (const at of [...m.at].sort((a, b) => b - a)) out = insert(out, clampAt(out, at), m.token);
      return out;
    }
    case 'aliases':
      return insert(text, lineStartAt(text, m.at), aliasBlock(m.shape, m.size));
    case 'line-endings':
      return lineEndings(text, m.to, m.seed);
    case 'bom': {
      let out = '\uFEFF' + text;
      for (const at of m.at) out = insert(out, clampAt(out, at), '\uFEFF');
      return out;
    }
    case 'nul': {
      let out = text;
      for (const at of m.at) out = insert(out, clampAt(out, at), '\0');
      return out;
    }
    case 'surrogates': {
      let out = text;
      for (const at of m.at) out = insert(out, clampAt(out, at), String.fromCharCode(m.unit));
      return out;
    }
    case 'invalid-utf8':
      // bytes, not text: see inputBytes
      return text;
    case 'long-file': {
      // many lines, not many bytes: a file of long lines (or of `\r` breaks only) is repeated up to LONG_FILE_CHARS
      const lines = text.split(/\r\n|\r|\n/);
      if (lines.length >= m.lines || text.length === 0) return text;
      const out: string[] = [];
      let size = 0;
      while (out.length < m.lines && size < LONG_FILE_CHARS) {
        for (const line of lines) {
          out.push(line);
          size += line.length + 1;
        }
      }
      return out.slice(0, m.lines).join('\n');
    }
  }
}

/** The input as the bytes of a file: UTF-8, with the invalid-utf8 mutations' bytes inserted. */
export function inputBytes(c: FuzzCase, text: string): Buffer {
  let bytes = Buffer.from(text, 'utf8');
  for (const m of c.mutations) {
    if (m.kind !== 'invalid-utf8') continue;
    for (const at of [...m.at].sort((a, b) => b - a)) {
      const i = bytes.length ? at % (bytes.length + 1) : 0;
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
    }
  }
  return bytes;
}

/** Deeply nested YAML or shell, placed where the language reads it: a YAML value, a RUN/CMD line. */
function nest(text: string, m: Extract<Mutation, { kind: 'deep-nesting' }>): string {
  const d = m.depth;
  const close = (s: string) => (m.closed ? s : '');
  let block: string;
  switch (m.shape) {
    case 'yaml-flow-seq':
      block = `deep: ${'['.repeat(d)}x${close(']'.repeat(d))}\n`;
      break;
    case 'yaml-flow-map':
      block = `deep: ${'{a: '.repeat(d)}x${close('}'.repeat(d))}\n`;
      break;
    case 'yaml-block-seq':
      block = `deep:\n  ${'- '.repeat(d)}x\n`;
      break;
    case 'yaml-block-map': {
      // indentation grows with depth (10,000 levels would be 50 MB): block maps stop at 1,000 levels, 500 kB
      const levels = Math.min(d, 1000);
      const lines: string[] = [];
      for (let i = 0; i < levels; i++) lines.push(`${' '.repeat(i)}a${i}:`);
      block = `${lines.join('\n')} x\n`;
      break;
    }
    case 'yaml-complex-key':
      block = `${'? '.repeat(d)}x\n`;
      break;
    case 'shell-substitution':
      block = `RUN echo $${'('.repeat(d)}x${close(')'.repeat(d))}\n`;
      break;
    case 'shell-subshell':
      block = `RUN ${'( '.repeat(d)}true${close(' )'.repeat(d))}\n`;
      break;
    case 'shell-group':
      block = `CMD ${'{ '.repeat(d)}true;${close(' };'.repeat(d))}\n`;
      break;
    case 'shell-if':
      block = `RUN ${'if true; then '.repeat(d)}true;${close(' fi;'.repeat(d))}\n`;
      break;
    case 'shell-and-or':
      block = `CMD ${'a && '.repeat(d)}b${close('')}\n`;
      break;
    case 'shell-pipeline':
      block = `CMD ${'a | '.repeat(d)}b\n`;
      break;
    case 'shell-expansion':
      block = `RUN echo ${'${a:-'.repeat(d)}x${close('}'.repeat(d))}\n`;
      break;
    case 'shell-backticks':
      block = `RUN echo ${'$(echo `'.repeat(Math.min(d, 2000))}x\n`;
      break;
  }
  return insert(text, lineStartAt(text, m.at), block);
}

/** YAML anchors and aliases: expansion bombs, cycles, dangling aliases, merge-key chains. */
function aliasBlock(shape: (typeof ALIASES)[number], size: number): string {
  const lines: string[] = [];
  switch (shape) {
    case 'billion-laughs':
      lines.push('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]');
      for (let i = 1; i <= size; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
      lines.push(`containers: *l${size}`);
      break;
    case 'workload-bomb': {
      // a document of its own whose container fields (probes, env, command…) all alias the bomb
      lines.push('---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: bomb');
      lines.push('  l0: &l0 {exec: {command: [a, b]}, name: x, value: y}');
      for (let i = 1; i <= size; i++) lines.push(`  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
      const bomb = `*l${size}`;
      lines.push('spec:', '  template:', '    spec:', '      containers:', '        - name: app', '          image: nginx:1.27');
      for (const key of ['command', 'args', 'env', 'livenessProbe', 'readinessProbe', 'resources', 'securityContext', 'ports', 'volumeMounts']) lines.push(`          ${key}: ${bomb}`);
      lines.push(`        - ${bomb}`, `      initContainers: ${bomb}`, `      volumes: ${bomb}`, '---');
      break;
    }
    case 'self-reference':
      lines.push('loop: &loop [*loop]', 'spec: &spec {template: *spec}');
      break;
    case 'undefined-alias':
      lines.push('spec: *nowhere', `containers: [*c${size}, *c${size}]`);
      break;
    case 'merge-chain':
      lines.push('m0: &m0 {a: 1}');
      for (let i = 1; i <= size * 10; i++) lines.push(`m${i}: &m${i}\n  <<: [*m${i - 1}, *m${i - 1}]\n  k${i}: v`);
      break;
    case 'anchor-on-key':
      lines.push('? &k [a, b]', ': x', '*k : y', '&v name: *v');
      break;
    case 'many-aliases':
      lines.push('base: &b {name: app, image: nginx}');
      lines.push(`containers: [${Array.from({ length: size * 500 }, () => '*b').join(', ')}]`);
      break;
    case 'container-aliases':
      // a workload whose containers, items and probes come through anchors, aliases and merge keys
      lines.push('---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: aliased', '  annotations:');
      lines.push('    probes: &probes {livenessProbe: {httpGet: {path: /, port: 80}}, readinessProbe: {tcpSocket: {port: 80}}}');
      lines.push('    one: &c {name: one, image: nginx, command: [sh, -c, "app & tail -f /dev/null"], <<: *probes}');
      lines.push('    list: &list', '      - *c', '      - {name: two, image: redis, <<: [*probes, *c]}');
      lines.push('spec:', '  template:', '    spec:', `      containers: *list`, `      initContainers: [*c, *list, *c${size}]`, '---');
      break;
    case 'list-kind':
      lines.push('---', 'apiVersion: v1', 'kind: List', 'items:');
      for (let i = 0; i < size; i++) lines.push(`  - {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: [{name: c, image: nginx, securityContext: {privileged: true}}]}}`);
      lines.push('  - *nowhere', '  - [not, an, object]', '---');
      break;
  }
  return lines.join('\n') + '\n';
}

function lineEndings(text: string, to: '\r\n' | '\r' | 'mixed', seed: number): string {
  let n = seed;
  return text.replace(/\r?\n/g, () => {
    if (to !== 'mixed') return to;
    n = (n * 1103515245 + 12345) % 2 ** 31;
    return ['\n', '\r\n', '\r'][n % 3];
  });
}
