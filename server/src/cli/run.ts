// runCli(argv, io) → exit code: the whole CLI as a function, so tests run it in-process.
import { allRules } from '../engine';
import { parseArgs, UsageError } from './args';
import { ConfigError } from './config';
import { HELP } from './help';
import type { CliIo } from './io';
import { runLint } from './lint-command';
import { formatRules } from './rules-command';
import { herdVersion } from './version';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${herdVersion()}\n`);
        return 0;
      case 'rules':
        io.stdout.write(formatRules((io.rules ?? allRules).map((r) => r.meta), args.format));
        return 0;
      case 'lint':
        return await runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`herd: ${error.message}\nRun 'herd --help' for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      for (const line of error.lines) io.stderr.write(`herd: ${line}\n`);
      return 2;
    }
    io.stderr.write(`herd: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
