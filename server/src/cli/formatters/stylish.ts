// The human format: findings grouped by file, aligned columns, one summary line in every case.
import type { Severity } from '../../engine';
import { palette, type Palette } from '../color';
import { countBySeverity, placeOf, type Formatter } from '../report';

export const stylish: Formatter = (reports, context) => {
  const paint = palette(context.color);
  const blocks: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => {
      const p = placeOf(f);
      return { at: `${p.line}:${p.column}`, severity: f.severity, message: f.message, ruleId: f.ruleId };
    });
    const atWidth = Math.max(...rows.map((r) => r.at.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    // messages are sentences, often long: padding them would push rule ids off screen
    const lines = rows.map((r) => `  ${paint.dim(r.at.padEnd(atWidth))}  ${tint(paint, r.severity)(r.severity.padEnd(sevWidth))}  ${r.message}  ${paint.dim(r.ruleId)}`);
    blocks.push(`${paint.underline(report.file)}\n${lines.join('\n')}\n`);
  }
  // always a last line, so that a mistyped path or an empty folder never looks like success
  const files = plural(reports.length, 'file');
  if (blocks.length === 0) return `${paint.bold(`✔ ${files} linted, no ${context.quiet ? 'errors' : 'problems'}`)}\n`;
  const c = countBySeverity(reports);
  const total = c.error + c.warning + c.info;
  const summary = `✖ ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}), ${files} linted`;
  const summaryTint = c.error ? paint.red : c.warning ? paint.yellow : paint.blue;
  return `${blocks.join('\n')}\n${paint.bold(summaryTint(summary))}\n`;
};

function tint(paint: Palette, severity: Severity): (text: string) => string {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.blue;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
