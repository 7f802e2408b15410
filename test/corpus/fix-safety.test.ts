// Every fix of every rule (safe, suggestion and refactor), on every corpus finding that offers one, applied
// alone: the file still parses, that diagnostic is gone, and nothing outside the edited region changed.
// Cross-language and registry-generic; the per-language corpus tests in test/rules go deeper on their rules.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { allRules, initShellParser, lint, type OffsetEdit } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rule';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { CORPUS, corpusFiles, type CorpusFile } from '../helpers/corpus';
import { healthOf, type FileHealth } from './file-health';
import { checkFix } from './fix-check';

before(() => initShellParser());

interface RuleCounts {
  findings: number;
  withFix: number;
  checked: Record<string, number>;
  violations: number;
}

/** A workspace per corpus repository (`k8s/<repo>`, `helm/<repo>`…), so that cross-file rules report too. */
function workspaces(files: CorpusFile[]): Map<string, WorkspaceIndex> {
  const out = new Map<string, WorkspaceIndex>();
  for (const f of files) {
    const repo = repoOf(f);
    let index = out.get(repo);
    if (!index) out.set(repo, (index = new WorkspaceIndex({ roots: [join(CORPUS, repo)] })));
    index.setDisk(uriOf(f), f.text, false);
  }
  return out;
}

const repoOf = (f: CorpusFile) => f.name.split('/').slice(0, 2).join('/');
const uriOf = (f: CorpusFile) => pathToFileURL(f.path).href;

it('every fix offered over the corpus, applied alone, is sound', () => {
  const files = corpusFiles();
  const indexes = workspaces(files);
  const counts = new Map<string, RuleCounts>(allRules.map((r) => [r.meta.id, { findings: 0, withFix: 0, checked: {}, violations: 0 }]));
  const violations: string[] = [];
  const started = performance.now();
  for (const file of files) {
    const uri = uriOf(file);
    const index = indexes.get(repoOf(file))!;
    const result = lint({ uri, text: file.text }, { workspace: index, parsed: index.modelFor(uri, file.text) });
    if (!result.model) continue;
    let health: FileHealth | undefined;
    for (const finding of result.findings) {
      const c = counts.get(finding.ruleId)!;
      c.findings++;
      if (finding.fixes.length) c.withFix++;
      for (const fix of finding.fixes) {
        c.checked[fix.kind] = (c.checked[fix.kind] ?? 0) + 1;
        health ??= healthOf(result.model);
        const problem = checkFix({ text: file.text, uri, finding, fix, health, index, rule: allRules.find((r) => r.meta.id === finding.ruleId)! });
        if (problem) {
          c.violations++;
          violations.push(`${file.name}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} (${fix.kind}) "${fix.title}": ${problem}`);
        }
      }
    }
  }
  const rows = [...counts].filter(([, c]) => c.findings > 0);
  const table = rows.map(([id, c]) => {
    const kinds = Object.entries(c.checked).map(([k, n]) => `${n} ${k}`).join(', ') || 'no fix';
    return `${id}: ${c.findings} findings, ${c.withFix} with a fix; fixes checked: ${kinds}; violations ${c.violations}`;
  });
  const total = rows.reduce((n, [, c]) => n + Object.values(c.checked).reduce((a, b) => a + b, 0), 0);
  console.log(`fix safety over ${files.length} corpus files: ${total} fixes applied one at a time in ${((performance.now() - started) / 1000).toFixed(1)} s\n  ${table.join('\n  ')}`);
  assert.ok(total > 1000, `only ${total} fixes over the corpus`);
  assert.deepEqual(violations, []);
});


describe('the fix checks', () => {
  const MARK = 'MARK';
  /** A rule that reports the word MARK and offers one fix built by `edits` from the text and its offset. */
  const verdict = (uri: string, text: string, edits: (text: string, at: number) => OffsetEdit[]) => {
    const rule = defineRule({
      meta: { id: 'test-marked', languages: ['dockerfile', 'kubernetes'], defaultSeverity: 'warning', description: 'Reports MARK.', category: 'hygiene', fixes: ['suggestion'] },
      check(context) {
        const source = context.file.source.text;
        const at = source.indexOf(MARK);
        if (at >= 0) context.report({ start: at, end: at + MARK.length, message: 'marked', fixes: [{ title: 'Fix it', kind: 'suggestion', edits: () => edits(source, at) }] });
      },
    });
    const result = lint({ uri, text }, { rules: [rule] });
    assert.equal(result.findings.length, 1);
    return checkFix({ text, uri, finding: result.findings[0], fix: result.findings[0].fixes[0], health: healthOf(result.model!), index: new WorkspaceIndex(), rule });
  };
  const DOCKERFILE = 'FROM alpine:3.20\nRUN echo MARK\nCMD ["app"]\n';
  const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: MARK\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

  it('accept a fix that removes its finding, even when it inserts lines above it', () => {
    assert.equal(verdict('file:///w/Dockerfile', DOCKERFILE, (_t, at) => [{ start: at, end: at + 4, newText: 'done' }]), undefined);
    assert.equal(verdict('file:///w/Dockerfile', DOCKERFILE, (_t, at) => [{ start: 17, end: 17, newText: 'USER app\n' }, { start: at, end: at + 4, newText: 'ok' }]), undefined);
  });

  it('catch a diagnostic that is still there, at its shifted place', () => {
    assert.equal(verdict('file:///w/Dockerfile', DOCKERFILE, () => [{ start: 0, end: 0, newText: '# syntax=docker/dockerfile:1\n' }]), 'the diagnostic is still there after the fix (at 3:10)');
  });

  it('catch an instruction lost to a continuation, and a new YAML error', () => {
    assert.match(verdict('file:///w/Dockerfile', DOCKERFILE, (_t, at) => [{ start: at, end: at + 4, newText: 'x \\' }]) ?? '', /^lost or changed, though no edit touches it: "CMD \[\\"app\\"\]"/);
    assert.match(verdict('file:///w/pod.yaml', MANIFEST, (_t, at) => [{ start: at, end: at + 4, newText: '[web' }]) ?? '', /^new syntax problem: /);
  });

  it('catch a lost object and a whole-file rewrite', () => {
    assert.equal(verdict('file:///w/pod.yaml', MANIFEST, (t, at) => [{ start: at, end: t.length, newText: 'web\n' }]), 'objects Pod,Service became Pod');
    assert.equal(verdict('file:///w/pod.yaml', MANIFEST, (t) => [{ start: 0, end: t.length, newText: t.replace(MARK, 'web') }]), `edit 0-${MANIFEST.length} rewrites 9 unchanged lines`);
  });

  it('catch edits outside the file or overlapping', () => {
    assert.equal(verdict('file:///w/Dockerfile', DOCKERFILE, (t) => [{ start: 0, end: t.length + 1, newText: '' }]), `edit 0-${DOCKERFILE.length + 1} is outside the file (0-${DOCKERFILE.length})`);
    assert.equal(verdict('file:///w/Dockerfile', DOCKERFILE, (_t, at) => [{ start: at, end: at + 4, newText: 'a' }, { start: at + 2, end: at + 3, newText: 'b' }]), 'edits 26-30 and 28-29 overlap');
  });
});
