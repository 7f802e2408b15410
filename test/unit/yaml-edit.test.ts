// Table tests for the YAML edit helpers: exact text after each edit, the result still parses, and
// the new value sits at the expected path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS as CORPUS_ROOT } from '../helpers/corpus';
import { isMap, isNode, isScalar, isSeq, parseAllDocuments, type Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetEdit } from '../../server/src/engine/types';
import {
  appendSeqItem,
  blockText,
  detectEol,
  detectIndentUnit,
  detectStyle,
  flowText,
  formatScalar,
  insertMapPair,
  insertPath,
  replaceScalar,
} from '../../server/src/parse/yaml-edit';

type Path = (string | number)[];

function apply(text: string, edit: OffsetEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

function docsOf(text: string): Document.Parsed[] {
  // Corpus files with collection keys would otherwise print a warning on every toJS.
  const docs = parseAllDocuments(text, { logLevel: 'error' });
  return Array.isArray(docs) ? docs : [];
}

function nodeAt(text: string, doc: number, path: Path): unknown {
  const d = docsOf(text)[doc];
  return path.length === 0 ? d.contents : d.getIn(path, true);
}

function mapAt(text: string, path: Path, doc = 0): YAMLMap {
  const node = nodeAt(text, doc, path);
  assert.ok(isMap(node), `no map at ${path.join('.')}`);
  return node;
}

function seqAt(text: string, path: Path, doc = 0): YAMLSeq {
  const node = nodeAt(text, doc, path);
  assert.ok(isSeq(node), `no sequence at ${path.join('.')}`);
  return node;
}

function scalarAt(text: string, path: Path, doc = 0): Scalar {
  const node = nodeAt(text, doc, path);
  assert.ok(isScalar(node), `no scalar at ${path.join('.')}`);
  return node;
}

/** The JS value at `path` of document `doc` of `text`. */
function valueAt(text: string, doc: number, path: Path): unknown {
  const found = docsOf(text)[doc].getIn(path);
  return isNode(found) ? found.toJSON() : found;
}

interface Case {
  name: string;
  text: string;
  edit: (text: string) => OffsetEdit;
  expected: string;
  /** Document index and path of the new value, and the value expected there. */
  doc?: number;
  path: Path;
  value: unknown;
  /** Other paths whose values must read the same after the edit (block scalars next to the insertion). */
  keeps?: [Path, unknown][];
  /** Replacements may overwrite; insertions must not. */
  replaces?: boolean;
}

function check(c: Case): void {
  const edit = c.edit(c.text);
  if (!c.replaces) assert.equal(edit.start, edit.end, 'an insertion replaces nothing');
  const result = apply(c.text, edit);
  assert.equal(result, c.expected);
  const docs = parseAllDocuments(result);
  for (const d of docs) assert.deepEqual(d.errors, [], 'result parses without errors');
  assert.deepEqual(valueAt(result, c.doc ?? 0, c.path), c.value);
  for (const [path, value] of c.keeps ?? []) assert.deepEqual(valueAt(result, c.doc ?? 0, path), value);
  if (c.text.includes('\r\n')) assert.doesNotMatch(result, /(^|[^\r])\n/, 'no bare LF in a CRLF file');
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) test(c.name, () => check(c));
  });
}

const lines = (...ls: string[]): string => ls.map((l) => l + '\n').join('');

// ---------------------------------------------------------------------------------------------

const commented = lines(
  '# head comment',
  'apiVersion: v1',
  'kind: Pod',
  'spec:',
  '  containers:',
  '    - name: app # the app',
  '      image: nginx:1.25',
  '      # trailing comment about app',
  '  # end of spec',
);

const fourSpaces = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec:',
  '    replicas: 2',
  '    template:',
  '        metadata:',
  '            labels:',
  '                app: web',
  '        spec:',
  '            containers:',
  '                - name: web',
  '                  image: web:1',
);

