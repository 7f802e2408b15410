import { initShellParser, lint } from '../server/src/engine';
import { decodeFile } from '../server/src/cli/fix';
import { buildInput, inputBytes } from '../test/fuzz/mutators';
import { caseAt, describeCase } from '../test/fuzz/harness';
import { corpusFiles } from '../test/helpers/corpus';
async function main() {
  await initShellParser();
  const files = corpusFiles();
  const texts = files.map((f) => f.text);
  const [from, to] = [Number(process.argv[2]), Number(process.argv[3])];
  const MANIFEST_HEADER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fuzz\n';
  for (let i = from; i < to; i++) {
    const fc = caseAt(1401, i, texts.length);
    const text = decodeFile(inputBytes(fc, buildInput(fc, texts))).text;
    const yamlText = /^["']?apiVersion["']?\s*:/m.test(text) && /^["']?kind["']?\s*:/m.test(text) ? text : MANIFEST_HEADER + text;
    for (const [uri, t] of [['file:///fuzz/Dockerfile', text], ['file:///fuzz/manifest.yaml', yamlText]]) {
      const r = lint({ uri, text: t });
      for (const p of r.problems) if (p.code === 'parse-error' || p.code === 'file-too-large') console.log(i, uri.slice(-10), p.code, p.message.slice(0, 150), describeCase(i, fc, files.map((f) => f.name)).slice(0, 150));
    }
  }
}
main();
