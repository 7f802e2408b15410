// extensionTestsPath entry: VS Code's extension host calls run() and exits non-zero when it rejects.
import './herd.e2e';
import './fix-all.e2e';
import './authoring.e2e';
import { runAll } from './runner';

export function run(): Promise<void> {
  return runAll(`vscode (${process.env.HERD_E2E_LABEL ?? 'herd'})`);
}
