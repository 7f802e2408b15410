// Start commands and RUN lines parsed by tree-sitter-bash into a small, plain model that rules can walk.
// The tree-sitter tree is converted once and freed: WASM memory is not garbage-collected.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { compose, docSpan, type MappedText } from './mapped-text';
import { programOf, shellScriptIndex } from './program';

/** A word after quote removal; `dynamic` when its value depends on expansions, substitutions or globs. */
export interface ShellWord {
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  dynamic: boolean;
  /** Script offset of each character of `value` (plus the end), to map a nested `sh -c` script. */
  valueOffsets: number[];
}

export interface Redirect {
  /** The operator: `>`, `>>`, `&>`, `&>>`, `>&`, `<`, `>|`, `<<` … */
  op: string;
  /** The file descriptor written before the operator (`2>`), if any. */
  fd?: number;
  target?: ShellWord;
  start: number;
  end: number;
}

interface NodeBase {
  start: number;
  end: number;
  redirects: Redirect[];
}

export interface SimpleCommand extends NodeBase {
  type: 'command';
  name?: ShellWord;
  args: ShellWord[];
  assignments: { name: string; value?: ShellWord; start: number; end: number }[];
}
export interface Pipeline extends NodeBase {
  type: 'pipeline';
  commands: ShellNode[];
}
/** `a && b || c` */
export interface AndOr extends NodeBase {
  type: 'and-or';
  items: ShellNode[];
}
export interface Block extends NodeBase {
  type: 'subshell' | 'group';
  body: Statement[];
}
export interface Loop extends NodeBase {
  type: 'loop';
  keyword: 'while' | 'until' | 'for';
  condition: Statement[];
  body: Statement[];
}
/** if / case / function definitions: their bodies are kept so that rules can look inside. */
export interface Compound extends NodeBase {
  type: 'if' | 'case' | 'function' | 'other';
  bodies: Statement[][];
}
export type ShellNode = SimpleCommand | Pipeline | AndOr | Block | Loop | Compound;

export interface Statement {
  node: ShellNode;
  /** The `&` that puts this statement in the background. */
  background?: { start: number; end: number };
  start: number;
  end: number;
}

/** A parsed script in its own offsets; `ShellScript` ties it to the document. */
export interface ParsedShell {
  statements: Statement[];
  hasErrors: boolean;
}

export interface ShellScript extends ParsedShell {
  source: MappedText;
  /** Depth of `sh -c` nesting: 0 for the outermost script. */
  depth: number;
  /** Expands the variables a command's words read (Dockerfile ARG/ENV in a RUN); walks yield the expanded command. */
  expandCommand?: (command: SimpleCommand) => SimpleCommand;
}

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

function wasmPath(file: string, pkg: string): string {
  // bundled builds ship the grammars beside the bundle; sources resolve them from node_modules
  const beside = join(__dirname, file);
  return existsSync(beside) ? beside : require.resolve(`${pkg}/${file}`);
}

/** Loads the WASM grammar once; every entry point (server, CLI, tests) awaits this before linting. */
export function initShellParser(): Promise<void> {
  if (parser) return Promise.resolve();
  initializing ??= (async () => {
    const runtime = wasmPath('tree-sitter.wasm', 'web-tree-sitter');
    await Parser.init({ locateFile: () => runtime });
    // bytes rather than a path: web-tree-sitter would read a path with a dynamic import(), which a bundle run
    // through the code cache (a vm.Script) cannot do
    const bash = await Language.load(await readFile(wasmPath('tree-sitter-bash.wasm', 'tree-sitter-bash')));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })();
  return initializing;
}

/**
 * Thrown by a parse while the grammar is not loaded. The engine then marks the lint as waiting for the shell
 * parser rather than as a rule failure, so that a host may lint files without scripts before the grammar is in.
 */
