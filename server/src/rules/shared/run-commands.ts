// RUN instructions as the size and hygiene rules see them: the commands each RUN executes (nested `sh -c`
// scripts and heredocs included), its `--mount` flags, and edits that add to a RUN without breaking it.
import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { OffsetEdit } from '../../engine/types';
import { heredocsOf, inheritedInstructions, isExecForm, offsets, runScripts, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { programArgv } from './package-managers';
import { allCommands, spanIn, type CommandVisit, type ShellScript, type ShellWord } from '../../parse/shell';

export interface RunCommand extends CommandVisit {
  /** The RUN's own script (command line or heredoc body) that holds this command, however deeply nested. */
  top: ShellScript;
}

export interface Mount {
  type: string;
  target?: string;
}

export interface RunFacts {
  instruction: Instruction;
  stage: Stage;
  scripts: ShellScript[];
  commands: RunCommand[];
  mounts: Mount[];
}

/** Every RUN of the given stages, in document order. */
export function runsOf(model: DockerfileModel, stages: Stage[]): RunFacts[] {
  const out: RunFacts[] = [];
  for (const stage of [...stages].sort((a, b) => a.index - b.index)) for (const run of stageRuns(model, stage)) out.push(run);
  return out;
}

// several rules walk the same RUNs: each stage's are walked once per parse (a stage lives as long as its model)
const runsByStage = new WeakMap<Stage, RunFacts[]>();

function stageRuns(model: DockerfileModel, stage: Stage): RunFacts[] {
  const cached = runsByStage.get(stage);
  if (cached) return cached;
  const runs: RunFacts[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'RUN') continue;
    const scripts = runScripts(model, instruction);
    const commands: RunCommand[] = [];
    for (const top of scripts) for (const visit of allCommands(top)) commands.push({ ...visit, top });
    runs.push({ instruction, stage, scripts, commands, mounts: mountsOf(instruction) });
  }
  runsByStage.set(stage, runs);
  return runs;
}

/** The RUNs whose layers ship: those of the final stage and of the stages it inherits from. */
export function shippedRuns(model: DockerfileModel): RunFacts[] {
  return runsOf(model, model.shipped);
}

/** The instructions in effect before `instruction` in the final stage's chain (ENV and ARG carry over). */
export function shippedInstructionsBefore(model: DockerfileModel, instruction: Instruction): Instruction[] {
  if (!model.finalStage) return [];
  const all = inheritedInstructions(model.finalStage);
  const at = all.indexOf(instruction);
  return at < 0 ? [] : all.slice(0, at);
}

/** `--mount=type=cache,target=/x,sharing=locked` → { type: 'cache', target: '/x' } (type defaults to bind). */
export function mountsOf(instruction: Instruction): Mount[] {
  const flags = (instruction as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  const mounts: Mount[] = [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const mount: Mount = { type: 'bind' };
    for (const field of (flag.getValue() ?? '').split(',')) {
      const eq = field.indexOf('=');
      const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : field.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
      if (key === 'type') mount.type = value.toLowerCase();
      else if (key === 'target' || key === 'dst' || key === 'destination') mount.target = normalizePath(value);
    }
    mounts.push(mount);
  }
  return mounts;
}

/** Whether a cache or tmpfs mount keeps one of these directories out of the layer. */
export function hasCacheMount(run: RunFacts, dirs: string[]): boolean {
  return run.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && dirs.includes(m.target));
}

/** `/var/lib/apt/lists/*` and `/var/lib/apt/lists/` both name `/var/lib/apt/lists`. */
export function normalizePath(path: string): string {
  let p = path.replace(/\/+/g, '/');
  while (/\/\*+$/.test(p) || (p.length > 1 && p.endsWith('/'))) p = p.replace(/\/\*+$|\/$/, '');
  return p;
}

/** The paths an `rm` command removes (its operands), normalised. */
export function removedPaths(run: RunFacts): string[] {
  const paths: string[] = [];
  for (const c of run.commands) {
    const [program, ...args] = programArgv(c.command);
    if (program?.value !== 'rm' && program?.value !== '/bin/rm') continue;
    for (const a of args) if (!a.value.startsWith('-')) paths.push(normalizePath(a.value));
  }
  return paths;
}

/** Whether a RUN deletes inside `dir`: `rm -rf dir/*`, `rm -rf dir` (or a parent), or `find dir … -delete`. */
export function removesUnder(run: RunFacts, dir: string): boolean {
  const inside = (p: string) => p === dir || p.startsWith(`${dir}/`) || (p.length > 1 && dir.startsWith(`${p}/`));
  if (removedPaths(run).some(inside)) return true;
  return run.commands.some((c) => {
    const [program, ...words] = programArgv(c.command);
    const args = words.map((a) => a.value);
    return program?.value === 'find' && args.length > 0 && inside(normalizePath(args[0])) && (args.includes('-delete') || args.includes('-exec'));
  });
}

/** Document span of a run of words, from the first one's start to the last one's end. */
export function wordsSpan(command: RunCommand, first: ShellWord, last: ShellWord = first): { start: number; end: number } {
  return { start: spanIn(command.script, first).start, end: spanIn(command.script, last).end };
}

/**
 * Inserts `flag` after `word`: ` --flag` in shell text (also inside `sh -c "…"`); in an exec-form RUN the
 * word is a JSON string, so the flag becomes the next string of the array.
 */
export function insertFlagAfter(model: DockerfileModel, run: RunFacts, command: RunCommand, word: ShellWord, flag: string): OffsetEdit {
  const end = spanIn(command.script, word).end;
  const json = command.script.depth === 0 && isExecForm(model, run.instruction);
  return { start: end, end, newText: json ? `", "${flag}` : ` ${flag}` };
}

/**
 * Appends a command to the RUN script that holds `top`: ` && cmd` after its last statement (so a trailing
 * shell comment stays a comment), or a new line at the end of a heredoc body. Undefined for exec form and
 * for command lines whose heredocs would make "the end" ambiguous.
 */
export function appendToRun(model: DockerfileModel, run: RunFacts, top: ShellScript, shellCommand: string): OffsetEdit | undefined {
  if (isExecForm(model, run.instruction)) return undefined;
  const heredocs: Heredoc[] = heredocsOf(run.instruction);
  const text = model.source.text;
  for (const heredoc of heredocs) {
    const content = heredoc.getContentRange();
    if (!content) continue;
    const { start, end } = offsets(model, content);
    if (top.source.base !== start) continue;
    const lastLineStart = text.lastIndexOf('\n', end - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(Math.max(lastLineStart, start), end))![0];
    const eol = text[end - 1] === '\r' || text.slice(end, end + 2) === '\r\n' ? '\r\n' : model.source.eol;
    return { start: end, end, newText: `${eol}${indent}${shellCommand}` };
  }
  if (heredocs.length) return undefined;
  const last = top.statements[top.statements.length - 1];
  // a script the parser did not fully understand has no reliable end
  if (!last || last.background || top.hasErrors) return undefined;
  const at = spanIn(top, last).end;
  return { start: at, end: at, newText: ` && ${shellCommand}` };
}
