// What an empty final image holds: its base (scratch, distroless static), what is copied into it and
// from which stages, and the ENV/ARG values a build stage's RUN lines see.
import type { Instruction } from 'dockerfile-ast';
import { parseImageRef } from '../../knowledge/images';
import { isExecForm, stageByReference, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { stageChain } from '../process/start-instructions';

/** The image at the root of a stage's `FROM` chain, lower-cased; undefined when it is a variable. */
export function rootImage(stage: Stage): string | undefined {
  const base = rootStage(stage).baseImage?.toLowerCase();
  return base && !base.includes('$') ? base : undefined;
}

// each stage's oldest ancestor, remembered: asked for every stage, a chain of stages stays linear
const roots = new WeakMap<Stage, Stage>();

function rootStage(stage: Stage): Stage {
  const walked: Stage[] = [];
  let s = stage;
  // a parent is always an earlier stage: the walk ends (the Set only guards a malformed model)
  for (const seen = new Set<Stage>(); !roots.has(s) && s.parent && !seen.has(s.parent); s = s.parent) walked.push(s), seen.add(s);
  const root = roots.get(s) ?? s;
  for (const w of walked) roots.set(w, root);
  roots.set(s, root);
  return root;
}

export function isScratch(stage: Stage): boolean {
  return rootImage(stage) === 'scratch';
}

/** Images without a libc: scratch, distroless static, Chainguard static. */
export function isLibcFree(stage: Stage): boolean {
  const base = rootImage(stage);
  if (base === 'scratch') return true;
  const ref = base ? parseImageRef(base) : undefined;
  if (!ref) return false;
  const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  return /^gcr\.io\/distroless\/static(-debian\d+)?$/.test(name) || name === 'cgr.dev/chainguard/static' || name === 'chainguard/static';
}

export interface Copy {
  instruction: Instruction;
  /** The `--from` value as written, if any. */
  from?: string;
  /** The stage `--from` names, when it is a stage of this file (not an image). */
  fromStage?: Stage;
  sources: string[];
  destination: string;
}

/** COPY and ADD instructions of the given stages, in order. */
export function copiesIn(model: DockerfileModel, stages: Stage[]): Copy[] {
  const out: Copy[] = [];
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const paths = copyPaths(model, instruction);
      if (paths.length < 2) continue;
      const flags = (instruction as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
      const from = flags.find((f) => f.getName() === 'from')?.getValue() ?? undefined;
      const fromStage = from ? stageByReference(model, from) : undefined;
      out.push({ instruction, from, fromStage: fromStage !== stage ? fromStage : undefined, sources: paths.slice(0, -1), destination: paths[paths.length - 1] });
    }
  }
  return out;
}

function copyPaths(model: DockerfileModel, instruction: Instruction): string[] {
  if (isExecForm(model, instruction)) {
    const range = instruction.getArgumentsRange();
    const text = range ? model.source.text.slice(model.source.offsetAt(range.start), model.source.offsetAt(range.end)) : '[]';
    return JSON.parse(text) as string[];
  }
  return instruction.getArguments().map((a) => a.getValue());
}

/**
 * Whether a COPY may put `path` into the image: into the path itself or a directory on its way, or a
 * whole tree (a directory, a root filesystem, an archive) into `/`. A single file copied to `/` cannot.
 */
export function mayProvide(copy: Copy, path: string): boolean {
  const dest = copy.destination.replace(/\/+$/, '') || '/';
  if (dest.includes('$')) return true;
  if (dest === '/') return copy.sources.some(isTree);
  return path === dest || path.startsWith(`${dest}/`) || dest.startsWith(`${path}/`);
}

function isTree(source: string): boolean {
  const name = source.slice(source.lastIndexOf('/') + 1);
  return source === '.' || source.endsWith('/') || name.includes('$') || /rootfs|\.tar(\.\w+)?$|\.tgz$|^\/?etc$/.test(source);
}

/** ENV and ARG values in effect before `until` in a stage's chain; global ARG defaults fill bare `ARG X`. */
export function buildEnvironment(model: DockerfileModel, stage: Stage, until: Instruction): Map<string, string | undefined> {
  const globals = new Map<string, string | undefined>();
  for (const i of model.ast.getInstructions()) {
    if (i.getKeyword() === 'FROM') break;
    if (i.getKeyword() === 'ARG') for (const p of properties(i)) globals.set(p.name, p.value);
  }
  const env = new Map<string, string | undefined>();
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i === until) return env;
      const keyword = i.getKeyword();
      if (keyword === 'ENV') for (const p of properties(i)) env.set(p.name, p.value);
      else if (keyword === 'ARG') for (const p of properties(i)) env.set(p.name, p.value ?? env.get(p.name) ?? globals.get(p.name));
    }
  }
  return env;
}

function properties(i: Instruction): { name: string; value?: string }[] {
  const props = (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
  return props.map((p) => ({ name: p.getName(), value: p.getValue() ?? undefined }));
}
