// extensionTestsPath entry: VS Code's extension host calls run() and exits non-zero when it rejects.
// Authoring first: in VS Code 1.100, once a `dockercompose` document has been opened, the snippets contributed for
// `yaml` are no longer offered in YAML documents (seen with and without Herd's own dockercompose snippets); the
// Kubernetes snippet test must not depend on that, so it runs before the Compose fixture is opened.
import './authoring.e2e';
import './herd.e2e';
import './fix-all.e2e';
import { runAll } from './runner';

export function run(): Promise<void> {
  return runAll(`vscode (${process.env.HERD_E2E_LABEL ?? 'herd'})`);
}
