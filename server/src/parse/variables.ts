// Dockerfile variables: the ARG and ENV values in effect at each instruction (stage scope, defaults, global
// ARGs redeclared in a stage, stages inherited by `FROM <stage>`, the known ENV of official base images), and
// the expansion of `$V`, `${V}`, `${V:-x}`, `${V:+x}` in the words rules read. A value that cannot be known
// is unknown: the word stays dynamic and is never read as its literal text.
import type { Instruction } from 'dockerfile-ast';
import { APACHE_ENVVARS, SOURCES_APACHE_ENVVARS, imageEnv } from '../knowledge/image-env';
import { parseImageRef } from '../knowledge/images';
import type { DockerfileModel, Stage } from './dockerfile';
import type { ShellScript, ShellWord, SimpleCommand } from './shell';

/** A variable's value: its text, `null` when it cannot be known. A name absent from the map is not set. */
export type Env = ReadonlyMap<string, string | null>;

/** How a lookup answers: a value, `undefined` for a variable known to be unset, `null` for unknown. */
export type Lookup = (name: string) => string | null | undefined;

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*)|(.?))/g;

/**
 * `$V`, `${V}`, `${V:-w}`, `${V-w}`, `${V:+w}`, `${V+w}` expanded; `null` when a variable is unknown or the text
 * holds another expansion (`$(…)`, `${V#x}`, `$1`, a backquote). `pieces` receives, per output character, the
 * index of the input character it comes from (an expansion's characters all come from its `$`).
 */
export function expandText(text: string, lookup: Lookup, pieces?: number[]): string | null {
  if (text.includes('`')) return null;
  let out = '';
  let last = 0;
  let failed = false;
  // a regex of its own: `${V:-w}` expands w recursively
  const reference = new RegExp(REFERENCE.source, 'g');
  for (let m = reference.exec(text); m; m = reference.exec(text)) {
    const [whole, braced, op, word, bare, other] = m;
    const literal = text.slice(last, m.index);
    if (pieces) for (let i = 0; i < literal.length; i++) pieces.push(last + i);
    out += literal;
    last = m.index + whole.length;
    if (other !== undefined) {
      // `$` at the end, or before a character that starts no variable name: `$(`, `$1`, `$@` are unknown
      if (other === '' || /[\s"'/:.,=-]/.test(other)) {
        out += whole;
        if (pieces) for (let i = 0; i < whole.length; i++) pieces.push(m.index + i);
        continue;
      }
      failed = true;
      break;
    }
    const name = braced ?? bare;
    const value = lookup(name);
    if (value === null) {
      failed = true;
      break;
    }
    let result: string | null;
    if (!op) result = value ?? '';
    else {
      const set = op.startsWith(':') ? !!value : value !== undefined;
      if (op.endsWith('-')) result = set ? value! : expandText(word ?? '', lookup);
      else result = set ? expandText(word ?? '', lookup) : '';
    }
    if (result === null) {
      failed = true;
      break;
    }
    if (pieces) for (let i = 0; i < result.length; i++) pieces.push(m.index);
    out += result;
  }
  if (failed) return null;
  const rest = text.slice(last);
  if (pieces) for (let i = 0; i <= rest.length; i++) pieces.push(last + i);
  return out + rest;
}

// ---- the environment of each instruction -----------------------------------------------------

interface ModelEnvs {
  globals: Env;
  at: WeakMap<Instruction, Env>;
}
const envsOf = new WeakMap<DockerfileModel, ModelEnvs>();

function properties(i: Instruction): { name: string; value: string | null }[] {
  const withProps = i as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
  return (withProps.getProperties?.() ?? []).map((p) => ({ name: p.getName(), value: p.getValue() }));
}

/** One walk of the file: the env before each instruction, copied only where an ARG or ENV changes it. */
function computeEnvs(model: DockerfileModel): ModelEnvs {
  const cached = envsOf.get(model);
  if (cached) return cached;
  const globals = new Map<string, string | null>();
  for (const i of model.ast.getInstructions()) {
    if (i.getKeyword() === 'FROM') break;
    if (i.getKeyword() !== 'ARG') continue;
    for (const p of properties(i)) globals.set(p.name, p.value === null ? null : expandText(p.value, (n) => (globals.has(n) ? globals.get(n) : undefined)));
  }
  const at = new WeakMap<Instruction, Env>();
  const ends = new Map<Stage, Env>();
  for (const stage of model.stages) {
    let env: Map<string, string | null> = new Map(stage.parent ? ends.get(stage.parent) ?? [] : baseEnv(model, stage, globals));
    at.set(stage.from, env);
    for (const i of stage.instructions) {
      at.set(i, env);
      const keyword = i.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      const current: Env = env;
      const lookup: Lookup = (n) => (current.has(n) ? current.get(n) : null);
      env = new Map(env);
      for (const p of properties(i)) {
        if (p.value !== null) env.set(p.name, expandText(p.value, lookup));
        else if (keyword === 'ARG' && !env.has(p.name)) env.set(p.name, globals.has(p.name) ? globals.get(p.name)! : null);
      }
    }
    ends.set(stage, env);
  }
  const result = { globals, at };
  envsOf.set(model, result);
  return result;
}

/** The ENV the base image of a stage sets, when the knowledge table knows it. */
function baseEnv(model: DockerfileModel, stage: Stage, globals: Env): [string, string][] {
  const text = stage.baseImage;
  if (!text) return [];
  const resolved = expandText(text, (n) => (globals.has(n) ? globals.get(n) : undefined));
  const ref = resolved ? parseImageRef(resolved) : undefined;
  return ref ? Object.entries(imageEnv(ref)) : [];
}

/** The variables in effect at an instruction of the model (ARG and ENV before it, in its stage and the stages it inherits). */
export function envAt(model: DockerfileModel, instruction: Instruction): Env {
  return computeEnvs(model).at.get(instruction) ?? new Map();
}

// ---- shell words of a RUN ------------------------------------------------------------------------

/** Names a script assigns itself (`X=…`, `export X=…`, `for X in`, `read X`): the script's value wins, unknown. */
function assignedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;&|(])(?:(?:export|local|readonly|declare|typeset)\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)\+?=/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bread\s+((?:-\w+\s+)*)([A-Za-z_][A-Za-z0-9_ \t]*)/g)) for (const n of m[2].split(/[ \t]+/)) if (n) names.add(n);
  return names;
}

