// Machine-readable findings: one entry per linted file, positions 1-based.
import { hasSafeFix, placeOf, type Formatter } from '../report';

export const json: Formatter = (reports) => {
  const files = reports.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...placeOf(f), fixable: hasSafeFix(f) })),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
};
