// `--fix`: apply every safe fix, lint again, repeat until nothing applies (fixes can unlock others).
import { applyEdits, lint, safeFixEdits, type LintInput, type LintOptions, type LintResult } from '../engine';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** The lint of the final text: what is left to report. */
  result: LintResult;
  /** Findings whose fix was applied, over all passes. */
  fixed: number;
}

export function lintAndFix(input: LintInput, options: LintOptions): FixOutcome {
  let text = input.text;
  let result = lint(input, options);
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, applied } = safeFixEdits(result.findings);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    fixed += applied.length;
    result = lint({ ...input, text }, options);
  }
  return { text, result, fixed };
}