table('insertMapPair into block maps', [
  {
    name: '2-space indent, comments before/after/inline kept',
    text: commented,
    edit: (t) => insertMapPair(t, mapAt(t, ['spec', 'containers', 0]), 'livenessProbe', { tcpSocket: { port: 8080 } }),
    expected: lines(
      '# head comment',
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: app # the app',
      '      image: nginx:1.25',
      '      livenessProbe:',
      '        tcpSocket:',
      '          port: 8080',
      '      # trailing comment about app',
      '  # end of spec',
    ),
    path: ['spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port'],
    value: 8080,
  },
  {
    name: '2-space indent, top-level map after a nested sequence',
    text: commented,
    edit: (t) => insertMapPair(t, mapAt(t, []), 'status', {}),
    expected: commented.replace('      # trailing', 'status: {}\n      # trailing'),
    path: ['status'],
    value: {},
  },
  {
    name: '4-space indent, nested map value',
    text: fourSpaces,
    edit: (t) => insertMapPair(t, mapAt(t, ['spec', 'template', 'spec', 'containers', 0]), 'resources', { limits: { memory: '256Mi' } }),
    expected:
      fourSpaces +
      lines('                  resources:', '                      limits:', '                          memory: 256Mi'),
    path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'],
    value: '256Mi',
  },
  {
    name: '4-space indent, sequence value follows the file (indented by 4), numeric string quoted',
    text: fourSpaces,
    edit: (t) => insertMapPair(t, mapAt(t, ['spec', 'template', 'spec', 'containers', 0]), 'args', ['--port', '8080']),
    expected: fourSpaces + lines('                  args:', '                      - --port', '                      - "8080"'),
    path: ['spec', 'template', 'spec', 'containers', 0, 'args'],
    value: ['--port', '8080'],
  },
  {
    name: '4-space indent, key of an outer map lands after the deepest last line',
    text: fourSpaces,
    edit: (t) => insertMapPair(t, mapAt(t, ['spec']), 'strategy', { type: 'RollingUpdate' }),
    expected: fourSpaces + lines('    strategy:', '        type: RollingUpdate'),
    path: ['spec', 'strategy', 'type'],
    value: 'RollingUpdate',
  },
  {
    name: 'document after --- in a multi-document file',
    text: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '---', '# the workload', 'kind: Deployment', 'spec:', '  replicas: 1', '---', 'kind: ConfigMap'),
    edit: (t) => insertMapPair(t, mapAt(t, ['spec'], 1), 'revisionHistoryLimit', 3),
    expected: lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '---',
      '# the workload',
      'kind: Deployment',
      'spec:',
      '  replicas: 1',
      '  revisionHistoryLimit: 3',
      '---',
      'kind: ConfigMap',
    ),
    doc: 1,
    path: ['spec', 'revisionHistoryLimit'],
    value: 3,
  },
  {
    name: 'CRLF file keeps CRLF',
    text: 'metadata:\r\n  name: web # n\r\n  labels:\r\n    app: web\r\n# end\r\n',
    edit: (t) => insertMapPair(t, mapAt(t, ['metadata']), 'annotations', { 'herd.dev/reason': 'probe: added' }),
    expected: 'metadata:\r\n  name: web # n\r\n  labels:\r\n    app: web\r\n  annotations:\r\n    herd.dev/reason: "probe: added"\r\n# end\r\n',
    path: ['metadata', 'annotations', 'herd.dev/reason'],
    value: 'probe: added',
  },
  {
    name: 'CRLF file without final newline',
    text: 'a:\r\n  b: 1',
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'c', [1, 'two']),
    expected: 'a:\r\n  b: 1\r\n  c:\r\n    - 1\r\n    - two',
    path: ['a', 'c'],
    value: [1, 'two'],
  },
  {
    name: 'CRLF file whose last value is a block scalar',
    text: 'a:\r\n  s: |\r\n    x\r\n    y\r\nb: 2\r\n',
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'c', true),
    expected: 'a:\r\n  s: |\r\n    x\r\n    y\r\n  c: true\r\nb: 2\r\n',
    path: ['a', 'c'],
    value: true,
    keeps: [[['a', 's'], 'x\ny\n']],
  },
  {
    name: 'last value is a | block scalar followed by a blank line and a comment',
    text: lines('containers:', '  - name: a', '    command: |', '      echo one', '      echo two', '', '    # note', 'next: 1'),
    edit: (t) => insertMapPair(t, mapAt(t, ['containers', 0]), 'tty', true),
    expected: lines('containers:', '  - name: a', '    command: |', '      echo one', '      echo two', '    tty: true', '', '    # note', 'next: 1'),
    path: ['containers', 0, 'tty'],
    value: true,
    keeps: [[['containers', 0, 'command'], 'echo one\necho two\n']],
  },
  {
    name: 'last value is a |+ block scalar: its kept blank line stays inside it',
    text: lines('a:', '  script: |+', '    run', '', 'b: 2'),
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'x', 1),
    expected: lines('a:', '  script: |+', '    run', '', '  x: 1', 'b: 2'),
    path: ['a', 'x'],
    value: 1,
    keeps: [[['a', 'script'], 'run\n\n']],
  },
  {
    name: 'last value is a block scalar at the end of a file without final newline',
    text: 'a:\n  s: >\n    folded\n    text',
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'after', 'z'),
    expected: 'a:\n  s: >\n    folded\n    text\n  after: z',
    path: ['a', 'after'],
    value: 'z',
    keeps: [[['a', 's'], 'folded text\n']],
  },
  {
    name: 'last value is a multi-line flow sequence with a comment',
    text: lines('a:', '  ports: [', '    80,', '    443]  # web', 'b: 1'),
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'host', 'example.com'),
    expected: lines('a:', '  ports: [', '    80,', '    443]  # web', '  host: example.com', 'b: 1'),
    path: ['a', 'host'],
    value: 'example.com',
  },
  {
    name: 'last value is empty, followed by a comment line',
    text: lines('a:', '  b:', '  # c'),
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'c', 1),
    expected: lines('a:', '  b:', '  c: 1', '  # c'),
    path: ['a', 'c'],
    value: 1,
  },
  {
    name: 'map at end of file with final newline',
    text: 'a:\n  b: 1\n',
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'c', 2),
    expected: 'a:\n  b: 1\n  c: 2\n',
    path: ['a', 'c'],
    value: 2,
  },
  {
    name: 'map at end of file without final newline',
    text: 'a:\n  b: 1',
    edit: (t) => insertMapPair(t, mapAt(t, ['a']), 'c', 2),
    expected: 'a:\n  b: 1\n  c: 2',
    path: ['a', 'c'],
    value: 2,
  },
  {
    name: 'top-level map ending in an inline comment without final newline',
    text: 'a: 1 # c',
    edit: (t) => insertMapPair(t, mapAt(t, []), 'b', 'yes'),
    expected: 'a: 1 # c\nb: "yes"',
    path: ['b'],
    value: 'yes',
  },
]);

