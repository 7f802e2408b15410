// GitLab Code Quality report (a JSON array of issues), for `artifacts: reports: codequality:` in .gitlab-ci.yml.
// Fields as GitLab documents them: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import type { Severity } from '../../engine';
import { placeOf, type Formatter } from '../report';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Formatter = (reports) => {
  const issues = [];
  for (const report of reports) {
    // the fingerprint must be unique and should survive edits elsewhere in the file: the line number stays out
    // of it, the rank of the same rule and message in the file goes in
    const seen = new Map<string, number>();
    for (const f of report.findings) {
      const key = `${report.file}\u0000${f.ruleId}\u0000${f.message}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      issues.push({
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('sha256').update(`${key}\u0000${nth}`).digest('hex'),
        severity: SEVERITY[f.severity],
        location: { path: report.file, lines: { begin: placeOf(f).line } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
