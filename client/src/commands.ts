// The palette commands. `herd.fixAll` is the server's command (registered by the client library);
// the middleware in extension.ts gives it the active editor's document.
import { ProgressLocation, commands, window, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from './protocol';

export function registerCommands(client: LanguageClient): Disposable[] {
  return [
    commands.registerCommand('herd.restartServer', async () => {
      if (client.isRunning()) await client.restart();
      else await client.start();
    }),
    commands.registerCommand('herd.showOutput', () => client.outputChannel.show(true)),
    commands.registerCommand('herd.lintWorkspace', () => lintWorkspace(client)),
  ];
}

async function lintWorkspace(client: LanguageClient): Promise<void> {
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Herd: linting the workspace', cancellable: true },
    (_progress, token) => client.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {}, token),
  );
  const more = result.truncated ? ' (stopped at the file limit)' : '';
  void window.showInformationMessage(`Herd linted ${result.files} file(s) and found ${result.findings} problem(s)${more}.`);
}
