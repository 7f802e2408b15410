import { isScalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeCommand, ComposeService, ComposeWord } from '../../parse/compose';
import { docSpan } from '../../parse/mapped-text';
import { shellScriptArgIndex } from '../../parse/shell';

/** Words that a shell would read as operators; Compose passes them to the program as arguments. */
const OPERATOR_WORD = /^(?:&&|\|\||\||;|&|;;|[0-9]?>>?(?:&[0-9-])?\S*|&>>?\S*|<<?\S*)$/;

export default defineRule({
  meta: {
    id: 'compose-shell-operators',
    languages: ['compose'],
    defaultSeverity: 'error',
    category: 'compose',
    description: 'A Compose command string holds shell syntax but runs no shell: the operators reach the program as arguments.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'compose') return;
    const text = model.source.text;
    for (const service of model.services) {
      for (const command of [service.entrypoint, service.command]) {
        if (!command?.isString || !command.argv.length) continue;
        if (runsShell(service, command)) continue;
        const found = command.argv.find(isShellSyntax);
        if (!found) continue;
        const what = found.text;
        const fix = wrapFix(text, command);
        context.report({
          ...docSpan(found, 0, found.text.length),
          message: `\`${what}\` is shell syntax, but Compose runs this ${command === service.entrypoint ? 'entrypoint' : 'command'} without a shell: \`${command.argv[0].text}\` receives \`${what}\` as an argument, and what follows it never runs as a command. Run it through a shell: ["sh", "-c", "…"].`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

function isShellSyntax(word: ComposeWord): boolean {
  // a quoted word is one argument by intent (`python -c "a; b"`)
  if (word.quoted) return false;
  return OPERATOR_WORD.test(word.text) || /\$\(|`|&&|\|\||;$/.test(word.text);
}

/** The string is `sh -c …` itself, or the command goes to an entrypoint that is a shell. */
function runsShell(service: ComposeService, command: ComposeCommand): boolean {
  if (shellScriptArgIndex(command.argv.map((w) => w.text)) >= 0) return true;
  const entry = service.entrypoint;
  if (command === service.command && entry && entry.argv.length) {
    return shellScriptArgIndex([...entry.argv.map((w) => w.text), 'script']) >= 0;
  }
  return false;
}

/** `command: a && b` → `command: ["sh", "-c", "a && b"]`, the string kept as written (`$$` and `${VAR}` included). */
function wrapFix(text: string, command: ComposeCommand): FixProposal | undefined {
  const node = command.node;
  if (!isScalar(node) || !node.range || command.raw === undefined) return undefined;
  let [start, end] = node.range;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const json = `["sh", "-c", ${JSON.stringify(command.raw.replace(/\n$/, ''))}]`;
  return { title: 'Run it through a shell: ["sh", "-c", …]', kind: 'safe', edits: () => [{ start, end, newText: json }] };
}