table('insertMapPair into flow maps', [
  {
    name: 'flow map nested in a block map, trailing comment kept',
    text: lines('resources:', '  limits: {cpu: 500m}  # cap', '  requests: {}'),
    edit: (t) => insertMapPair(t, mapAt(t, ['resources', 'limits']), 'memory', '256Mi'),
    expected: lines('resources:', '  limits: {cpu: 500m, memory: 256Mi}  # cap', '  requests: {}'),
    path: ['resources', 'limits', 'memory'],
    value: '256Mi',
  },
  {
    name: 'empty flow map gets no leading comma',
    text: lines('resources:', '  limits: {cpu: 500m}  # cap', '  requests: {}'),
    edit: (t) => insertMapPair(t, mapAt(t, ['resources', 'requests']), 'cpu', '100m'),
    expected: lines('resources:', '  limits: {cpu: 500m}  # cap', '  requests: {cpu: 100m}'),
    path: ['resources', 'requests', 'cpu'],
    value: '100m',
  },
  {
    name: 'nested value written in flow style with flow quoting',
    text: 'x: {a: 1}\n',
    edit: (t) => insertMapPair(t, mapAt(t, ['x']), 'extra', { list: [1, 'x,y'], on: 'on' }),
    // `on` is a boolean to YAML 1.1 readers such as Kubernetes, as a key too.
    expected: 'x: {a: 1, extra: {list: [1, "x,y"], "on": "on"}}\n',
    path: ['x', 'extra'],
    value: { list: [1, 'x,y'], on: 'on' },
  },
  {
    name: 'multi-line flow map with trailing comma',
    text: lines('x: {', '  a: 1,', '}'),
    edit: (t) => insertMapPair(t, mapAt(t, ['x']), 'b', 2),
    expected: lines('x: {', '  a: 1, b: 2,', '}'),
    path: ['x', 'b'],
    value: 2,
  },
]);

