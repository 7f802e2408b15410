import { applyEdits, initShellParser, lint } from '../server/src/engine';
import { readFileSync } from 'node:fs';
const cases: Record<string, [string, string]> = {};
const df = readFileSync('/work/main/package.json', 'utf8');
cases['dash-line-dockerfile'] = ['file:///x/Dockerfile', 'FROM alpine\nRUN ' + '- '.repeat(50000) + '\nCMD ["a"]\n'];
cases['dash-line-dockerfile-bare'] = ['file:///x/Dockerfile', 'FROM alpine\n' + '- '.repeat(50000) + '\nCMD ["a"]\n'];
cases['dash-line-manifest'] = ['file:///x/a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: nginx\n' + '- '.repeat(50000) + '\n'];
cases['if-nest'] = ['file:///x/Dockerfile', 'FROM alpine\nRUN ' + 'if true; then '.repeat(10000) + 'true;' + ' fi;'.repeat(10000) + '\nCMD ["a"]\n'];
cases['if-nest-open'] = ['file:///x/Dockerfile', 'FROM alpine\nRUN ' + 'if true; then '.repeat(10000) + 'true;\nCMD ["a"]\n'];
const list = ['---', 'apiVersion: v1', 'kind: List', 'items:'];
for (let i = 0; i < 2000; i++) list.push(`  - {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: [{name: c, image: nginx, securityContext: {privileged: true}}]}}`);
cases['list-2000'] = ['file:///x/a.yaml', list.join('\n') + '\n'];
async function main() {
  await initShellParser();
  const only = process.argv[2];
  for (const [name, [uri, text]] of Object.entries(cases)) {
    if (only && !name.startsWith(only)) continue;
    for (let r = 0; r < 2; r++) {
      const t0 = process.cpuUsage();
      const res = lint({ uri, text });
      let fixes = 0;
      for (const f of res.findings) for (const fix of f.fixes) { applyEdits(text, fix.edits()); fixes++; }
      const u = process.cpuUsage(t0);
      console.log(name, r, ((u.user + u.system) / 1000).toFixed(0), 'ms CPU', res.findings.length, 'findings', fixes, 'fixes', res.problems.map((p) => p.code).join(','));
    }
  }
}
main();
