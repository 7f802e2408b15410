// `herd lint`: find the files, lint (and fix) each, print one report, choose the exit code.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, composeCompanions, initShellParser, isComposeFile, lint, type LintOptions, type SeveritySetting } from '../engine';
import { UsageError, type LintArgs } from './args';
import { colorDecision } from './color';
import { ConfigResolver } from './config-discovery';
import { decodeFile, encodeFile, lintAndFix } from './fix';
import { withoutBom } from '../engine/file-text';
import { formatters } from './formatters';
import { printable } from './formatters/printable';
import { describeFsError, makeParentFolders } from './fs-errors';
import type { CliIo } from './io';
import { planTargets, type Planned } from './plan';
import { printConfig } from './print-config';
import { countBySeverity, type FileReport } from './report';
import { readStdinFile } from './stdin';
import { checkSearches, onlyErrors, settleKinds } from './summary';
import { herdVersion } from './version';
import type { LintTarget } from './walk';
import { workspaceIndexes, workspaceIndexesIn } from './workspaces';
import { linted, type LintJob, type Linted } from './linted';
import { LintPool, workerCount } from './lint-pool';

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const rules = io.rules ?? allRules;
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const overrides: Record<string, SeveritySetting> = {};
  for (const o of args.rules) {
    if (!ruleIds.has(o.id)) throw new UsageError(`--rule: unknown rule id ${o.id}`);
    overrides[o.id] = o.severity;
  }
  // file names and messages come from the input: control characters are shown escaped, never run by a terminal
  const note = (message: string) => io.stderr.write(`herd: ${printable(message)}\n`);
  /** Files that could not be linted: each one fails the run unless --allow-skipped. */
  const skipped: string[] = [];
  const skip = (typed: string, why: string) => {
    note(`not linted: ${typed}: ${why}`);
    skipped.push(typed);
  };
  const configs = new ConfigResolver({ cwd: io.cwd, explicit: args.config !== undefined ? resolve(io.cwd, args.config) : undefined, overrides, ruleIds });
  if (args.printConfig !== undefined) return printConfig(args.printConfig, args.format, configs, io);
  const stdin = args.paths.includes('-') ? await readStdinFile(io, args.stdinFilename) : undefined;
  const { files: plan, searches } = planTargets(args, io, configs, stdin, note, (typed, error) => skip(typed, `cannot read this folder: ${describeFsError(error)}`));
  const output = args.output === undefined ? undefined : resolve(io.cwd, args.output);
  if (output !== undefined) {
    // the report must never replace a file it reports on
    const outputReal = realPath(output);
    const input = plan.find((p) => !p.text && (p.target.path === output || (outputReal !== undefined && realPath(p.target.path) === outputReal)));
    if (input) throw new UsageError(`--output ${args.output} is one of the files to lint (${input.typed}); write the report elsewhere`);
    try {
      makeParentFolders(output);
    } catch (error) {
      note(`cannot write ${args.output}: ${describeFsError(error)}`);
      return 2;
    }
  }

  // a large run lints in worker threads, started now so that they load while the files are read
  const poolSize = args.fix || (io.rules !== undefined && io.rules !== allRules) ? 0 : workerCount(plan.length, io.env);
  const pool = poolSize > 0 ? new LintPool(poolSize) : undefined;
  try {
    return await lintPlanned();
  } finally {
    await pool?.close();
  }

  async function lintPlanned(): Promise<number> {
    // with workers, this thread parses nothing: the grammar is theirs to load
    if (!pool) await initShellParser();
    const reports: FileReport[] = [];
    let failed = false;
    let fixedFindings = 0;
    let fixedFiles = 0;
    // every file is read first: a directory is a workspace, indexed whole before its files are linted
    const read: { planned: Planned; text: string; roundTrips: boolean; bom: boolean }[] = [];
    for (const planned of plan) {
      const { target, typed } = planned;
      let bytes: Buffer;
      try {
        bytes = planned.text ?? (io.readFile ?? readFileSync)(target.path);
      } catch (error) {
        skip(typed, `cannot read it: ${describeFsError(error)}`);
        continue;
      }
      if (bytes.includes(0)) {
        skip(typed, 'binary file (it holds NUL bytes)');
        continue;
      }
      if (bytes.length > planned.config.maxFileSize) {
        skip(typed, `${sizeText(bytes.length)} is above the ${sizeText(planned.config.maxFileSize)} limit (--max-file-size, or maxFileSize in .herd.yaml)`);
        continue;
      }
      // without a byte order mark (a fix writes it back); a file that is not UTF-8 is linted but never fixed
      read.push({ planned, ...decodeFile(bytes) });
    }
    if (settleKinds(read, note)) failed = true;
    const workspaceFiles = read.map(({ planned, text }) => ({ path: planned.target.path, root: planned.root, text, indexed: planned.walked, maxFileSize: planned.config.maxFileSize }));
    const indexes = pool ? await workspaceIndexesIn(pool, workspaceFiles) : workspaceIndexes(workspaceFiles);
    const optionsFor = ({ planned }: { planned: Planned }): LintOptions => {
      const workspace = planned.root !== undefined ? indexes.get(planned.root) : undefined;
      return { config: planned.config, rules, workspace };
    };
    const inputOf = (target: LintTarget, text: string) => ({ uri: pathToFileURL(target.path).href, text, languageId: target.languageId, ...composeContext(target, io) });
    const results: { planned: Planned; result: Linted }[] = [];
    if (pool) {
      // the workers get the indexes' facts once (the texts in one shared buffer), then the files in batches
      pool.broadcast({ type: 'indexes', snapshots: [...indexes].map(([root, index]) => [root, index.snapshot()]) });
      const inIndex = read.map(({ planned, text }) => planned.root !== undefined && indexes.get(planned.root)?.textOf(pathToFileURL(planned.target.path).href) === text);
      // from here on the shared buffer holds those texts: this thread lets go of its copies, and of the indexes
      read.forEach((file, i) => inIndex[i] && (file.text = ''));
      indexes.clear();
      const linted = await pool.map<LintJob, Linted>('lint', read.length, (i) => {
        const { planned, text } = read[i];
        const { text: _text, ...input } = inputOf(planned.target, text);
        return { ...input, ...(!inIndex[i] && { text }), root: planned.root, config: planned.config };
      });
      read.forEach((file, i) => results.push({ planned: file.planned, result: linted[i] }));
    }
    // without workers: file by file, fixing each as it comes (the index sees the fixed text)
    for (const file of pool ? [] : read) {
      const { target, root } = file.planned;
      const input = inputOf(target, file.text);
      const options = optionsFor(file);
      const fixing = args.fix && file.roundTrips;
      const { text, result, fixed } = fixing ? lintAndFix(input, options) : { text: input.text, result: lint(input, options), fixed: 0 };
      if (args.fix && !file.roundTrips && result.findings.some((f) => f.fixes.some((x) => x.kind === 'safe'))) {
        note(`not fixed: ${file.planned.typed}: it is not valid UTF-8 (Latin-1?), and writing it back would change bytes no fix touches; convert it to UTF-8 to fix it`);
      }
      if (text !== input.text) {
        try {
          writeFileSync(target.path, encodeFile(text, file.bom));
          fixedFindings += fixed;
          fixedFiles++;
          file.text = text;
          // the files linked to this one see the fixed text
          if (root !== undefined) indexes.get(root)?.setDisk(input.uri, text, false);
        } catch (error) {
          note(`cannot write fixes to ${file.planned.typed}: ${describeFsError(error)}`);
          failed = true;
        }
      }
      // only the findings are kept: not the model, so that a large run does not hold every parse tree
      results.push({ planned: file.planned, result: linted(result) });
    }
    if (fixedFiles > 0 && indexes.size > 0) {
      // cross-file findings of files linted before a fix of a file they depend on: lint them again
      for (let i = 0; i < results.length; i++) {
        // results were pushed in the order of `read`, one each: the same index (no search per file)
        const file = read[i];
        if (file.planned.root === undefined) continue;
        results[i].result = linted(lint(inputOf(file.planned.target, file.text), optionsFor(file)));
      }
    }
    for (const { planned, result } of results) {
      // not a Kubernetes manifest: YAML of some other tool, skipped without a word
      if (!result.language && result.problems.length === 0) continue;
      for (const p of result.problems) {
        // a file the parser gave up on was not linted: that fails the run like an unreadable one
        if (p.code === 'parse-error' || p.code === 'file-too-large') skip(planned.typed, p.message);
        else note(`note: ${planned.shown}: ${p.message}`);
      }
      reports.push({ file: planned.shown, path: planned.target.path, findings: result.findings });
    }
    if (checkSearches(searches, plan, results, note)) failed = true;
    if (fixedFindings > 0) note(`fixed ${fixedFindings} problem${fixedFindings === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`);

    const color = colorDecision(args.color, args.output ? false : io.stdout.isTTY, args.output && args.color === undefined ? {} : io.env);
    const shownReports = args.quiet ? onlyErrors(reports) : reports;
    const text = formatters[args.format](shownReports, { rules: rules.map((r) => r.meta), version: herdVersion(), cwd: io.cwd, color, quiet: args.quiet, skipped: skipped.length });
    if (output !== undefined) {
      try {
        writeFileSync(output, text);
      } catch (error) {
        note(`cannot write ${args.output}: ${describeFsError(error)}`);
        return 2;
      }
    } else io.stdout.write(text);
    if (skipped.length > 0) {
      const what = `${skipped.length} file${skipped.length === 1 ? ' was' : 's were'} not linted`;
      note(args.allowSkipped ? `${what} (allowed by --allow-skipped)` : `${what}: exit 2 (pass --allow-skipped to accept this)`);
      if (!args.allowSkipped) failed = true;
    }

    const counts = countBySeverity(reports);
    let code = counts.error > 0 ? 1 : 0;
    if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
      note(`too many warnings (${counts.warning}, maximum ${args.maxWarnings})`);
      code = 1;
    }
    return failed ? 2 : code;
  }
}

/** A Compose file's `.env` and devcontainer.json (Compose and the editor read them too); nothing for other files. */
function composeContext(target: LintTarget, io: CliIo): { dotenv?: string; devcontainerJson?: string } {
  if (target.languageId !== 'dockercompose' && !isComposeFile(target.path)) return {};
  const read = (path: string): string | undefined => {
    try {
      return withoutBom((io.readFile ?? readFileSync)(path).toString('utf8'));
    } catch {
      return undefined;
    }
  };
  const companions = composeCompanions(target.path);
  return { dotenv: read(companions.dotenv), devcontainerJson: companions.devcontainer.map(read).find((t) => t !== undefined) };
}

/** The file a path names, through symlinks; undefined when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
