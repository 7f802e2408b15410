// The `herd` command (bundled to dist/cli.js, started by bin/herd.js).
import { processIo } from './cli/io';
import { runCli } from './cli/run';

// `herd lint | head` closes the pipe early: end quietly rather than crash on EPIPE
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): let stdout drain when it is a pipe
  process.exitCode = code;
});
