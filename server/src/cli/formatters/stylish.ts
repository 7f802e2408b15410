// The human format: findings grouped by file, aligned columns, one summary line in every case.
import type { Severity } from '../../engine';
import { palette, type Palette } from '../color';
import { countBySeverity, placeOf, type Formatter } from '../report';
import { printable } from './printable';

export const stylish: Formatter = (reports, context) => {
  const paint = palette(context.color);
  const blocks: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => {
      const p = placeOf(f);
      return { at: `${p.line}:${p.column}`, severity: f.severity, message: printable(f.message), ruleId: f.ruleId };
    });
    // a loop, not Math.max(...rows): spreading 100,000 arguments overflows the stack
    let atWidth = 0;
    let sevWidth = 0;
    for (const r of rows) {
      atWidth = Math.max(atWidth, r.at.length);
      sevWidth = Math.max(sevWidth, r.severity.length);
    }
    // messages are sentences, often long: padding them would push rule ids off screen
    const lines = rows.map((r) => `  ${paint.dim(r.at.padEnd(atWidth))}  ${tint(paint, r.severity)(r.severity.padEnd(sevWidth))}  ${r.message}  ${paint.dim(r.ruleId)}`);
    blocks.push(`${paint.underline(printable(report.file))}\n${lines.join('\n')}\n`);
  }
  // always a last line, so that a mistyped path or an empty folder never looks like success
  const files = plural(reports.length, 'file');
  const notLinted = context.skipped ? `; ${plural(context.skipped, 'file')} not linted (see above)` : '';
  if (blocks.length === 0) {
    return notLinted ? `${paint.bold(paint.red(`✖ ${files} linted${notLinted}`))}\n` : `${paint.bold(`✔ ${files} linted, no ${context.quiet ? 'errors' : 'problems'}`)}\n`;
  }
  const c = countBySeverity(reports);
  const total = c.error + c.warning + c.info;
  const summary = `✖ ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}), ${files} linted${notLinted}`;
  const summaryTint = c.error ? paint.red : c.warning ? paint.yellow : paint.blue;
  return `${blocks.join('\n')}\n${paint.bold(summaryTint(summary))}\n`;
};

function tint(paint: Palette, severity: Severity): (text: string) => string {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.blue;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
