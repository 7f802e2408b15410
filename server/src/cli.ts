// The `herd` command (bundled to dist/cli.js, started by bin/herd.js).
import { processIo } from './cli/io';
import { runCli } from './cli/run';

// `herd lint | head` closes the pipe early: end quietly rather than crash on EPIPE
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// Exit as soon as the report is out: left to itself, Node waits for V8 to finish optimising the shell parser's
// WebAssembly in the background (about 0.9 s on an idle 2-core machine, tens of seconds on a loaded one) for code
// that will never run again. Both streams are drained first, so a pipe gets the whole report.
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
