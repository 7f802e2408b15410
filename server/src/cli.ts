// The `herd` command (bundled to dist/cli.js, started by bin/herd.js).
import { setFlagsFromString } from 'node:v8';
import { processIo } from './cli/io';
import { runCli } from './cli/run';

// The shell parser's WebAssembly runs on V8's baseline compiler only: optimising the 1.3 MB grammar in the
// background costs more CPU than a lint run gets back (bench, docs/performance.md: one file 0.8 s instead of 3 s,
// 4,300 files 27 s instead of 32 s, on a loaded 2-core machine). Set before the grammar is compiled.
setFlagsFromString('--liftoff-only');

// `herd lint | head` closes the pipe early: end quietly rather than crash on EPIPE
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// Exit as soon as the report is out rather than when the event loop and V8's background work run dry; both
// streams are drained first, so a pipe gets the whole report.
void runCli(process.argv.slice(2), processIo()).then(async (code) => {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
});

/** Resolves once everything written to the stream so far has been handed to the system. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
