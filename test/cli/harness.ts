// Runs the CLI in-process with captured output, and lays out temporary workspaces.
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Rule } from '../../server/src/engine/rule';
import { runCli } from '../../server/src/cli/run';
import type { CliIo } from '../../server/src/cli/io';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'cli');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  rules?: readonly Rule[];
  env?: Record<string, string | undefined>;
  tty?: boolean;
  readFile?: (path: string) => Buffer;
  readDir?: CliIo['readDir'];
  /** What `herd lint -` reads from stdin. */
  stdin?: string;
}

export async function herd(argv: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: options.cwd ?? FIXTURES,
    env: options.env ?? {},
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty },
    stderr: { write: (t: string) => (stderr += t) },
    rules: options.rules,
    readFile: options.readFile,
    readDir: options.readDir,
    // never the test runner's own stdin
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  });
  return { code, stdout, stderr };
}

/** A fresh folder with the given files (path → text); removed by the returned function. */
export function tempWorkspace(files: Record<string, string | Buffer>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'herd-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of a fixture folder. */
export function copyFixture(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'herd-cli-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
