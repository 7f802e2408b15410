// A Dockerfile HEALTHCHECK as the equivalent Kubernetes probe: `httpGet` for a `curl -f` or `wget` of a
// localhost URL, `exec` of the same command otherwise; the timings from its flags.
import type { HealthcheckFact } from '../../engine/dockerfile-facts';
import { argvScript } from '../../parse/argv';
import { offsets, shellText, type DockerfileModel } from '../../parse/dockerfile';
import { verbatim } from '../../parse/mapped-text';
import { argvOf, basename, nestedScript, parseShell, type ShellNode, type ShellScript } from '../../parse/shell';

export type Probe = Record<string, unknown>;

/** `HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8080/health || exit 1` → a livenessProbe. */
export function probeOf(model: DockerfileModel, check: HealthcheckFact): Probe | undefined {
  const command = commandOf(model, check);
  if (!command) return undefined;
  const http = httpGetOf(command.script);
  const probe: Probe = http ? { httpGet: http } : { exec: { command: command.argv } };
  const seconds = (flag: string) => durationSeconds(check.options[flag]);
  const timing: [string, number | undefined][] = [
    ['initialDelaySeconds', seconds('start-period')],
    ['periodSeconds', seconds('interval')],
    ['timeoutSeconds', seconds('timeout')],
    ['failureThreshold', /^\d+$/.test(check.options.retries ?? '') && Number(check.options.retries) > 0 ? Number(check.options.retries) : undefined],
  ];
  for (const [key, value] of timing) if (value !== undefined) probe[key] = value;
  return probe;
}

/** What a probe does, for a fix title: "httpGet /health on port 8080", "exec". */
export function probeSummary(probe: Probe): string {
  const http = probe.httpGet as { path: string; port: number } | undefined;
  return http ? `httpGet ${http.path} on port ${http.port}` : 'exec';
}

/** The command after `CMD`: exec form as its strings, shell form as `sh -c` of its text (as Docker runs it). */
function commandOf(model: DockerfileModel, check: HealthcheckFact): { script: ShellScript; argv: string[] } | undefined {
  const sub = (check.instruction as unknown as { getSubcommand(): { getRange(): import('vscode-languageserver-types').Range } | null }).getSubcommand();
  const args = check.instruction.getArgumentsRange();
  if (!sub || !args) return undefined;
  const start = offsets(model, sub.getRange()).end;
  const end = model.source.offsetAt(args.end);
  const raw = model.source.text.slice(start, end).trim();
  if (raw.startsWith('[')) {
    const argv = jsonArgv(raw);
    if (!argv?.length) return undefined;
    return { script: argvScript(argv.map((a) => verbatim(a, 0))), argv };
  }
  const text = shellText(model, check.instruction, start);
  if (!text || !text.text.trim()) return undefined;
  return { script: parseShell(text), argv: ['/bin/sh', '-c', text.text.replace(/\\[ \t]*\n[ \t]*/g, ' ').trim()] };
}

function jsonArgv(raw: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The one HTTP request the check makes, when it is `curl -f URL` / `wget URL` (optionally `|| exit 1`) on localhost. */
function httpGetOf(script: ShellScript): Probe | undefined {
  if (script.statements.length !== 1 || script.statements[0].background) return undefined;
  let node: ShellNode = script.statements[0].node;
  if (node.type === 'and-or') {
    const [first, ...rest] = node.items;
    if (!rest.every(isExit)) return undefined;
    node = first;
  }
  if (node.type !== 'command' || !node.name) return undefined;
  const inner = nestedScript(script, node);
  if (inner) return httpGetOf(inner);
  const words = argvOf(node);
  if (words.some((w) => w.dynamic)) return undefined;
  const [program, ...args] = words.map((w) => w.value);
  const url = basename(program) === 'curl' ? curlUrl(args) : basename(program) === 'wget' ? wgetUrl(args) : undefined;
  return url ? httpGetFor(url) : undefined;
}

/** `exit 1`, `false`: what turns a failed request into a failed check. */
function isExit(node: ShellNode): boolean {
  return node.type === 'command' && ['exit', 'false'].includes(node.name?.value ?? '');
}

interface OptionTable {
  short: string;
  shortWithValue: string;
  long: string[];
  longWithValue: string[];
}

/** Options and operands of a command line; undefined at an option the table does not know (it may change the request). */
function parseOptions(args: string[], table: OptionTable): { flags: Set<string>; operands: string[] } | undefined {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (const a of args.slice(i + 1)) operands.push(a);
      break;
    }
    if (a.startsWith('--')) {
      const name = a.split('=')[0];
      if (table.long.includes(name)) flags.add(name);
      else if (table.longWithValue.includes(name)) {
        flags.add(name);
        if (!a.includes('=')) i++;
      } else return undefined;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (table.short.includes(c)) flags.add(`-${c}`);
        else if (table.shortWithValue.includes(c)) {
          flags.add(`-${c}`);
          // `-o /dev/null` takes the next word; `-O-` / `-o/dev/null` carry the value
          if (j === a.length - 1) i++;
          break;
        } else return undefined;
      }
    } else operands.push(a);
  }
  return { flags, operands };
}

const CURL: OptionTable = {
  short: 'fsSLkIv',
  shortWithValue: 'omw',
  long: ['--fail', '--fail-with-body', '--silent', '--show-error', '--location', '--insecure', '--head', '--verbose', '--compressed', '--fail-early'],
  longWithValue: ['--output', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '--write-out'],
};

/** curl succeeds on an HTTP error status unless `-f`: without it the check is not an httpGet. */
function curlUrl(args: string[]): string | undefined {
  const parsed = parseOptions(args, CURL);
  if (!parsed || parsed.operands.length !== 1) return undefined;
  const { flags } = parsed;
  return flags.has('-f') || flags.has('--fail') || flags.has('--fail-with-body') ? parsed.operands[0] : undefined;
}

const WGET: OptionTable = {
  short: 'qS',
  shortWithValue: 'OTt',
  long: ['--quiet', '--spider', '--server-response', '--no-check-certificate', '--no-verbose'],
  longWithValue: ['--output-document', '--timeout', '--tries'],
};

/** wget exits non-zero on an HTTP error status by itself. */
function wgetUrl(args: string[]): string | undefined {
  const parsed = parseOptions(
    args.filter((a) => a !== '-nv'),
    WGET,
  );
  return parsed?.operands.length === 1 ? parsed.operands[0] : undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function httpGetFor(text: string): Probe | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return undefined;
  }
  const https = url.protocol === 'https:';
  if ((!https && url.protocol !== 'http:') || !LOCAL_HOSTS.has(url.hostname) || url.username || url.password) return undefined;
  const probe: Probe = { path: `${url.pathname}${url.search}`, port: url.port ? Number(url.port) : https ? 443 : 80 };
  if (https) probe.scheme = 'HTTPS';
  return probe;
}

/** Docker durations (`30s`, `1m30s`, `500ms`) in whole seconds, at least 1. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text || !/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]];
  return Math.max(1, Math.ceil(total - 1e-9));
}
