import { isScalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeCommand, ComposeService, ComposeWord } from '../../parse/compose';
import type { CommandEntrypoint } from '../../parse/container';
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
    let runners: Map<ComposeService, CommandEntrypoint | undefined> | undefined;
    const runnerOf = (service: ComposeService) => {
      // the entrypoint in effect may be the linked Dockerfile's: the model decides, once per file
      runners ??= new Map(context.containers().flatMap((c) => (c.compose ? [[c.compose, c.commandEntrypoint] as const] : [])));
      return runners.get(service);
    };
    for (const service of model.services) {
      for (const command of [service.entrypoint, service.command]) {
        if (!command?.isString || !command.argv.length) continue;
        // `sh -c …` written in the string itself
        if (shellScriptArgIndex(command.argv.map((w) => w.text)) >= 0) continue;
        const found = command.argv.find(isShellSyntax);
        if (!found) continue;
        const isCommand = command === service.command;
        const runner = isCommand ? runnerOf(service) : undefined;
        // a shell runs the words, or a shell-form ENTRYPOINT never reads them
        if (runner && (runner.kind === 'shell' || runner.kind === 'ignores')) continue;
        const what = found.text;
        const start = docSpan(found, 0, found.text.length);
        if (runner?.kind === 'program') {
          context.report({
            ...start,
            message: `\`${what}\` is shell syntax, but Compose runs this command without a shell: its words are the arguments of ${entrypointText(runner)}, which receives \`${what}\` as an argument, and what follows it never runs as a command. Run the start command through a shell in \`entrypoint\` (["sh", "-c", "…"]).`,
          });
          continue;
        }
        const fix = wrapFix(text, command);
        const through = runner?.kind === 'runs-args' && runner.from === 'dockerfile' ? ` It runs through ${entrypointText(runner)}, which does not run a shell either.` : '';
        context.report({
          ...start,
          message: `\`${what}\` is shell syntax, but Compose runs this ${isCommand ? 'command' : 'entrypoint'} without a shell: \`${command.argv[0].text}\` receives \`${what}\` as an argument, and what follows it never runs as a command.${through} Run it through a shell: ["sh", "-c", "…"].`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/** `the entrypoint \`/app/server\``, naming the Dockerfile it comes from (a link that decides a finding is named). */
function entrypointText(runner: CommandEntrypoint): string {
  const words = `\`${runner.words.join(' ')}\``;
  if (runner.from === 'dockerfile') return `the ENTRYPOINT ${words} of \`${runner.dockerfile}\` (linked by \`build\`)`;
  if (runner.from === 'image') return `the image's entrypoint ${words}`;
  return `the service's entrypoint ${words}`;
}

function isShellSyntax(word: ComposeWord): boolean {
  // a quoted word is one argument by intent (`python -c "a; b"`)
  if (word.quoted) return false;
  return OPERATOR_WORD.test(word.text) || /\$\(|`|&&|\|\||;$/.test(word.text);
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