const notIndented = lines('spec:', '  containers:', '  - name: a', '    image: a:1', '  - name: b', '    image: b:1', '  # more containers later');

table('appendSeqItem', [
  {
    name: 'block sequence not indented under its key, object item',
    text: notIndented,
    edit: (t) => appendSeqItem(t, seqAt(t, ['spec', 'containers']), { name: 'c', image: 'c:1', ports: [{ containerPort: 80 }] }),
    expected: notIndented.replace(
      '  # more',
      lines('  - name: c', '    image: c:1', '    ports:', '    - containerPort: 80') + '  # more',
    ),
    path: ['spec', 'containers', 2],
    value: { name: 'c', image: 'c:1', ports: [{ containerPort: 80 }] },
  },
  {
    name: 'block sequence indented under its key, scalar item that needs quotes',
    text: lines('args:', '  - --verbose', '  - --port=80 # inline'),
    edit: (t) => appendSeqItem(t, seqAt(t, ['args']), 'x: y'),
    expected: lines('args:', '  - --verbose', '  - --port=80 # inline', '  - "x: y"'),
    path: ['args', 2],
    value: 'x: y',
  },
  {
    name: 'block sequence indented under its key, object item aligned',
    text: lines('containers:', '  - name: a', 'kind: Pod'),
    edit: (t) => appendSeqItem(t, seqAt(t, ['containers']), { name: 'b', env: [{ name: 'X', value: '1' }] }),
    expected: lines('containers:', '  - name: a', '  - name: b', '    env:', '      - name: X', '        value: "1"', 'kind: Pod'),
    path: ['containers', 1, 'env', 0, 'value'],
    value: '1',
  },
  {
    name: 'flow sequence nested in a block map, comment kept',
    text: lines('containers:', '  - name: a', '    command: [sh, -c]   # shell', '    args: []'),
    edit: (t) => appendSeqItem(t, seqAt(t, ['containers', 0, 'command']), 'echo hi'),
    expected: lines('containers:', '  - name: a', '    command: [sh, -c, echo hi]   # shell', '    args: []'),
    path: ['containers', 0, 'command', 2],
    value: 'echo hi',
  },
  {
    name: 'empty flow sequence, object item',
    text: lines('containers:', '  - name: a', '    command: [sh, -c]   # shell', '    args: []'),
    edit: (t) => appendSeqItem(t, seqAt(t, ['containers', 0, 'args']), { k: 'v' }),
    expected: lines('containers:', '  - name: a', '    command: [sh, -c]   # shell', '    args: [{k: v}]'),
    path: ['containers', 0, 'args'],
    value: [{ k: 'v' }],
  },
  {
    name: 'multi-line flow sequence',
    text: lines('ports: [', '  80,', '  443', ']'),
    edit: (t) => appendSeqItem(t, seqAt(t, ['ports']), 8080),
    expected: lines('ports: [', '  80,', '  443, 8080', ']'),
    path: ['ports'],
    value: [80, 443, 8080],
  },
  {
    name: 'CRLF block sequence at end of file without final newline',
    text: 'items:\r\n- a\r\n- b',
    edit: (t) => appendSeqItem(t, seqAt(t, ['items']), ['x', 'y']),
    expected: 'items:\r\n- a\r\n- b\r\n- - x\r\n  - "y"',
    path: ['items', 2],
    value: ['x', 'y'],
  },
]);

