// `herd rules`: the catalog as the registry has it.
import type { RuleMeta } from '../engine';

export function formatRules(rules: readonly RuleMeta[], format: 'text' | 'json'): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') {
    const list = sorted.map((r) => ({ id: r.id, languages: r.languages, defaultSeverity: r.defaultSeverity, fixes: r.fixes, description: r.description }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const rows = [['RULE', 'LANGUAGES', 'DEFAULT', 'FIXES'], ...sorted.map((r) => [r.id, r.languages.join(','), r.defaultSeverity, r.fixes.join(',') || '-'])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
