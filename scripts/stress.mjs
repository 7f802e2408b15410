// Runs the test suite under load: CPU-bound processes (two by default) spin beside it while `npm test` runs
// several times (three by default). Every run must pass: a test that depends on timing fails here first.
//   npm run test:stress [-- --runs N --hogs N] [test files…]
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  argv.splice(i, 2);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
};
const runs = option('--runs', 3);
const hogCount = option('--hogs', 2);
const files = argv;
const root = new URL('..', import.meta.url).pathname;

const hogs = Array.from({ length: hogCount }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopHogs = () => hogs.forEach((h) => h.kill('SIGKILL'));
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// the build and type check once; each run is the test runner itself, as `npm test` runs it
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const results = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const load = loadavg()[0].toFixed(1);
  const result = spawnSync(process.execPath, ['scripts/test.mjs', ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const summary = (result.stdout.match(/^ℹ (tests|pass|fail|skipped) \d+$/gm) ?? []).map((l) => l.slice(2)).join(', ');
  const failed = result.stdout.split('\n').filter((l) => /^\s*✖/.test(l)).slice(0, 20);
  results.push({ run, status: result.status, seconds: Math.round((Date.now() - started) / 1000), load, summary, failed });
  console.log(`run ${run}/${runs}: exit ${result.status}, ${summary}, ${Math.round((Date.now() - started) / 1000)} s, load at start ${load} (${hogCount} CPU hogs)`);
  if (failed.length) console.log(failed.join('\n'));
}
stopHogs();
const passed = results.filter((r) => r.status === 0).length;
console.log(`${passed} passed, ${runs - passed} failed`);
process.exit(passed === runs ? 0 : 1);