const container = lines('containers:', '  - name: a', '    resources:', '      requests:', '        cpu: 100m # keep', '  - name: b', '    image: b');

table('insertPath', [
  {
    name: 'all maps exist: only the last key is added',
    text: container,
    edit: (t) => insertPath(t, mapAt(t, ['containers', 0]), ['resources', 'requests', 'memory'], '128Mi'),
    expected: container.replace('# keep\n', '# keep\n        memory: 128Mi\n'),
    path: ['containers', 0, 'resources', 'requests'],
    value: { cpu: '100m', memory: '128Mi' },
  },
  {
    name: 'creates 1 level in the deepest existing map',
    text: container,
    edit: (t) => insertPath(t, mapAt(t, ['containers', 0]), ['resources', 'limits', 'memory'], '128Mi'),
    expected: container.replace('# keep\n', '# keep\n      limits:\n        memory: 128Mi\n'),
    path: ['containers', 0, 'resources'],
    value: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
  },
  {
    name: 'creates 2 levels',
    text: container,
    edit: (t) => insertPath(t, mapAt(t, ['containers', 1]), ['securityContext', 'capabilities', 'drop'], ['ALL']),
    expected: container + lines('    securityContext:', '      capabilities:', '        drop:', '          - ALL'),
    path: ['containers', 1, 'securityContext', 'capabilities', 'drop'],
    value: ['ALL'],
  },
  {
    name: 'creates 3 levels',
    text: container,
    edit: (t) => insertPath(t, mapAt(t, ['containers', 0]), ['lifecycle', 'preStop', 'exec', 'command'], ['sleep', '5']),
    expected: container.replace(
      '# keep\n',
      '# keep\n' + lines('    lifecycle:', '      preStop:', '        exec:', '          command:', '            - sleep', '            - "5"'),
    ),
    path: ['containers', 0, 'lifecycle', 'preStop', 'exec', 'command'],
    value: ['sleep', '5'],
  },
  {
    name: 'deepest existing map is a flow map',
    text: 'resources: {requests: {cpu: 1}}\n',
    edit: (t) => insertPath(t, mapAt(t, []), ['resources', 'limits', 'memory'], '1Gi'),
    expected: 'resources: {requests: {cpu: 1}, limits: {memory: 1Gi}}\n',
    path: ['resources', 'limits', 'memory'],
    value: '1Gi',
  },
  {
    name: 'an empty key on the path is filled below its line, after its comment',
    text: lines('resources:', '  limits:   # todo', 'kind: Pod'),
    edit: (t) => insertPath(t, mapAt(t, []), ['resources', 'limits', 'memory'], '1Gi'),
    expected: lines('resources:', '  limits:   # todo', '    memory: 1Gi', 'kind: Pod'),
    path: ['resources', 'limits', 'memory'],
    value: '1Gi',
  },
  {
    name: 'an explicit null on the path is replaced',
    text: lines('resources:', '  limits: ~ # todo'),
    edit: (t) => insertPath(t, mapAt(t, []), ['resources', 'limits', 'memory'], '1Gi'),
    expected: lines('resources:', '  limits: {memory: 1Gi} # todo'),
    path: ['resources', 'limits', 'memory'],
    value: '1Gi',
    replaces: true,
  },
  {
    name: 'an empty last key takes a scalar after its colon',
    text: lines('a:', '  b:', '  c: 1'),
    edit: (t) => insertPath(t, mapAt(t, []), ['a', 'b'], 'v'),
    expected: lines('a:', '  b: v', '  c: 1'),
    path: ['a', 'b'],
    value: 'v',
  },
]);

