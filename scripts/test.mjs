// Runs every test/**/*.test.ts (except the real-editor suites) with node's test runner, through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'e2e' || name === 'fixtures' || name === 'node_modules') continue;
      collect(path, out);
    } else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}
const files = (only.length ? only : collect(join(root, 'test'), [])).sort();
// Tests wait on events, never on time; the timeout only ends a test that hangs (a lost event), so that the run
// reports it instead of stalling CI. It is far above what any test needs on a loaded machine.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=600000', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