export class ShellParserNotLoaded extends Error {
  constructor() {
    super('shell parser not loaded: await initShellParser() first');
  }
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

const cache = new Map<string, ParsedShell>();
const CACHE_LIMIT = 2000;

/** CPU budget of one parse: tree-sitter's error recovery turns quadratic on some broken input (an unclosed 10,000-stage pipeline). */
export const SHELL_PARSE_BUDGET_MS = 250;
/** Deeper shell nesting is not modelled (real scripts nest a few levels), so conversion and walks stay far from the stack limit. */
export const MAX_SHELL_NESTING = 200;
/**
 * Scripts with more `|` are not parsed: tree-sitter's error recovery is quadratic in a pipeline's length
 * (4,000 stages take seconds in one step, which the progress callback cannot interrupt). Real scripts have a few dozen.
 */
export const MAX_SHELL_PIPES = 1000;
/**
 * Longer scripts are not parsed: the corpus's longest RUN is 2.6 kB, and a 100 kB line of words (the fuzzer's) cost
 * the parse, the conversion and the rules' walks most of a second, and the garbage of 50,000 word objects.
 */
export const MAX_SHELL_SCRIPT_LENGTH = 65_536;
/** A script's model holds at most this many nodes (the corpus's largest RUN has under 100), so rules that relate commands pairwise stay fast. */
export const MAX_SHELL_NODES = 3000;
let nesting = 0;
let nodeCount = 0;
let truncated = false;

/** True once the model is as large as it may get; the script then counts as having errors, so no fix relies on it. */
function modelFull(): boolean {
  if (nodeCount < MAX_SHELL_NODES) return false;
  truncated = true;
  return true;
}

function pipeCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) n++;
  return n;
}

/** Parses a script text; results are cached by text, since the same commands recur on every keystroke. */
export function parseShellText(text: string): ParsedShell {
  const hit = cache.get(text);
  if (hit) return hit;
  if (!parser) throw new ShellParserNotLoaded();
  const p = parser;
  // returning true from the progress callback cancels the parse; parse() then returns null.
  // Reading the CPU clock is a system call: it is read on every 4th callback only, and the budget starts at
  // the 4th (85% of the corpus's scripts never get there; the largest reads it 5 times). Pathological input can
  // spend tens of milliseconds between callbacks, so reading it more rarely lets the budget run over by seconds.
  let deadline = Infinity;
  let calls = 0;
  const overBudget = (): boolean => {
    if ((++calls & 3) !== 0) return false;
    if (calls === 4) deadline = cpuMs() + SHELL_PARSE_BUDGET_MS;
    return cpuMs() > deadline;
  };
  const tree = text.length > MAX_SHELL_SCRIPT_LENGTH || pipeCount(text) > MAX_SHELL_PIPES ? null : p.parse(text, null, { progressCallback: overBudget });
  let parsed: ParsedShell;
  try {
    if (!tree) {
      p.reset();
      parsed = { statements: [], hasErrors: true };
    } else {
      const root = tree.rootNode;
      nesting = 0;
      nodeCount = 0;
      truncated = false;
      parsed = { statements: statementsOf(root, text), hasErrors: root.hasError || truncated };
    }
  } finally {
    tree?.delete();
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, parsed);
  return parsed;
}

/** Benchmarks clear the cache between runs, so that both sides of a comparison start from nothing. */
export function clearShellCache(): void {
  cache.clear();
}

/** The script texts parsed since the cache was last cleared (the benchmark's list of what rules parse). */
export function cachedShellTexts(): string[] {
  return [...cache.keys()];
}

export function parseShell(source: MappedText, depth = 0): ShellScript {
  return { ...parseShellText(source.text), source, depth };
}

/** Document span of anything in a script (a word, a command, a redirect, an `&`). */
export function spanIn(script: ShellScript, thing: { start: number; end: number }): { start: number; end: number } {
  return docSpan(script.source, thing.start, thing.end);
}

// ---- conversion from the tree-sitter tree -------------------------------------------------------

