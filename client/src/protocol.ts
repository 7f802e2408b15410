// Names shared with the server (server/src/lsp): the client is built apart, so they are repeated here.
export const LINT_WORKSPACE_REQUEST = 'herd/lintWorkspace';
export const FIX_ALL_COMMAND = 'herd.fixAll';
/** The files the server's workspace index watches (server/src/lsp/workspace-sync.ts). */
export const WORKSPACE_GLOB = '**/{Dockerfile*,*.Dockerfile,*.dockerfile,Containerfile*,*.yaml,*.yml,*.json}';

export interface LintWorkspaceResult {
  files: number;
  findings: number;
  truncated: boolean;
}
