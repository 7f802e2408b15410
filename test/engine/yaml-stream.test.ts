// The sectioned YAML parse must be indistinguishable from parseAllDocuments, fresh and after edits that
// reuse (and move) the sections the edit did not touch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import { parseYamlStream } from '../../server/src/parse/yaml-stream';
import { corpusFiles } from '../helpers/corpus';

const OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;

/** Everything a rule can see of the documents: node kinds, ranges, values, comments, errors. */
function shape(docs: Document.Parsed[]): unknown {
  return docs.map((doc) => {
    const nodes: unknown[] = [];
    visit(doc, (key, node) => {
      const n = node as { range?: unknown; comment?: unknown; commentBefore?: unknown } | null;
      nodes.push([String(key), isMap(node) ? 'map' : isScalar(node) ? ['scalar', node.value] : typeof node, n?.range ?? null, n?.comment ?? null, n?.commentBefore ?? null]);
    });
    return {
      range: doc.range,
      comment: doc.comment,
      commentBefore: doc.commentBefore,
      errors: doc.errors.map((e) => [e.code, e.message, e.pos]),
      warnings: doc.warnings.map((e) => [e.code, e.pos]),
      nodes,
    };
  });
}

function full(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, OPTIONS);
  return Array.isArray(docs) ? docs : [];
}

/** Herd parses Helm templates with their directives masked; the corpus is compared the same way. */
function masked(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\r\n]/g, 'x'));
}

/** A small deterministic generator, so that a failure names its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MANIFEST = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: a', 'spec:', '  containers:', '    - name: app', '      image: app:1', ''].join('\n');
const STREAM = `# leading comment\n---\n${MANIFEST}---\n${MANIFEST.replace(/: a$/m, ': b')}\n# between\n---\n${MANIFEST.replace(/: a$/m, ': c')}`;

describe('sectioned YAML stream parse', () => {
  it('equals parseAllDocuments on every corpus manifest', () => {
    const files = corpusFiles().filter((f) => /\.ya?ml$/.test(f.path));
    assert.ok(files.length > 100);
    for (const f of files) {
      const text = masked(f.text);
      assert.deepEqual(shape(parseYamlStream(text, OPTIONS)), shape(full(text)), f.name);
    }
  });

  it('equals parseAllDocuments after each of 300 random edits that reuse untouched sections', () => {
    const next = random(7);
    let text = STREAM.repeat(3);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(next() * (text.length + 1));
      const r = next();
      // typing, deleting, and now and then a new line or a document marker
      text = r < 0.5 ? text.slice(0, at) + 'x' + text.slice(at) : r < 0.8 ? text.slice(0, at) + text.slice(at + 1) : r < 0.95 ? text.slice(0, at) + '\n' + text.slice(at) : text.slice(0, at) + '\n---\n' + text.slice(at);
      assert.deepEqual(shape(parseYamlStream(text, OPTIONS, 'file:///edited.yaml')), shape(full(text)), `edit ${i}`);
    }
  });

  it('equals parseAllDocuments while typing into values and adding or removing documents, reusing the rest', () => {
    const next = random(11);
    let text = Array.from({ length: 12 }, (_, i) => MANIFEST.replace(/: a$/m, `: pod${i}`)).join('---\n');
    let previous = parseYamlStream(text, OPTIONS, 'file:///typed.yaml');
    let reused = 0;
    for (let i = 0; i < 200; i++) {
      const values = [...text.matchAll(/: (\w+)$/gm)];
      const r = next();
      if (r < 0.9) {
        // a character typed at the end of a value, or the last one deleted
        const m = values[Math.floor(next() * values.length)];
        const end = m.index + m[0].length;
        text = r < 0.6 || m[1].length < 2 ? text.slice(0, end) + 'q' + text.slice(end) : text.slice(0, end - 1) + text.slice(end);
      } else if (r < 0.95) {
        const at = text.indexOf('---\n', Math.floor(next() * text.length));
        text = at < 0 ? `${text}---\n${MANIFEST}` : `${text.slice(0, at)}---\n${MANIFEST}${text.slice(at)}`;
      } else {
        const at = text.indexOf('---\n', Math.floor(next() * text.length));
        const end = text.indexOf('---\n', at + 4);
        if (at >= 0 && end >= 0) text = text.slice(0, at) + text.slice(end);
      }
      const docs = parseYamlStream(text, OPTIONS, 'file:///typed.yaml');
      const expected = full(text);
      assert.ok(expected.every((d) => d.errors.length === 0));
      assert.deepEqual(shape(docs), shape(expected), `edit ${i}`);
      if (docs.some((d) => previous.includes(d))) reused++;
      previous = docs;
    }
    assert.ok(reused > 150, `${reused} of 200 parses reused a document`);
  });

  it('moves reused documents without changing the ones handed out before', () => {
    const before = parseYamlStream(STREAM, OPTIONS, 'file:///moved.yaml');
    const lastRange = [...before[2].range];
    const edited = `#${STREAM}`;
    const after = parseYamlStream(edited, OPTIONS, 'file:///moved.yaml');
    assert.deepEqual(before[2].range, lastRange);
    assert.deepEqual(after[2].range, lastRange.map((n) => n + 1));
    const name = (doc: Document.Parsed) => doc.getIn(['metadata', 'name'], true) as { value: unknown; range: number[] };
    assert.equal(name(after[2]).value, 'c');
    assert.equal(edited.slice(name(after[2]).range[0], name(after[2]).range[1]), 'c');
    assert.ok(isMap(after[2].contents));
  });

  it('reuses an untouched section at the same offset as the same document', () => {
    const first = parseYamlStream(STREAM, OPTIONS, 'file:///same.yaml');
    const edited = STREAM.replace('name: c', 'name: cd');
    const second = parseYamlStream(edited, OPTIONS, 'file:///same.yaml');
    assert.equal(second[0], first[0]);
    assert.notEqual(second[2], first[2]);
    assert.deepEqual(shape(second), shape(full(edited)));
  });

  it('parses a stream with directives or document-end markers as one', () => {
    for (const text of [`%YAML 1.2\n---\n${MANIFEST}---\n${MANIFEST}`, `${MANIFEST}...\n---\n${MANIFEST}`]) {
      assert.deepEqual(shape(parseYamlStream(text, OPTIONS, 'file:///directives.yaml')), shape(full(text)));
    }
  });

  it('reads comment lines ending in CR LF before the first marker line by line (one expression backtracked 2^lines)', () => {
    // the fuzz case: a Dockerfile's comment header with CR LF line ends (the old expression took 0.2 s at 20 such
    // lines and 1.2 s at 24, growing exponentially: these 56 would take years)
    const unifi = corpusFiles().find((f) => f.path.endsWith('jessfraz__dockerfiles/unifi/Dockerfile'))!.text;
    const header = unifi.split('\n').slice(0, 28).map((l) => `${l.replace(/\r$/, '')}\r\n`).join('');
    assert.match(header, /^(?:(?:#[^\n]*)?\r\n)+$/);
    const comments = header + header;
    for (const text of [`${comments}x: 1\r\n---\r\n${MANIFEST}`, `${comments}---\r\n${MANIFEST}---\r\n${MANIFEST}`, `#\r---\n${MANIFEST}`]) {
      assert.deepEqual(shape(parseYamlStream(text, OPTIONS, 'file:///crlf.yaml')), shape(full(text)));
    }
  });
});
