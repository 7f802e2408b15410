// A small test runner for the extension host: tests run in order, each with a timeout; the run
// rejects when any test fails, which VS Code turns into a non-zero exit code.
import { writeFileSync } from 'node:fs';

type TestFn = () => Promise<void> | void;
interface TestCase { name: string; fn: TestFn; timeoutMs: number }
interface TestResult { name: string; ok: boolean; ms: number; error?: string }

const cases: TestCase[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  cases.push({ name, fn, timeoutMs });
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every registered test; `label` names the run in the summary (dev folder, vsix, ...). */
export async function runAll(label: string): Promise<void> {
  const results: TestResult[] = [];
  console.log(`\n${label}: ${cases.length} tests`);
  for (const c of cases) {
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(c.fn), c.timeoutMs, c.name);
      results.push({ name: c.name, ok: true, ms: Date.now() - started });
      console.log(`  ✔ ${c.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: c.name, ok: false, ms: Date.now() - started, error: text });
      console.log(`  ✖ ${c.name} (${Date.now() - started} ms)\n${text.replace(/^/gm, '      ')}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${label}: ${results.length - failed} passed, ${failed} failed`);
  // The driver counts tests from this file; the exit code alone says only pass or fail.
  const resultsFile = process.env.HERD_E2E_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ label, results }, null, 2));
  if (failed) throw new Error(`${failed} of ${results.length} tests failed`);
}
