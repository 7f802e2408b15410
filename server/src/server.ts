// Entry point of dist/server.js: the connection (--stdio, --node-ipc, --socket) comes from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { docsBaseFor } from './lsp/diagnostics';
import { startServer } from './lsp/herd-server';

// in the bundle __dirname is dist/, so the extension's own docs/rules pages are linked when shipped
startServer(createConnection(ProposedFeatures.all), { docsBase: docsBaseFor(__dirname) });
