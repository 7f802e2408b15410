import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { Container } from '../../parse/container';
import { isTemplated } from '../../parse/kubernetes';
import { allCommands } from '../../parse/shell';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { isDiscarded, mainOutputRedirects, type OutputRedirect } from './main-redirects';
import { coveringMount, loggingSidecarFix } from './sidecar-fix';
import { linkNote } from '../process/start-command';

export default defineRule({
  meta: {
    id: 'log-to-stdout',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'logging',
    description: "The start command redirects the main process's stdout/stderr to a file or /dev/null instead of the container log.",
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    const text = model.source.text;
    const containers = context.containers();
    for (const container of containers) {
      const start = container.startCommand;
      if (!start || isLogStreamingSidecar(container)) continue;
      // init containers and Jobs run to completion: their stdout is often the data they produce (`sed … > conf`)
      const k8s = container.k8s;
      if ((k8s && (!k8s.template.longRunning || k8s.role === 'init')) || container.runsToCompletion) continue;
      for (const r of mainOutputRedirects(start)) {
        if (model.kind === 'kubernetes' && isTemplated(model, r.span.start, r.span.end)) continue;
        const discarded = isDiscarded(r.target);
        if (!discarded && streamedBySidecar(container, r.target, containers)) continue;
        const fixes: FixProposal[] = [removeFix(text, r)];
        if (!discarded && model.kind === 'kubernetes' && container.k8s) {
          const sidecar = loggingSidecarFix(model, container.k8s, r.target);
          if (sidecar) fixes.push(sidecar);
        }
        context.report({
          ...r.span,
          message: messageOf(r, discarded, container.language) + linkNote(start),
          fixes,
        });
      }
    }
  },
});

function messageOf(r: OutputRedirect, discarded: boolean, language: string): string {
  const verb = r.streams === 'stdout and stderr' ? 'go' : 'goes';
  const who =
    r.role === 'background'
      ? `The app ${r.program ? `\`${r.program}\` ` : ''}runs in the background behind a keep-alive, and its ${r.streams} ${verb}`
      : r.role === 'loop'
        ? `The loop that is the container's main process writes its ${r.streams}`
        : `The main process's ${r.streams} ${verb}`;
  if (discarded) return `${who} to /dev/null: its logs are discarded, and nothing is left to explain a crash. Let it log to stdout/stderr.`;
  if (r.tailed) {
    return `${who} to the file \`${r.target}\`, which the foreground \`tail -f\` copies to the container log: the file grows until the container is replaced, and when the app dies the tail keeps the container up. Let the app log to stdout/stderr in the foreground.`;
  }
  const readers = language === 'compose' ? '`docker compose logs` and the logging driver' : "`kubectl logs` and the cluster's log collector";
  return `${who} to the file \`${r.target}\`, not to the container log: ${readers} never see them, and the file grows until the container is replaced. Let it log to stdout/stderr.`;
}

function removeFix(text: string, r: OutputRedirect): FixProposal {
  const shown = text.slice(r.span.start, r.span.end);
  return { title: `Remove the redirection \`${shown}\``, kind: 'suggestion', edits: () => [{ ...r.removal, newText: '' }] };
}

/** The file sits on a volume that a streaming sidecar of the same pod tails: its lines do reach stdout. */
function streamedBySidecar(container: Container, file: string, all: Container[]): boolean {
  const k8s = container.k8s;
  const mount = k8s && coveringMount(k8s, file);
  if (!k8s || !mount) return false;
  const relative = file.slice(mount.mountPath.replace(/\/$/, '').length);
  return all.some((other) => {
    if (!other.k8s || other.k8s === k8s || other.k8s.template !== k8s.template || !other.startCommand) return false;
    if (!isLogStreamingSidecar(other)) return false;
    const paths = other.k8s.volumeMounts.filter((m) => m.name === mount.name).map((m) => m.mountPath.replace(/\/$/, '') + relative);
    const words = [...allCommands(other.startCommand.script)].flatMap((v) => v.command.args.map((a) => a.value));
    return paths.some((p) => words.some((w) => w === p || globMatches(w, p)));
  });
}

/** `tail -F /var/log/app/*.log` names the file through a shell glob. */
function globMatches(glob: string, path: string): boolean {
  if (!/[*?]/.test(glob)) return false;
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${pattern}$`).test(path);
}
