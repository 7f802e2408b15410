// YAML nested deeper than any manifest needs (`- - - - …` ten thousand times, `[[[[…`): yaml's parser and composer
// recurse per level and overflow the stack, which would drop the whole file. Before parsing, what lies below
// MAX_YAML_DEPTH is blanked out (spaces; line breaks kept, so every offset stays exact); the rest parses and is
// linted, and each cut is reported where it starts. One linear pass; the depth is an estimate that may count a
// level too many (a `[` inside a plain scalar), never too few, which only matters past hundreds of levels.

export const MAX_YAML_DEPTH = 256;

export interface DepthCut {
  start: number;
  end: number;
}

/** The text with every part deeper than `max` levels blanked out, and where each cut starts and ends. */
export function cutDeepNesting(text: string, max = MAX_YAML_DEPTH): { text: string; cuts: DepthCut[] } {
  // fast path: fewer characters that can open a level than levels allowed
  let openers = 0;
  for (let i = 0; i < text.length && openers <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x2d || c === 0x3f || c === 0x20) openers++;
  }
  if (openers <= max) return { text, cuts: [] };

  const cuts: DepthCut[] = [];
  let chars: string[] | undefined;
  const cut = (start: number, end: number) => {
    chars ??= text.split('');
    for (let k = start; k < end; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
    if (cuts.length && cuts[cuts.length - 1].end >= start - 1) cuts[cuts.length - 1].end = end;
    else cuts.push({ start, end });
  };
  const lineEndAt = (from: number) => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  };
  const indentAt = (from: number, end: number) => {
    let j = from;
    while (j < end && text[j] === ' ') j++;
    return j;
  };

  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let blockScalarIndent = -1;
  let depth = 0;
  let keysOnLine = 0;
  let indicatorPosition = false;
  let lineStart = 0;
  let lineEnd = -1;
  for (let i = 0; i < text.length; i++) {
    if (i > lineEnd) {
      // a new line: block scalar content is text; indentation opens and closes block levels
      lineStart = i;
      lineEnd = lineEndAt(i);
      const first = indentAt(i, lineEnd);
      const indent = first - i;
      const empty = first >= lineEnd || text[first] === '#' || text[first] === '\r';
      if (blockScalarIndent >= 0 && (empty || indent > blockScalarIndent)) {
        i = lineEnd;
        continue;
      }
      blockScalarIndent = -1;
      if (!empty && !quote && flow === 0) {
        if (indent === 0 && text.startsWith('---', first)) indents.length = 0;
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
      depth = indents.length + flow;
      keysOnLine = 0;
      indicatorPosition = !quote && flow === 0;
      i = first;
      if (i >= lineEnd) continue;
    }
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      i = lineEnd;
      continue;
    }
    if (indicatorPosition && (c === '-' || c === '?') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\r')) {
      if (++depth > max) {
        // too deep on this line: cut to its end, and the lines below that are indented past the cut
        const column = i - lineStart;
        cut(i, lineEnd);
        let next = lineEnd + 1;
        while (next < text.length) {
          const end = lineEndAt(next);
          const first = indentAt(next, end);
          if (first < end && text[first] !== '\r' && first - next <= column) break;
          cut(next, end);
          next = end + 1;
        }
        i = next - 1;
        lineEnd = next - 1;
      }
      continue;
    }
    indicatorPosition = false;
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (depth + 1 > max) {
        const close = closingOf(text, i);
        cut(i, close);
        i = close - 1;
        // a cut across lines resumes mid-line: the line it ends on is the current one
        if (close - 1 > lineEnd) {
          lineStart = text.lastIndexOf('\n', close - 1) + 1;
          lineEnd = lineEndAt(close);
        }
      } else {
        flow++;
        depth++;
      }
    } else if (flow === 0 && c === ':' && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t' || text[i + 1] === '\r')) {
      // `a: b: c: …` on one line: yaml opens a map per key after the first (an error, yet each is on its stack)
      if (++keysOnLine > 1 && ++depth > max) {
        cut(i, lineEnd);
        i = lineEnd;
      }
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
      depth--;
    } else if (flow === 0 && (c === '|' || c === '>') && /^[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/.test(text.slice(i, lineEnd))) {
      blockScalarIndent = indents.length ? indents[indents.length - 1] : 0;
      i = lineEnd;
    }
  }
  return { text: chars ? chars.join('') : text, cuts };
}

/** The offset after the bracket that closes the one at `open` (quotes respected), else the document's end. */
function closingOf(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    } else if (c === '\n' && text.startsWith('---', i + 1)) return i;
  }
  return text.length;
}