describe('refusals', () => {
  test('insertMapPair refuses a key the map already has', () => {
    const t = 'a: 1\n';
    assert.throws(() => insertMapPair(t, mapAt(t, []), 'a', 2), /already has key 'a'/);
  });
  test('insertPath refuses to go through a scalar', () => {
    const t = 'resources: big\n';
    assert.throws(() => insertPath(t, mapAt(t, []), ['resources', 'limits'], 1), /'resources' already has a value/);
  });
  test('insertPath refuses an empty path', () => {
    const t = 'a: 1\n';
    assert.throws(() => insertPath(t, mapAt(t, []), [], 1), /non-empty path/);
  });
});

table('replaceScalar', [
  {
    name: 'plain stays plain',
    text: 'image: nginx:1.25 # pin\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['image']), 'nginx:1.27'),
    expected: 'image: nginx:1.27 # pin\n',
    path: ['image'],
    value: 'nginx:1.27',
    replaces: true,
  },
  {
    name: 'plain string that would read as a number is quoted',
    text: 'port: web\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['port']), '8080'),
    expected: 'port: "8080"\n',
    path: ['port'],
    value: '8080',
    replaces: true,
  },
  {
    name: 'number stays a number',
    text: 'port: web\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['port']), 8080),
    expected: 'port: 8080\n',
    path: ['port'],
    value: 8080,
    replaces: true,
  },
  {
    name: 'number into a double-quoted scalar is written plain',
    text: 'replicas: "3"\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['replicas']), 5),
    expected: 'replicas: 5\n',
    path: ['replicas'],
    value: 5,
    replaces: true,
  },
  {
    name: 'single quotes kept, apostrophe doubled',
    text: "tag: 'it''s' # q\n",
    edit: (t) => replaceScalar(t, scalarAt(t, ['tag']), "o'k"),
    expected: "tag: 'o''k' # q\n",
    path: ['tag'],
    value: "o'k",
    replaces: true,
  },
  {
    name: 'double quotes kept, escapes written',
    text: 'name: "a"\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['name']), 'b"c\td'),
    expected: 'name: "b\\"c\\td"\n',
    path: ['name'],
    value: 'b"c\td',
    replaces: true,
  },
  {
    name: 'anchor and tag stay in front of the replaced value',
    text: 'x: &p !!str 80 # c\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['x']), '81'),
    expected: 'x: &p !!str "81" # c\n',
    path: ['x'],
    value: '81',
    replaces: true,
  },
  {
    name: 'literal block keeps its style and indentation',
    text: lines('script: |', '  echo a', '  echo b', 'next: 1'),
    edit: (t) => replaceScalar(t, scalarAt(t, ['script']), 'echo c\n'),
    expected: lines('script: |', '  echo c', 'next: 1'),
    path: ['script'],
    value: 'echo c\n',
    replaces: true,
  },
  {
    name: 'literal block with a value lacking a final newline gets strip chomping',
    text: 'a:\r\n  script: |\r\n      echo a\r\nnext: 1\r\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['a', 'script']), 'x\n\ny'),
    expected: 'a:\r\n  script: |-\r\n      x\r\n\r\n      y\r\nnext: 1\r\n',
    path: ['a', 'script'],
    value: 'x\n\ny',
    replaces: true,
  },
  {
    name: 'folded block keeps its header comment',
    text: lines('msg: >  # c', '  long', '  text', 'n: 1'),
    edit: (t) => replaceScalar(t, scalarAt(t, ['msg']), 'short\n\n'),
    expected: lines('msg: >+  # c', '  short', '', 'n: 1'),
    path: ['msg'],
    value: 'short\n\n',
    replaces: true,
  },
  {
    name: 'block scalar replaced by a number keeps the line break',
    text: lines('script: |', '  echo a', 'next: 1'),
    edit: (t) => replaceScalar(t, scalarAt(t, ['script']), 5),
    expected: lines('script: 5', 'next: 1'),
    path: ['script'],
    value: 5,
    replaces: true,
  },
  {
    name: 'plain scalar in a flow sequence quotes flow indicators',
    text: 'args: [a, b]\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['args', 1]), 'c,d'),
    expected: 'args: [a, "c,d"]\n',
    path: ['args'],
    value: ['a', 'c,d'],
    replaces: true,
  },
  {
    name: 'plain scalar known to be in block context keeps commas plain',
    text: 'x: a\n',
    edit: (t) => replaceScalar(t, scalarAt(t, ['x']), '--opts=c,d', { inFlow: false }),
    expected: 'x: --opts=c,d\n',
    path: ['x'],
    value: '--opts=c,d',
    replaces: true,
  },
]);

