// What a manifest needs to know about the image a Dockerfile builds: its final base, the user it runs
// as, the ports it EXPOSEs and its HEALTHCHECK. Computed once per Dockerfile version by the workspace index.
import type { Instruction } from 'dockerfile-ast';
import { distributionFamily, imageInfo, type DistroFamily, type ImageRef } from '../knowledge/images';
import { imageNonRootUser } from '../knowledge/image-users';
import { offsets, runScripts, type DockerfileModel } from '../parse/dockerfile';
import { allCommands, basename, shellParserReady } from '../parse/shell';
import { expandAt } from '../parse/variables';
import { stageChain } from '../rules/process/start-instructions';
import { fromImage } from '../rules/shared/from-image';
import { isLibcFree } from '../rules/scratch/image-contents';

export interface Span {
  start: number;
  end: number;
}

export interface BaseFact extends Span {
  /** The image as written in the FROM at the root of the final stage's chain. */
  text: string;
  /** With global ARG defaults substituted; undefined when a variable has no default. */
  resolved?: string;
  ref?: ImageRef;
  family?: DistroFamily;
  /** scratch, distroless static, Chainguard static: no libc, no distribution. */
  libcFree: boolean;
}

export interface UserFact {
  /** The last USER of the final stage as written; absent when the base image's user applies. */
  text?: string;
  span?: Span;
  /** The uid: written as a number, or given to the named user by `useradd -u`/`adduser -u` in the Dockerfile. */
  uid?: number;
  /** The user is given by name (the kubelet cannot check a name against runAsNonRoot). */
  name?: string;
  /** Whether the image runs as root; undefined when unknown (a variable, an unknown base image). */
  root?: boolean;
}

export interface ExposedPort extends Span {
  port: number;
  /** Last port of a range (`8000-8010`), else `port`. */
  endPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface HealthcheckFact {
  instruction: Instruction;
  /** The `HEALTHCHECK` keyword: where a finding about it goes. */
  keyword: Span;
  /** `--interval`, `--timeout`, `--retries`, `--start-period` as written. */
  options: Record<string, string>;
}

export interface DockerfileFacts {
  uri: string;
  base?: BaseFact;
  /** The final stage's FROM instruction (go-to-definition target). */
  finalFrom?: Span;
  user: UserFact;
  /** EXPOSEd ports of the final stage and its parents; `unknown` when one is a variable. */
  exposed: ExposedPort[] | 'unknown';
  /** Ports the base image itself exposes; undefined when the base is not known. */
  baseExposed?: number[];
  /** Without its syntax node in the workspace index (which keeps no parse tree): `healthcheckFact` has it. */
  healthcheck?: Omit<HealthcheckFact, 'instruction'> & { instruction?: Instruction };
}

/** Ports EXPOSEd by the official server images of the knowledge table; the other known images expose none. */
const BASE_PORTS: Record<string, number[]> = { nginx: [80], httpd: [80], postgres: [5432], redis: [6379] };

export function dockerfileFacts(uri: string, model: DockerfileModel): DockerfileFacts {
  const final = model.finalStage;
  if (!final) return { uri, user: {}, exposed: [] };
  const instructions = stageChain(final).flatMap((s) => s.instructions);
  const base = baseFact(model);
  return {
    uri,
    base,
    finalFrom: offsets(model, final.from.getRange()),
    user: userOf(model, instructions, base),
    exposed: exposedOf(model, instructions),
    baseExposed: baseExposedOf(base),
    healthcheck: healthcheckOf(model, instructions),
  };
}

/** The HEALTHCHECK in effect for the final stage, alone (cheaper than every fact). */
export function healthcheckFact(model: DockerfileModel): HealthcheckFact | undefined {
  return model.finalStage && healthcheckOf(model, stageChain(model.finalStage).flatMap((s) => s.instructions));
}

/** The image at the root of the final stage's FROM chain. */
export function baseFact(model: DockerfileModel): BaseFact | undefined {
  const final = model.finalStage;
  const image = final && fromImage(model, stageChain(final)[0]);
  if (!image) return undefined;
  const family = image.ref ? distributionFamily(image.ref) : undefined;
  return { text: image.text, start: image.start, end: image.end, resolved: image.resolved, ref: image.ref, family, libcFree: isLibcFree(final!) };
}

function userOf(model: DockerfileModel, instructions: Instruction[], base: BaseFact | undefined): UserFact {
  const users = instructions.filter((i) => i.getKeyword() === 'USER');
  const last = users[users.length - 1];
  const range = last?.getArgumentsRange();
  if (!last || !range) return inheritedUser(base);
  const text = last.getArguments()[0]?.getValue() ?? '';
  const span = offsets(model, range);
  // `USER $APP_UID` with `ARG APP_UID=10001`: the value a build without --build-arg gives
  const user = (expandAt(model, last, text) ?? '$').split(':')[0];
  if (!user || user.includes('$')) return { text, span };
  if (/^\d+$/.test(user)) return { text, span, uid: Number(user), root: Number(user) === 0 };
  if (user === 'root') return { text, span, uid: 0, name: user, root: true };
  return { text, span, name: user, uid: createdUids(model).get(user), root: false };
}

/** No USER: the base image's own user, where the knowledge table says what it is. */
function inheritedUser(base: BaseFact | undefined): UserFact {
  if (!base?.resolved) return {};
  if (base.resolved.toLowerCase() === 'scratch') return { uid: 0, root: true };
  const ref = base.ref;
  if (!ref) return {};
  // images documented to switch to a non-root user themselves (the table non-root-user reads too)
  const own = imageNonRootUser(ref);
  if (own) return { ...(own.uid !== undefined && { uid: own.uid }), ...(own.name !== undefined && { name: own.name }), root: false };
  const family = base.family;
  // the other images of the table run as root; Wolfi images vary by tag and Windows users are names
  if (!imageInfo(ref) || family === undefined || family === 'wolfi' || family === 'windows') return {};
  return { uid: 0, root: true };
}

/** Options of useradd, busybox adduser and Debian adduser that take a value. */
const WITH_VALUE = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-R', '-P', '-s', '-u', '-Z', '-h',
  '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password',
  '--root', '--prefix', '--shell', '--uid', '--home', '--ingroup', '--gecos', '--firstuid', '--lastuid', '--conf']);

