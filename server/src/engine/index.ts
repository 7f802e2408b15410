// The engine's public face, shared by the language server, the CLI and the tests.
export { lint, parseFile, YAML_SYNTAX, YAML_SYNTAX_META, type LintInput, type LintResult, type LintOptions, type FileProblem } from './lint';
export { applyEdits, safeFixEdits, toTextEdits } from './fixes';
export { defaultConfig, mergeConfig, parseConfig, CONFIG_FILE, CONFIG_FILES, type HerdConfig, type ConfigProblem } from './config';
export { COMPOSE_LANGUAGE_ID, composeCompanions, detectLanguage, fileKind, isComposeFile } from './detect';
export { matchesAny } from './glob';
export { initShellParser } from '../parse/shell';
export { allRules, ruleById, ruleIds } from '../rules';
export type { Finding, FixProposal, FixKind, Language, OffsetEdit, RuleMeta, Severity, SeveritySetting } from './types';

/** Where each rule's page lives: the link in every diagnostic's codeDescription. */
export const DOCS_BASE = 'https://github.com/herd-dev/herd/blob/main/docs/rules/';
export function ruleDocUrl(id: string, base: string = DOCS_BASE): string {
  return `${base.endsWith('/') ? base : base + '/'}${id}.md`;
}
