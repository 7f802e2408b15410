// The CLI's contact with the outside world, injectable so that tests run it in-process.
import { readFileSync } from 'node:fs';
import type { Rule } from '../engine/rule';
import type { ReadDir } from './walk';

export interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  /** The rules to run; the registry by default. */
  rules?: readonly Rule[];
  /** Reads a file to lint; fs by default. */
  readFile?: (path: string) => Buffer;
  /** Lists a folder while walking; fs by default. */
  readDir?: ReadDir;
  /** Reads all of stdin (`herd lint -`); process.stdin by default. */
  readStdin?: () => Promise<Buffer>;
}

export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readFile: (p) => readFileSync(p) };
}
