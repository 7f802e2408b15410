// SARIF 2.1.0 for code-scanning services: one run, every registered rule, results relative to %SRCROOT%.
import { pathToFileURL } from 'node:url';
import { ruleDocUrl, YAML_SYNTAX, YAML_SYNTAX_META, type RuleMeta, type Severity } from '../../engine';
import { placeOf, type FileReport, type Formatter } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const HERD_HOME = 'https://github.com/herd-dev/herd';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (reports, context) => {
  // yaml-syntax is reported by the engine, not a rule: described when a result uses it
  const syntax = !context.rules.some((r) => r.id === YAML_SYNTAX) && reports.some((r) => r.findings.some((f) => f.ruleId === YAML_SYNTAX));
  const rules = [...context.rules, ...(syntax ? [YAML_SYNTAX_META] : [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      const p = placeOf(f);
      return {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactOf(report),
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'herd', version: context.version, semanticVersion: context.version, informationUri: HERD_HOME, rules: rules.map(descriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        // LSP positions count UTF-16 code units; say so rather than leave consumers to guess
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function descriptor(meta: RuleMeta) {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    helpUri: ruleDocUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: [meta.category, ...meta.languages] },
  };
}

/** Files below the invocation directory are relative to %SRCROOT%; others keep their absolute URI. */
function artifactOf(report: FileReport): { uri: string; uriBaseId?: string } {
  if (report.file.startsWith('../') || report.file === '..') return { uri: pathToFileURL(report.path).href };
  return { uri: report.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF's `name` is an identifier-like form of the id: `no-background-process` → `NoBackgroundProcess`. */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase());
}