describe('detectIndentUnit / detectEol / detectStyle', () => {
  const indentCases: [string, string, number][] = [
    ['2 spaces', commented, 2],
    ['4 spaces with 4-space sequences', fourSpaces, 4],
    ['no nesting defaults to 2', 'a: 1\nb: 2\n', 2],
    ['block scalar content does not count', lines('a:', '   b: |', '         deep', '   c:', '      d: 1'), 3],
    ['sequence-only nesting', lines('a:', '    - 1'), 4],
  ];
  for (const [name, text, unit] of indentCases) test(`indent: ${name}`, () => assert.equal(detectIndentUnit(text), unit));

  test('sequence indentation is measured apart from map indentation', () => {
    assert.deepEqual(detectStyle(notIndented), { indent: 2, seqIndent: 0, eol: '\n' });
    assert.deepEqual(detectStyle(lines('a:', '    b:', '      - 1')), { indent: 4, seqIndent: 2, eol: '\n' });
  });

  const eolCases: [string, string, string][] = [
    ['LF', 'a: 1\nb: 2\n', '\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n', '\r\n'],
    ['mostly CRLF', 'a: 1\r\nb: 2\r\nc: 3\n', '\r\n'],
    ['no line break', 'a: 1', '\n'],
  ];
  for (const [name, text, eol] of eolCases) test(`eol: ${name}`, () => assert.equal(detectEol(text), eol));
});

describe('serializer', () => {
  const scalars: [unknown, string, string?][] = [
    ['128Mi', '128Mi'],
    ['nginx:1.25', 'nginx:1.25'],
    ['http://x/y', 'http://x/y'],
    ['-Xmx1g', '-Xmx1g'],
    ['a b', 'a b'],
    ['8080', '"8080"'],
    ['1.5', '"1.5"'],
    ['0777', '"0777"'],
    ['1:30', '"1:30"'],
    ['2024-01-01', '"2024-01-01"'],
    ['true', '"true"'],
    ['yes', '"yes"'],
    ['Off', '"Off"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    [' x', '" x"'],
    ['a: b', '"a: b"'],
    ['a:', '"a:"'],
    ['a #b', '"a #b"'],
    ['#x', '"#x"'],
    ['*x', '"*x"'],
    ['&x', '"&x"'],
    ['!x', '"!x"'],
    ['%x', '"%x"'],
    ['@x', '"@x"'],
    ['- x', '"- x"'],
    ['---', '"---"'],
    ['a\nb', '"a\\nb"'],
    ['a,b', 'a,b', '"a,b"'],
    ['[x]', '"[x]"'],
    [8080, '8080'],
    [1.5, '1.5'],
    [-2, '-2'],
    [Number.NaN, '.nan'],
    [Number.POSITIVE_INFINITY, '.inf'],
    [true, 'true'],
    [null, 'null'],
  ];
  for (const [value, block, flow] of scalars) {
    test(`scalar ${JSON.stringify(value) ?? String(value)}`, () => {
      assert.equal(formatScalar(value as string, false), block);
      assert.equal(formatScalar(value as string, true), flow ?? block);
      // Whatever is written reads back as the same value.
      assert.deepEqual(parseAllDocuments(`k: ${block}`)[0].toJS().k, value);
      assert.deepEqual(parseAllDocuments(`k: [${flow ?? block}]`)[0].toJS().k, [value]);
    });
  }

  test('flow text, key order kept, undefined members dropped', () => {
    assert.equal(flowText({ b: 1, a: [true, 'x y', {}], c: undefined, 'k: v': null }), '{b: 1, a: [true, x y, {}], "k: v": null}');
    assert.equal(flowText([]), '[]');
  });

  test('block text with the file style', () => {
    const value = { name: 'x', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [], labels: { 'app.kubernetes.io/name': 'x' } };
    assert.equal(
      blockText(value, { indent: 4, seqIndent: 0, eol: '\r\n' }),
      ['name: x', 'ports:', '- containerPort: 80', '  protocol: TCP', 'env: []', 'labels:', '    app.kubernetes.io/name: x'].join('\r\n'),
    );
    assert.equal(blockText([['a'], 'b'], { indent: 2, seqIndent: 2, eol: '\n' }), '- - a\n- b');
    assert.equal(blockText('8080', { indent: 2, seqIndent: 2, eol: '\n' }), '"8080"');
  });

  test('values YAML cannot hold are refused', () => {
    assert.throws(() => flowText(() => 1), /cannot write a function/);
  });
});

// ---------------------------------------------------------------------------------------------

const CORPUS = join(CORPUS_ROOT, 'k8s');
const PROBE = { tcpSocket: { port: 8080 } };

function manifests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) manifests(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Paths of the container maps of a document's pod spec or pod template. */
function containerPaths(doc: Document.Parsed): Path[] {
  const paths: Path[] = [];
  for (const base of [['spec', 'template', 'spec', 'containers'], ['spec', 'containers']]) {
    const seq = doc.getIn(base, true);
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, i) => {
      if (isMap(item)) paths.push([...base, i]);
    });
  }
  return paths;
}

