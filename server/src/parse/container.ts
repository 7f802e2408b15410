// One model of "a container", whichever file describes it, so that process, logging, image and env rules
// are written once for Dockerfiles and Kubernetes manifests.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Instruction } from 'dockerfile-ast';
import { argvScript } from './argv';
import { alignDecoded, type MappedText } from './mapped-text';
import { inheritedInstructions, instructionScript, isExecForm, execArgv, offsets, type DockerfileModel, type Stage } from './dockerfile';
import { containerAnchor, getNode, getSeq, scalarString, type K8sContainer, type KubernetesModel } from './kubernetes';
import { imageEntrypoint } from '../knowledge/image-entrypoints';
import { parseImageRef } from '../knowledge/images';
import { isDaemonName } from '../knowledge/daemons';
import { supervisorOf } from '../knowledge/supervisors';
import { isWrapper, unwrap } from '../knowledge/wrappers';
import { isOfficialImage } from '../knowledge/healthchecks';
import { scriptIndex } from './program';
import { basename, shellScriptArgIndex, type ShellScript } from './shell';
import type { ComposeModel, ComposeService } from './compose';

export interface StartCommand {
  /** The command as a script: shell form parsed by the shell parser; exec form as one argv command. */
  script: ShellScript;
  form: 'shell' | 'exec';
  /** Where to report when no narrower range exists: the instruction keyword, or the `command:` key. */
  anchor: { start: number; end: number };
  /** `args` alone, run by the image that a workspace Dockerfile builds: its path, named in messages. */
  linkedDockerfile?: string;
}

export interface EnvVar {
  name: string;
  /** The literal value; undefined when the value comes from elsewhere (valueFrom) or is absent. */
  value?: string;
  nameSpan: { start: number; end: number };
  valueSpan?: { start: number; end: number };
  /** The whole entry (Kubernetes: the `- name: …` map), for fixes. */
  entry?: Node;
}

export interface Container {
  language: 'dockerfile' | 'kubernetes' | 'compose';
  name?: string;
  /** Where findings about the container as a whole go. */
  anchor: { start: number; end: number };
  image?: { text: string; start: number; end: number };
  startCommand?: StartCommand;
  env: EnvVar[];
  /** Present for manifest containers. */
  k8s?: K8sContainer;
  /** Present for a Dockerfile's final stage. */
  stage?: Stage;
  /** Present for a Compose service. */
  compose?: ComposeService;
  /** Where the container is made privileged (Compose `privileged: true`). */
  privileged?: { start: number; end: number };
  /** Where the container is put on the host's network (Compose `network_mode: host`). */
  hostNetwork?: { start: number; end: number };
  /** Runs to completion (a one-off Compose service): its stdout is often its product, not a log. */
  runsToCompletion?: boolean;
  /** Mount paths of volumes that another container of the same pod or Compose project also mounts (Compose only). */
  sharedMountPaths?: string[];
  /** A development container that idles by design (`sleep infinity`) while an editor attaches to it. */
  idlesByDesign?: boolean;
  /** Compose: what runs a service's `command` (the entrypoint in effect); present when the service has a `command`. */
  commandEntrypoint?: CommandEntrypoint;
  /** Compose, a service with `build` linked to a Dockerfile: the `HEALTHCHECK` its image is built with. */
  imageHealthcheck?: ImageHealthcheck;
}

/**
 * The entrypoint in effect for a Compose `command` (the service's `entrypoint`, else its linked Dockerfile stage's
 * `ENTRYPOINT`, else the image's known one), and what it does with the command's words:
 * - `none`: nothing runs before the command, or an entrypoint that runs its arguments as a command is assumed
 *   (the command's first word is the program);
 * - `shell`: a shell with `-c` (the command's first word is its script);
 * - `runs-args`: a wrapper or entrypoint script that runs its arguments as a command (`tini --`, `docker-entrypoint.sh`);
 * - `program`: a program that takes the command's words as its arguments;
 * - `ignores`: a shell-form `ENTRYPOINT`, which never reads the command.
 */
