// An in-memory LSP session for the authoring tests: like test/server/lsp-client.ts, but the client
// advertises the completion capabilities of an editor (snippets, insertTextMode) or not, as asked.
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader as ClientReader, StreamMessageWriter as ClientWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer, type RunningServer, type ServerOptions } from '../../server/src/lsp/herd-server';

export class EditorSession {
  private constructor(
    private readonly connection: MessageConnection,
    private readonly serverConnection: { dispose(): void },
    private readonly server: RunningServer,
  ) {}

  static async start(options: ServerOptions & { snippetSupport: boolean }): Promise<EditorSession> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = startServer(serverConnection, options);
    const connection = createMessageConnection(new ClientReader(toClient), new ClientWriter(toServer));
    const session = new EditorSession(connection, serverConnection, server);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [],
      initializationOptions: { debounce: 0 },
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: options.snippetSupport, insertTextModeSupport: { valueSet: [1, 2] } } },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  /** Opens a document (one uri per document); the server handles messages in order, so requests after it see it. */
  async open(uri: string, languageId: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** `shutdown` first: the server's work is over before the connection goes. */
  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.server.stop();
    this.connection.dispose();
    this.serverConnection.dispose();
  }
}
