// lint(file) -> findings. Parses once, runs every enabled rule in isolation, applies suppressions.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeContainers, dockerfileContainer, kubernetesContainers, type Container, type LinkedStage } from '../parse/container';
import { devcontainerLink, parseCompose, type ComposeModel, type ComposeService, type DevcontainerLink } from '../parse/compose';
import { parseDockerfile, templatedInstructionSpans } from '../parse/dockerfile';
import { parseKubernetes, type KubernetesModel } from '../parse/kubernetes';
import { ShellParserNotLoaded } from '../parse/shell';
import { sourceText, type SourceText } from '../parse/source';
import { allRules } from '../rules';
import { defaultConfig, type HerdConfig } from './config';
import { detectLanguage, isJsonDocument } from './detect';
import type { ParsedFile, Rule, RuleContext } from './rule';
import { isSuppressed, suppressionsOf } from './suppression';
import type { Finding, FixProposal, Language, Report, RuleMeta, Severity } from './types';
import type { WorkspaceView } from './workspace';

export interface LintInput {
  uri: string;
  text: string;
  languageId?: string;
  /** Compose: the text of the `.env` beside the file, when there is one (its variables are interpolated). */
  dotenv?: string;
  /** Compose: the text of the `devcontainer.json` beside the file, when there is one. */
  devcontainerJson?: string;
}

/** Something about the file itself rather than a rule: too large, unreadable, a rule that crashed. */
export interface FileProblem {
  message: string;
  severity: Severity;
  start: number;
  end: number;
  code: 'file-too-large' | 'parse-error' | 'rule-error' | 'config-error';
}

export interface LintResult {
  uri: string;
  language?: Language;
  source: SourceText;
  model?: ParsedFile;
  findings: Finding[];
  problems: FileProblem[];
  /**
   * A rule needed the shell parser before its grammar was loaded: the findings are incomplete. Hosts that lint
   * before `initShellParser()` resolves (the language server, for files without scripts) lint such files again.
   */
  needsShellParser?: boolean;
}

export interface LintOptions {
  config?: HerdConfig;
  workspace?: WorkspaceView;
  rules?: readonly Rule[];
  /** A model already parsed from this very text (the workspace index's): reused instead of parsing again. */
  parsed?: ParsedFile;
  /** Called once per failing rule and file; the other rules' findings still arrive. */
  onRuleError?: (ruleId: string, uri: string, error: unknown) => void;
}

export function parseFile(input: LintInput): { language?: Language; source: SourceText; model?: ParsedFile } {
  const source = sourceText(input.uri, input.text);
  const language = detectLanguage(input.uri, input.text, input.languageId);
  if (!language) return { source };
  const model = language === 'dockerfile' ? parseDockerfile(source) : language === 'compose' ? parseCompose(source, { dotenv: input.dotenv, devcontainer: devcontainerOf(input) }) : parseKubernetes(source);
  return { language, source, model };
}

export function lint(input: LintInput, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  if (input.text.length > config.maxFileSize) {
    const source = sourceText(input.uri, '');
    const message = `Herd skipped this file: ${(input.text.length / 1048576).toFixed(1)} MB is above the ${(config.maxFileSize / 1048576).toFixed(1)} MB limit (herd.maxFileSize)`;
    return { uri: input.uri, source, findings: [], problems: [{ message, severity: 'info', start: 0, end: 0, code: 'file-too-large' }] };
  }
  let parsed: ReturnType<typeof parseFile>;
  try {
    parsed = reusable(input, options.parsed) ?? parseFile(input);
  } catch (error) {
    const source = sourceText(input.uri, input.text);
    return { uri: input.uri, source, findings: [], problems: [{ message: `Herd could not parse this file: ${errorText(error)}`, severity: 'error', start: 0, end: 0, code: 'parse-error' }] };
  }
  const { language, source, model } = parsed;
  const result: LintResult = { uri: input.uri, language, source, model, findings: [], problems: [] };
  if (!model || !language) return result;
  runRules(result, model, language, config, options);
  // a fix writes YAML syntax: in a JSON manifest it would leave a file kubectl reads but no JSON tool does
  if (isJsonDocument(input.uri, input.languageId)) for (const f of result.findings) f.fixes = [];
  return result;
}

