// Re-linting a multi-document manifest with the last result of the same uri must give exactly what a lint from
// scratch gives: every finding's rule, severity, message, range and fixes (their edits computed), after many
// random edits, with and without a workspace index answering the rules' cross-file questions.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { largeManifest } from '../../bench/documents';
import { detectLanguage } from '../../server/src/engine/detect';
import { lint, type LintResult } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/rule';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { parseAllDocuments } from 'yaml';
import { allRules } from '../../server/src/rules';
import { initShellParser } from '../../server/src/parse/shell';
import { corpusFiles } from '../helpers/corpus';

before(() => initShellParser());

/** Everything a host sees of a result; fixes with their edits. */
function snapshot(result: LintResult): unknown {
  return {
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
      range: f.range,
      fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, uri: x.uri, edits: x.edits() })),
    })),
    problems: result.problems,
    needsShellParser: result.needsShellParser,
  };
}

/** A small deterministic generator, so that a failure names its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Typing at the end of a line, deleting a character, a new line, a new document, a document removed. */
function edit(text: string, next: () => number): string {
  const r = next();
  const at = Math.floor(next() * (text.length + 1));
  if (r < 0.55) {
    const end = text.indexOf('\n', at);
    const i = end < 0 ? text.length : end;
    return text.slice(0, i) + 'abc1: -'[Math.floor(next() * 7)] + text.slice(i);
  }
  if (r < 0.75) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.85) return text.slice(0, at) + '\n' + text.slice(at);
  const marker = text.indexOf('\n---', at);
  if (r < 0.93 && marker >= 0) {
    const copy = text.slice(marker + 1, text.indexOf('\n---', marker + 4) + 1 || text.length);
    return text.slice(0, marker + 1) + copy + text.slice(marker + 1);
  }
  const end = marker < 0 ? -1 : text.indexOf('\n---', marker + 4);
  return end < 0 ? text : text.slice(0, marker) + text.slice(end);
}

/** The rules, each counting the documents it is run on. */
function counted(): { rules: Rule[]; documents: { n: number } } {
  const documents = { n: 0 };
  const rules = allRules.map(
    (rule): Rule => ({
      meta: rule.meta,
      check(context) {
        if (rule.meta.scope === 'document' && context.file.kind === 'kubernetes') documents.n += context.file.documents.length;
        rule.check(context);
      },
    }),
  );
  return { rules, documents };
}

const broken = (r: LintResult) => r.findings.some((f) => f.ruleId === 'yaml-syntax');

/** Edits `text` `edits` times (undoing an edit that breaks the YAML); after each, lints with the last result and from scratch, and compares. */
function compareAfterEdits(uri: string, text: string, edits: number, seed: number, workspace?: WorkspaceIndex): { incremental: number; scratch: number } {
  const next = random(seed);
  const { rules, documents } = counted();
  const options = (t: string) => (workspace ? { rules, workspace, parsed: workspace.modelFor(uri, t) } : { rules });
  workspace?.setOpen(uri, text, 'yaml');
  let previous = lint({ uri, text }, { ...options(text), incremental: true });
  let incremental = 0;
  let scratch = 0;
  let clean = text;
  for (let i = 0; i < edits; i++) {
    // an edit that breaks the YAML is undone by the next one, as typing goes through transient errors
    text = broken(previous) ? clean : edit(text, next);
    workspace?.setOpen(uri, text, 'yaml');
    documents.n = 0;
    const result = lint({ uri, text }, { ...options(text), previous });
    const ran = documents.n;
    documents.n = 0;
    const fresh = lint({ uri, text }, { rules, workspace });
    // counted between clean versions: a stream with a syntax error is parsed whole, and linted whole
    if (!broken(previous) && !broken(result)) [incremental, scratch] = [incremental + ran, scratch + documents.n];
    assert.deepEqual(snapshot(result), snapshot(fresh), `${uri}, seed ${seed}, edit ${i}`);
    previous = result;
    if (!broken(result)) clean = text;
  }
  return { incremental, scratch };
}

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: nobody', '  ports:', '    - port: 80', ''].join('\n');

