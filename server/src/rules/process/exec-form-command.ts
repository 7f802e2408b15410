import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import type { FixKind, FixProposal } from '../../engine/types';
import { instructionScript, isExecForm, offsets, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import type { ShellScript, ShellWord } from '../../parse/shell';
import { hasInnerComments, keywordSpan } from '../shared/instruction-lines';
import { stageChain, startInstructions } from './start-instructions';

// Shell builtins and keywords: `["cd", "/app"]` would look for a program named cd.
const BUILTINS = new Set(['exec', 'cd', '.', 'source', 'eval', 'set', 'export', 'ulimit', 'umask', 'trap', 'alias', 'read', 'wait', 'shift', 'unset', 'readonly', 'local', 'declare', 'typeset', 'exit', 'return', ':', 'builtin', 'command']);

export default defineRule({
  meta: {
    id: 'exec-form-command',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'CMD or ENTRYPOINT in shell form: /bin/sh is PID 1 and the app never receives SIGTERM.',
    fixes: ['safe', 'suggestion'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'dockerfile' || !model.finalStage) return;
    const { entrypoint, cmd } = startInstructions(model.finalStage);
    const entrypointExec = entrypoint && isExecForm(model, entrypoint);
    for (const instruction of [entrypoint, cmd]) {
      if (!instruction || isExecForm(model, instruction) || !instruction.getArgumentsRange()) continue;
      // a shell-form ENTRYPOINT ignores CMD altogether
      if (instruction === cmd && entrypoint && !entrypointExec) continue;
      const script = instructionScript(model, instruction);
      if (!script) continue;
      const keyword = instruction.getKeyword();
      const asArguments = instruction === cmd && !!entrypointExec;
      if (!asArguments && execsLastCommand(script)) continue;
      const message = asArguments
        ? 'This shell-form `CMD` reaches the `ENTRYPOINT` as the three arguments `/bin/sh -c "…"`, not as its own words. Write it in JSON exec form.'
        : `\`${keyword}\` in shell form runs under \`/bin/sh -c\`: the shell is PID 1 and does not pass SIGTERM on, so the app is killed after the grace period instead of shutting down cleanly. Use the JSON exec form, or start the command with \`exec\`.`;
      // converting changes how CMD and ENTRYPOINT combine when both are in effect: offered, not applied
      const kind: FixKind = asArguments || (instruction === entrypoint && !!cmd) ? 'suggestion' : 'safe';
      const fix = execFormFix(model, instruction, script, kind, model.finalStage);
      context.report({ ...keywordSpan(model, instruction), message, fixes: fix ? [fix] : [] });
    }
  },
});

/** `…; exec app`: the shell replaces itself with the app, which becomes PID 1. */
function execsLastCommand(script: ShellScript): boolean {
  const last = script.statements[script.statements.length - 1];
  if (!last || last.background || last.node.type !== 'command') return false;
  return last.node.name?.value === 'exec' && last.node.args.length > 0;
}

function execFormFix(model: DockerfileModel, instruction: Instruction, script: ShellScript, kind: FixKind, stage: Stage): FixProposal | undefined {
  const words = simpleCommandWords(script);
  if (!words || BUILTINS.has(words[0].value)) return undefined;
  // another SHELL, or comment lines that the JSON would swallow: leave it to the user
  if (stageChain(stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'SHELL'))) return undefined;
  if (hasInnerComments(model, instruction)) return undefined;
  const range = offsets(model, instruction.getArgumentsRange()!);
  const json = `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  return { title: `Convert \`${instruction.getKeyword()}\` to exec form`, kind, edits: () => [{ ...range, newText: json }] };
}

/** The words of a script that is exactly one plain command: no operators, redirects, expansions or globs. */
function simpleCommandWords(script: ShellScript): ShellWord[] | undefined {
  if (script.hasErrors || script.statements.length !== 1) return undefined;
  const [statement] = script.statements;
  const node = statement.node;
  if (statement.background || node.type !== 'command' || !node.name) return undefined;
  if (node.redirects.length || node.assignments.length) return undefined;
  const words = [node.name, ...node.args];
  // `~` and `{a,b}` are expanded by the shell although the parser does not mark them
  if (words.some((w) => w.dynamic || /[~{}]/.test(w.value))) return undefined;
  return words;
}
