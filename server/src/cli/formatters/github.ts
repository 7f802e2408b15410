// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import type { Severity } from '../../engine';
import { placeOf, type Formatter } from '../report';
import { printable } from './printable';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (reports) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const p = placeOf(f);
      const props = [`file=${property(report.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(f.ruleId)}`];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/**
 * The runner's escaping: %, CR and LF in the message (so one finding is one line); every other control character
 * made visible (an ESC would colour the log); also `:` and `,` in properties.
 */
function data(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
