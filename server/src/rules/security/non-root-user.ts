import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import type { FixProposal, OffsetEdit } from '../../engine/types';
import { distributionFamily, parseImageRef, type ImageRef } from '../../knowledge/images';
import { imageNonRootUser } from '../../knowledge/image-users';
import type { Container } from '../../parse/container';
import { offsets, runScripts, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { allCommands, basename } from '../../parse/shell';
import { expandAt } from '../../parse/variables';
import { stageChain } from '../process/start-instructions';
import { insertAfter, insertBefore } from '../shared/instruction-lines';
import { isLibcFree, rootImage } from '../scratch/image-contents';

/** Programs that switch to another user before running the app (official images' entrypoints use them). */
const PRIVILEGE_DROPPERS = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 's6-setuidgid', 'setuidgid']);

export default defineRule({
  meta: {
    id: 'non-root-user',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'security',
    description: 'The final stage runs as root: no USER, or the last USER is root.',
    fixes: ['suggestion'],
  },
  check(context) {
    const model = context.file;
    const final = model.kind === 'dockerfile' ? model.finalStage : undefined;
    if (model.kind !== 'dockerfile' || !final) return;
    const base = rootImage(final);
    const ref = base ? parseImageRef(base) : undefined;
    if (ref && distributionFamily(ref) === 'windows') return;
    const users = stageChain(final).flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'USER');
    const last = users[users.length - 1];
    if (dropsPrivileges(context.containers()[0])) return;
    if (!last) {
      // an unknown (variable) base, or one known to switch to a non-root user itself
      if (!base || (ref && setsNonRootUser(ref))) return;
      const from = final.from;
      context.report({
        ...offsets(model, from.getImageRange() ?? from.getRange()),
        message: 'The final stage sets no USER, so the app runs as root: whoever takes over the app is root in the container, one kernel bug away from the host. Create an unprivileged user and switch to it with USER.',
        fixes: [userFix(model, final, ref, base)],
      });
      return;
    }
    const range = last.getArgumentsRange();
    const written = last.getArguments()[0]?.getValue() ?? '';
    // `USER $APP_USER` is read with its ARG/ENV value; an unknown one is not judged
    const value = expandAt(model, last, written) ?? '$';
    if (!range || value.includes('$') || !['root', '0'].includes(value.split(':')[0])) return;
    context.report({
      ...offsets(model, range),
      message: `The last USER of the final stage is ${written === value ? `\`${value}\`` : `\`${written}\` (\`${value}\`)`}, so the app runs as root: whoever takes over the app is root in the container, one kernel bug away from the host. Switch to an unprivileged user before CMD/ENTRYPOINT.`,
      fixes: [userFix(model, final, ref, base, last)],
    });
  },
});

/** Base images documented to run as a non-root user (the knowledge table, shared with image-user-verifiable). */
function setsNonRootUser(ref: ImageRef): boolean {
  return imageNonRootUser(ref) !== undefined;
}

/** `exec gosu app ./server`: the start command itself leaves root. */
function dropsPrivileges(container: Container | undefined): boolean {
  const script = container?.startCommand?.script;
  if (!script) return false;
  return [...allCommands(script)].some(({ command }) => [command.name, ...command.args].some((w) => w && PRIVILEGE_DROPPERS.has(basename(w.value))));
}

function userFix(model: DockerfileModel, final: Stage, ref: ImageRef | undefined, base: string | undefined, rootUser?: Instruction): FixProposal {
  const emptyImage = base === 'scratch' || isLibcFree(final) || (ref && distributionFamily(ref) === 'distroless');
  if (emptyImage && rootUser) {
    const span = offsets(model, rootUser.getArgumentsRange()!);
    return { title: 'Run as USER 65532:65532', kind: 'suggestion', edits: () => [{ ...span, newText: '65532:65532' }] };
  }
  const lines = emptyImage ? ['USER 65532:65532'] : userLines(model, final, ref);
  const title = lines.length > 1 ? `Create user \`app\` (uid 10001) and switch to it` : `Switch to ${lines[0]}`;
  return { title, kind: 'suggestion', edits: () => [placeBeforeStart(model, final, rootUser, lines)] };
}

/** A user the Dockerfile already creates, the image's own user, or a new system user for the distribution. */
function userLines(model: DockerfileModel, final: Stage, ref: ImageRef | undefined): string[] {
  const created = createdUser(model, final);
  if (created) return [`USER ${created}`];
  if (ref && !ref.registry && ref.repository === 'node') return ['USER node'];
  const family = ref && distributionFamily(ref);
  if (family === 'debian' || family === 'ubuntu' || (family === 'rhel' && !/minimal|micro/.test(ref!.repository + (ref!.tag ?? '')))) {
    return ['RUN useradd --system --uid 10001 --no-create-home app', 'USER 10001'];
  }
  if (family === 'alpine') return ['RUN adduser -S -u 10001 app', 'USER 10001'];
  // a numeric uid needs no /etc/passwd entry
  return ['USER 10001'];
}

/** The user named by `useradd`/`adduser` in the final stage (its last operand). */
function createdUser(model: DockerfileModel, final: Stage): string | undefined {
  for (const s of stageChain(final)) {
    for (const i of s.instructions) {
      if (i.getKeyword() !== 'RUN') continue;
      for (const script of runScripts(model, i)) {
        for (const { command } of allCommands(script)) {
          const name = basename(command.name?.value ?? '');
          if (name !== 'useradd' && name !== 'adduser') continue;
          const user = firstOperand(command.args.map((a) => (a.dynamic ? '$' : a.value)));
          if (user && /^[a-z_][a-z0-9_-]*$/i.test(user)) return user;
        }
      }
    }
  }
  return undefined;
}

/** useradd, busybox adduser and Debian adduser options that take a value. */
const WITH_VALUE = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-R', '-P', '-s', '-u', '-Z', '-h',
  '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password',
  '--root', '--prefix', '--shell', '--uid', '--home', '--ingroup', '--gecos', '--firstuid', '--lastuid', '--conf']);

/** The login name: the first word that is neither an option nor an option's value. */
function firstOperand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-')) return a;
    if (WITH_VALUE.has(a)) i++;
  }
  return undefined;
}

/** Before the first CMD/ENTRYPOINT that follows the last USER, else at the end of the final stage. */
function placeBeforeStart(model: DockerfileModel, final: Stage, rootUser: Instruction | undefined, lines: string[]): OffsetEdit {
  const own = final.instructions;
  const after = rootUser && own.includes(rootUser) ? own.indexOf(rootUser) + 1 : 0;
  const start = own.slice(after).find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
  if (start) return insertBefore(model, start, lines);
  return insertAfter(model, own[own.length - 1] ?? final.from, lines);
}
