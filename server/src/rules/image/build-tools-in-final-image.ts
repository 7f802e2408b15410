import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { spanIn, type ShellWord } from '../../parse/shell';
import { hasOption, isApt, isSystemInstall, optionValue, packageCommand, packageName, type Manager, type PackageCommand } from '../shared/package-managers';
import { shippedRuns, type RunCommand, type RunFacts } from '../shared/run-commands';
import { goMultiStage } from './go-multi-stage';

const TOOLCHAIN = new Set([
  'gcc', 'g++', 'gcc-c++', 'clang', 'make', 'cmake', 'build-essential', 'build-base', 'alpine-sdk',
  'golang', 'golang-go', 'go', 'rustc', 'rust', 'cargo', 'maven', 'gradle', 'default-jdk', 'default-jdk-headless',
]);

/** gcc and friends by name, their versioned packages (`gcc-12`, `clang15`, `golang-1.22-go`), and headers (`*-dev`, `*-devel`). */
export function isToolchainPackage(name: string): boolean {
  if (TOOLCHAIN.has(name)) return true;
  if (/^(gcc|g\+\+|clang)-?\d+(\.\d+)?$/.test(name) || /^golang-\d+(\.\d+)*(-go)?$/.test(name)) return true;
  return /[a-z0-9+.]-dev(el)?$/.test(name);
}

interface Installed {
  command: RunCommand;
  pc: PackageCommand;
  word: ShellWord;
  name: string;
}

export default defineRule({
  meta: {
    id: 'build-tools-in-final-image',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'image',
    description: 'The final stage installs a compiler or toolchain and does not remove it in the same RUN.',
    fixes: ['refactor'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    let refactor: ReturnType<typeof goMultiStage>;
    let planned = false;
    for (const run of shippedRuns(model)) {
      const removal = removalsOf(run);
      // a variable (`$PHPIZE_DEPS`) expands to several packages on one span: one finding names them all
      const bySpan = new Map<string, { span: { start: number; end: number }; items: Installed[] }>();
      for (const item of toolchainInstalls(run)) {
        const virtual = item.pc.manager === 'apk' ? optionValue(item.pc, '--virtual', '-t') : undefined;
        if (removal.all || removal.names.has(item.name) || (virtual && removal.names.has(virtual))) continue;
        const span = spanIn(item.command.script, item.word);
        const key = `${span.start}:${span.end}`;
        const group = bySpan.get(key) ?? { span, items: [] };
        if (!group.items.some((i) => i.name === item.name)) group.items.push(item);
        bySpan.set(key, group);
      }
      for (const { span, items } of bySpan.values()) {
        if (!planned) [refactor, planned] = [goMultiStage(model), true];
        const written = model.source.text.slice(span.start, span.end);
        const names = items.map((i) => `\`${i.name}\``).join(', ');
        const what =
          items.length === 1 && written.replace(/["']/g, '') === items[0].word.value
            ? `${names} is a build tool`
            : `\`${written}\` installs ${items.length === 1 ? 'the build tool' : 'the build tools'} ${names}, ${items.length === 1 ? 'which is' : 'which are'}`;
        context.report({
          ...span,
          message: `${what} installed in the final image and not removed in this RUN: ${items.length === 1 ? 'it ships' : 'they ship'} with the app, adding size and tools an attacker can build with. Build in a separate stage and copy only the result, or ${removalHint(items[0].pc.manager)}.`,
          fixes: refactor ? [refactor] : [],
        });
      }
    }
  },
});

function toolchainInstalls(run: RunFacts): Installed[] {
  const out: Installed[] = [];
  for (const command of run.commands) {
    const pc = packageCommand(command.command);
    if (!pc || pc.manager === 'pip' || !isSystemInstall(pc)) continue;
    for (const word of pc.operands) {
      const name = packageName(word);
      if (!word.dynamic && isToolchainPackage(name)) out.push({ command, pc, word, name });
    }
  }
  return out;
}

const REMOVE_ACTIONS: Partial<Record<Manager, string[]>> = {
  'apt-get': ['purge', 'remove'],
  apt: ['purge', 'remove'],
  apk: ['del'],
  yum: ['remove', 'erase'],
  dnf: ['remove', 'erase'],
  microdnf: ['remove'],
  tdnf: ['remove', 'erase'],
  zypper: ['remove', 'rm'],
};

/**
 * What the RUN removes again: package names (or apk virtual names). `all` when a removal names a variable
 * we cannot read, or when apt's autoremove follows `apt-mark auto` (the docker-library idiom removes every
 * package the RUN installed).
 */
function removalsOf(run: RunFacts): { names: Set<string>; all: boolean } {
  const names = new Set<string>();
  let all = false;
  // `apt-mark auto '.*'`, also run through `xargs apt-mark auto`
  const markedAuto = run.commands.some((c) => {
    const words = [c.command.name, ...c.command.args].map((w) => w?.value);
    return words.some((w, i) => w === 'apt-mark' && words[i + 1] === 'auto');
  });
  for (const command of run.commands) {
    const pc = packageCommand(command.command);
    const action = pc?.action?.value;
    if (!pc || !action) continue;
    if (isApt(pc) && markedAuto && (action === 'autoremove' || hasOption(pc, '--auto-remove', '--autoremove'))) all = true;
    if (!REMOVE_ACTIONS[pc.manager]?.includes(action)) continue;
    for (const word of pc.operands) {
      if (word.dynamic) all = true;
      else names.add(packageName(word));
    }
  }
  return { names, all };
}

function removalHint(manager: Manager): string {
  switch (manager) {
    case 'apk':
      return 'install it with `apk add --virtual .build-deps …` and end the RUN with `apk del .build-deps`';
    case 'apt-get':
    case 'apt':
      return 'end the RUN with `apt-get purge -y --auto-remove <package>`';
    case 'zypper':
      return 'end the RUN with `zypper remove -y <package>`';
    default:
      return `end the RUN with \`${manager} remove -y <package>\``;
  }
}
