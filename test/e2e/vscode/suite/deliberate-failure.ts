// The harness's own check: a failing assertion inside VS Code must fail the whole run.
// The driver runs this entry and expects a non-zero exit code.
import assert from 'node:assert/strict';
import { runAll, test } from './runner';

test('a deliberately failing assertion', () => {
  assert.equal(1 + 1, 3, 'deliberate failure: the run must exit non-zero');
});

export function run(): Promise<void> {
  return runAll('vscode (deliberate failure)');
}
