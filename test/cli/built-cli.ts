// The package's own build (scripts/build.mjs, what `npm ci` runs as `prepare`), run once per test file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PACKAGE_ROOT = join(__dirname, '..', '..');

/** Builds dist/ and returns bin/herd.js: what `npx herd` runs. */
export function buildCli(): string {
  const build = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build.mjs')], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`scripts/build.mjs failed (${build.status}):\n${build.stdout}${build.stderr}`);
  return join(PACKAGE_ROOT, 'bin', 'herd.js');
}
