// `herd lint`: find the files, lint (and fix) each, print one report, choose the exit code.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, CONFIG_FILE, initShellParser, lint, mergeConfig, type HerdConfig, type SeveritySetting } from '../engine';
import { UsageError, type LintArgs } from './args';
import { wantsColor } from './color';
import { loadConfig } from './config';
import { lintAndFix } from './fix';
import { formatters } from './formatters';
import type { CliIo } from './io';
import { countBySeverity, type FileReport } from './report';
import { herdVersion } from './version';
import { byCodeUnit, explicitTarget, toSlashes, walkWorkspace, type LintTarget } from './walk';

interface Planned {
  target: LintTarget;
  config: HerdConfig;
  shown: string;
}

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const rules = io.rules ?? allRules;
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const overrides: Record<string, SeveritySetting> = {};
  for (const o of args.rules) {
    if (!ruleIds.has(o.id)) throw new UsageError(`--rule: unknown rule id ${o.id}`);
    overrides[o.id] = o.severity;
  }
  const note = (message: string) => io.stderr.write(`herd: ${message}\n`);
  const plan = planTargets(args, io, ruleIds, overrides, note);

  await initShellParser();
  const reports: FileReport[] = [];
  let failed = false;
  let fixedFindings = 0;
  let fixedFiles = 0;
  for (const { target, config, shown } of plan) {
    let bytes: Buffer;
    try {
      bytes = (io.readFile ?? readFileSync)(target.path);
    } catch (error) {
      note(`cannot read ${shown}: ${errorCode(error)}`);
      if (target.explicit) failed = true;
      continue;
    }
    if (bytes.includes(0)) {
      note(`skipped binary file ${shown}`);
      continue;
    }
    const input = { uri: pathToFileURL(target.path).href, text: bytes.toString('utf8'), languageId: target.languageId };
    const options = { config, rules };
    const { text, result, fixed } = args.fix ? lintAndFix(input, options) : { text: input.text, result: lint(input, options), fixed: 0 };
    // not a Kubernetes manifest: YAML of some other tool, skipped without a word
    if (!result.language && result.problems.length === 0) continue;
    if (text !== input.text) {
      try {
        writeFileSync(target.path, text);
        fixedFindings += fixed;
        fixedFiles++;
      } catch (error) {
        note(`cannot write fixes to ${shown}: ${errorCode(error)}`);
        failed = true;
      }
    }
    for (const p of result.problems) note(`note: ${shown}: ${p.message}`);
    reports.push({ file: shown, path: target.path, findings: result.findings });
  }
  if (fixedFindings > 0) note(`fixed ${fixedFindings} problem${fixedFindings === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`);

  const color = !args.output && wantsColor(io.stdout.isTTY, io.env);
  const text = formatters[args.format](reports, { rules: rules.map((r) => r.meta), version: herdVersion(), cwd: io.cwd, color });
  if (args.output) {
    const out = resolve(io.cwd, args.output);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
    } catch (error) {
      note(`cannot write ${args.output}: ${errorCode(error)}`);
      return 2;
    }
  } else io.stdout.write(text);

  const counts = countBySeverity(reports);
  let code = counts.error > 0 ? 1 : 0;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    note(`too many warnings (${counts.warning}, maximum ${args.maxWarnings})`);
    code = 1;
  }
  return failed ? 2 : code;
}

/** Every file to lint with the config that applies to it, deduplicated and sorted by shown path. */
function planTargets(args: LintArgs, io: CliIo, ruleIds: ReadonlySet<string>, overrides: Record<string, SeveritySetting>, note: (m: string) => void): Planned[] {
  const shownOf = (path: string) => toSlashes(relative(io.cwd, path)) || '.';
  const configs = new Map<string, HerdConfig>();
  const configFor = (root: string): HerdConfig => {
    const path = args.config ? resolve(io.cwd, args.config) : join(root, CONFIG_FILE);
    let config = configs.get(path);
    if (!config) {
      config = mergeConfig(loadConfig(path, shownOf(path), args.config !== undefined, ruleIds), { rules: overrides });
      configs.set(path, config);
    }
    return config;
  };
  const roots = args.paths.map((p) => {
    const path = resolve(io.cwd, p);
    try {
      return { path, isDir: statSync(path).isDirectory() };
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
  });
  const planned = new Map<string, Planned>();
  for (const root of roots) {
    // a named file takes the config of the invocation directory
    const config = configFor(root.isDir ? root.path : io.cwd);
    const targets = root.isDir ? walkWorkspace(root.path, config.ignore, note) : [explicitTarget(root.path)];
    for (const target of targets) {
      const seen = planned.get(target.path);
      if (!seen || (target.explicit && !seen.target.explicit)) planned.set(target.path, { target, config, shown: shownOf(target.path) });
    }
  }
  return [...planned.values()].sort((a, b) => byCodeUnit(a.shown, b.shown));
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
