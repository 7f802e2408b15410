// Entry point of dist/lint-worker.js: the language server's lint worker thread (server/src/lsp/lint-worker.ts),
// started by the server from beside its own bundle.
import { runLintWorker } from './lsp/lint-worker';

runLintWorker();
