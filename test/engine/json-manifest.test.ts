// Kubernetes manifests written as JSON (kubectl accepts them): found by content, ranges exact, no YAML fixes; and the
// Dockerfile names the extension declares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileKind, initShellParser, lint, ruleById } from '../../server/src/engine';
import { kindFromContent } from '../../server/src/engine/detect';

const rules = ['liveness-probe', 'no-background-process'].map((id) => ruleById(id)!);
const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'app:1', command: ['sh', '-c', 'nohup ./app &'], ports: [{ containerPort: 80 }] }] } };

describe('JSON manifests', () => {
  before(() => initShellParser());

  it('.json is read like YAML; apiVersion and kind make it a manifest', () => {
    assert.equal(fileKind('file:///k8s/pod.json'), 'yaml');
    assert.equal(fileKind('untitled:1', 'json'), 'yaml');
    assert.equal(lint({ uri: 'file:///package.json', text: '{"name": "x", "version": "1.0.0"}\n' }).language, undefined);
  });

  it('findings land on the exact JSON text, and carry no fix (a fix writes YAML)', () => {
    const text = `${JSON.stringify(POD, null, 2)}\n`;
    const result = lint({ uri: 'file:///k8s/pod.json', text }, { rules });
    assert.equal(result.language, 'kubernetes');
    const at = (f: { start: number; end: number }) => text.slice(f.start, f.end);
    const found = result.findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${JSON.stringify(at(f))} fixes=${f.fixes.length}`);
    assert.ok(found.includes('liveness-probe 10:17 "\\"app\\"" fixes=0'), found.join('\n'));
    // `nohup … &` inside the JSON string: the shell is parsed through the JSON quoting, on line 15; one finding
    assert.deepEqual(found.filter((f) => f.startsWith('no-background-process ')), ['no-background-process 15:12 "nohup ./app &" fixes=0']);
    for (const f of result.findings) assert.deepEqual(f.fixes, [], f.ruleId);
    // the same manifest as YAML gets its fixes
    const yaml = lint({ uri: 'file:///k8s/pod.yaml', text }, { rules });
    assert.ok(yaml.findings.some((f) => f.fixes.length > 0));
  });

  it('content decides when the name says nothing', () => {
    assert.equal(kindFromContent(JSON.stringify(POD)), 'kubernetes');
    assert.equal(kindFromContent('# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n'), 'dockerfile');
    assert.equal(kindFromContent('\n# args first\nARG BASE=alpine\nFROM $BASE\n'), 'dockerfile');
    assert.equal(kindFromContent('From here on, this is prose.\n'), undefined);
    assert.equal(kindFromContent('hello: world\n'), undefined);
    assert.equal(kindFromContent(''), undefined);
  });
});

describe('Dockerfile names', () => {
  it('the names the extension gives the dockerfile language are Dockerfiles to the engine', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { languages: { id: string; filenames?: string[]; filenamePatterns?: string[] }[] } };
    const language = pkg.contributes.languages.find((l) => l.id === 'dockerfile')!;
    const examples = [...language.filenames!, ...language.filenamePatterns!.map((p) => p.replace('*', 'prod'))];
    assert.ok(examples.includes('Dockerfile-prod') && examples.includes('Dockerfile_prod'), examples.join(' '));
    assert.deepEqual(examples.filter((name) => fileKind(`file:///x/${name}`) !== 'dockerfile'), []);
  });
});
