import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import { inheritedInstructions, type DockerfileModel } from '../../parse/dockerfile';
import { spanIn } from '../../parse/shell';
import { programArgv, optionValue, packageCommand, type PackageCommand } from '../shared/package-managers';
import { insertFlagAfter, normalizePath, shippedRuns, wordsSpan, type RunCommand, type RunFacts } from '../shared/run-commands';

const FLAG = '--no-cache-dir';

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'cache',
    description: 'pip install without --no-cache-dir leaves the downloaded wheels in the image.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    const runs = shippedRuns(model);
    const envAt = environmentAtRuns(model);
    // `pip config set global.no-cache-dir` in an earlier RUN covers every later one
    let configured = false;
    for (const run of runs) {
      const env = envAt.get(run.instruction) ?? new Map<string, string>();
      const off = configured || isPipCacheOff(env.get('PIP_NO_CACHE_DIR'));
      configured ||= configuresNoCache(run);
      if (off) continue;
      for (const command of run.commands) {
        const pc = packageCommand(command.command);
        if (!pc || pc.manager !== 'pip' || pc.action?.value !== 'install' || disablesCache(pc) || exportsNoCache(run, command)) continue;
        if (hasPipCacheMount(run, pc, env.get('PIP_CACHE_DIR'))) continue;
        const action = pc.action;
        context.report({
          ...wordsSpan(command, pc.program, action),
          message: '`pip install` keeps every downloaded wheel in its cache (~/.cache/pip), and the image ships it, often 100 MB or more. Add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1`).',
          fixes: [{ title: `Insert \`${FLAG}\``, kind: 'safe', edits: () => [insertFlagAfter(model, run, command, action, FLAG)] }],
        });
      }
    }
  },
});

/**
 * pip reads PIP_NO_CACHE_DIR through strtobool and, for backward compatibility, disables the cache for
 * every valid value, `0`, `false` and `off` included (pip's `_handle_no_cache_dir`); other values are an error.
 */
export function isPipCacheOff(value: string | undefined): boolean {
  return value !== undefined && /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i.test(value.trim());
}

/** `pip config set global.no-cache-dir <value>` writes the setting to pip's configuration for later RUNs. */
function configuresNoCache(run: RunFacts): boolean {
  return run.commands.some(({ command }) => {
    const pc = packageCommand(command);
    const [verb, key, value] = pc?.operands.map((o) => o.value) ?? [];
    return pc?.manager === 'pip' && pc.action?.value === 'config' && verb === 'set' && /^(global|install)\.no-cache-dir$/.test(key ?? '') && isPipCacheOff(value);
  });
}

/** `--no-cache-dir`, or a prefix that optparse expands to it (`--no-cache`). */
function disablesCache(pc: PackageCommand): boolean {
  return pc.options.some((o) => o.name.length >= '--no-cache'.length && FLAG.startsWith(o.name));
}

const PIP_VARIABLES = new Set(['PIP_NO_CACHE_DIR', 'PIP_CACHE_DIR']);

/**
 * pip's ENV and ARG (with a default) in effect at each RUN of the shipped stages; the last one wins. One walk
 * of the stage chain: a RUN shares the map of the RUNs before it until an ENV/ARG of pip's changes it.
 */
function environmentAtRuns(model: DockerfileModel): Map<Instruction, Map<string, string>> {
  type Property = { getName(): string; getValue(): string | null };
  const at = new Map<Instruction, Map<string, string>>();
  if (!model.finalStage) return at;
  // an ARG redeclared in a stage without a value takes the default declared before the first FROM
  const globals = new Map<string, string>();
  for (const arg of model.ast.getInitialARGs()) for (const p of arg.getProperties()) if (p.getValue() !== null) globals.set(p.getName(), p.getValue()!);
  let env = new Map<string, string>();
  for (const i of inheritedInstructions(model.finalStage)) {
    const k = i.getKeyword();
    if (k === 'RUN') at.set(i, env);
    if (k !== 'ENV' && k !== 'ARG') continue;
    for (const p of (i as unknown as { getProperties(): Property[] }).getProperties()) {
      if (!PIP_VARIABLES.has(p.getName())) continue;
      const value = p.getValue() ?? (k === 'ARG' ? globals.get(p.getName()) : undefined);
      if (value !== undefined && value !== null) (env = new Map(env)).set(p.getName(), value);
    }
  }
  return at;
}

/** `PIP_NO_CACHE_DIR=1 pip install`, `env PIP_NO_CACHE_DIR=1 pip …`, or `export PIP_NO_CACHE_DIR=1` earlier in the RUN. */
function exportsNoCache(run: RunFacts, command: RunCommand): boolean {
  const inline = command.command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && isPipCacheOff(a.value?.value));
  const program = programArgv(command.command)[0];
  const words = [command.command.name, ...command.command.args].filter((w) => !!w && w.start < (program?.start ?? 0));
  const viaEnv = words.some((w) => /^PIP_NO_CACHE_DIR=/.test(w!.value) && isPipCacheOff(w!.value.slice('PIP_NO_CACHE_DIR='.length)));
  const at = spanIn(command.script, command.command).start;
  const exported = run.commands.some(
    (c) => c.top === command.top && spanIn(c.script, c.command).start < at && c.command.name?.value === 'export' &&
      c.command.args.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value) && isPipCacheOff(a.value.slice('PIP_NO_CACHE_DIR='.length))),
  );
  return inline || viaEnv || exported;
}

/** A cache or tmpfs mount on pip's cache: `~/.cache/pip` of any user, `~/.cache`, or the configured cache dir. */
function hasPipCacheMount(run: RunFacts, pc: PackageCommand, pipCacheDir: string | undefined): boolean {
  const configured = [optionValue(pc, '--cache-dir'), pipCacheDir].filter((d): d is string => !!d).map(normalizePath);
  return run.mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
    return /(^|\/)\.cache(\/pip)?$/.test(m.target) || configured.includes(m.target);
  });
}