function kids(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

/** The statements of a statement list (program, do_group, subshell, compound_statement…), with their `&`. */
function statementsOf(container: Node, text: string): Statement[] {
  const out: Statement[] = [];
  for (const child of kids(container)) {
    if (child.type === '&') {
      const last = out[out.length - 1];
      if (last && !last.background) last.background = { start: child.startIndex, end: child.endIndex };
      continue;
    }
    if (!child.isNamed || child.type === 'comment' || child.type === 'heredoc_body') continue;
    if (modelFull()) break;
    const node = convert(child, text);
    if (node) out.push({ node, start: child.startIndex, end: child.endIndex });
  }
  return out;
}

function cpuMs(): number {
  return process.cpuUsage().user / 1000;
}

/** Converts one node, or stands in an empty `other` node beyond MAX_SHELL_NESTING / MAX_SHELL_NODES (the script then has errors). */
function convert(node: Node, text: string): ShellNode | undefined {
  if (nesting >= MAX_SHELL_NESTING || modelFull()) {
    truncated = true;
    return { type: 'other', bodies: [], start: node.startIndex, end: node.endIndex, redirects: [] };
  }
  nesting++;
  nodeCount++;
  try {
    return convertNode(node, text);
  } finally {
    nesting--;
  }
}

function convertNode(node: Node, text: string): ShellNode | undefined {
  const base = { start: node.startIndex, end: node.endIndex, redirects: [] as Redirect[] };
  switch (node.type) {
    case 'command':
      return convertCommand(node, text);
    case 'redirected_statement': {
      const body = node.childForFieldName('body');
      const inner: ShellNode = (body && convert(body, text)) || { type: 'command', args: [], assignments: [], ...base };
      for (const r of kids(node)) if (r.type.endsWith('_redirect')) inner.redirects.push(convertRedirect(r, text));
      inner.start = node.startIndex;
      inner.end = node.endIndex;
      return inner;
    }
    case 'variable_assignment':
    case 'variable_assignments':
      return { type: 'command', args: [], assignments: assignmentsOf(node, text), ...base };
    case 'declaration_command':
    case 'unset_command':
    case 'test_command':
    case 'negated_command': {
      if (node.type === 'negated_command') {
        const inner = kids(node).find((c) => c.isNamed);
        return inner ? convert(inner, text) : undefined;
      }
      const words = kids(node).map((c) => (c.isNamed ? wordOf(c, text) : keywordWord(c)));
      const [name, ...args] = words;
      return { type: 'command', name, args, assignments: [], ...base };
    }
    case 'pipeline':
      return { type: 'pipeline', commands: namedConverted(node, text), ...base };
    case 'list':
      return { type: 'and-or', items: namedConverted(node, text), ...base };
    case 'subshell':
      return { type: 'subshell', body: statementsOf(node, text), ...base };
    case 'compound_statement':
      return { type: 'group', body: statementsOf(node, text), ...base };
    case 'while_statement':
    case 'for_statement':
    case 'c_style_for_statement': {
      const keyword = node.type === 'while_statement' ? (kids(node)[0]?.type === 'until' ? 'until' : 'while') : 'for';
      const cond = node.childForFieldName('condition');
      const body = node.childForFieldName('body');
      return {
        type: 'loop',
        keyword,
        condition: cond ? [{ node: convert(cond, text) ?? emptyCommand(cond), start: cond.startIndex, end: cond.endIndex }] : [],
        body: body ? statementsOf(body, text) : [],
        ...base,
      };
    }
    case 'if_statement':
    case 'case_statement':
    case 'function_definition': {
      const bodies: Statement[][] = [];
      collectBodies(node, text, bodies);
      const type = node.type === 'if_statement' ? 'if' : node.type === 'case_statement' ? 'case' : 'function';
      return { type, bodies, ...base };
    }
    case 'ERROR':
      return { type: 'other', bodies: [statementsOf(node, text)], ...base };
    default:
      return { type: 'other', bodies: [], ...base };
  }
}

function emptyCommand(node: Node): SimpleCommand {
  return { type: 'command', args: [], assignments: [], start: node.startIndex, end: node.endIndex, redirects: [] };
}

function namedConverted(node: Node, text: string): ShellNode[] {
  const out: ShellNode[] = [];
  for (const c of kids(node)) {
    if (!c.isNamed || c.type === 'comment') continue;
    if (c.type.endsWith('_redirect')) {
      out[out.length - 1]?.redirects.push(convertRedirect(c, text));
      continue;
    }
    if (modelFull()) break;
    const n = convert(c, text);
    if (n) out.push(n);
  }
  return out;
}

/** Bodies of if/case/function: every nested statement list, so rules can search inside them. */
function collectBodies(node: Node, text: string, out: Statement[][]): void {
  const direct: Statement[] = [];
  for (const c of kids(node)) {
    if (!c.isNamed) continue;
    if (['elif_clause', 'else_clause', 'case_item', 'compound_statement', 'do_group', 'subshell'].includes(c.type)) {
      // `f() { { { …` nests here without passing through convert
      if (nesting >= MAX_SHELL_NESTING) {
        truncated = true;
        continue;
      }
      nesting++;
      try {
        collectBodies(c, text, out);
      } finally {
        nesting--;
      }
    } else if (c.type !== 'comment' && c.type !== 'word' && c.type !== 'heredoc_body') {
      const n = convert(c, text);
      if (n) direct.push({ node: n, start: c.startIndex, end: c.endIndex });
    }
  }
  if (direct.length) out.push(direct);
}

function convertCommand(node: Node, text: string): SimpleCommand {
  const cmd: SimpleCommand = { type: 'command', args: [], assignments: [], start: node.startIndex, end: node.endIndex, redirects: [] };
  for (const c of kids(node)) {
    if (c.type === 'variable_assignment') for (const a of assignmentsOf(c, text)) cmd.assignments.push(a);
    else if (c.type === 'command_name') cmd.name = wordOf(kids(c)[0] ?? c, text, c);
    else if (c.type.endsWith('_redirect')) cmd.redirects.push(convertRedirect(c, text));
    else if (c.isNamed && c.type !== 'comment') cmd.args.push(wordOf(c, text));
  }
  return cmd;
}

function assignmentsOf(node: Node, text: string): SimpleCommand['assignments'] {
  const list = node.type === 'variable_assignments' ? kids(node).filter((c) => c.type === 'variable_assignment') : [node];
  return list.map((a) => {
    const name = a.childForFieldName('name');
    const value = a.childForFieldName('value');
    return {
      name: name ? text.slice(name.startIndex, name.endIndex) : '',
      value: value ? wordOf(value, text) : undefined,
      start: a.startIndex,
      end: a.endIndex,
    };
  });
}

function convertRedirect(node: Node, text: string): Redirect {
  const r: Redirect = { op: '', start: node.startIndex, end: node.endIndex };
  for (const c of kids(node)) {
    if (c.type === 'file_descriptor') r.fd = Number(text.slice(c.startIndex, c.endIndex));
    else if (!c.isNamed) r.op ||= c.type;
    else if (!r.target && c.type !== 'heredoc_body') r.target = wordOf(c, text);
  }
  return r;
}

function keywordWord(node: Node): ShellWord {
  const value = node.type;
  return { value, start: node.startIndex, end: node.endIndex, quoted: false, dynamic: false, valueOffsets: offsetsFrom(node.startIndex, value.length) };
}

function offsetsFrom(start: number, length: number): number[] {
  const o = new Array<number>(length + 1);
  for (let i = 0; i <= length; i++) o[i] = start + i;
  return o;
}

const DYNAMIC = new Set(['simple_expansion', 'expansion', 'command_substitution', 'arithmetic_expansion', 'process_substitution']);

/** Quote removal with a map back to script offsets. */
export function wordOf(node: Node, text: string, outer: Node = node): ShellWord {
  const value: string[] = [];
  const offsets: number[] = [];
  const state = { quoted: false, dynamic: false };
  decode(node, text, value, offsets, state);
  offsets.push(node.endIndex);
  return { value: value.join(''), start: outer.startIndex, end: outer.endIndex, quoted: state.quoted, dynamic: state.dynamic, valueOffsets: offsets };
}

function decode(node: Node, text: string, out: string[], offsets: number[], state: { quoted: boolean; dynamic: boolean }): void {
  const raw = text.slice(node.startIndex, node.endIndex);
  const at = node.startIndex;
  switch (node.type) {
    case 'raw_string':
      state.quoted = true;
      pushVerbatim(raw.slice(1, -1), at + 1, out, offsets);
      return;
    case 'ansi_c_string':
      state.quoted = true;
      unescape(raw.slice(2, -1), at + 2, out, offsets, null);
      return;
    case 'string':
    case 'translated_string': {
      state.quoted = true;
      for (const c of kids(node)) {
        if (DYNAMIC.has(c.type)) {
          state.dynamic = true;
          pushVerbatim(text.slice(c.startIndex, c.endIndex), c.startIndex, out, offsets);
        } else if (c.type === 'string_content') {
          unescape(text.slice(c.startIndex, c.endIndex), c.startIndex, out, offsets, '"\\$`\n');
        }
      }
      return;
    }
    case 'concatenation':
      for (const c of kids(node)) decode(c, text, out, offsets, state);
      return;
    case 'word':
    case 'number':
    case 'command_name':
    case 'special_variable_name':
      if (/[*?[]/.test(raw)) state.dynamic = true;
      unescape(raw, at, out, offsets, undefined);
      return;
    default:
      if (DYNAMIC.has(node.type) || node.isNamed) state.dynamic = state.dynamic || DYNAMIC.has(node.type);
      pushVerbatim(raw, at, out, offsets);
  }
}

function pushVerbatim(s: string, at: number, out: string[], offsets: number[]): void {
  for (let i = 0; i < s.length; i++) {
    out.push(s[i]);
    offsets.push(at + i);
  }
}

/**
 * Backslash removal. `escapable` lists what a backslash escapes (double quotes: `"\$\`` and newline);
 * undefined = any character (unquoted words); null = ANSI-C escapes ($'…').
 */
function unescape(s: string, at: number, out: string[], offsets: number[], escapable: string | undefined | null): void {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1];
      if (n === '\n') {
        i++; // line continuation disappears
        continue;
      }
      if (escapable === null) {
        out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n);
        offsets.push(at + i);
        i++;
        continue;
      }
      if (escapable === undefined || escapable.includes(n)) {
        out.push(n);
        offsets.push(at + i + 1);
        i++;
        continue;
      }
    }
    out.push(c);
    offsets.push(at + i);
  }
}

