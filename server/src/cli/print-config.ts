// `herd --print-config FILE`: the configuration that applies to FILE, and the file it came from.
import { relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Format } from './args';
import type { ConfigResolver } from './config-discovery';
import type { CliIo } from './io';
import { toSlashes } from './walk';

export function printConfig(file: string, format: Format, configs: ConfigResolver, io: CliIo): number {
  const path = resolve(io.cwd, file);
  const applied = configs.forFile(path);
  const from = applied.file === undefined ? null : toSlashes(relative(io.cwd, applied.file)) || applied.file;
  const { rules, ignore, maxFileSize } = applied.config;
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ file: toSlashes(relative(io.cwd, path)), config: from, ignoreBase: toSlashes(relative(io.cwd, applied.base)) || '.', rules, ignore, maxFileSize }, null, 2)}\n`);
    return 0;
  }
  const origin = from === null ? 'defaults: no .herd.yaml or .herd.yml up to the repository root' : from;
  io.stdout.write(`# configuration for ${toSlashes(relative(io.cwd, path))}\n# from ${origin}\n${stringify({ rules, ignore, maxFileSize })}`);
  return 0;
}
