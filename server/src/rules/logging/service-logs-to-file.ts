import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import { parseImageRef } from '../../knowledge/images';
import { runScripts, type DockerfileModel } from '../../parse/dockerfile';
import { allCommands, spanIn, type ShellNode, type ShellScript, type ShellWord, type SimpleCommand } from '../../parse/shell';
import { stageChain } from '../process/start-instructions';
import { insertAfter } from '../shared/instruction-lines';
import { packageInstall, type Installer } from './package-installs';

interface Server {
  id: string;
  /** Does this package, from this installer, install the server? */
  matches(name: string, installer: Installer): boolean;
  /** Default log files; none for haproxy, which logs to syslog rather than to files. */
  logs?: { access: string; error: string };
  /** Words that tie a command to this server (a config path, a log directory). */
  mentions: RegExp;
  /** Official images that already send these logs to the container's output. */
  officialImages: string[];
}

const SERVERS: Server[] = [
  {
    id: 'nginx',
    matches: (name) => /^nginx(-(full|light|extras|core|mainline))?$/.test(name),
    logs: { access: '/var/log/nginx/access.log', error: '/var/log/nginx/error.log' },
    mentions: /nginx/,
    officialImages: ['nginx', 'nginxinc/nginx-unprivileged'],
  },
  {
    id: 'apache2',
    matches: (name, installer) => name === 'apache2' && installer !== 'rpm',
    logs: { access: '/var/log/apache2/access.log', error: '/var/log/apache2/error.log' },
    mentions: /apache|httpd/,
    officialImages: ['httpd'],
  },
  {
    id: 'httpd',
    matches: (name, installer) => name === 'httpd' && installer === 'rpm',
    logs: { access: '/var/log/httpd/access_log', error: '/var/log/httpd/error_log' },
    mentions: /apache|httpd/,
    officialImages: ['httpd'],
  },
  {
    id: 'lighttpd',
    matches: (name) => name === 'lighttpd',
    logs: { access: '/var/log/lighttpd/access.log', error: '/var/log/lighttpd/error.log' },
    mentions: /lighttpd/,
    officialImages: [],
  },
  { id: 'haproxy', matches: (name) => name === 'haproxy', mentions: /haproxy/, officialImages: ['haproxy'] },
];

/** The container's own output, as a path or as haproxy's `log stdout` target. */
const TO_OUTPUT = /\/dev\/std(out|err)|\/proc\/(self|1)\/fd\/[12]|\blog\s+stdout\b/;

interface Install {
  server: Server;
  word: ShellWord;
  script: ShellScript;
  instruction: Instruction;
}

export default defineRule({
  meta: {
    id: 'service-logs-to-file',
    languages: ['dockerfile'],
    defaultSeverity: 'info',
    category: 'logging',
    description: 'The final stage installs a web server (nginx, apache2, httpd, lighttpd, haproxy) whose logs go to files.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'dockerfile' || !model.finalStage) return;
    const base = officialBase(model);
    const runs = stageChain(model.finalStage).flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'RUN');
    const installs = new Map<string, Install>();
    const handled = new Set<string>();
    for (const instruction of runs) {
      for (const script of runScripts(model, instruction)) {
        for (const { command, script: sc } of allCommands(script)) {
          const shellWords = [command.name, ...command.args, ...redirectTargets(sc, command)].filter((w): w is ShellWord => !!w);
          const words = shellWords.map((w) => w.value);
          const toOutput = words.some((w) => TO_OUTPUT.test(w));
          // a path that cannot be known (`"$LOG_DIR/error.log"` of an unknown variable) may be the server's log
          const unknownPath = toOutput && shellWords.some((w) => w.dynamic && w.value.includes('$'));
          for (const server of SERVERS) if (toOutput && (unknownPath || words.some((w) => server.mentions.test(w)))) handled.add(server.id);
          const install = packageInstall(command);
          for (const p of install?.packages ?? []) {
            const server = SERVERS.find((s) => s.matches(p.name, install!.installer));
            if (server && !installs.has(server.id)) installs.set(server.id, { server, word: p.word, script: sc, instruction });
          }
        }
      }
    }
    for (const { server, word, script, instruction } of installs.values()) {
      if (handled.has(server.id) || (base && server.officialImages.includes(base))) continue;
      const logs = server.logs;
      const message = logs
        ? `\`${word.value}\` writes its access and error logs to files under ${logs.access.slice(0, logs.access.lastIndexOf('/'))}, not to the container's output: \`kubectl logs\` shows nothing and the files grow in the container. Link them to /dev/stdout and /dev/stderr, as the official images do.`
        : `\`${word.value}\` sends its logs to syslog, which nothing reads in a container: \`kubectl logs\` shows nothing. Configure \`log stdout format raw local0\` in haproxy.cfg.`;
      context.report({
        ...spanIn(script, word),
        message,
        fixes: logs ? [linkFix(model, instruction, logs)] : [],
      });
    }
  },
});

function linkFix(model: DockerfileModel, instruction: Instruction, logs: { access: string; error: string }) {
  const line = `RUN ln -sf /dev/stdout ${logs.access} && ln -sf /dev/stderr ${logs.error}`;
  return { title: 'Link the log files to /dev/stdout and /dev/stderr', kind: 'safe' as const, edits: () => [insertAfter(model, instruction, [line])] };
}

/**
 * Where the command writes: its own redirections, and those the parser hangs on an enclosing `a && b > f`
 * chain, which bash applies to its last command (`echo 'log stdout …' >> /etc/haproxy/haproxy.cfg`).
 */
function redirectTargets(script: ShellScript, command: SimpleCommand): (ShellWord | undefined)[] {
  const targets = command.redirects.map((r) => r.target);
  const holds = (node: ShellNode | undefined) => !!node && node.start <= command.start && command.end <= node.end;
  const visit = (nodes: ShellNode[]): void => {
    // siblings do not overlap: at most one holds the command (a scan of every sibling was quadratic in a long && list)
    const node = nodes[lastStartingBy(nodes, command.start)];
    if (!node || node === command || !holds(node)) return;
    const children = node.type === 'and-or' ? node.items : node.type === 'pipeline' ? node.commands : node.type === 'subshell' || node.type === 'group' ? node.body.map((b) => b.node) : [];
    const applies = node.type === 'subshell' || node.type === 'group' || holds(children[children.length - 1]);
    if (applies) for (const r of node.redirects) targets.push(r.target);
    visit(children);
  };
  visit(script.statements.map((st) => st.node));
  return targets;
}

/** The index of the last node (in source order) that starts at or before `offset`; -1 when none does. */
function lastStartingBy(nodes: ShellNode[], offset: number): number {
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The repository of the image the final stage is built on, when it comes from Docker Hub. */
function officialBase(model: DockerfileModel): string | undefined {
  const root = stageChain(model.finalStage!)[0];
  const ref = root.baseImage ? parseImageRef(root.baseImage) : undefined;
  return ref && (!ref.registry || ref.registry === 'docker.io') ? ref.repository : undefined;
}
