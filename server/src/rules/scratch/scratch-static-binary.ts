import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { parseImageRef } from '../../knowledge/images';
import { runScripts, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { allCommands, basename, spanIn, type ShellScript, type ShellWord, type SimpleCommand } from '../../parse/shell';
import { packageInstall } from '../logging/package-installs';
import { stageChain } from '../process/start-instructions';
import { effectiveArgv } from '../process/start-command';
import { buildEnvironment, copiesIn, isLibcFree, rootImage } from './image-contents';

const C_COMPILER = /^(gcc|cc|clang|g\+\+|c\+\+|clang\+\+|musl-gcc)(-\d+(\.\d+)*)?$/;
const C_INPUT = /\.(c|cc|cpp|cxx|o|a|s|S)$/;

export default defineRule({
  meta: {
    id: 'scratch-static-binary',
    languages: ['dockerfile'],
    defaultSeverity: 'error',
    category: 'scratch',
    description: 'A scratch or distroless-static final image copies a binary built with dynamic linking (cgo, no -static, no musl target).',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'dockerfile' || !model.finalStage || !isLibcFree(model.finalStage)) return;
    const image = rootImage(model.finalStage);
    for (const stage of sourceStages(model, model.finalStage)) {
      for (const s of stageChain(stage)) {
        for (const instruction of s.instructions) {
          if (instruction.getKeyword() !== 'RUN') continue;
          for (const script of runScripts(model, instruction)) {
            for (const visit of allCommands(script)) {
              const found = dynamicBuild(model, stage, instruction, visit.script, visit.command);
              if (!found) continue;
              context.report({
                ...spanIn(visit.script, found.words),
                message: `${found.what} produces a dynamically linked binary, but the final image \`${image}\` has no C library: the container fails to start with "no such file or directory". ${found.advice}`,
                fixes: found.fix ? [found.fix] : [],
              });
            }
          }
        }
      }
    }
  },
});

/** Stages whose files reach the final image through `COPY --from`, followed transitively. */
function sourceStages(model: DockerfileModel, final: Stage): Stage[] {
  const out: Stage[] = [];
  const queue = [final];
  while (queue.length) {
    const stage = queue.shift()!;
    for (const copy of copiesIn(model, stageChain(stage))) {
      // a WebAssembly module is run by a wasm runtime, not linked against a libc
      if (copy.sources.length && copy.sources.every((s) => /\.wasm$/i.test(s))) continue;
      const from = copy.fromStage;
      if (from && from !== final && !out.includes(from)) {
        out.push(from);
        queue.push(from);
      }
    }
  }
  return out;
}

interface DynamicBuild {
  words: { start: number; end: number };
  what: string;
  advice: string;
  fix?: FixProposal;
}

