// The command line, parsed by hand: a handful of options does not need a dependency.
import type { SeveritySetting } from '../engine';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  fix: boolean;
  maxWarnings?: number;
  /** `--max-file-size`: bytes; over the config's `maxFileSize`. */
  maxFileSize?: number;
  /** `--allow-skipped`: files that could not be linted are still reported but do not fail the run. */
  allowSkipped: boolean;
  /** `--rule id=severity`, in the order given; later ones win. */
  rules: { id: string; severity: SeveritySetting }[];
  /** `--stdin-filename`: the name stdin (`-`) is linted under: its kind, config and workspace. */
  stdinFilename?: string;
  /** `--print-config FILE`: print the configuration that applies to FILE instead of linting. */
  printConfig?: string;
  /** `--color` / `--no-color`; undefined: FORCE_COLOR, NO_COLOR and the terminal decide. */
  color?: boolean;
  /** `--quiet`: report errors only. */
  quiet?: boolean;
}

export type CliArgs =
  | LintArgs
  | { command: 'rules'; format: 'text' | 'json' }
  | { command: 'help' }
  | { command: 'version' };

/** A mistake on the command line: exit 2 with a pointer to --help. */
export class UsageError extends Error {}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

export function parseArgs(argv: readonly string[]): CliArgs {
  const words = [...argv];
  const end = words.indexOf('--');
  const options = end === -1 ? words : words.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) return { command: 'help' };
  const first = words.shift();
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  // `herd --print-config FILE`, as ESLint spells it
  if (first === '--print-config' || first.startsWith('--print-config=')) return parseLint([first, ...words]);
  if (first === 'help') return { command: 'help' };
  if (first === 'rules') return parseRules(words);
  if (first === 'lint') return parseLint(words);
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  throw new UsageError(`unknown command ${first}`);
}

function parseRules(words: string[]): CliArgs {
  let format: 'text' | 'json' = 'text';
  const next = optionReader(words);
  for (let w = words.shift(); w !== undefined; w = words.shift()) {
    const [name, inline] = splitOption(w);
    if (name === '--format' || name === '-f') {
      const value = next(name, inline);
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format for rules must be text or json, not ${value}`);
      format = value;
    } else if (name.startsWith('-')) throw new UsageError(`unknown option ${name}`);
    else throw new UsageError(`unexpected argument ${w}`);
  }
  return { command: 'rules', format };
}

function parseLint(words: string[]): LintArgs {
  const args: LintArgs = { command: 'lint', paths: [], format: 'stylish', fix: false, allowSkipped: false, rules: [] };
  const next = optionReader(words);
  for (let w = words.shift(); w !== undefined; w = words.shift()) {
    if (w === '--') {
      args.paths.push(...words.splice(0));
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      args.paths.push(w);
      continue;
    }
    const [name, inline] = splitOption(w);
    switch (name) {
      case '--format':
      case '-f': {
        const value = next(name, inline);
        if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${value}`);
        args.format = value as Format;
        break;
      }
      case '--output':
      case '-o':
        args.output = next(name, inline);
        break;
      case '--config':
      case '-c':
        args.config = next(name, inline);
        break;
      case '--fix':
        if (inline !== undefined) throw new UsageError('--fix takes no value');
        args.fix = true;
        break;
      case '--max-warnings': {
        const value = next(name, inline);
        if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number, not ${value}`);
        args.maxWarnings = Number(value);
        break;
      }
      case '--max-file-size':
        args.maxFileSize = byteSize(name, next(name, inline));
        break;
      case '--allow-skipped':
        if (inline !== undefined) throw new UsageError('--allow-skipped takes no value');
        args.allowSkipped = true;
        break;
      case '--rule':
        args.rules.push(ruleOverride(next(name, inline)));
        break;
      case '--stdin-filename':
        args.stdinFilename = next(name, inline);
        break;
      case '--print-config':
        args.printConfig = next(name, inline);
        break;
      case '--color':
      case '--no-color':
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        args.color = name === '--color';
        break;
      case '--quiet':
      case '-q':
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        args.quiet = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (args.paths.length === 0) args.paths.push(args.stdinFilename !== undefined ? '-' : '.');
  if (args.stdinFilename !== undefined && !args.paths.includes('-')) throw new UsageError('--stdin-filename names what is read from stdin: add - to the paths');
  if (args.fix && args.paths.includes('-')) throw new UsageError('--fix cannot write back to stdin');
  return args;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1048576, mb: 1048576, g: 1073741824, gb: 1073741824 };

/** `5242880`, `512k`, `5MB`, `1.5m` → bytes (k = 1024). */
function byteSize(name: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`${name} must be a positive size in bytes (or with k, MB, G), not ${value}`);
  return bytes;
}

function ruleOverride(value: string): { id: string; severity: SeveritySetting } {
  const m = /^([^=\s]+)=(\S+)$/.exec(value);
  if (!m) throw new UsageError(`--rule expects id=severity, not ${value}`);
  if (!SEVERITIES.includes(m[2])) throw new UsageError(`--rule ${m[1]}: severity must be off, info, warning or error, not ${m[2]}`);
  return { id: m[1], severity: m[2] as SeveritySetting };
}

/** `--name=value` → [--name, value]; `--name` → [--name, undefined]. */
function splitOption(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return word.startsWith('--') && eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

function optionReader(words: string[]): (name: string, inline: string | undefined) => string {
  return (name, inline) => {
    if (inline !== undefined) return inline;
    const value = words.shift();
    if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`${name} needs a value`);
    return value;
  };
}
