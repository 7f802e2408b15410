// Lints one file many times and prints where the time goes: the parse floor, the full lint, and each rule's
// marginal cost (the full lint minus the lint without that rule).
import { readFileSync } from 'node:fs';
import { lint, parseFile } from '../server/src/engine/lint';
import { allRules } from '../server/src/rules';
import { cachedShellTexts, clearShellCache, initShellParser, parseShellText } from '../server/src/parse/shell';
import { median } from './stats';

async function main(): Promise<void> {
  await initShellParser();
  const [path, times = '20'] = process.argv.slice(2);
  const text = readFileSync(path, 'utf8');
  // a new uri for every lint: the YAML parse must not reuse the sections of the previous one
  let count = 0;
  const next = () => `file://${path}?${count++}`;
  const n = Number(times);
  const parse: number[] = [];
  const full: number[] = [];
  const perRule = new Map<string, number[]>();
  clearShellCache();
  lint({ uri: next(), text });
  const scripts = cachedShellTexts();
  for (let i = 0; i < n; i++) {
    clearShellCache();
    let t = performance.now();
    parseFile({ uri: next(), text });
    for (const s of scripts) parseShellText(s);
    parse.push(performance.now() - t);
    clearShellCache();
    t = performance.now();
    lint({ uri: next(), text });
    full.push(performance.now() - t);
    for (const rule of allRules) {
      clearShellCache();
      const t0 = performance.now();
      lint({ uri: next(), text }, { rules: allRules.filter((r) => r !== rule) });
      const list = perRule.get(rule.meta.id) ?? [];
      list.push(performance.now() - t0);
      perRule.set(rule.meta.id, list);
    }
  }
  const f = median(full);
  console.log(`parse floor ${median(parse).toFixed(2)} ms, full lint ${f.toFixed(2)} ms (${allRules.length} rules); marginal cost per rule:`);
  const rows = [...perRule].map(([id, xs]) => [id, f - median(xs)] as const).sort((a, b) => b[1] - a[1]);
  for (const [id, ms] of rows.slice(0, 15)) console.log(`${ms.toFixed(2).padStart(8)} ms  ${id}`);
}

void main();
