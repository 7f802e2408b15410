// `--fix`: apply every safe fix, lint again, repeat until nothing applies (fixes can unlock others).
import { applyEdits, lint, safeFixEdits, type LintInput, type LintOptions, type LintResult } from '../engine';
import { withoutBom } from '../engine/file-text';

export const MAX_FIX_PASSES = 10;

export interface DecodedFile {
  /** The text to lint: UTF-8, without a byte order mark (editors hide it and count columns after it). */
  text: string;
  bom: boolean;
  /** Whether encoding the text again gives the same bytes: only such a file may be fixed in place. */
  roundTrips: boolean;
}

/** A file's bytes as the CLI lints them. Invalid UTF-8 decodes to U+FFFD; writing that back would change bytes no fix touched. */
export function decodeFile(bytes: Buffer): DecodedFile {
  const decoded = bytes.toString('utf8');
  const roundTrips = Buffer.byteLength(decoded) === bytes.length && Buffer.from(decoded, 'utf8').equals(bytes);
  const text = withoutBom(decoded);
  return { text, bom: text !== decoded, roundTrips };
}

/** The bytes to write for a fixed text: UTF-8, with the byte order mark the file had. */
export function encodeFile(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\ufeff${text}` : text, 'utf8');
}

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
