// Starts the Herd language server (dist/server.js) and wires the commands; everything else happens in the server.
import { join } from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { FIX_ALL_COMMAND, WORKSPACE_GLOB } from './protocol';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('Herd');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }, { language: 'yaml' }, { language: 'dockercompose' }, { scheme: 'file', language: 'json' }, { scheme: 'file', pattern: '**/{Dockerfile,Containerfile}*' }, { scheme: 'file', pattern: '**/.env' }],
    synchronize: {
      configurationSection: 'herd',
      // .herd.yaml, the files of the server's workspace index (Dockerfiles, manifests, skaffold and compose files),
      // and the `.env` files that Compose files interpolate
      fileEvents: [workspace.createFileSystemWatcher('**/.herd.{yaml,yml}'), workspace.createFileSystemWatcher(WORKSPACE_GLOB), workspace.createFileSystemWatcher('**/.env')],
    },
    outputChannel,
    // this client sends setting changes and .herd.yaml events itself: the server need not register watchers
    initializationOptions: { watchesConfig: true },
    middleware: {
      executeCommand: (command, args, next) => {
        if (command !== FIX_ALL_COMMAND || args.length > 0) return next(command, args);
        const editor = window.activeTextEditor;
        if (!editor) {
          void window.showInformationMessage('Herd: open a Dockerfile or Kubernetes manifest to fix.');
          return undefined;
        }
        return next(command, [client!.code2ProtocolConverter.asUri(editor.document.uri)]);
      },
    },
  };
  // the id `herd` makes the library honour the `herd.trace.server` setting
  client = new LanguageClient('herd', 'Herd', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel, ...registerCommands(client));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
