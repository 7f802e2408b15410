// The whole catalog over the whole corpus: no exception, no rule error, every range inside its file.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { allRules, initShellParser, lint } from '../../server/src/engine';
import { corpusFiles } from '../helpers/corpus';

before(() => initShellParser());

it('lints every corpus file with every rule without an error', () => {
  const files = corpusFiles();
  assert.ok(files.length > 800, `corpus has ${files.length} lintable files`);
  const counts = new Map<string, number>();
  const failures: string[] = [];
  let linted = 0;
  for (const file of files) {
    const result = lint({ uri: `file://${file.path}`, text: file.text }, { onRuleError: (id, _uri, e) => failures.push(`${file.name}: ${id}: ${(e as Error).stack}`) });
    if (result.language) linted++;
    for (const p of result.problems) if (p.code !== 'file-too-large') failures.push(`${file.name}: ${p.code}: ${p.message}`);
    for (const f of result.findings) {
      counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      assert.ok(f.start >= 0 && f.end <= file.text.length && f.start <= f.end, `${file.name}: ${f.ruleId} range ${f.start}-${f.end} inside the file`);
    }
  }
  assert.deepEqual(failures, []);
  const table = allRules.map((r) => `${r.meta.id}=${counts.get(r.meta.id) ?? 0}`).join(' ');
  console.log(`corpus: ${files.length} files, ${linted} linted as Dockerfile/Kubernetes; findings per rule: ${table}`);
});
