import { initShellParser, lint } from '../server/src/engine';
import { decodeFile } from '../server/src/cli/fix';
import { buildInput, inputBytes } from '../test/fuzz/mutators';
import { caseAt } from '../test/fuzz/harness';
import { corpusFiles } from '../test/helpers/corpus';
import { applyEdits } from '../server/src/engine';
async function main() {
  await initShellParser();
  const [seed, index, as, reps] = process.argv.slice(2).map((x, i) => (i === 2 ? x : Number(x))) as [number, number, string, number];
  const texts = corpusFiles().map((f) => f.text);
  const fc = caseAt(seed, index, texts.length);
  const text = decodeFile(inputBytes(fc, buildInput(fc, texts))).text;
  const MANIFEST_HEADER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fuzz\n';
  const yamlText = /^["']?apiVersion["']?\s*:/m.test(text) && /^["']?kind["']?\s*:/m.test(text) ? text : MANIFEST_HEADER + text;
  const [uri, t] = as === 'dockerfile' ? ['file:///fuzz/Dockerfile', text] : ['file:///fuzz/manifest.yaml', yamlText];
  for (let r = 0; r < (reps || 3); r++) {
    const c0 = process.cpuUsage();
    const res = lint({ uri, text: t });
    const c1 = process.cpuUsage(c0);
    const f0 = process.cpuUsage();
    let fixes = 0;
    for (const f of res.findings) for (const fix of f.fixes) { applyEdits(t, fix.edits()); fixes++; }
    const f1 = process.cpuUsage(f0);
    if (r === 0) console.log(res.findings.map((f) => f.ruleId + " " + f.message.slice(0, 200)));
    console.log(`rep ${r}: lint ${((c1.user + c1.system) / 1000).toFixed(0)} ms, fixes ${((f1.user + f1.system) / 1000).toFixed(0)} ms (${fixes}), ${res.findings.length} findings, ${t.length} chars`);
  }
}
main();