// ---- walking ------------------------------------------------------------------------------------

export function basename(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash >= 0 ? program.slice(slash + 1) : program;
}

/** Index of the script argument when `argv` is `sh -c SCRIPT` (also `-ec`, `-xc`, `-c -e`…), else -1. */
export function shellScriptArgIndex(argv: string[]): number {
  return shellScriptIndex(argv);
}

/** The script run by `sh -c "…"` inside a script, mapped to the document. */
export function nestedScript(script: ShellScript, cmd: SimpleCommand): ShellScript | undefined {
  // parsed commands are shared by every script with the same text, so the memo is per script, then per command
  let byCommand = nestedScripts.get(script);
  if (!byCommand) nestedScripts.set(script, (byCommand = new Map()));
  let nested = byCommand.get(cmd);
  if (nested === undefined) byCommand.set(cmd, (nested = nestedScriptOf(script, cmd) ?? null));
  return nested ?? undefined;
}

// rules walk the same scripts many times: a script's nested scripts and its command list are built once
const nestedScripts = new WeakMap<ShellScript, Map<SimpleCommand, ShellScript | null>>();
const commandLists = new WeakMap<ShellScript, CommandVisit[]>();

function nestedScriptOf(script: ShellScript, cmd: SimpleCommand): ShellScript | undefined {
  if (!cmd.name || script.depth >= 4) return undefined;
  // `sh -c S`, and through wrappers: `sudo -u app sh -c S`, `su app -c S`, `gosu app bash -c S`
  const w = programOf(cmd).script;
  if (!w || (w.dynamic && !w.quoted)) return undefined;
  const nested = parseShell(compose(script.source, w.value, w.valueOffsets), script.depth + 1);
  return script.expandCommand ? { ...nested, expandCommand: script.expandCommand } : nested;
}

