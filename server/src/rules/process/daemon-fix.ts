// The fix of a self-daemonizing main process: add the flag that keeps it in the foreground (`sshd -D`,
// `nginx -g 'daemon off;'`), or turn `--daemonize yes` into `no`. Offered only where that is the whole change.
import type { FixProposal, OffsetEdit } from '../../engine/types';
import type { StartCommand } from '../../parse/container';
import { docOffset } from '../../parse/mapped-text';
import { basename, spanIn, type ShellScript, type ShellWord } from '../../parse/shell';
import type { BackgroundUse } from './start-command';

export function daemonFlagFix(use: BackgroundUse, start: StartCommand, text: string): FixProposal | undefined {
  const change = use.daemon?.change;
  const command = use.command;
  if (!change || !command) return undefined;
  const { script, argv } = command;
  const argvForm = start.form === 'exec' && script === start.script;
  let edit: OffsetEdit | undefined;
  let title: string;
  if ('replace' in change) {
    const word = argv[change.replace];
    if (!word || !isWrittenAsIs(text, script, word)) return undefined;
    const value = valueSpan(script, word);
    edit = { ...value, newText: change.with };
    title = `Change \`${word.value}\` to \`${change.with}\``;
  } else {
    const program = argv[0];
    if (!isWrittenAsIs(text, script, program)) return undefined;
    edit = argvForm ? argvInsert(text, script, program, change.insert) : shellInsert(text, script, program, change.insert);
    title = `Add \`${change.insert.map(shellQuote).join(' ')}\``;
  }
  if (!edit) return undefined;
  const edits = [edit];
  return { title: `${title} to keep \`${basename(argv[0].value)}\` in the foreground`, kind: 'suggestion', edits: () => edits };
}

/** The word's characters stand in the document as its value, quoted or not (not an entrypoint borrowed from elsewhere). */
function isWrittenAsIs(text: string, script: ShellScript, word: ShellWord): boolean {
  const span = spanIn(script, word);
  const raw = text.slice(span.start, span.end);
  return raw === word.value || raw === `"${word.value}"` || raw === `'${word.value}'`;
}

function valueSpan(script: ShellScript, word: ShellWord): { start: number; end: number } {
  const offsets = word.valueOffsets;
  if (!word.value.length) return spanIn(script, word);
  return spanIn(script, { start: offsets[0], end: offsets[word.value.length - 1] + 1 });
}

const shellQuote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w}'`);

/** ` -D` after the program word; quoted words only where a `'` cannot end the surrounding YAML scalar. */
function shellInsert(text: string, script: ShellScript, program: ShellWord, words: string[]): OffsetEdit | undefined {
  const quoted = words.map(shellQuote);
  const opener = text[docOffset(script.source, 0) - 1];
  if (quoted.some((w) => w.includes("'")) && script.depth > 0 && opener === "'") return undefined;
  const at = spanIn(script, program).end;
  return { start: at, end: at, newText: ` ${quoted.join(' ')}` };
}

/** A JSON array or YAML flow/block sequence: new items after the program's item. */
function argvInsert(text: string, script: ShellScript, program: ShellWord, words: string[]): OffsetEdit | undefined {
  let end = spanIn(script, program).end;
  if (text[end] === '"' || text[end] === "'") end++;
  const items = words.map((w) => JSON.stringify(w));
  const next = /^[ \t]*([,\]])/.exec(text.slice(end));
  if (next) return { start: end, end, newText: items.map((i) => `, ${i}`).join('') };
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const block = /^([ \t]*)-[ \t]/.exec(text.slice(lineStart, end));
  if (!block) return undefined;
  return { start: end, end, newText: items.map((i) => `\n${block[1]}- ${i}`).join('') };
}