export interface CommandEntrypoint {
  kind: 'none' | 'shell' | 'runs-args' | 'program' | 'ignores';
  /** The entrypoint's words (empty for `none`); for `ignores`, the shell-form text. */
  words: string[];
  /** Where the entrypoint is written: the service's `entrypoint`, its linked Dockerfile, or the image's known entrypoint. */
  from?: 'service' | 'dockerfile' | 'image';
  /** The linked Dockerfile's path (as the workspace shows it), when `from` is `dockerfile`. */
  dockerfile?: string;
}

/**
 * The `HEALTHCHECK` in effect for a linked Dockerfile stage, inherited ones included: `set`, `disabled`
 * (`HEALTHCHECK NONE`), `absent` (none in the Dockerfile, and its base image is an official-library image or
 * `scratch`, which declare none), or `unknown` (none in the Dockerfile, another base image may declare one).
 */
export interface ImageHealthcheck {
  state: 'set' | 'disabled' | 'absent' | 'unknown';
  dockerfile: string;
}

/** The final stage of a Dockerfile as a container: what runs when the image starts. */
export function dockerfileContainer(model: DockerfileModel): Container | undefined {
  const stage = model.finalStage;
  if (!stage) return undefined;
  const fromRange = stage.from.getImageRange() ?? stage.from.getRange();
  const image = stage.baseImage ? { text: stage.baseImage, ...offsets(model, fromRange) } : undefined;
  return {
    language: 'dockerfile',
    anchor: offsets(model, stage.from.getInstructionRange()),
    image,
    startCommand: dockerfileStartCommand(model, stage),
    env: dockerfileEnv(model, stage),
    stage,
  };
}

/**
 * ENTRYPOINT + CMD in effect for a stage, inherited ones included.
 * Setting ENTRYPOINT drops a CMD inherited from an earlier stage, as Docker does.
 */
export function dockerfileStartCommand(model: DockerfileModel, stage: Stage): StartCommand | undefined {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  let cmdStage: Stage | undefined;
  for (const s of chainOf(stage)) {
    for (const i of s.instructions) {
      const k = i.getKeyword();
      if (k === 'ENTRYPOINT') {
        entrypoint = i;
        if (cmdStage !== s) cmd = undefined;
      } else if (k === 'CMD') {
        cmd = i;
        cmdStage = s;
      }
    }
  }
  const main = entrypoint ?? cmd;
  if (!main) return undefined;
  const anchor = offsets(model, main.getInstructionRange());
  if (entrypoint && !isExecForm(model, entrypoint)) {
    const script = instructionScript(model, entrypoint);
    return script && { script, form: 'shell', anchor };
  }
  if (entrypoint) {
    const argv = [...execArgv(model, entrypoint), ...(cmd ? cmdArgv(model, cmd) : [])];
    return argv.length ? { script: argvScript(argv), form: 'exec', anchor } : undefined;
  }
  const script = instructionScript(model, main);
  return script && { script, form: isExecForm(model, main) ? 'exec' : 'shell', anchor };
}

/** CMD after an exec ENTRYPOINT: exec form adds its strings; shell form adds `/bin/sh -c "…"`. */
function cmdArgv(model: DockerfileModel, cmd: Instruction): MappedText[] {
  if (isExecForm(model, cmd)) return execArgv(model, cmd);
  const r = cmd.getArgumentsRange();
  if (!r) return [];
  const { start, end } = offsets(model, r);
  const text = model.source.text.slice(start, end);
  return [
    { text: '/bin/sh', base: start },
    { text: '-c', base: start },
    { text, base: start },
  ];
}

