// The server's log goes to the client's output channel (window/logMessage), never to stdout.
import type { Connection } from 'vscode-languageserver';

export interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Writes to the client while `open()` holds: after shutdown, or on a disposed connection, the log is dropped. */
export function connectionLog(connection: Connection, open: () => boolean = () => true): Log {
  const send = (write: () => void) => {
    if (!open()) return;
    try {
      write();
    } catch {
      // the connection closed under us: nobody is left to read the message
    }
  };
  return {
    info: (message) => send(() => connection.console.log(message)),
    error: (message, error) => send(() => connection.console.error(error === undefined ? message : `${message}: ${describe(error)}`)),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
