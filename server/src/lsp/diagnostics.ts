// Findings and file problems as LSP diagnostics. `data` points back at the finding, so code actions
// find its fixes by index rather than by matching message text.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config';
import { DOCS_BASE, ruleDocUrl } from '../engine/index';
import type { LintResult } from '../engine/lint';
import type { Severity } from '../engine/types';
import { sourceText } from '../parse/source';

export const SOURCE = 'herd';

/** Which finding of which linted version a diagnostic shows. */
export interface FindingRef {
  uri: string;
  version: number;
  index: number;
}

export function severityOf(severity: Severity): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** Rule pages shipped with the extension (`<root>/docs/rules/`, beside `dist/`) when present, else the online ones. */
export function docsBaseFor(bundleDir: string): string {
  const dir = join(bundleDir, '..', 'docs', 'rules');
  return existsSync(dir) ? `${pathToFileURL(dir).href}/` : DOCS_BASE;
}

export function lintDiagnostics(result: LintResult, version: number, docsBase: string): Diagnostic[] {
  const out: Diagnostic[] = result.findings.map((f, index) => ({
    range: f.range,
    severity: severityOf(f.severity),
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId, docsBase) },
    source: SOURCE,
    message: f.message,
    data: { uri: result.uri, version, index } satisfies FindingRef,
  }));
  for (const p of result.problems) {
    out.push({ range: result.source.rangeOf(p.start, p.end), severity: severityOf(p.severity), code: p.code, source: SOURCE, message: p.message });
  }
  return out;
}

/** Problems of a `.herd.yaml` shown on the file itself. */
export function configDiagnostics(uri: string, text: string, problems: ConfigProblem[]): Diagnostic[] {
  const source = sourceText(uri, text);
  return problems.map((p) => ({
    range: source.rangeOf(p.start, p.end),
    severity: DiagnosticSeverity.Error,
    code: 'config-error',
    source: SOURCE,
    message: p.message,
  }));
}

export function findingRefOf(diagnostic: Diagnostic): FindingRef | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const data = diagnostic.data as Partial<FindingRef> | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.version !== 'number' || typeof data.index !== 'number') return undefined;
  return { uri: data.uri, version: data.version, index: data.index };
}