function dynamicBuild(model: DockerfileModel, stage: Stage, instruction: Instruction, script: ShellScript, cmd: SimpleCommand): DynamicBuild | undefined {
  const argv = effectiveArgv(cmd);
  const program = argv[0];
  if (!program) return undefined;
  const name = basename(program.value);
  const args = argv.slice(1);
  if (name === 'go' && args[0]?.value === 'build') {
    if (goTargetsWasm(model, stage, instruction, cmd)) return undefined;
    const ldflags = linkerFlags(args);
    // `-ldflags "$LDFLAGS"` may hold `-extldflags -static`; a static external link needs no libc at run time
    if (ldflags.some((f) => f.dynamic || /extldflags.*-static/.test(f.value))) return undefined;
    const cgo = cgoSetting(model, stage, instruction, spanIn(script, cmd).start, cmd);
    if (cgo === '0' || cgo === 'unknown') return undefined;
    if (cgo === undefined && !hasCCompiler(model, stage)) return undefined;
    return {
      words: { start: program.start, end: args[0].end },
      what: `\`go build\` runs with cgo enabled (CGO_ENABLED is ${cgo === undefined ? 'not set' : `\`${cgo}\``}) and`,
      advice: 'Build with `CGO_ENABLED=0`.',
      fix: cgoFix(script, cmd, program),
    };
  }
  if (C_COMPILER.test(name)) {
    if (args.some((a) => a.dynamic) || !args.some((a) => C_INPUT.test(a.value))) return undefined;
    if (args.some((a) => ['-c', '-E', '-S', '-M', '-MM'].includes(a.value))) return undefined;
    if (args.some((a) => /^-static(-pie)?$|^-Wl,.*-static/.test(a.value))) return undefined;
    return { words: program, what: `This \`${name}\` link has no \`-static\` and`, advice: 'Link with `-static`, or ship on gcr.io/distroless/cc.' };
  }
  if (name === 'cargo' && (args[0]?.value === 'build' || args[0]?.value === 'install')) {
    const env = buildEnvironment(model, stage, instruction);
    if (/crt-static/.test(env.get('RUSTFLAGS') ?? '') || /musl|^wasm/.test(env.get('CARGO_BUILD_TARGET') ?? '')) return undefined;
    const target = targetOf(args);
    // wasm32-wasi, wasm32-wasip1/p2, wasm32-unknown-unknown: a WebAssembly module, not a native binary
    if (target === 'unknown' || target?.includes('musl') || target?.startsWith('wasm')) return undefined;
    return {
      words: { start: program.start, end: args[0].end },
      what: `\`cargo ${args[0].value}\` without a \`*-musl\` target`,
      advice: 'Build with `--target x86_64-unknown-linux-musl` (or aarch64-unknown-linux-musl), or ship on gcr.io/distroless/cc.',
    };
  }
  return undefined;
}

/**
 * Whether this `go build` targets WebAssembly (`GOOS=wasip1`, `GOOS=js GOARCH=wasm`): inline, through `env`,
 * exported earlier in the same RUN, or set by ENV/ARG.
 */
function goTargetsWasm(model: DockerfileModel, stage: Stage, instruction: Instruction, cmd: SimpleCommand): boolean {
  const env = buildEnvironment(model, stage, instruction);
  const seen = new Map<string, string | undefined>([
    ['GOOS', env.get('GOOS')],
    ['GOARCH', env.get('GOARCH')],
  ]);
  const words = cmd.name ? [cmd.name, ...cmd.args] : [];
  for (const w of words) {
    const m = /^(GOOS|GOARCH)=(.*)$/.exec(w.value);
    if (m) seen.set(m[1], m[2]);
  }
  for (const a of cmd.assignments) if (a.name === 'GOOS' || a.name === 'GOARCH') seen.set(a.name, a.value?.value);
  for (const script of runScripts(model, instruction)) {
    if (/\bexport\s+GOOS=["']?wasip1|\bexport\s+GOARCH=["']?wasm\b/.test(script.source.text)) return true;
  }
  return seen.get('GOOS') === 'wasip1' || seen.get('GOARCH') === 'wasm';
}

/** The values of `-ldflags X` / `-ldflags=X`. */
function linkerFlags(args: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  args.forEach((a, i) => {
    if (/^--?ldflags$/.test(a.value) && args[i + 1]) out.push(args[i + 1]);
    else if (/^--?ldflags=/.test(a.value)) out.push(a);
  });
  return out;
}

function targetOf(args: ShellWord[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = a.value === '--target' ? args[i + 1] : a.value.startsWith('--target=') ? a : undefined;
    if (!value) continue;
    if (value.dynamic) return 'unknown';
    return value.value.replace(/^--target=/, '');
  }
  return undefined;
}

/**
 * CGO_ENABLED as the `go` command sees it, strongest first: inline or `env` assignment, an earlier
 * `export` in the same RUN, ENV/ARG, `go env -w`. 'unknown' when it comes from a variable.
 */
function cgoSetting(model: DockerfileModel, stage: Stage, instruction: Instruction, cmdStart: number, cmd: SimpleCommand): string | undefined {
  const inline = inlineCgo(cmd);
  if (inline) return inline.dynamic ? 'unknown' : inline.value;
  let exported: string | undefined;
  let goEnv: string | undefined;
  const limit = model.source.offsetAt(instruction.getRange().start);
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i.getKeyword() !== 'RUN' || model.source.offsetAt(i.getRange().start) > limit) continue;
      for (const script of runScripts(model, i)) {
        for (const visit of allCommands(script)) {
          const c = visit.command;
          if (i === instruction && (c === cmd || spanIn(visit.script, c).start >= cmdStart)) continue;
          goEnv = goEnvWrite(c) ?? goEnv;
          // a shell variable dies with its RUN
          if (i === instruction) exported = exportOf(c) ?? exported;
        }
      }
    }
  }
  if (exported !== undefined) return exported;
  const env = buildEnvironment(model, stage, instruction);
  if (env.has('CGO_ENABLED')) return literal(env.get('CGO_ENABLED'));
  return goEnv;
}