describe('re-lint of the documents an edit changed', () => {
  it('equals a lint from scratch after 50 random edits of the benchmark manifest, and runs far fewer documents', () => {
    const { incremental, scratch } = compareAfterEdits('file:///bench/deployments.yaml', largeManifest(30), 50, 3);
    assert.ok(incremental * 4 < scratch, `document-scoped rules ran on ${incremental} documents, from scratch on ${scratch}`);
  });

  it('equals a lint from scratch after random edits of every multi-document corpus manifest', () => {
    const files = corpusFiles().filter((f) => /\.ya?ml$/.test(f.path) && detectLanguage(f.path, f.text) === 'kubernetes' && [...parseAllDocuments(f.text)].length > 1);
    assert.ok(files.length >= 20, `${files.length} multi-document manifests`);
    let incremental = 0;
    let scratch = 0;
    files.forEach((f, i) => {
      const n = compareAfterEdits(`file:///corpus/${f.name}`, f.text, 10, 100 + i);
      incremental += n.incremental;
      scratch += n.scratch;
    });
    assert.ok(incremental * 4 < scratch, `document-scoped rules ran on ${incremental} documents, from scratch on ${scratch}`);
  });

  it('equals a lint from scratch with a workspace index, whose answers change with other documents', () => {
    const text = `${largeManifest(8)}---\n${SERVICE}`;
    const index = new WorkspaceIndex({ roots: ['/ws'] });
    // Dockerfiles linked by folder name to the images of svc-00..02: ports not EXPOSEd, a root or named user
    index.setDisk('file:///ws/svc-00/Dockerfile', 'FROM debian:12\nEXPOSE 9090\nUSER root\nCMD ["/app/server"]\n');
    index.setDisk('file:///ws/svc-01/Dockerfile', 'FROM debian:12\nEXPOSE 8080\nUSER app\nCMD ["/app/server"]\n');
    index.setDisk('file:///ws/svc-02/Dockerfile', 'FROM debian:12\nUSER 10001\nCMD ["/app/server"]\n');
    const workspaceFindings = lint({ uri: 'file:///ws/deployments.yaml', text }, { workspace: index }).findings.filter((f) => /container-port-exposed|image-user-verifiable/.test(f.ruleId));
    assert.ok(workspaceFindings.length >= 2, workspaceFindings.map((f) => f.ruleId).join());
    compareAfterEdits('file:///ws/deployments.yaml', text, 40, 17, index);
  });

  it('runs again the documents whose workspace answers changed: a Service starts selecting a pod, a Dockerfile EXPOSEs another port', () => {
    const uri = 'file:///ws/app.yaml';
    // the proxy sidecars declare no port: they need a readinessProbe only when a Service selects their pod
    const deployment = largeManifest(2);
    const index = new WorkspaceIndex({ roots: ['/ws'] });
    const lintWith = (text: string, previous?: LintResult) => {
      index.setOpen(uri, text, 'yaml');
      return lint({ uri, text }, { workspace: index, parsed: index.modelFor(uri, text), previous, incremental: true });
    };
    const readiness = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readiness-probe').map((f) => f.range.start.line);
    const before = lintWith(`${deployment}---\n${SERVICE}`);
    assert.ok(before.documentFindings);
    const text = `${deployment}---\n${SERVICE.replace('app: nobody', 'app: svc-01')}`;
    const after = lintWith(text, before);
    assert.equal(readiness(after).length, readiness(before).length + 1);
    const fresh = lint({ uri, text }, { workspace: index });
    assert.deepEqual(snapshot(after), snapshot(fresh));
    // a Dockerfile of the workspace changes: the answers about its image change, its container's document is run again
    index.setDisk('file:///ws/svc-01/Dockerfile', 'FROM debian:12\nEXPOSE 9090\n');
    const exposed = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'container-port-exposed').length;
    const relinted = lintWith(text, after);
    assert.equal(exposed(relinted), exposed(after) + 1);
    assert.deepEqual(snapshot(relinted), snapshot(lint({ uri, text }, { workspace: index })));
    // a lint that is not an editor's (the CLI) keeps nothing for a next one
    assert.equal(fresh.documentFindings, undefined);
  });
});
