// Every quick fix of every registered Kubernetes rule, applied alone to every finding in the corpus that
// offers it: the file still parses as well as before, that diagnostic is gone, and nothing outside the
// edited region changed.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { allRules, applyEdits, initShellParser, lint, parseFile, type Finding, type OffsetEdit } from '../../server/src/engine';
import type { WorkspaceFile, WorkspaceView } from '../../server/src/engine/workspace';
import type { KubernetesModel } from '../../server/src/parse/kubernetes';
import { corpusFiles, type CorpusFile } from '../helpers/corpus';

before(() => initShellParser());

const fixableRules = allRules.filter((r) => r.meta.languages.includes('kubernetes') && r.meta.fixes.some((k) => k === 'safe' || k === 'suggestion'));

/** The corpus repository a file belongs to (`k8s/<repo>/…`): its workspace. */
function repoOf(file: CorpusFile): string {
  return file.name.split('/').slice(0, 2).join('/');
}

/** A workspace of the file's corpus repository, so that cross-file rules run too (no image links). */
function workspaces(files: CorpusFile[]): Map<string, WorkspaceView> {
  const byRepo = new Map<string, WorkspaceFile[]>();
  for (const f of files) {
    const { model } = parseFile({ uri: `file://${f.path}`, text: f.text });
    if (!model) continue;
    const list = byRepo.get(repoOf(f)) ?? [];
    list.push({ uri: `file://${f.path}`, model });
    byRepo.set(repoOf(f), list);
  }
  const views = new Map<string, WorkspaceView>();
  for (const [repo, list] of byRepo) views.set(repo, { files: () => list, dockerfilesForImage: () => [] });
  return views;
}

/** YAML syntax errors of a linted manifest (Helm directives are masked, so they are not errors). */
function yamlErrors(model: unknown): string[] {
  const k8s = model as KubernetesModel | undefined;
  return (k8s?.documents ?? []).flatMap((d) => d.errors.map((e) => e.message.replace(/ at line \d+, column \d+.*$/s, '')));
}

/** Where an offset of the original text lands after the edits (inside a replaced span: at its start). */
function mapOffset(offset: number, edits: OffsetEdit[]): number {
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
    else if (e.start <= offset) return e.start + shift;
  }
  return offset + shift;
}

function overlapping(edits: OffsetEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

it('applies every Kubernetes quick fix found in the corpus, one at a time', () => {
  const files = [...corpusFiles('k8s'), ...corpusFiles('helm')].filter((f) => /\.ya?ml$/i.test(f.path));
  assert.ok(files.length > 400, `corpus has ${files.length} YAML files`);
  const views = workspaces(files);
  const stats = new Map(fixableRules.map((r) => [r.meta.id, { findings: 0, offered: 0, applied: 0 }]));
  const failures: string[] = [];
  for (const file of files) {
    const uri = `file://${file.path}`;
    const workspace = views.get(repoOf(file));
    const result = lint({ uri, text: file.text }, { rules: fixableRules, workspace });
    if (result.language !== 'kubernetes') continue;
    const errorsBefore = yamlErrors(result.model);
    for (const finding of result.findings) {
      const stat = stats.get(finding.ruleId)!;
      stat.findings++;
      const fixes = finding.fixes.filter((f) => f.kind === 'safe' || f.kind === 'suggestion');
      if (fixes.length) stat.offered++;
      for (const fix of fixes) {
        const where = `${file.name}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} "${fix.title}"`;
        const problem = checkFix(file.text, uri, finding, fix.edits, errorsBefore, workspace);
        if (problem) failures.push(`${where}: ${problem}`);
        else stat.applied++;
      }
    }
  }
  const table = [...stats].map(([id, s]) => `${id}: ${s.findings} findings, ${s.offered} with a fix, ${s.applied} fixes applied`).join('\n  ');
  console.log(`kubernetes fixes over ${files.length} corpus files:\n  ${table}`);
  assert.deepEqual(failures, []);
  const applied = [...stats.values()].reduce((n, s) => n + s.applied, 0);
  assert.ok(applied > 500, `only ${applied} fixes applied over the corpus`);
});

/** Why this fix is not sound on this file, or undefined. */
function checkFix(text: string, uri: string, finding: Finding, build: () => OffsetEdit[], errorsBefore: string[], workspace?: WorkspaceView): string | undefined {
  let edits: OffsetEdit[];
  try {
    edits = build();
  } catch (error) {
    return `building the edits threw: ${(error as Error).message}`;
  }
  if (!edits.length) return 'the fix has no edits';
  if (overlapping(edits)) return 'the edits overlap';
  const fixed = applyEdits(text, edits);
  if (fixed === text) return 'the fix changes nothing';
  // nothing outside the edited region changed
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  if (fixed.slice(0, start) !== text.slice(0, start)) return `text before offset ${start} changed`;
  const tail = text.length - end;
  if (fixed.slice(fixed.length - tail) !== text.slice(end)) return `text after offset ${end} changed`;
  const rule = allRules.find((r) => r.meta.id === finding.ruleId)!;
  const after = lint({ uri, text: fixed }, { rules: [rule], workspace });
  if (after.problems.length) return `linting the fixed text: ${after.problems.map((p) => p.message).join('; ')}`;
  // no new YAML errors: every error after the fix was already there
  const remaining = [...errorsBefore];
  for (const message of yamlErrors(after.model)) {
    const i = remaining.indexOf(message);
    if (i < 0) return `new YAML error: ${message}`;
    remaining.splice(i, 1);
  }
  const moved = mapOffset(finding.start, edits);
  const still = after.findings.find((f) => f.ruleId === finding.ruleId && f.start === moved && f.message === finding.message);
  if (still) return `the diagnostic is still there: ${still.message}`;
  return undefined;
}
