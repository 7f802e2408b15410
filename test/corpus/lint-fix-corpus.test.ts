// `herd lint --fix` over a copy of the whole corpus breaks no file: each still parses as well as before, and
// no finding with a safe fix is left (one left because fixes collided is reported, not failed).
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../server/src/cli/run';
import { applyEdits, initShellParser, lint, type OffsetEdit } from '../../server/src/engine';
import { CORPUS, corpusFiles } from '../helpers/corpus';
import { healthOf, healthRegression } from './file-health';

interface JsonFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  fixable: boolean;
}

let dir: string;

before(async () => {
  await initShellParser();
  dir = mkdtempSync(join(tmpdir(), 'herd-fix-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  // the corpus is read-only, and so is its copy until made writable
  const writable = (path: string) => {
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) writable(join(path, name));
  };
  writable(dir);
});

after(() => rmSync(dir, { recursive: true, force: true }));

it('herd lint --fix over a copy of the corpus breaks no file', async () => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['lint', '--fix', '--format', 'json', '.'], {
    cwd: dir,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
  assert.doesNotMatch(stderr, /internal error|failed on this file|could not parse/);
  const fixedLine = /fixed (\d+) problems? in (\d+) files?/.exec(stderr);
  assert.ok(fixedLine, `a summary of the fixes on stderr: ${stderr}`);

  const failures: string[] = [];
  let changed = 0;
  for (const original of corpusFiles()) {
    const path = join(dir, original.name);
    const text = readFileSync(path, 'utf8');
    if (text === original.text) continue;
    changed++;
    const uri = pathToFileURL(path).href;
    const beforeModel = lint({ uri, text: original.text }, { rules: [] }).model;
    const afterModel = lint({ uri, text }, { rules: [] }).model;
    if (!beforeModel || !afterModel) {
      failures.push(`${original.name}: no longer read as a Dockerfile or manifest`);
      continue;
    }
    const regression = healthRegression(healthOf(beforeModel), healthOf(afterModel), [changedSpan(original.text, text)], original.text);
    if (regression) failures.push(`${original.name}: ${regression}`);
  }
  assert.equal(changed, Number(fixedLine[2]), 'the files the summary counts are the files that changed');

  // what is left with a safe fix: its fix alone removes it (fixes collided, reported), or the fix does not work (failure)
  const collided: string[] = [];
  const reports = JSON.parse(stdout) as { file: string; findings: JsonFinding[] }[];
  for (const report of reports) {
    for (const f of report.findings.filter((x) => x.fixable)) {
      const where = `${report.file}:${f.line}:${f.column} ${f.ruleId}`;
      if (fixAloneRemoves(join(dir, report.file), f)) collided.push(where);
      else failures.push(`${where}: its safe fix is left unapplied and does not remove it`);
    }
  }
  console.log(`herd lint --fix over the corpus: exit ${code}, ${fixedLine[1]} problems fixed in ${changed} files; left by colliding fixes: ${collided.length ? collided.join(', ') : 'none'}`);
  assert.ok(changed > 20, `only ${changed} files changed`);
  assert.deepEqual(failures, []);
});

/** The smallest single edit turning `a` into `b` (their common prefix and suffix left out). */
function changedSpan(a: string, b: string): OffsetEdit {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { start: p, end: a.length - s, newText: b.slice(p, b.length - s) };
}

function fixAloneRemoves(path: string, left: JsonFinding): boolean {
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const same = (f: { ruleId: string; message: string; range: { start: { line: number; character: number } } }) =>
    f.ruleId === left.ruleId && f.message === left.message && f.range.start.line + 1 === left.line && f.range.start.character + 1 === left.column;
  const finding = lint({ uri, text }).findings.find(same);
  const fix = finding?.fixes.find((x) => x.kind === 'safe' && x.uri === undefined);
  if (!finding || !fix) return false;
  const fixed = applyEdits(text, fix.edits());
  return !lint({ uri, text: fixed }).findings.some((f) => f.ruleId === left.ruleId && f.message === left.message);
}
