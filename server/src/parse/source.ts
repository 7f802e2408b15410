// A document's text with offset <-> line/character conversion (UTF-16 columns, as LSP uses).
import type { Position, Range } from 'vscode-languageserver-types';

export interface SourceText {
  uri: string;
  text: string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  /** The line break the file uses, for inserted text. */
  eol: '\n' | '\r\n';
}

export function sourceText(uri: string, text: string): SourceText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - lineStarts[lo] };
  };
  const offsetAt = (p: Position): number => {
    if (p.line >= lineStarts.length) return text.length;
    if (p.line < 0) return 0;
    const lineEnd = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
    return Math.max(lineStarts[p.line], Math.min(lineStarts[p.line] + p.character, lineEnd));
  };
  return {
    uri,
    text,
    offsetAt,
    positionAt,
    rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    eol: /\r\n/.test(text.slice(0, 10000)) ? '\r\n' : '\n',
  };
}
