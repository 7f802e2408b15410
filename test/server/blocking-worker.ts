// The lint worker of test/server/lint-worker.test.ts: the server's worker with the rules of blocking-rule.ts added.
import { runLintWorker } from '../../server/src/lsp/lint-worker';
import { rules } from './blocking-rule';

runLintWorker((data) => rules(data as { cells: SharedArrayBuffer }));
