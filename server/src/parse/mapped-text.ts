// Text cut out of a document (a RUN line, a JSON string, a YAML scalar) that remembers where each character came from.

export interface MappedText {
  text: string;
  /** Document offset of each character of `text`, plus one entry for the end. Absent when the text is a verbatim slice. */
  offsets?: number[];
  /** Document offset of `text[0]` when `offsets` is absent. */
  base: number;
}

export function verbatim(text: string, base: number): MappedText {
  return { text, base };
}

/** Document offset of position `i` (0..text.length) of the mapped text. */
export function docOffset(m: MappedText, i: number): number {
  if (!m.offsets) return m.base + i;
  const clamped = Math.max(0, Math.min(i, m.offsets.length - 1));
  return m.offsets[clamped];
}

/** Document span of the characters [start, end) of the mapped text. */
export function docSpan(m: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = docOffset(m, start);
    return { start: at, end: at };
  }
  // the end is one past the last character, so it follows that character's own offset
  return { start: docOffset(m, start), end: docOffset(m, end - 1) + 1 };
}

/** A sub-text whose characters map through `outer`: `inner.offsets[i]` are positions in outer.text. */
export function compose(outer: MappedText, text: string, innerOffsets: number[]): MappedText {
  return { text, base: docOffset(outer, 0), offsets: innerOffsets.map((i) => docOffset(outer, i)) };
}

/**
 * Aligns a decoded string with the source it was decoded from (quotes, escapes, folded lines removed).
 * Each decoded character is matched to the next equal source character within a short window;
 * characters produced by escapes (\n, \t) fall back to the current source position.
 */
export function alignDecoded(decoded: string, source: string, sourceBase: number): MappedText {
  if (decoded === source) return verbatim(decoded, sourceBase);
  const offsets: number[] = new Array(decoded.length + 1);
  let s = 0;
  for (let d = 0; d < decoded.length; d++) {
    const c = decoded[d];
    let found = -1;
    let width = 1;
    for (let k = s; k < source.length && k < s + 64; k++) {
      // an escape sequence stands for this character: \n, \t, \", \\ ...
      if (source[k] === '\\' && k + 1 < source.length && escapeValue(source[k + 1]) === c) {
        found = k;
        width = 2;
        break;
      }
      if (source[k] === c) {
        found = k;
        break;
      }
    }
    if (found < 0) found = Math.min(s, Math.max(0, source.length - 1));
    offsets[d] = sourceBase + found;
    s = found + width;
  }
  offsets[decoded.length] = sourceBase + Math.min(s, source.length);
  return { text: decoded, base: sourceBase, offsets };
}

function escapeValue(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return c;
  }
}