/** `CGO_ENABLED=x go build` or `env CGO_ENABLED=x go build`. */
function inlineCgo(cmd: SimpleCommand): ShellWord | undefined {
  const assigned = cmd.assignments.find((a) => a.name === 'CGO_ENABLED');
  if (assigned) return assigned.value ?? { value: '', start: assigned.end, end: assigned.end, quoted: false, dynamic: false, valueOffsets: [] };
  const words = cmd.name ? [cmd.name, ...cmd.args] : [];
  const w = words.find((x) => x.value.startsWith('CGO_ENABLED='));
  return w && { ...w, value: w.value.slice('CGO_ENABLED='.length) };
}

function cgoWord(words: ShellWord[]): string | undefined {
  const w = words.find((a) => a.value.startsWith('CGO_ENABLED='));
  return w && (w.dynamic ? 'unknown' : literal(w.value.slice('CGO_ENABLED='.length)));
}

/** `go env -w CGO_ENABLED=0`: persists in the go env file for later RUN lines. */
function goEnvWrite(c: SimpleCommand): string | undefined {
  const argv = effectiveArgv(c);
  if (argv[0]?.value !== 'go' || argv[1]?.value !== 'env' || !argv.some((a) => a.value === '-w')) return undefined;
  return cgoWord(argv);
}

/** `export CGO_ENABLED=0`, or a bare `CGO_ENABLED=0` statement. */
function exportOf(c: SimpleCommand): string | undefined {
  if (c.name?.value === 'export') return cgoWord(c.args);
  if (c.name) return undefined;
  const a = c.assignments.find((x) => x.name === 'CGO_ENABLED');
  if (!a) return undefined;
  return a.value ? (a.value.dynamic ? 'unknown' : literal(a.value.value)) : '';
}

function literal(value: string | undefined): string | undefined {
  return value !== undefined && value.includes('$') ? 'unknown' : value;
}

/** Since Go 1.20 cgo is off when no C compiler is found: golang:*-alpine without gcc builds static binaries. */
function hasCCompiler(model: DockerfileModel, stage: Stage): boolean {
  const ref = parseImageRef(rootImage(stage) ?? '');
  if (!ref || ref.repository !== 'golang' || !/alpine/.test(ref.tag ?? '')) return true;
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i.getKeyword() !== 'RUN') continue;
      for (const script of runScripts(model, i)) {
        for (const { command } of allCommands(script)) {
          const install = packageInstall(command);
          if (install?.packages.some((p) => /^(gcc|clang|build-base|alpine-sdk|musl-dev)$/.test(p.name))) return true;
        }
      }
    }
  }
  return false;
}

/** `CGO_ENABLED=0 ` before `go`, or the existing inline assignment set to 0. */
function cgoFix(script: ShellScript, cmd: SimpleCommand, program: ShellWord): FixProposal {
  const inline = inlineCgo(cmd);
  return {
    title: 'Build with CGO_ENABLED=0',
    kind: 'safe',
    edits: () => {
      if (inline) {
        const at = spanIn(script, inline);
        const word = cmd.assignments.some((a) => a.name === 'CGO_ENABLED');
        return [{ ...at, newText: word ? '0' : 'CGO_ENABLED=0' }];
      }
      const at = spanIn(script, program).start;
      return [{ start: at, end: at, newText: 'CGO_ENABLED=0 ' }];
    },
  };
}
