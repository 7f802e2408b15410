// Reading a file's text as editors show it: UTF-8 without the byte order mark. VS Code hides the mark and counts
// columns after it, and so do Herd's positions; a file read with its mark would put every line-1 column one off
// and hide the first key or instruction from detection.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The text without a leading U+FEFF. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readTextFile(path: string): Promise<string> {
  return withoutBom(await readFile(path, 'utf8'));
}

export function readTextFileSync(path: string): string {
  return withoutBom(readFileSync(path, 'utf8'));
}
