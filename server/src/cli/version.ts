// The version printed by --version and put in SARIF: package.json's, found from the bundle or the sources.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function herdVersion(): string {
  if (cached) return cached;
  // dist/cli.js sits one folder below package.json, server/src/cli/ three: walk up rather than hard-code either
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'herd' && pkg.version) return (cached = pkg.version);
    }
    if (dirname(dir) === dir) return (cached = '0.0.0');
  }
}
