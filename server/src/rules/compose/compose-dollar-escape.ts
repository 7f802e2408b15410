import { defineRule } from '../../engine/rule';
import type { ComposeCommand, ComposeService, Interpolation } from '../../parse/compose';
import { docSpan, type MappedText } from '../../parse/mapped-text';
import { shellScriptArgIndex } from '../../parse/shell';

export default defineRule({
  meta: {
    id: 'compose-dollar-escape',
    languages: ['compose'],
    defaultSeverity: 'warning',
    category: 'compose',
    description: "A `$name` in a service's shell script that the script itself sets: Compose interpolates it from the host first.",
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'compose') return;
    for (const service of model.services) {
      for (const { command, span, script } of shellScripts(service)) {
        const own = scriptVariables(script);
        for (const ref of command.interpolations) {
          if (ref.dollar < span.start || ref.dollar >= span.end) continue;
          const special = !/^[A-Za-z_]/.test(ref.name);
          if (!special && !own.has(ref.name)) continue;
          context.report({
            ...ref.span,
            message: special
              ? `\`$${ref.name}\` is a shell special parameter, but Compose reads \`$\` first and rejects or empties it before the script runs. Write \`$$${ref.name}\`.`
              : `\`${text(ref)}\` is set inside this script, but Compose interpolates it from the host's environment when it reads the file, so the script sees it empty. Write \`$$\` to pass a \`$\` to the shell.`,
            fixes: [{ title: `Escape for Compose: \`$$${ref.name}\``, kind: 'safe', edits: () => [{ start: ref.dollar, end: ref.dollar, newText: '$' }] }],
          });
        }
      }
    }
  },
});

function text(ref: Interpolation): string {
  return `$${ref.name}`;
}

interface Script {
  command: ComposeCommand;
  /** Where the script lies in the document. */
  span: { start: number; end: number };
  script: string;
}

function scriptOf(command: ComposeCommand, word: MappedText): Script {
  return { command, span: docSpan(word, 0, word.text.length), script: word.text };
}

/** The shell scripts of a service: `sh -c` in entrypoint + command, and a `CMD-SHELL` (or string) healthcheck test. */
function shellScripts(service: ComposeService): Script[] {
  const out: Script[] = [];
  const parts: { command: ComposeCommand; word: MappedText }[] = [];
  for (const c of [service.entrypoint, service.command]) for (const word of c?.argv ?? []) parts.push({ command: c!, word });
  const i = shellScriptArgIndex(parts.map((p) => p.word.text));
  if (i >= 0) out.push(scriptOf(parts[i].command, parts[i].word));
  const test = service.healthcheck?.test;
  const range = test?.node.range;
  // a string test is run by the container's shell as a whole
  if (test?.isString && test.raw !== undefined && range) out.push({ command: test, span: { start: range[0], end: range[1] }, script: test.raw });
  else if (test && test.argv[0]?.text === 'CMD-SHELL' && test.argv[1]) out.push(scriptOf(test, test.argv[1]));
  else if (test && test.argv[0]?.text === 'CMD') {
    const j = shellScriptArgIndex(test.argv.slice(1).map((w) => w.text));
    if (j >= 0) out.push(scriptOf(test, test.argv[j + 1]));
  }
  return out;
}
/** Names the script gives a value: assignments, `for` variables, `read` targets, `local`/`export` declarations. */
function scriptVariables(script: string): Set<string> {
  const names = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;&|(`])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/g)) names.add(m[1]);
  for (const m of script.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s/g)) names.add(m[1]);
  for (const m of script.matchAll(/\bread\s+((?:-[a-zA-Z]+\s+(?:\S+\s+)?)*)([A-Za-z_][A-Za-z0-9_\s]*)/g)) {
    for (const n of m[2].split(/\s+/)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) names.add(n);
  }
  return names;
}
