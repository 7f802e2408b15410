// Names shared with the server (server/src/lsp): the client is built apart, so they are repeated here.
export const LINT_WORKSPACE_REQUEST = 'herd/lintWorkspace';
export const FIX_ALL_COMMAND = 'herd.fixAll';

export interface LintWorkspaceResult {
  files: number;
  findings: number;
  truncated: boolean;
}