export interface CommandVisit {
  command: SimpleCommand;
  script: ShellScript;
  /** True when the command runs in the background (an enclosing statement ends with `&`). */
  inBackground: boolean;
  /** True inside a loop, a condition, a pipeline stage other than the last, or a substituted script. */
  nested: boolean;
}

/** Every simple command of the script, descending into blocks, loops, conditionals and `sh -c` scripts. */
export function* allCommands(script: ShellScript): Generator<CommandVisit> {
  let visits = commandLists.get(script);
  if (!visits) commandLists.set(script, (visits = [...walkStatements(script, script.statements, false, false)]));
  yield* visits;
}

function* walkStatements(script: ShellScript, statements: Statement[], inBackground: boolean, nested: boolean): Generator<CommandVisit> {
  for (const s of statements) yield* walkNode(script, s.node, inBackground || !!s.background, nested);
}

function* walkNode(script: ShellScript, node: ShellNode, inBackground: boolean, nested: boolean): Generator<CommandVisit> {
  switch (node.type) {
    case 'command': {
      yield { command: script.expandCommand ? script.expandCommand(node) : node, script, inBackground, nested };
      const inner = nestedScript(script, node);
      if (inner) yield* walkStatements(inner, inner.statements, inBackground, nested);
      return;
    }
    case 'pipeline':
      for (let i = 0; i < node.commands.length; i++) yield* walkNode(script, node.commands[i], inBackground, nested || i < node.commands.length - 1);
      return;
    case 'and-or':
      for (const item of node.items) yield* walkNode(script, item, inBackground, nested);
      return;
    case 'subshell':
    case 'group':
      yield* walkStatements(script, node.body, inBackground, nested);
      return;
    case 'loop':
      yield* walkStatements(script, node.condition, inBackground, true);
      yield* walkStatements(script, node.body, inBackground, true);
      return;
    default:
      for (const body of node.bodies) yield* walkStatements(script, body, inBackground, true);
  }
}