function chainOf(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

function dockerfileEnv(model: DockerfileModel, stage: Stage): EnvVar[] {
  const env: EnvVar[] = [];
  for (const i of inheritedInstructions(stage)) {
    const k = i.getKeyword();
    if (k !== 'ENV' && k !== 'ARG') continue;
    const props = (i as unknown as { getProperties(): { getName(): string; getNameRange(): import('vscode-languageserver-types').Range; getValue(): string | null; getValueRange(): import('vscode-languageserver-types').Range | null }[] }).getProperties();
    for (const p of props) {
      const valueRange = p.getValueRange();
      env.push({
        name: p.getName(),
        value: p.getValue() ?? undefined,
        nameSpan: offsets(model, p.getNameRange()),
        valueSpan: valueRange ? offsets(model, valueRange) : undefined,
      });
    }
  }
  return env;
}

/**
 * The Dockerfiles of the workspace that build an image (the engine's workspace links). The parse layer only
 * reads them: a manifest container given `args` alone composes them with the linked image's ENTRYPOINT.
 */
export type LinkedDockerfiles = (image: string) => { model: DockerfileModel; path: string }[];

/** Every container of every pod template in a manifest file. */
export function kubernetesContainers(model: KubernetesModel, linked?: LinkedDockerfiles): Container[] {
  const out: Container[] = [];
  for (const object of model.objects) {
    for (const c of object.podTemplate?.allContainers ?? []) out.push(kubernetesContainer(model, c, linked));
  }
  return out;
}

export function kubernetesContainer(model: KubernetesModel, c: K8sContainer, linked?: LinkedDockerfiles): Container {
  const imageRange = c.image?.range;
  const imageText = scalarString(c.image);
  return {
    language: 'kubernetes',
    name: c.name,
    anchor: containerAnchor(c),
    image: imageText && imageRange ? { text: imageText, start: imageRange[0], end: imageRange[1] } : undefined,
    startCommand: kubernetesStartCommand(model, c, imageText, linked),
    env: kubernetesEnv(c),
    k8s: c,
  };
}

/** `command` + `args`; `args` alone are composed with the image's entrypoint (RULES.md, Terms, "start command"). */
function kubernetesStartCommand(model: KubernetesModel, c: K8sContainer, image: string | undefined, linked?: LinkedDockerfiles): StartCommand | undefined {
  const commandPair = c.node.items.find((p) => scalarString(p.key) === 'command');
  const argsPair = c.node.items.find((p) => scalarString(p.key) === 'args');
  const command = getNode(c.node, 'command');
  const args = getSeq(c.node, 'args');
  if (commandPair && !isSeq(command)) return undefined;
  const items = [...(isSeq(command) ? command.items : []), ...(args?.items ?? [])];
  const argv: MappedText[] = [];
  for (const item of items) {
    if (!isScalar(item) || !item.range) return undefined;
    const value = scalarString(item) ?? '';
    argv.push(alignDecoded(value, model.source.text.slice(item.range[0], item.range[1]), item.range[0]));
  }
  if (!argv.length) return undefined;
  const key = (commandPair ?? argsPair)?.key as Node | undefined;
  const anchor = key?.range ? { start: key.range[0], end: key.range[1] } : containerAnchor(c);
  let full = argv;
  let linkedDockerfile: string | undefined;
  if (!commandPair) {
    const decided = argsEntrypoint(image, argv.map((a) => a.text), linked);
    if (!decided) return undefined;
    // an ENTRYPOINT written in another file: its words point at the `args` key
    full = [...decided.prefix.map((word) => borrowed(word, anchor)), ...argv];
    linkedDockerfile = decided.dockerfile;
  }
  const script = argvScript(full);
  // `["sh", "-c", "…"]`: the nested script is reached through the argv command
  const form = scriptIndex(full.map((a) => a.text)) >= 0 ? 'shell' : 'exec';
  return { script, form, anchor, ...(linkedDockerfile && { linkedDockerfile }) };
}

function borrowed(word: string, at: { start: number; end: number }): MappedText {
  const last = Math.max(0, at.end - at.start - 1);
  const offsets = Array.from(word, (_, i) => at.start + Math.min(i, last));
  offsets.push(at.end);
  return { text: word, base: at.start, offsets };
}

/** Programs that RULES.md names: `args` that start with one are a command even for an unknown image. */
const NAMED = new Set(['tail', 'sleep', 'nohup', 'setsid', 'start-stop-daemon', 'service', 'systemctl']);

/**
 * What runs before `args` when a container sets no `command`: the words of the linked Dockerfile's exec-form
 * ENTRYPOINT, or nothing when the image runs its arguments as a command. Undefined when `args` are not the
 * start command (flags for the image's program, an unknown image, a shell-form ENTRYPOINT that ignores them).
 * Language-neutral: Compose's `command` without `entrypoint` is decided the same way.
 */
export function argsEntrypoint(image: string | undefined, args: string[], linked?: LinkedDockerfiles): { prefix: string[]; dockerfile?: string } | undefined {
  const dockerfiles = image && linked ? linked(image) : [];
  let dockerfile: string | undefined;
  if (dockerfiles.length === 1) {
    dockerfile = dockerfiles[0].path;
    const fromDockerfile = linkedEntrypoint(dockerfiles[0].model);
    if (fromDockerfile !== 'inherited') return fromDockerfile && { prefix: fromDockerfile, dockerfile };
    image = baseImageOf(dockerfiles[0].model);
    if (image === 'scratch') return { prefix: [], dockerfile };
  }
  const ref = image ? parseImageRef(image) : undefined;
  const known = ref && imageEntrypoint(ref);
  if (known?.kind === 'program') return undefined;
  if (known) return known.flagsFor && args[0]?.startsWith('-') ? undefined : { prefix: [], dockerfile };
  const first = args[0] ?? '';
  const named = NAMED.has(basename(first)) || /^\/etc\/(rc\.d\/)?init\.d\//.test(first) || isWrapper(first) || isDaemonName(first) || supervisorOf(args) !== undefined;
  return named || scriptIndex(args) >= 0 ? { prefix: [], dockerfile } : undefined;
}

/** The final stage's exec-form ENTRYPOINT words; undefined for a shell-form one (it ignores arguments). */
function linkedEntrypoint(model: DockerfileModel): string[] | undefined | 'inherited' {
  const stage = model.finalStage;
  if (!stage) return 'inherited';
  let entrypoint: Instruction | undefined;
  for (const s of chainOf(stage)) for (const i of s.instructions) if (i.getKeyword() === 'ENTRYPOINT') entrypoint = i;
  if (!entrypoint) return 'inherited';
  return isExecForm(model, entrypoint) ? execArgv(model, entrypoint).map((w) => w.text) : undefined;
}

function baseImageOf(model: DockerfileModel): string | undefined {
  const stage = model.finalStage;
  return stage ? chainOf(stage)[0].baseImage : undefined;
}

function kubernetesEnv(c: K8sContainer): EnvVar[] {
  const out: EnvVar[] = [];
  for (const item of getSeq(c.node, 'env')?.items ?? []) {
    if (!isMap(item)) continue;
    const nameNode = getNode(item, 'name');
    const valueNode = getNode(item, 'value');
    const name = scalarString(nameNode);
    if (!name || !nameNode?.range) continue;
    out.push({
      name,
      value: isScalar(valueNode) ? scalarString(valueNode) : undefined,
      nameSpan: { start: nameNode.range[0], end: nameNode.range[1] },
      valueSpan: valueNode?.range ? { start: valueNode.range[0], end: valueNode.range[1] } : undefined,
      entry: item,
    });
  }
  return out;
}


/** A start command from an argv (an exec form, a Compose list or split string); `sh -c SCRIPT` is reached through it. */
export function argvStartCommand(argv: MappedText[], anchor: { start: number; end: number }): StartCommand | undefined {
  if (!argv.length) return undefined;
  const form = shellScriptArgIndex(argv.map((a) => a.text)) >= 0 ? 'shell' : 'exec';
  return { script: argvScript(argv), form, anchor };
}

/** The Dockerfile stage a service with `build` runs: its `target`, else the final stage. */
export interface LinkedStage {
  model: DockerfileModel;
  stage: Stage;
  /** The Dockerfile's path as the workspace shows it, named in messages. */
  path?: string;
}

/** Every service of a Compose file; `linkedStage` finds the Dockerfile stage of a service with `build` (workspace). */
export function composeContainers(model: ComposeModel, linkedStage?: (s: ComposeService) => LinkedStage | undefined): Container[] {
  return model.services.map((s) => composeContainer(model, s, s.build ? linkedStage?.(s) : undefined));
}

export function composeContainer(model: ComposeModel, s: ComposeService, linked?: LinkedStage): Container {
  const keyRange = s.key.range;
  const anchor = keyRange ? { start: keyRange[0], end: keyRange[1] } : { start: 0, end: 0 };
  const imageRange = s.image?.node.range;
  const start = composeStartCommand(s, linked);
  return {
    language: 'compose',
    name: s.name,
    anchor,
    // beside `build`, `image` names what the build produces, not an image that is pulled
    image: s.image && imageRange && !s.build ? { text: s.image.text, start: imageRange[0], end: imageRange[1] } : undefined,
    startCommand: start,
    env: s.environment.map((e) => ({ name: e.name, value: e.value, nameSpan: e.nameSpan, valueSpan: e.valueSpan })),
    compose: s,
    privileged: s.privileged,
    hostNetwork: s.networkMode?.value === 'host' ? s.networkMode.span : undefined,
    runsToCompletion: s.oneOff,
    idlesByDesign: model.devcontainer && (model.devcontainerService === undefined || model.devcontainerService === s.name),
    sharedMountPaths: s.volumes
      .filter((v) => v.source && !/^[./~]/.test(v.source) && model.services.some((o) => o !== s && o.volumes.some((w) => w.source === v.source)))
      .map((v) => v.target ?? '')
      .filter(Boolean),
    ...(s.command && { commandEntrypoint: composeCommandEntrypoint(s, linked) }),
    ...(linked && { imageHealthcheck: stageHealthcheck(linked) }),
  };
}

/** What runs a service's `command`: see `CommandEntrypoint`. */
export function composeCommandEntrypoint(s: ComposeService, linked?: LinkedStage): CommandEntrypoint {
  const first = s.command?.argv[0]?.text ?? '';
  if (s.entrypoint?.argv.length) return { ...classifyEntrypoint(s.entrypoint.argv.map((w) => w.text), first), from: 'service' };
  let base = s.build ? undefined : s.image?.text;
  if (linked) {
    const dockerfile = linked.path ?? linked.model.source.uri;
    const entry = stageEntrypoint(linked.model, linked.stage);
    if (entry && !isExecForm(linked.model, entry)) {
      const r = entry.getArgumentsRange();
      const at = r && offsets(linked.model, r);
      const text = at ? linked.model.source.text.slice(at.start, at.end) : '';
      return { kind: 'ignores', words: [text], from: 'dockerfile', dockerfile };
    }
    if (entry) return { ...classifyEntrypoint(execArgv(linked.model, entry).map((w) => w.text), first), from: 'dockerfile', dockerfile };
    base = chainOf(linked.stage)[0].baseImage;
  }
  // no ENTRYPOINT written: the base image's own, when Herd knows it
  const ref = base && !base.includes('$') ? parseImageRef(base) : undefined;
  const known = ref && imageEntrypoint(ref);
  if (known?.kind === 'program') return { kind: 'program', words: [known.program], from: 'image' };
  if (known?.flagsFor && first.startsWith('-')) return { kind: 'program', words: [known.flagsFor], from: 'image' };
  return { kind: 'none', words: [] };
}

function classifyEntrypoint(words: string[], first: string): CommandEntrypoint {
  if (!words.length) return { kind: 'none', words };
  if (shellScriptArgIndex([...words, 'script']) >= 0) return { kind: 'shell', words };
  const name = basename(words[0]);
  // `docker-entrypoint.sh`: a first argument that is a flag goes to the image's program
  if (words.length === 1 && PASS_THROUGH_ENTRYPOINTS.has(name)) return { kind: first.startsWith('-') ? 'program' : 'runs-args', words };
  // `tini --`, `dumb-init`, `gosu app`: the command is the program the wrapper runs
  const unwrapped = unwrap(words);
  if (unwrapped && unwrapped.script === undefined && unwrapped.program === words.length) return { kind: 'runs-args', words };
  return { kind: 'program', words };
}

/** The `HEALTHCHECK` in effect for a linked stage (the last one of its chain; `NONE` disables an inherited one). */
export function stageHealthcheck(linked: LinkedStage): ImageHealthcheck {
  const dockerfile = linked.path ?? linked.model.source.uri;
  let last: Instruction | undefined;
  const chain = chainOf(linked.stage);
  for (const s of chain) for (const i of s.instructions) if (i.getKeyword() === 'HEALTHCHECK') last = i;
  if (last) {
    const first = last.getArguments()[0]?.getValue().toUpperCase();
    return { state: first === 'NONE' ? 'disabled' : 'set', dockerfile };
  }
  const base = chain[0].baseImage;
  return { state: base && (base.toLowerCase() === 'scratch' || isOfficialImage(base)) ? 'absent' : 'unknown', dockerfile };
}

/**
 * `entrypoint` + `command`. With `command` alone the image's entrypoint decides: a first word that is a flag
 * is an argument of an unknown program (no start command); anything else is taken as the command that runs,
 * as the official images' entrypoint scripts and entrypoint-less images do.
 */
export function composeStartCommand(s: ComposeService, linked?: LinkedStage): StartCommand | undefined {
  const entry = s.entrypoint;
  const command = s.command;
  if (entry && entry.argv.length) return argvStartCommand([...entry.argv, ...(command?.argv ?? [])], entry.key);
  // the image's own CMD runs: its Dockerfile reports it
  if (!command || !command.argv.length) return undefined;
  if (!entry && linked) {
    const image = stageEntrypoint(linked.model, linked.stage);
    if (!image) return argvStartCommand(command.argv, command.key);
    // a shell-form ENTRYPOINT ignores the command
    if (!isExecForm(linked.model, image)) return undefined;
    const program = execArgv(linked.model, image)[0]?.text ?? '';
    // the official images' entrypoint script runs its arguments when they are a command, not flags
    if (PASS_THROUGH_ENTRYPOINTS.has(program.slice(program.lastIndexOf('/') + 1)) && !command.argv[0].text.startsWith('-')) return argvStartCommand(command.argv, command.key);
    // the Dockerfile's ENTRYPOINT words stand at the `command:` key of this file, where findings on them can go
    const { start, end } = command.key;
    const at = (i: number) => Math.min(start + i, end - 1);
    const prefix = execArgv(linked.model, image).map((w) => ({ text: w.text, base: start, offsets: [...Array(w.text.length).keys()].map(at).concat(Math.min(start + w.text.length, end)) }));
    return argvStartCommand([...prefix, ...command.argv], command.key);
  }
  if (!entry && command.argv[0].text.startsWith('-')) return undefined;
  return argvStartCommand(command.argv, command.key);
}

/**
 * Entrypoint scripts that `exec "$@"` when the first argument is not a flag. Source: the `docker-entrypoint.sh` of
 * docker-library/postgres, redis, node, python… (the official images' convention). A fuller table of image entrypoints
 * (knowledge/image-entrypoints.ts) can replace this set.
 */
const PASS_THROUGH_ENTRYPOINTS = new Set(['docker-entrypoint.sh']);

/** The ENTRYPOINT in effect for a stage, inherited ones included. */
function stageEntrypoint(model: DockerfileModel, stage: Stage): Instruction | undefined {
  let entrypoint: Instruction | undefined;
  for (const s of chainOf(stage)) for (const i of s.instructions) if (i.getKeyword() === 'ENTRYPOINT') entrypoint = i;
  return entrypoint;
}
