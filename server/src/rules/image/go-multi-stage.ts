// Refactor "Convert to multi-stage build" for a Go Dockerfile whose final stage is the golang toolchain:
// the stage becomes the builder (`CGO_ENABLED=0` on its `go build`), and a new `FROM scratch` stage ships
// the binary, the CA bundle, a numeric non-root USER and the stage's EXPOSE/ENTRYPOINT/CMD.
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { FixProposal, OffsetEdit } from '../../engine/types';
import { parseImageRef } from '../../knowledge/images';
import { execArgv, instructionScript, isExecForm, offsets, runScripts, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { allCommands, basename, spanIn, type CommandVisit, type ShellWord } from '../../parse/shell';
import { effectiveArgv } from '../process/start-command';
import { fromImage } from '../shared/from-image';

/** The golang image's WORKDIR and PATH. */
const GO_WORKDIR = '/go';
const GO_PATH = ['/go/bin', '/usr/local/go/bin', '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const MOVED = new Set(['EXPOSE', 'ENTRYPOINT', 'CMD']);
/** ENV keys that only steer the Go build; the others may matter to the app and are repeated in the new stage. */
const BUILD_ONLY_ENV = /^(GO(PATH|ROOT|OS|ARCH|ARM|AMD64|FLAGS|PROXY|PRIVATE|NOSUMDB|NOPROXY|SUMDB|111MODULE|CACHE|MODCACHE|TOOLCHAIN|BIN|EXPERIMENT|INSECURE|WORK)|GOLANG_VERSION|GO_VERSION|CGO_[A-Z0-9_]+|PATH)$/;

interface GoBuild {
  run: Instruction;
  visit: CommandVisit;
  argv: ShellWord[];
  workdir?: string;
}

interface Plan {
  stage: Stage;
  build: GoBuild;
  binary: string;
  /** `-o` is missing: the binary path is added to the build. */
  addOutput: boolean;
  cgoSet: boolean;
  builderName: string;
  entrypoint?: string[];
  cmd?: string[];
  /** ENTRYPOINT or CMD: the one whose first word is the binary. */
  programIn: 'entrypoint' | 'cmd';
}

/** The refactor, when the Dockerfile is a Go build whose result can be moved to scratch exactly. */
export function goMultiStage(model: DockerfileModel): FixProposal | undefined {
  const plan = planOf(model);
  if (!plan) return undefined;
  return {
    title: `Convert to multi-stage build (build on golang, ship \`/${basename(plan.binary)}\` on scratch)`,
    kind: 'refactor',
    edits: () => editsOf(model, plan),
  };
}

function planOf(model: DockerfileModel): Plan | undefined {
  const stage = model.finalStage;
  if (!stage || stage.parent) return undefined;
  const image = fromImage(model, stage);
  const ref = image && parseImageRef(image.text);
  if (!ref || ref.repository !== 'golang' || (ref.registry && ref.registry !== 'docker.io')) return undefined;
  // scratch has no shell and no curl: a HEALTHCHECK could not run there
  if (stage.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK' && !/^\s*none\s*$/i.test(i.getArgumentsContent() ?? ''))) return undefined;
  const builds = goBuilds(model, stage);
  const build = builds[builds.length - 1];
  if (!build || (build.visit.script.depth === 0 && isExecForm(model, build.run))) return undefined;
  const start = startCommand(model, stage);
  if (!start) return undefined;
  const program = start.programIn === 'entrypoint' ? start.entrypoint![0] : start.cmd![0];
  const output = outputOf(build);
  if (output === null) return undefined;
  const binary = output !== undefined ? resolve(build.workdir, output) : program.includes('/') ? resolve(start.workdir, program) : undefined;
  if (!binary || !runsBinary(program, binary, start.workdir)) return undefined;
  return {
    stage,
    build,
    binary,
    addOutput: output === undefined,
    cgoSet: cgoDisabled(model, stage, build),
    builderName: stage.name ?? ['build', 'builder', 'go-build'].find((n) => !model.stages.some((s) => s.name === n))!,
    ...start,
  };
}

/** Every `go build` of the stage's RUNs, with the WORKDIR in effect. */
function goBuilds(model: DockerfileModel, stage: Stage): GoBuild[] {
  const out: GoBuild[] = [];
  let workdir: string | undefined = GO_WORKDIR;
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'WORKDIR') workdir = resolve(workdir, (instruction.getArgumentsContent() ?? '').trim());
    if (keyword !== 'RUN') continue;
    for (const script of runScripts(model, instruction)) {
      for (const visit of allCommands(script)) {
        const argv = effectiveArgv(visit.command);
        if (basename(argv[0]?.value ?? '') === 'go' && argv[1]?.value === 'build') out.push({ run: instruction, visit, argv, workdir });
      }
    }
  }
  return out;
}

/** The `-o` path; undefined without `-o`; null when it cannot be known (a variable, or a directory). */
function outputOf(build: GoBuild): string | null | undefined {
  const args = build.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let value: ShellWord | string | undefined;
    if (a.value === '-o' || a.value === '--o') value = args[i + 1];
    else if (/^--?o=/.test(a.value)) value = a.value.slice(a.value.indexOf('=') + 1);
    else continue;
    const text = typeof value === 'string' ? value : value?.value;
    const dynamic = typeof value === 'string' ? a.dynamic : value?.dynamic;
    if (!text || dynamic || text.endsWith('/') || text.includes('$')) return null;
    return text;
  }
  return undefined;
}