/** Every `&` of the script and its nested `sh -c` scripts. */
export function* backgroundOperators(script: ShellScript): Generator<{ script: ShellScript; statement: Statement }> {
  function* inStatements(sc: ShellScript, statements: Statement[]): Generator<{ script: ShellScript; statement: Statement }> {
    for (const s of statements) {
      if (s.background) yield { script: sc, statement: s };
      yield* inNode(sc, s.node);
    }
  }
  function* inNode(sc: ShellScript, node: ShellNode): Generator<{ script: ShellScript; statement: Statement }> {
    switch (node.type) {
      case 'command': {
        const inner = nestedScript(sc, node);
        if (inner) yield* inStatements(inner, inner.statements);
        return;
      }
      case 'pipeline':
        for (const c of node.commands) yield* inNode(sc, c);
        return;
      case 'and-or':
        for (const c of node.items) yield* inNode(sc, c);
        return;
      case 'subshell':
      case 'group':
        yield* inStatements(sc, node.body);
        return;
      case 'loop':
        yield* inStatements(sc, node.condition);
        yield* inStatements(sc, node.body);
        return;
      default:
        for (const b of node.bodies) yield* inStatements(sc, b);
    }
  }
  yield* inStatements(script, script.statements);
}

/**
 * The foreground process that stays as the container's main process: the last foreground statement,
 * following `exec`, `&&` chains, the last stage of a pipeline, and `sh -c` scripts.
 */
export function mainProcess(script: ShellScript): { node: ShellNode; script: ShellScript; statement: Statement } | undefined {
  const foreground = script.statements.filter((s) => !s.background && !isSetupOnly(s.node));
  const last = foreground[foreground.length - 1];
  if (!last) return undefined;
  let node: ShellNode = last.node;
  for (;;) {
    if (node.type === 'and-or' && node.items.length) node = node.items[node.items.length - 1];
    else if (node.type === 'pipeline' && node.commands.length) node = node.commands[node.commands.length - 1];
    else if ((node.type === 'group' || node.type === 'subshell') && node.body.length) {
      const inner = node.body.filter((s) => !s.background);
      if (!inner.length) break;
      node = inner[inner.length - 1].node;
    } else break;
  }
  if (node.type === 'command') {
    const inner = nestedScript(script, node);
    if (inner) {
      const deeper = mainProcess(inner);
      if (deeper) return deeper;
    }
  }
  return { node, script, statement: last };
}

/** `set -e`, `export X=1`, `cd /app`, `trap …`: statements that configure the shell and exit at once. */
function isSetupOnly(node: ShellNode): boolean {
  if (node.type !== 'command') return false;
  if (!node.name) return node.redirects.length === 0;
  return ['set', 'export', 'cd', 'trap', 'umask', 'ulimit', 'source', '.', 'shopt', 'declare', 'local', 'readonly', 'unset'].includes(node.name.value);
}

/** The argv a simple command runs, after `exec`, `nohup`-style wrappers are removed by the caller. */
export function argvOf(cmd: SimpleCommand): ShellWord[] {
  return cmd.name ? [cmd.name, ...cmd.args] : [];
}
