// A Dockerfile parsed with dockerfile-ast, organised in stages, with the shell text of each instruction.
import { DockerfileParser, type Dockerfile, type From, type Instruction, type Run, type Heredoc } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { SourceText } from './source';
import { verbatim, type MappedText } from './mapped-text';
import { parseShell, type ShellScript } from './shell';
import { argvScript } from './argv';
import { envAt, withVariables } from './variables';
import { keepingArgumentScans } from './dockerfile-ast-arguments';

export interface Stage {
  index: number;
  /** `AS name`, lower-cased (stage names are case-insensitive). */
  name?: string;
  from: From;
  /** Instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  /** The stage this one is built `FROM`, when its base is an earlier stage. */
  parent?: Stage;
  /** The base image text when the base is not a stage (`scratch` included). */
  baseImage?: string;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  source: SourceText;
  ast: Dockerfile;
  stages: Stage[];
  /** The last stage: what `docker build` ships. */
  finalStage?: Stage;
  /** The final stage and the stages it inherits from by `FROM <stage>`: their layers ship. */
  shipped: Stage[];
  escapeChar: string;
  /** Template directives (`{{ … }}`, `{% … %}`) of a Dockerfile template, masked as unknown variables; `text` is the directive. */
  templates: { start: number; end: number; text: string }[];
}

// dockerfile-ast re-scans an instruction's text on every getArguments()/getHeredocs() call, and many rules ask
// the same questions of the same RUN: the answers are kept per instruction, which lives as long as its parse.
interface InstructionFacts {
  argumentsRange?: Range | null;
  execForm?: boolean;
  posixShell?: boolean;
  execArgv?: MappedText[];
  runScripts?: ShellScript[];
  script?: ShellScript | null;
}
const factsOf = new WeakMap<Instruction, InstructionFacts>();

function facts(instruction: Instruction): InstructionFacts {
  let f = factsOf.get(instruction);
  if (!f) factsOf.set(instruction, (f = {}));
  return f;
}

/** `instruction.getArgumentsRange()`, computed once per instruction. */
export function argumentsRange(instruction: Instruction): Range | null {
  const f = facts(instruction);
  if (f.argumentsRange === undefined) f.argumentsRange = instruction.getArgumentsRange();
  return f.argumentsRange;
}

/** `Dockerfile.template`, `Dockerfile.tmpl`, `Dockerfile.j2`, …: text that a template engine turns into a Dockerfile. */
const TEMPLATE_NAME = /\.(template|tmpl|tpl|j2|jinja2?|gotmpl)$/i;
const DIRECTIVE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * A Dockerfile template's directives become same-length unknown variables (`${___}`), as Helm directives are
 * masked in YAML: offsets stay exact, and no rule reads a templated word as its literal text. A file counts as a
 * template by its name, or when a FROM line holds a directive.
 */
