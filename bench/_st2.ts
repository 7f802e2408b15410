import { lint } from '../server/src/engine';
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
for (const n of [400, 1000, 4000]) {
const text = `${pod('app')}${'key: value, '.repeat(n)}\n---\n${pod('app')}`;
const r = lint({ uri: 'file:///w/pods.yaml', text });
console.log(n, r.problems.map((p) => p.message), r.findings.map((f) => f.ruleId + ':' + f.range.start.line).join(' '));
}
