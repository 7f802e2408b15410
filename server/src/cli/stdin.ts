// `herd lint -`: the text comes from stdin, as editors' lint-on-save integrations and pre-commit hooks send it.
// `--stdin-filename NAME` gives it a name: its kind, and the config and workspace of a file at that path.
import { resolve } from 'node:path';
import type { CliIo } from './io';

export const STDIN_SHOWN = '<stdin>';

export interface StdinFile {
  /** Absolute path the text is linted under (NAME, or `<stdin>` in the invocation directory). */
  path: string;
  /** NAME as given (slashes), or `<stdin>`. */
  shown: string;
  /** Kind and config come from the name; without one, from the content. */
  named: boolean;
  text: Buffer;
}

export async function readStdinFile(io: CliIo, name: string | undefined): Promise<StdinFile> {
  const text = io.readStdin ? await io.readStdin() : await readAll(process.stdin);
  const shown = name === undefined ? STDIN_SHOWN : name.split('\\').join('/');
  return { path: resolve(io.cwd, name ?? STDIN_SHOWN), shown, named: name !== undefined, text };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