export function maskDockerfileTemplates(source: SourceText): { source: SourceText; templates: { start: number; end: number; text: string }[] } {
  const text = source.text;
  if (!text.includes('{{') && !text.includes('{%')) return { source, templates: [] };
  const name = source.uri.split(/[?#]/)[0].replace(/^.*\//, '');
  if (!TEMPLATE_NAME.test(name) && !/^[ \t]*FROM\b[^\n]*(\{\{|\{%)/im.test(text)) return { source, templates: [] };
  const templates: { start: number; end: number; text: string }[] = [];
  const masked = text.replace(DIRECTIVE, (m: string, offset: number) => {
    templates.push({ start: offset, end: offset + m.length, text: m });
    if (/[\r\n]/.test(m)) return m.replace(/[^\r\n]/g, '_');
    return `\${${'_'.repeat(m.length - 3)}}`;
  });
  return { source: { ...source, text: masked }, templates };
}

/** Control directives print nothing: Go/Helm `if`/`end`/…, jq-template `) else (`, comments; Jinja's `{% %}` blocks. */
function printsText(directive: string): boolean {
  if (directive.startsWith('{%')) return false;
  const inner = directive.replace(/^\{\{-?\s*/, '').replace(/\s*-?\}\}$/, '');
  return !/^(?:if|else|elif|end|with|range|define|block|template\s+"|\)|#|\/\*|\$\w*\s*:?=)/.test(inner);
}

/**
 * The spans of the instructions of a template that hold a directive printing text: the directive may print a
 * flag, a cleanup or a whole command, so a finding there would rest on unknown text (`RUN …; {{ clean_apt }}`).
 */
export function templatedInstructionSpans(model: DockerfileModel): [number, number][] {
  const printing = model.templates.filter((t) => printsText(t.text));
  if (!printing.length) return [];
  const spans: [number, number][] = [];
  for (const instruction of model.ast.getInstructions()) {
    const { start, end } = offsets(model, instruction.getRange());
    if (printing.some((t) => t.start < end && t.end > start)) spans.push([start, end]);
  }
  return spans;
}

export function parseDockerfile(original: SourceText): DockerfileModel {
  const { source, templates } = maskDockerfileTemplates(original);
  const ast = keepingArgumentScans(() => DockerfileParser.parse(source.text));
  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const baseText = from.getImage() ?? undefined;
      const parent = baseText ? byName.get(baseText.toLowerCase()) : undefined;
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      current = { index: stages.length, name, from, instructions: [], parent, baseImage: parent ? undefined : baseText };
      stages.push(current);
      if (name) byName.set(name, current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  const finalStage = stages[stages.length - 1];
  // a parent is always an earlier stage, so the chain ends (a Set keeps a long chain linear)
  const shipped: Stage[] = [];
  for (let s = finalStage, seen = new Set<Stage>(); s && !seen.has(s); s = s.parent as Stage) shipped.push(s), seen.add(s);
  return { kind: 'dockerfile', source, ast, stages, finalStage, shipped, escapeChar: ast.getEscapeCharacter(), templates };
}

export function stageByReference(model: DockerfileModel, ref: string): Stage | undefined {
  const lower = ref.toLowerCase();
  const named = model.stages.find((s) => s.name === lower);
  if (named) return named;
  return /^\d+$/.test(ref) ? model.stages[Number(ref)] : undefined;
}

/** Start and end offsets of an AST range. */
export function offsets(model: DockerfileModel, range: Range): { start: number; end: number } {
  return { start: model.source.offsetAt(range.start), end: model.source.offsetAt(range.end) };
}

/** The instructions of a stage and of the stages it inherits from, oldest first. */
export function inheritedInstructions(stage: Stage): Instruction[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage, seen = new Set<Stage>(); s && !seen.has(s); s = s.parent) chain.push(s), seen.add(s);
  return chain.reverse().flatMap((s) => s.instructions);
}

/** Whether an instruction's arguments are a JSON array (exec form). */
export function isExecForm(model: DockerfileModel, instruction: Instruction): boolean {
  const f = facts(instruction);
  f.execForm ??= execFormOf(model, instruction);
  return f.execForm;
}

function execFormOf(model: DockerfileModel, instruction: Instruction): boolean {
  if (plainFirstArgument(model, instruction)) return false;
  const args = argumentsRange(instruction);
  if (!args) return false;
  const text = model.source.text.slice(model.source.offsetAt(args.start), model.source.offsetAt(args.end)).trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/**
 * Whether the first argument plainly starts with something other than `[` (most shell-form lines): the
 * answer for exec form without dockerfile-ast's argument scan. Flags, continuations and comments are left to it.
 */
function plainFirstArgument(model: DockerfileModel, instruction: Instruction): boolean {
  return plainArgumentsStart(model, instruction) !== undefined;
}

/** Where the arguments start when the first one plainly does (see plainFirstArgument): no flags before it. */
function plainArgumentsStart(model: DockerfileModel, instruction: Instruction): number | undefined {
  const text = model.source.text;
  const keywordEnd = model.source.offsetAt(instruction.getInstructionRange().end);
  let at = keywordEnd;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const c = text[at];
  // a flag starts with `--` (BuildKit reads nothing else as one): a lone `-` starts a plain argument
  const flag = c === '-' && text[at + 1] === '-';
  return at > keywordEnd && c !== undefined && !flag && !'[#\r\n'.includes(c) && c !== model.escapeChar ? at : undefined;
}

/**
 * The arguments' span read from the instruction's own range when it plainly ends on an argument (not on
 * whitespace, a dangling continuation or a comment line), as dockerfile-ast's argument scan would find it.
 */
function plainArgumentsSpan(model: DockerfileModel, instruction: Instruction): { start: number; end: number } | undefined {
  const start = plainArgumentsStart(model, instruction);
  if (start === undefined) return undefined;
  const text = model.source.text;
  let end = model.source.offsetAt(instruction.getRange().end);
  // trailing blanks end no argument (a fuzzed 100 kB line of `- ` ends in one)
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const last = text[end - 1];
  if (end <= start || last === undefined || /\s/.test(last) || last === model.escapeChar) return undefined;
  if (text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trimStart().startsWith('#')) return undefined;
  return { start, end };
}

/**
 * The shell-form text of an instruction (after its flags), mapped 1:1 to the document.
 * Comment lines inside line continuations are blanked to a continuation so that the shell sees what Docker sees.
 */
export function shellText(model: DockerfileModel, instruction: Instruction, startOffset?: number): MappedText | undefined {
  let span = startOffset === undefined ? plainArgumentsSpan(model, instruction) : undefined;
  if (!span) {
    const args = argumentsRange(instruction);
    if (!args) return undefined;
    span = { start: startOffset ?? model.source.offsetAt(args.start), end: model.source.offsetAt(args.end) };
  }
  const { start, end } = span;
  let text = model.source.text.slice(start, end);
  text = text.replace(/(\r?\n)([ \t]*#[^\r\n]*)(?=\r?\n)/g, (_m, eol: string, line: string) => eol + ' '.repeat(line.length - 1) + '\\');
  if (model.escapeChar !== '\\') text = toBackslashContinuations(text, model.escapeChar);
  // CRLF: keep the length, keep continuations (`\` then CR LF) working
  if (text.includes('\r')) text = text.replace(/\\\r\n/g, ' \\\n').replace(/\r\n/g, ' \n');
  return verbatim(text, start);
}

/** With `# escape=\``, continuations end in a backtick; the shell wants a backslash (same length). */
function toBackslashContinuations(text: string, escape: string): string {
  return text.replace(new RegExp(`\\${escape}(?=\\r?\\n)`, 'g'), '\\');
}

/** Flags such as `RUN --mount=…` precede the command; the script starts after them. */
function commandStart(model: DockerfileModel, instruction: Instruction): number | undefined {
  // flags come first: a first argument that plainly starts with something else means there are none
  if (plainFirstArgument(model, instruction)) return undefined;
  const withFlags = instruction as unknown as { getFlags?: () => { getRange(): Range }[] };
  const flags = withFlags.getFlags?.() ?? [];
  if (!flags.length) return undefined;
  const last = flags[flags.length - 1].getRange();
  let at = model.source.offsetAt(last.end);
  while (at < model.source.text.length && /[ \t]/.test(model.source.text[at])) at++;
  return at;
}

/**
 * The shell scripts a RUN executes: its command line, and for `RUN <<EOF` (no command before the heredoc)
 * the heredoc bodies, which Docker runs as scripts.
 */
export function runScripts(model: DockerfileModel, run: Instruction): ShellScript[] {
  const f = facts(run);
  f.runScripts ??= runScriptsOf(model, run);
  // a copy: callers may filter or extend their list without changing another rule's
  return [...f.runScripts];
}

function runScriptsOf(model: DockerfileModel, run: Instruction): ShellScript[] {
  if (!usesPosixShell(model, run)) return [];
  if (isExecForm(model, run)) {
    const argv = execArgv(model, run);
    return argv.length ? [argvScript(argv)] : [];
  }
  const text = shellText(model, run, commandStart(model, run));
  if (!text) return [];
  // only a command line that starts with a heredoc runs heredoc bodies; asking dockerfile-ast is costly
  const heredocs = /^\s*<<-?\s*["']?[A-Za-z_]/.test(text.text) ? heredocsOf(run) : [];
  // the shell expands ARG and ENV values: the words rules read are the expanded ones
  const env = envAt(model, run);
  if (heredocs.length) {
    return heredocs
      .map((h) => heredocScript(model, h))
      .filter((s): s is ShellScript => !!s)
      .map((s) => withVariables(s, env));
  }
  return [withVariables(parseShell(text), env)];
}

/** The heredocs of a RUN; none when dockerfile-ast fails on them (it throws on some unterminated heredocs). */
export function heredocsOf(run: Instruction): Heredoc[] {
  try {
    return (run as Run).getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}

function heredocScript(model: DockerfileModel, heredoc: Heredoc): ShellScript | undefined {
  const content = heredoc.getContentRange();
  if (!content) return undefined;
  const { start, end } = offsets(model, content);
  return parseShell(verbatim(model.source.text.slice(start, end), start));
}

/** The JSON strings of an exec-form instruction, decoded, each mapped to its characters in the document. */
export function execArgv(model: DockerfileModel, instruction: Instruction): MappedText[] {
  const f = facts(instruction);
  f.execArgv ??= execArgvOf(model, instruction);
  return [...f.execArgv];
}

function execArgvOf(model: DockerfileModel, instruction: Instruction): MappedText[] {
  const args = argumentsRange(instruction);
  if (!args) return [];
  const start = model.source.offsetAt(args.start);
  const end = model.source.offsetAt(args.end);
  const text = model.source.text;
  const out: MappedText[] = [];
  let i = start;
  while (i < end) {
    if (text[i] !== '"') {
      i++;
      continue;
    }
    const chars: string[] = [];
    const offs: number[] = [];
    i++;
    while (i < end && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < end) {
        const [value, width] = jsonEscape(text, i);
        for (const c of value) {
          chars.push(c);
          offs.push(i);
        }
        i += width;
      } else {
        chars.push(text[i]);
        offs.push(i);
        i++;
      }
    }
    offs.push(i);
    out.push({ text: chars.join(''), base: offs[0], offsets: offs });
    i++;
  }
  return out;
}

function jsonEscape(text: string, at: number): [string, number] {
  const c = text[at + 1];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
  if (c in simple) return [simple[c], 2];
  if (c === 'u') return [String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16) || 0), 6];
  return [c, 2];
}

/**
 * Whether shell-form commands at this instruction run in a POSIX shell: `SHELL ["powershell", …]` or
 * `["cmd", "/S", "/C"]` (Windows images) switch it, for the rest of the stage and the stages built on it.
 */
export function usesPosixShell(model: DockerfileModel, instruction: Instruction): boolean {
  const f = facts(instruction);
  f.posixShell ??= posixShellAt(model, instruction);
  return f.posixShell;
}

// most Dockerfiles have no SHELL instruction: then every command runs in /bin/sh, without a walk per instruction
const hasShellInstruction = new WeakMap<DockerfileModel, boolean>();

function posixShellAt(model: DockerfileModel, instruction: Instruction): boolean {
  let any = hasShellInstruction.get(model);
  if (any === undefined) hasShellInstruction.set(model, (any = model.ast.getInstructions().some((i) => i.getKeyword() === 'SHELL')));
  if (!any) return true;
  const line = instruction.getRange().start.line;
  const stage = stageAt(model, line);
  let posix = true;
  for (const i of stage ? inheritedInstructions(stage) : []) {
    if (i.getRange().start.line >= line) break;
    if (i.getKeyword() !== 'SHELL') continue;
    const program = execArgv(model, i)[0]?.text.toLowerCase() ?? '';
    posix = !/(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/.test(program);
  }
  return posix;
}

function stageAt(model: DockerfileModel, line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const s of model.stages) if (s.from.getRange().start.line <= line) found = s;
  return found;
}

/** The script of a CMD/ENTRYPOINT/HEALTHCHECK CMD in either form. */
export function instructionScript(model: DockerfileModel, instruction: Instruction, startOffset?: number): ShellScript | undefined {
  if (startOffset !== undefined) return instructionScriptOf(model, instruction, startOffset);
  const f = facts(instruction);
  if (f.script === undefined) f.script = instructionScriptOf(model, instruction) ?? null;
  return f.script ?? undefined;
}

function instructionScriptOf(model: DockerfileModel, instruction: Instruction, startOffset?: number): ShellScript | undefined {
  if (!isExecForm(model, instruction) && !usesPosixShell(model, instruction)) return undefined;
  if (isExecForm(model, instruction)) {
    const argv = execArgv(model, instruction);
    return argv.length ? argvScript(argv) : undefined;
  }
  const text = shellText(model, instruction, startOffset);
  return text ? parseShell(text) : undefined;
}