/** The lookup a RUN script uses: Dockerfile variables, minus what the script assigns, plus files it sources. */
export function scriptLookup(env: Env, scriptText: string): Lookup {
  const assigned = assignedNames(scriptText);
  const apache = SOURCES_APACHE_ENVVARS.test(scriptText);
  return (name) => {
    if (assigned.has(name)) return null;
    if (apache && name in APACHE_ENVVARS) return APACHE_ENVVARS[name];
    // a name the Dockerfile does not set may come from an unknown base image's ENV
    return env.has(name) ? env.get(name) : null;
  };
}

/**
 * A shell word with its variables expanded: several words when an unquoted expansion splits into fields,
 * none when it expands to nothing; the word itself when it holds no variable or one that cannot be known.
 */
export function expandWord(word: ShellWord, lookup: Lookup): ShellWord[] {
  if (!word.dynamic || !word.value.includes('$')) return [word];
  const pieces: number[] = [];
  const value = expandText(word.value, lookup, pieces);
  if (value === null) return [word];
  const offsetOf = (i: number) => word.valueOffsets[Math.min(pieces[i], word.valueOffsets.length - 1)];
  const make = (from: number, to: number): ShellWord => {
    const text = value.slice(from, to);
    const valueOffsets: number[] = [];
    for (let i = from; i < to; i++) valueOffsets.push(offsetOf(i));
    valueOffsets.push(to < value.length ? offsetOf(to) : word.valueOffsets[word.valueOffsets.length - 1]);
    return { ...word, value: text, dynamic: !word.quoted && /[*?[]/.test(text), valueOffsets };
  };
  if (word.quoted) return [make(0, value.length)];
  const out: ShellWord[] = [];
  for (const m of value.matchAll(/[^ \t\n]+/g)) out.push(make(m.index!, m.index! + m[0].length));
  return out;
}

/** A command with the variables of its name and arguments expanded (same node positions). */
export function expandCommand(command: SimpleCommand, lookup: Lookup): SimpleCommand {
  const words = command.name ? [command.name, ...command.args] : [];
  if (!words.some((w) => w.dynamic && w.value.includes('$'))) return command;
  const expanded = words.flatMap((w) => expandWord(w, lookup));
  if (!expanded.length) return { ...command, name: undefined, args: [] };
  return { ...command, name: expanded[0], args: expanded.slice(1) };
}

/** Makes a RUN script expand Dockerfile variables in the commands that walks of it yield. */
export function withVariables(script: ShellScript, env: Env): ShellScript {
  const lookup = scriptLookup(env, script.source.text);
  return { ...script, expandCommand: (command) => expandCommand(command, lookup) };
}

/** A word of a Dockerfile instruction (`USER $APP_UID`) with the ARG/ENV values in effect there; `null` when unknown. */
export function expandAt(model: DockerfileModel, instruction: Instruction, text: string): string | null {
  if (!text.includes('$')) return text;
  const env = envAt(model, instruction);
  return expandText(text, (name) => (env.has(name) ? env.get(name) : null));
}
