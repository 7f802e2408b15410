// Where completion happens in YAML: a key position (only spaces, then the word being typed, the cursor possibly
// inside it), shared by the manifest and Compose completions.
import type { Position } from 'vscode-languageserver';
import { sourceText, type SourceText } from '../parse/source';

export interface KeyPosition {
  source: SourceText;
  /** The indentation of the line: the column where the key starts. */
  column: number;
  lineStart: number;
  /** The typed word, which the completion replaces. */
  wordStart: number;
  wordEnd: number;
  /** The document with the half-typed word blanked (same length, so offsets hold): it parses as it will once completed. */
  blanked: string;
}

/** The key position at `position`, or undefined when the line holds anything but spaces and one word. */
export function keyPosition(uri: string, text: string, position: Position, word = /[A-Za-z_]*/): KeyPosition | undefined {
  const source = sourceText(uri, text);
  const cursor = source.offsetAt(position);
  const lineStart = source.offsetAt({ line: position.line, character: 0 });
  const typed = new RegExp(`^( *)${word.source}$`).exec(text.slice(lineStart, cursor));
  const rest = text.slice(cursor).split(/\r\n|\n|\r/, 1)[0];
  const restWord = new RegExp(`^${word.source}`).exec(rest)![0];
  if (!typed || rest.slice(restWord.length).trim()) return undefined;
  const column = typed[1].length;
  const wordStart = lineStart + column;
  const wordEnd = cursor + restWord.length;
  const blanked = text.slice(0, wordStart) + ' '.repeat(wordEnd - wordStart) + text.slice(wordEnd);
  return { source, column, lineStart, wordStart, wordEnd, blanked };
}