/** `useradd -u 10001 app`, `adduser -D -u 10001 app`, `adduser --uid 10001 app`: name → uid, in every stage. */
export function createdUids(model: DockerfileModel): Map<string, number> {
  const uids = new Map<string, number>();
  if (!shellParserReady()) return uids;
  for (const stage of model.stages) {
    for (const i of stage.instructions) {
      if (i.getKeyword() !== 'RUN') continue;
      for (const script of runScripts(model, i)) {
        for (const { command } of allCommands(script)) {
          const program = basename(command.name?.value ?? '');
          if (program !== 'useradd' && program !== 'adduser') continue;
          const created = userAndUid(command.args.map((a) => (a.dynamic ? '$' : a.value)));
          if (created) uids.set(created.name, created.uid);
        }
      }
    }
  }
  return uids;
}

function userAndUid(args: string[]): { name: string; uid: number } | undefined {
  let uid: string | undefined;
  let name: string | undefined;
  // options may follow the login name (GNU getopt permutes them): read them all
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^(?:--uid=|-u)(\d+)$/.exec(a);
    if (inline) uid = inline[1];
    else if (a === '--') {
      name ??= args[i + 1];
      break;
    } else if (!a.startsWith('-')) name ??= a;
    else if (WITH_VALUE.has(a) || (/^-[A-Za-z]{2,}$/.test(a) && WITH_VALUE.has(`-${a[a.length - 1]}`))) {
      // `-u 10001`, and grouped flags ending in one that takes a value (`-Du 10001`)
      if (a === '-u' || a === '--uid' || (a.length > 2 && !a.startsWith('--') && a.endsWith('u'))) uid = args[i + 1];
      i++;
    }
  }
  if (!name || !/^[a-z_][a-z0-9_.-]*$/i.test(name) || uid === undefined || !/^\d+$/.test(uid)) return undefined;
  return { name, uid: Number(uid) };
}

function exposedOf(model: DockerfileModel, instructions: Instruction[]): ExposedPort[] | 'unknown' {
  const out: ExposedPort[] = [];
  for (const i of instructions) {
    if (i.getKeyword() !== 'EXPOSE') continue;
    for (const arg of i.getArguments()) {
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(arg.getValue());
      if (!m) return 'unknown';
      const port = Number(m[1]);
      out.push({ port, endPort: m[2] ? Number(m[2]) : port, protocol: (m[3]?.toUpperCase() ?? 'TCP') as ExposedPort['protocol'], ...offsets(model, arg.getRange()) });
    }
  }
  return out;
}

function baseExposedOf(base: BaseFact | undefined): number[] | undefined {
  if (!base?.resolved) return undefined;
  if (base.resolved.toLowerCase() === 'scratch') return [];
  const ref = base.ref;
  if (!ref || !imageInfo(ref)) return undefined;
  return (!ref.registry || ref.registry === 'docker.io' ? BASE_PORTS[ref.repository] : undefined) ?? [];
}

function healthcheckOf(model: DockerfileModel, instructions: Instruction[]): HealthcheckFact | undefined {
  const checks = instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
  const last = checks[checks.length - 1];
  if (!last) return undefined;
  const sub = (last as unknown as { getSubcommand(): { getValue(): string } | null }).getSubcommand();
  if (!sub || sub.getValue().toUpperCase() !== 'CMD') return undefined;
  const options: Record<string, string> = {};
  const flags = (last as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags();
  for (const f of flags) {
    const value = f.getValue();
    if (value !== null) options[f.getName().toLowerCase()] = value;
  }
  return { instruction: last, keyword: offsets(model, last.getInstructionRange()), options };
}
