// npm 11 skips dependencies' install scripts that `allowScripts` does not approve, and warns about each one it has
// no decision for. Herd needs none of them (README, "Two commands"): every installed package with an install script
// has an entry, so `npm ci` installs quietly and the decision is written down.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../cli/built-cli';

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

/** Every package under a node_modules folder, nested ones included. */
function installed(modules: string, out: Manifest[] = []): Manifest[] {
  if (!existsSync(modules)) return out;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@') ? readdirSync(join(modules, entry.name)).map((n) => join(modules, entry.name, n)) : [join(modules, entry.name)];
    for (const dir of dirs) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) out.push(JSON.parse(readFileSync(file, 'utf8')) as Manifest);
      installed(join(dir, 'node_modules'), out);
    }
  }
  return out;
}

describe('install scripts', () => {
  it('every dependency with an install script has an allowScripts decision', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Manifest;
    const withScripts = installed(join(PACKAGE_ROOT, 'node_modules')).filter((m) => ['preinstall', 'install', 'postinstall'].some((s) => m.scripts?.[s]));
    assert.ok(withScripts.length > 0, 'the dependencies known to have install scripts are installed');
    const undecided = [...new Set(withScripts.map((m) => m.name))].filter((name) => !(name in (pkg.allowScripts ?? {})));
    assert.deepEqual(undecided, []);
  });
});
