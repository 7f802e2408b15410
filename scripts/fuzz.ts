// The long fuzz run: `node --import tsx scripts/fuzz.ts --runs 10000 --seed 1 [--only 12,40] [--limit 1000]`.
// Mutated corpus files go through every rule and every fix; prints the figures, exits 1 on any failure.
import { initShellParser } from '../server/src/engine';
import { describeCase, percentile, runFuzz } from '../test/fuzz/harness';
import { corpusFiles } from '../test/helpers/corpus';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<number> {
  const runs = Number(option('runs', '10000'));
  const seed = Number(option('seed', String(Date.now() % 1_000_000)));
  const limitMs = Number(option('limit', '1000'));
  const only = option('only', '') ? option('only', '').split(',').map(Number) : undefined;
  await initShellParser();
  const files = corpusFiles();
  const texts = files.map((f) => f.text);
  const names = files.map((f) => f.name);
  console.log(`herd fuzz: seed ${seed}, ${only ? `cases ${only.join(',')}` : `${runs} inputs`}, ${files.length} corpus files, limit ${limitMs} ms`);
  const figures = runFuzz(texts, {
    runs,
    seed,
    limitMs,
    only,
    onProgress: (done) => {
      if (done % 500 === 0) process.stderr.write(`  ${done} inputs…\n`);
    },
  });
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`inputs ${figures.inputs}, lints ${figures.lints}, findings ${figures.findings}, fixes built and applied ${figures.fixesApplied}`);
  console.log(`per mutator: ${Object.entries(figures.perMutator).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const max = figures.times.reduce((a, b) => Math.max(a, b), 0);
  console.log(`time: total ${(figures.totalMs / 1000).toFixed(1)} s wall; CPU per lint median ${ms(percentile(figures.times, 50))}, p99 ${ms(percentile(figures.times, 99))}, max ${ms(max)}; max wall ${ms(figures.maxWallMs)}`);
  console.log('slowest (CPU):');
  for (const s of figures.slowest.slice(0, 5)) console.log(`  ${ms(s.ms)} as ${s.as}, ${s.length} chars: ${describeCase(s.index, s.fuzzCase, names)}`);
  const count = (...kinds: string[]) => figures.failures.filter((f) => kinds.includes(f.kind)).length;
  console.log(`inputs not UTF-8 ${figures.notUtf8} (never fixed); --fix byte checks ${figures.filesFixed}; lints that said why they did not lint ${figures.notLinted}`);
  console.log(
    `exceptions ${count('threw', 'rule-error', 'fix-threw')}, bad edits ${count('bad-edit')}, files silently skipped ${count('skipped')}, ` +
      `lints over ${limitMs} ms CPU ${count('slow')}, fixes changing bytes outside their edits ${count('bytes-changed')}`,
  );
  console.log(`failures: ${figures.failures.length}`);
  for (const f of figures.failures.slice(0, 50)) console.log(`  ${f.kind} as ${f.as}: ${f.message}\n    ${describeCase(f.index, f.fuzzCase, names)} (replay: --seed ${seed} --only ${f.index})`);
  return figures.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