function runRules(result: LintResult, model: ParsedFile, language: Language, config: HerdConfig, options: LintOptions): LintResult {
  let containers: Container[] | undefined;
  const containersOf = (): Container[] => {
    if (!containers) {
      if (model.kind === 'dockerfile') {
        const c = dockerfileContainer(model);
        containers = c ? [c] : [];
      } else if (model.kind === 'compose') containers = composeContainers(model, (s) => linkedStage(model, s, options.workspace));
      else {
        const workspace = options.workspace;
        // `args` alone compose with the ENTRYPOINT of the Dockerfile that builds the image
        const linked =
          workspace &&
          ((image: string) =>
            workspace.dockerfilesForImage(image).flatMap((f) => (f.model.kind === 'dockerfile' ? [{ model: f.model, path: workspace.displayPath?.(f.uri) ?? f.uri }] : [])));
        containers = kubernetesContainers(model, linked);
      }
    }
    return containers;
  };
  const suppressions = suppressionsOf(model);
  const broken = brokenYamlSpans(model);
  const templated = model.kind === 'dockerfile' ? templatedInstructionSpans(model) : [];
  if (model.kind === 'kubernetes' || model.kind === 'compose') {
    for (const finding of yamlSyntaxFindings(model, result.source)) if (!isSuppressed(suppressions, finding.ruleId, finding.start)) result.findings.push(finding);
  }
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off' || !rule.meta.languages.includes(language)) continue;
    if (rule.meta.workspace && !options.workspace) continue;
    const reports: Report[] = [];
    const context: RuleContext = { file: model, containers: containersOf, workspace: options.workspace, report: (r) => reports.push(r) };
    try {
      rule.check(context);
    } catch (error) {
      if (error instanceof ShellParserNotLoaded) {
        result.needsShellParser = true;
        continue;
      }
      options.onRuleError?.(rule.meta.id, result.uri, error);
      result.problems.push({ message: `Herd rule ${rule.meta.id} failed on this file: ${errorText(error)}`, severity: 'info', start: 0, end: 0, code: 'rule-error' });
      continue;
    }
    for (const r of reports) {
      if (isSuppressed(suppressions, rule.meta.id, r.start)) continue;
      if (templated.some(([from, to]) => from <= r.start && r.start < to)) continue;
      result.findings.push({
        ruleId: rule.meta.id,
        severity: setting,
        message: r.message,
        start: r.start,
        end: r.end,
        range: result.source.rangeOf(r.start, r.end),
        fixes: allowedFixes(rule, r.fixes ?? []).filter((f) => f.uri !== undefined || !broken.some(([from, to]) => from <= r.start && r.start <= to)),
      });
    }
  }
  result.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return result;
}

/** The index's model when it was parsed from the same uri and text (language detection agrees by construction). */
function reusable(input: LintInput, model: ParsedFile | undefined): ReturnType<typeof parseFile> | undefined {
  if (!model || model.source.uri !== input.uri || model.source.text !== input.text) return undefined;
  return { language: model.kind, source: model.source, model };
}

/**
 * YAML documents with syntax errors: error recovery leaves node ranges that edits cannot rely on (an unclosed
 * flow map ends anywhere), so findings there offer no fix to this file until the document parses.
 */
function brokenYamlSpans(model: ParsedFile): [number, number][] {
  if (model.kind === 'dockerfile') return [];
  return model.documents.filter((d) => d.errors.length > 0).map((d) => [d.yaml.range[0], d.yaml.range[2]]);
}

/** The diagnostic of a YAML syntax error: the rule-like code of these findings (RULES.md, Terms). */
export const YAML_SYNTAX = 'yaml-syntax';

/** Its metadata, for reports that describe every code they use (SARIF's rule table); not a rule of the registry. */
export const YAML_SYNTAX_META: RuleMeta = {
  id: YAML_SYNTAX,
  languages: ['kubernetes'],
  defaultSeverity: 'error',
  description: 'A YAML document does not parse: kubectl rejects it or reads it differently.',
  category: 'syntax',
  fixes: [],
};

/**
 * One error-level finding per YAML document that does not parse, at its first error: kubectl would reject the
 * document or read it differently, and what Herd lints there is what the parser's recovery made of it.
 */
function yamlSyntaxFindings(model: KubernetesModel | ComposeModel, source: SourceText): Finding[] {
  const findings: Finding[] = [];
  for (const doc of model.documents) {
    const first = doc.errors[0];
    if (!first) continue;
    const end = Math.min(Math.max(first.end, first.start + 1), source.text.length);
    const start = Math.min(first.start, end);
    const reason = first.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
    findings.push({
      ruleId: YAML_SYNTAX,
      severity: 'error',
      message: first.message.startsWith('YAML nested deeper')
        ? `${first.message}: the rest of the file is linted.`
        : `This YAML does not parse: ${reason}. kubectl rejects it or reads it differently, and Herd lints what its parser recovered; fix the syntax.`,
      start,
      end,
      range: source.rangeOf(start, end),
      fixes: [],
    });
  }
  return findings;
}

/** A rule may only offer the fix kinds its metadata declares. */
function allowedFixes(rule: Rule, fixes: FixProposal[]): FixProposal[] {
  return fixes.filter((f) => rule.meta.fixes.includes(f.kind));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A Compose service's `build`: the Dockerfile at context + `dockerfile` in the workspace, its `target` stage or its final one. */
export function linkedStage(model: ComposeModel, service: ComposeService, workspace: WorkspaceView | undefined): LinkedStage | undefined {
  const build = service.build;
  if (!build || !workspace?.dockerfileAt || !model.source.uri.startsWith('file:')) return undefined;
  const context = build.context ?? '.';
  if (/^(?:https?:|git@|git:|ssh:|github\.com\/)/.test(context) || context.includes('$')) return undefined;
  let file: string;
  try {
    file = resolve(dirname(fileURLToPath(model.source.uri)), context, build.dockerfile ?? 'Dockerfile');
  } catch {
    return undefined;
  }
  const dockerfile = workspace.dockerfileAt(file);
  if (!dockerfile) return undefined;
  const target = build.target?.toLowerCase();
  const stage = target === undefined ? dockerfile.finalStage : dockerfile.stages.find((s) => s.name === target);
  return stage ? { model: dockerfile, stage, path: workspace.displayPath?.(dockerfile.source.uri) ?? file } : undefined;
}

function devcontainerOf(input: LintInput): DevcontainerLink | undefined {
  if (input.devcontainerJson === undefined) return undefined;
  const path = input.uri.split(/[?#]/)[0];
  return devcontainerLink(input.devcontainerJson, decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)));
}