describe('corpus', () => {
  test('livenessProbe inserted into every container of the k8s corpus', () => {
    let checked = 0;
    let refused = 0;
    for (const file of manifests(CORPUS)) {
      const text = readFileSync(file, 'utf8');
      const docs = docsOf(text);
      const style = detectStyle(text);
      docs.forEach((doc, i) => {
        if (doc.errors.length > 0) return;
        for (const path of containerPaths(doc)) {
          const map = doc.getIn(path, true) as YAMLMap;
          const where = `${file} doc ${i} ${path.join('.')}`;
          if (map.has('livenessProbe')) {
            assert.throws(() => insertMapPair(text, map, 'livenessProbe', PROBE, style), /already has key/, where);
            refused++;
            continue;
          }
          const edit = insertMapPair(text, map, 'livenessProbe', PROBE, style);
          assert.equal(edit.start, edit.end, `${where}: pure insertion`);
          const result = apply(text, edit);
          // Text outside the inserted region is unchanged, and the insertion does not split a line.
          assert.equal(result.slice(0, edit.start) + result.slice(edit.start + edit.newText.length), text, where);
          assert.ok(edit.start === 0 || text[edit.start - 1] === '\n' || edit.newText.startsWith(style.eol), `${where}: starts a line`);
          const after = docsOf(result);
          assert.equal(after.length, docs.length, where);
          assert.deepEqual(after[i].errors, [], where);
          const probe = after[i].getIn([...path, 'livenessProbe']);
          assert.deepEqual(isNode(probe) ? probe.toJSON() : probe, PROBE, where);
          // The document reads exactly as before plus the probe.
          const expected = doc.toJS({ maxAliasCount: -1 });
          let target = expected;
          for (const key of path) target = target[key];
          target.livenessProbe = PROBE;
          assert.deepEqual(after[i].toJS({ maxAliasCount: -1 }), expected, where);
          checked++;
        }
      });
    }
    console.log(`yaml-edit corpus: inserted livenessProbe into ${checked} containers; ${refused} already had one and were refused`);
    assert.ok(checked > 50, `only ${checked} containers found in the corpus`);
  });
});
