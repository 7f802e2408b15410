// Profiles the full catalog over the corpus, warm: a few unprofiled runs, then CPU-profiled runs written to
// a .cpuprofile (open it in Chrome DevTools, or summarise it with bench/profile-summary.ts).
// Usage: node --import tsx bench/profile-lint.ts [dockerfile|kubernetes|all] [runs] [out.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { corpusFiles } from '../test/helpers/corpus';
import { loadSubject } from './bundle';

async function main(): Promise<void> {
  const { lint, detectLanguage, clearShellCache, initShellParser } = await loadSubject();
  await initShellParser();
  const [only = 'all', runs = '5', out = 'herd-lint.cpuprofile'] = process.argv.slice(2);
  const files = corpusFiles().filter((f) => {
    const language = detectLanguage(f.path, f.text);
    return language && (only === 'all' || language === only);
  });
  const once = (label: string) => {
    clearShellCache();
    const t = performance.now();
    for (const f of files) lint({ uri: `file:///corpus/${f.name}`, text: f.text });
    console.log(`${label}: ${files.length} files, ${(performance.now() - t).toFixed(0)} ms`);
  };
  for (let w = 0; w < 3; w++) once(`warm-up ${w}`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  for (let run = 0; run < Number(runs); run++) once(`run ${run}`);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile written to ${out}`);
}

void main();
