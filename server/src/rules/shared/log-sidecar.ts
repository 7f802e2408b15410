// The Kubernetes "streaming sidecar": a container that only runs `tail -F` on log files of a volume it
// shares with another container of the pod. It is a log shipper, not an app, and tail is its job.
import type { Container } from '../../parse/container';
import { basename, nestedScript, type ShellScript, type SimpleCommand } from '../../parse/shell';
import { effectiveArgv, isFollow } from '../process/start-command';

export function isLogStreamingSidecar(container: Container): boolean {
  const k8s = container.k8s;
  const start = container.startCommand;
  if ((!k8s && !container.sharedMountPaths) || !start) return false;
  const command = innermostCommand(start.script);
  if (!command) return false;
  const argv = effectiveArgv(command);
  if (basename(argv[0]?.value ?? '') !== 'tail') return false;
  const args = argv.slice(1).map((a) => a.value);
  if (!isFollow(args)) return false;
  const files = tailFiles(args);
  if (!files.length) return false;
  const shared = k8s
    ? k8s.volumeMounts.filter((mount) => k8s.template.allContainers.some((other) => other !== k8s && other.volumeMounts.some((m) => m.name === mount.name))).map((m) => m.mountPath)
    : (container.sharedMountPaths ?? []);
  return files.every((file) => shared.some((path) => isUnder(file, path)));
}

/** The one command of `tail -F x` or `sh -c "tail -F x"`. */
function innermostCommand(script: ShellScript): SimpleCommand | undefined {
  const command = singleCommand(script.statements);
  const inner = command && nestedScript(script, command);
  return inner ? singleCommand(inner.statements) : command;
}

function singleCommand(statements: { node: unknown; background?: unknown }[]): SimpleCommand | undefined {
  if (statements.length !== 1 || statements[0].background) return undefined;
  const node = statements[0].node as SimpleCommand;
  if (node.type !== 'command' || node.redirects.length) return undefined;
  return node;
}

/** File operands of tail: everything that is not an option or an option's value. */
function tailFiles(args: string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '-c' || a === '-s' || a === '--pid' || a === '--sleep-interval' || a === '--lines' || a === '--bytes') {
      i++;
      continue;
    }
    if (a.startsWith('-') || a.startsWith('+')) continue;
    files.push(a);
  }
  return files;
}

function isUnder(file: string, mountPath: string): boolean {
  const dir = mountPath.endsWith('/') ? mountPath : `${mountPath}/`;
  return file.startsWith(dir);
}
