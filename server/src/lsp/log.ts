// The server's log goes to the client's output channel (window/logMessage), never to stdout.
import type { Connection } from 'vscode-languageserver';

export interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function connectionLog(connection: Connection): Log {
  return {
    info: (message) => connection.console.log(message),
    error: (message, error) => connection.console.error(error === undefined ? message : `${message}: ${describe(error)}`),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
