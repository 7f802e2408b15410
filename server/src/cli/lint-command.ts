// `herd lint`: find the files, lint (and fix) each, print one report, choose the exit code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, composeCompanions, initShellParser, isComposeFile, lint, type LintOptions, type LintResult, type SeveritySetting } from '../engine';
import { UsageError, type LintArgs } from './args';
import { colorDecision } from './color';
import { ConfigResolver } from './config-discovery';
import { lintAndFix } from './fix';
import { formatters } from './formatters';
import type { CliIo } from './io';
import { countBySeverity, type FileReport } from './report';
import type { LintTarget } from './walk';
import { planTargets, type Planned } from './plan';
import { printConfig } from './print-config';
import { readStdinFile } from './stdin';
import { checkSearches, onlyErrors, settleKinds } from './summary';
import { herdVersion } from './version';
import { workspaceIndexes } from './workspaces';

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const rules = io.rules ?? allRules;
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const overrides: Record<string, SeveritySetting> = {};
  for (const o of args.rules) {
    if (!ruleIds.has(o.id)) throw new UsageError(`--rule: unknown rule id ${o.id}`);
    overrides[o.id] = o.severity;
  }
  const note = (message: string) => io.stderr.write(`herd: ${message}\n`);
  const configs = new ConfigResolver({ cwd: io.cwd, explicit: args.config !== undefined ? resolve(io.cwd, args.config) : undefined, overrides, ruleIds });
  if (args.printConfig !== undefined) return printConfig(args.printConfig, args.format, configs, io);
  const stdin = args.paths.includes('-') ? await readStdinFile(io, args.stdinFilename) : undefined;
  const { files: plan, searches } = planTargets(args, io, configs, stdin, note);

  await initShellParser();
  const reports: FileReport[] = [];
  let failed = false;
  let fixedFindings = 0;
  let fixedFiles = 0;
  // every file is read first: a directory is a workspace, indexed whole before its files are linted
  const read: { planned: Planned; text: string }[] = [];
  for (const planned of plan) {
    const { target, shown } = planned;
    let bytes: Buffer;
    try {
      bytes = planned.text ?? (io.readFile ?? readFileSync)(target.path);
    } catch (error) {
      note(`cannot read ${shown}: ${errorCode(error)}`);
      if (target.explicit) failed = true;
      continue;
    }
    if (bytes.includes(0)) {
      note(`skipped binary file ${shown}`);
      continue;
    }
    read.push({ planned, text: bytes.toString('utf8') });
  }
  if (settleKinds(read, note)) failed = true;
  const indexes = workspaceIndexes(read.map(({ planned, text }) => ({ path: planned.target.path, root: planned.root, text, indexed: planned.walked, maxFileSize: planned.config.maxFileSize })));
  const optionsFor = ({ planned }: { planned: Planned }, text: string): LintOptions => {
    const workspace = planned.root !== undefined ? indexes.get(planned.root) : undefined;
    return { config: planned.config, rules, workspace, parsed: workspace?.modelFor(pathToFileURL(planned.target.path).href, text) };
  };
  const results: { planned: Planned; result: LintResult }[] = [];
  for (const file of read) {
    const { target, shown, root } = file.planned;
    const input = { uri: pathToFileURL(target.path).href, text: file.text, languageId: target.languageId, ...composeContext(target, io) };
    const options = optionsFor(file, file.text);
    const { text, result, fixed } = args.fix ? lintAndFix(input, options) : { text: input.text, result: lint(input, options), fixed: 0 };
    if (text !== input.text) {
      try {
        writeFileSync(target.path, text);
        fixedFindings += fixed;
        fixedFiles++;
        file.text = text;
        // the files linked to this one see the fixed text
        if (root !== undefined) indexes.get(root)?.setDisk(input.uri, text, false);
      } catch (error) {
        note(`cannot write fixes to ${shown}: ${errorCode(error)}`);
        failed = true;
      }
    }
    results.push({ planned: file.planned, result });
  }
  if (fixedFiles > 0 && indexes.size > 0) {
    // cross-file findings of files linted before a fix of a file they depend on: lint them again
    for (let i = 0; i < results.length; i++) {
      const file = read.find((r) => r.planned === results[i].planned)!;
      if (file.planned.root === undefined) continue;
      const target = file.planned.target;
      results[i].result = lint({ uri: pathToFileURL(target.path).href, text: file.text, languageId: target.languageId, ...composeContext(target, io) }, optionsFor(file, file.text));
    }
  }
  for (const { planned, result } of results) {
    // not a Kubernetes manifest: YAML of some other tool, skipped without a word
    if (!result.language && result.problems.length === 0) continue;
    for (const p of result.problems) note(`note: ${planned.shown}: ${p.message}`);
    reports.push({ file: planned.shown, path: planned.target.path, findings: result.findings });
  }
  if (checkSearches(searches, plan, results, note)) failed = true;
  if (fixedFindings > 0) note(`fixed ${fixedFindings} problem${fixedFindings === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`);

  const color = colorDecision(args.color, args.output ? false : io.stdout.isTTY, args.output && args.color === undefined ? {} : io.env);
  const shownReports = args.quiet ? onlyErrors(reports) : reports;
  const text = formatters[args.format](shownReports, { rules: rules.map((r) => r.meta), version: herdVersion(), cwd: io.cwd, color, quiet: args.quiet });
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

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** A Compose file's `.env` and devcontainer.json (Compose and the editor read them too); nothing for other files. */
function composeContext(target: LintTarget, io: CliIo): { dotenv?: string; devcontainerJson?: string } {
  if (target.languageId !== 'dockercompose' && !isComposeFile(target.path)) return {};
  const read = (path: string): string | undefined => {
    try {
      return (io.readFile ?? readFileSync)(path).toString('utf8');
    } catch {
      return undefined;
    }
  };
  const companions = composeCompanions(target.path);
  return { dotenv: read(companions.dotenv), devcontainerJson: companions.devcontainer.map(read).find((t) => t !== undefined) };
}