/** An absolute path from a WORKDIR and a path as written; undefined when the WORKDIR is unknown or variable. */
function resolve(workdir: string | undefined, path: string): string | undefined {
  if (!path || path.includes('$')) return undefined;
  const joined = path.startsWith('/') ? path : workdir === undefined ? undefined : `${workdir}/${path}`;
  if (!joined) return undefined;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function runsBinary(program: string, binary: string, workdir: string | undefined): boolean {
  if (program.includes('/')) return resolve(workdir, program) === binary;
  const slash = binary.lastIndexOf('/');
  return binary.slice(slash + 1) === program && GO_PATH.includes(binary.slice(0, slash) || '/');
}

/** ENTRYPOINT and CMD as word lists (exec form, or shell form that is one plain command). */
function startCommand(model: DockerfileModel, stage: Stage): { entrypoint?: string[]; cmd?: string[]; programIn: 'entrypoint' | 'cmd'; workdir?: string } | undefined {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  let workdir: string | undefined = GO_WORKDIR;
  for (const i of stage.instructions) {
    const k = i.getKeyword();
    if (k === 'ENTRYPOINT') entrypoint = i;
    else if (k === 'CMD') cmd = i;
    else if (k === 'WORKDIR') workdir = resolve(workdir, (i.getArgumentsContent() ?? '').trim());
  }
  // exec ENTRYPOINT + shell CMD runs `/bin/sh -c …` as arguments; shell ENTRYPOINT ignores CMD: neither moves as is
  if (entrypoint && cmd && (!isExecForm(model, entrypoint) || !isExecForm(model, cmd))) return undefined;
  const entryWords = entrypoint ? wordsOf(model, entrypoint) : undefined;
  const cmdWords = cmd ? wordsOf(model, cmd) : undefined;
  if ((entrypoint && !entryWords?.length) || (cmd && !cmdWords) || (!entrypoint && !cmdWords?.length)) return undefined;
  return { entrypoint: entryWords, cmd: cmdWords, programIn: entrypoint ? 'entrypoint' : 'cmd', workdir };
}

function wordsOf(model: DockerfileModel, instruction: Instruction): string[] | undefined {
  if (isExecForm(model, instruction)) return execArgv(model, instruction).map((a) => a.text);
  // scratch has no shell: only a plain command can become exec form
  const script = instructionScript(model, instruction);
  const node = script?.statements.length === 1 ? script.statements[0].node : undefined;
  if (!script || script.hasErrors || !node || node.type !== 'command' || node.redirects.length || node.assignments.length || !node.name) return undefined;
  const words = [node.name, ...node.args];
  return words.some((w) => w.dynamic) ? undefined : words.map((w) => w.value);
}

/** CGO_ENABLED=0 inline, through `env`, exported earlier in the RUN, or by ENV/ARG before it. */
function cgoDisabled(model: DockerfileModel, stage: Stage, build: GoBuild): boolean {
  const { command, script } = build.visit;
  const words = [...command.assignments.map((a) => `${a.name}=${a.value?.value ?? ''}`), ...[command.name, ...command.args].filter((w) => !!w && w.start < build.argv[0].start).map((w) => w!.value)];
  if (words.includes('CGO_ENABLED=0')) return true;
  const at = spanIn(script, command).start;
  for (const s of runScripts(model, build.run)) {
    for (const v of allCommands(s)) {
      if (v.command.name?.value === 'export' && spanIn(v.script, v.command).start < at && v.command.args.some((a) => a.value === 'CGO_ENABLED=0')) return true;
    }
  }
  let value: string | undefined;
  for (const i of stage.instructions) {
    if (i === build.run) break;
    if (i.getKeyword() !== 'ENV' && i.getKeyword() !== 'ARG') continue;
    for (const p of (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
      if (p.getName() === 'CGO_ENABLED' && p.getValue() !== null) value = p.getValue()!;
    }
  }
  return value === '0';
}

// ---- edits ----------------------------------------------------------------------------------------

function editsOf(model: DockerfileModel, plan: Plan): OffsetEdit[] {
  const text = model.source.text;
  const eol = model.source.eol;
  const edits: OffsetEdit[] = [];
  const { stage, build } = plan;
  if (!stage.name) {
    const image = offsets(model, stage.from.getImageRange()!);
    edits.push({ start: image.end, end: image.end, newText: ` AS ${plan.builderName}` });
  }
  const { command, script } = build.visit;
  if (!plan.cgoSet) {
    const at = spanIn(script, command).start;
    edits.push({ start: at, end: at, newText: 'CGO_ENABLED=0 ' });
  }
  if (plan.addOutput) {
    const at = spanIn(script, build.argv[1]).end;
    edits.push({ start: at, end: at, newText: ` -o ${plan.binary}` });
  }
  const name = basename(plan.binary);
  const lines = [
    'FROM scratch',
    `COPY --from=${plan.builderName} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`,
    `COPY --from=${plan.builderName} ${plan.binary} /${name}`,
  ];
  for (const i of stage.instructions) {
    if (i.getKeyword() === 'LABEL') lines.push(sliceOf(model, offsets(model, i.getRange())));
    const env = i.getKeyword() === 'ENV' ? runtimeEnv(model, i) : undefined;
    if (env) lines.push(env);
  }
  lines.push('USER 65532:65532');
  for (const i of stage.instructions) {
    const keyword = i.getKeyword();
    if (!MOVED.has(keyword)) continue;
    const { start, end, comments } = movedLines(model, i);
    edits.push({ start, end, newText: '' });
    for (const comment of comments) lines.push(comment);
    if (keyword === 'EXPOSE') lines.push(sliceOf(model, offsets(model, i.getRange())));
    else if (i === lastOf(stage, 'ENTRYPOINT')) lines.push(`${written(model, i)} ${json(withProgram(plan.entrypoint!, name, plan.programIn === 'entrypoint'))}`);
    else if (i === lastOf(stage, 'CMD')) lines.push(`${written(model, i)} ${json(withProgram(plan.cmd!, name, plan.programIn === 'cmd'))}`);
  }
  // one blank line before the new stage, whatever the deletions leave at the end of the file
  let last = text.length;
  for (let e = edits.find((x) => x.end === last && x.newText === ''); e; e = edits.find((x) => x.end === last && x.newText === '')) last = e.start;
  const kept = text.slice(0, last);
  const lead = /(\r?\n){2}$/.test(kept) || !kept ? '' : /\n$/.test(kept) ? eol : eol + eol;
  edits.push({ start: text.length, end: text.length, newText: lead + lines.join(eol) + eol });
  return edits;
}

/** The ENV again for the new stage, without the Go build settings and without values that need the builder's variables. */
function runtimeEnv(model: DockerfileModel, env: Instruction): string | undefined {
  type Property = { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null };
  const props = (env as unknown as { getProperties(): Property[] }).getProperties();
  const kept = props.filter((p) => !BUILD_ONLY_ENV.test(p.getName()) && !(p.getValue() ?? '').includes('$'));
  if (!kept.length) return undefined;
  if (kept.length === props.length) return sliceOf(model, offsets(model, env.getRange()));
  const valueOf = (p: Property) => {
    const range = p.getValueRange();
    return range ? sliceOf(model, offsets(model, range)) : '';
  };
  const pairs = kept.map((p) => `${p.getName()}=${valueOf(p)}`);
  return `${written(model, env)} ${pairs.join(' ')}`;
}

function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.getKeyword() === keyword).pop();
}

function withProgram(words: string[], name: string, replace: boolean): string[] {
  return replace ? [`/${name}`, ...words.slice(1)] : words;
}

function json(words: string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

function written(model: DockerfileModel, i: Instruction): string {
  return sliceOf(model, offsets(model, i.getInstructionRange()));
}

function sliceOf(model: DockerfileModel, span: { start: number; end: number }): string {
  return model.source.text.slice(span.start, span.end);
}

/** The instruction's whole lines plus the comment lines right above it (a `# herd-ignore` moves with it). */
function movedLines(model: DockerfileModel, i: Instruction): { start: number; end: number; comments: string[] } {
  const text = model.source.text;
  const span = offsets(model, i.getRange());
  let start = text.lastIndexOf('\n', span.start - 1) + 1;
  const comments: string[] = [];
  while (start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prev, start).replace(/\r?\n$/, '');
    if (!/^[ \t]*#/.test(line) || prev === 0) break;
    comments.unshift(line);
    start = prev;
  }
  const nl = text.indexOf('\n', span.end);
  return { start, end: nl < 0 ? text.length : nl + 1, comments };
}
