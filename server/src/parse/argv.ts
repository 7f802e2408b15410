// An exec-form argv (JSON array, YAML list) seen as a script of one command whose words are never re-split:
// `&` in an argv is an argument, not an operator; `sh -c SCRIPT` still descends into SCRIPT.
import type { MappedText } from './mapped-text';
import type { ShellScript, ShellWord, SimpleCommand } from './shell';

export function argvScript(argv: MappedText[]): ShellScript {
  // one synthetic text, the items joined by spaces; offsets map every character back to its item's source
  const parts: string[] = [];
  const offsets: number[] = [];
  const words: ShellWord[] = [];
  let at = 0;
  for (const item of argv) {
    if (parts.length) {
      parts.push(' ');
      offsets.push(itemOffset(item, 0));
      at++;
    }
    const valueOffsets: number[] = [];
    for (let i = 0; i < item.text.length; i++) {
      offsets.push(itemOffset(item, i));
      valueOffsets.push(at + i);
    }
    valueOffsets.push(at + item.text.length);
    words.push({ value: item.text, start: at, end: at + item.text.length, quoted: true, dynamic: /\$/.test(item.text), valueOffsets });
    parts.push(item.text);
    at += item.text.length;
  }
  const last = argv[argv.length - 1];
  offsets.push(last ? itemOffset(last, last.text.length) : 0);
  const text = parts.join('');
  const command: SimpleCommand = { type: 'command', name: words[0], args: words.slice(1), assignments: [], redirects: [], start: 0, end: text.length };
  return {
    source: { text, base: offsets[0] ?? 0, offsets },
    statements: words.length ? [{ node: command, start: 0, end: text.length }] : [],
    hasErrors: false,
    depth: 0,
  };
}

function itemOffset(item: MappedText, i: number): number {
  return item.offsets ? item.offsets[Math.min(i, item.offsets.length - 1)] : item.base + i;
}
