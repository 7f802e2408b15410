// Prints the findings per rule over the test corpus (test/corpus/files) (dockerfiles, k8s, helm), each repository folder linted as
// one workspace, as docs/corpus-review.md records them. Run: node --import tsx scripts/corpus-report.ts
import { allRules, initShellParser, lint } from '../server/src/engine';
import { corpusFiles } from '../test/helpers/corpus';

async function main(): Promise<void> {
  await initShellParser();
  const sections = ['dockerfiles', 'k8s', 'helm'];
  const counts = new Map<string, Record<string, number>>();
  const filesWith = new Map<string, Set<string>>();
  let errors = 0;
  let files = 0;
  for (const section of sections) {
    for (const file of corpusFiles(section)) {
      files++;
      const result = lint({ uri: `file://${file.path}`, text: file.text }, { onRuleError: () => errors++ });
      for (const f of result.findings) {
        const row = counts.get(f.ruleId) ?? {};
        row[section] = (row[section] ?? 0) + 1;
        counts.set(f.ruleId, row);
        const set = filesWith.get(f.ruleId) ?? new Set<string>();
        set.add(file.name);
        filesWith.set(f.ruleId, set);
      }
    }
  }
  console.log(`${files} files, rule errors: ${errors}\n`);
  console.log('| rule | dockerfiles | k8s | helm | files |');
  console.log('|---|---|---|---|---|');
  for (const rule of allRules) {
    const row = counts.get(rule.meta.id) ?? {};
    console.log(`| \`${rule.meta.id}\` | ${row.dockerfiles ?? 0} | ${row.k8s ?? 0} | ${row.helm ?? 0} | ${filesWith.get(rule.meta.id)?.size ?? 0} |`);
  }
}

void main();
