// Editor-side helpers: open fixtures, wait for Herd's diagnostics (on VS Code's diagnostics events), run code actions.
import * as vscode from 'vscode';
import expectations from '../../fixtures/expectations.json';

export type FileExpectation = (typeof expectations.files)[number];
export type FixExpectation = FileExpectation['fixes'][number];
export const files: FileExpectation[] = expectations.files;
export { expectations };

export const HERD_SOURCE = 'herd';
const POLL_MS = 50;
// The first publication waits for the client to start the server; later ones follow an edit.
const FIRST_WAIT_MS = 45_000;
const EDIT_WAIT_MS = 20_000;
// Once a first wait has passed without any Herd diagnostic, the server is not coming: fail the rest fast.
const NO_SERVER_WAIT_MS = 5_000;
let herdSeen = false;
let herdMissing = false;

export function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** `vscodeLanguageId` where VS Code names the language otherwise than Neovim (Compose files: `dockercompose`). */
export async function openFixture(file: { path: string; languageId: string; vscodeLanguageId?: string }): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file.path));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const expected = file.vscodeLanguageId ?? file.languageId;
  if (document.languageId !== expected) throw new Error(`${file.path} opened as ${document.languageId}, expected ${expected}`);
  return editor;
}

/** "5:17" (1-based) to a vscode.Position. */
export function parsePosition(text: string): vscode.Position {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new Error(`bad position "${text}"`);
  return new vscode.Position(Number(match[1]) - 1, Number(match[2]) - 1);
}

/** "5:17-5:18" (1-based, as in the rule tables) to a vscode.Range. */
export function parseRange(text: string): vscode.Range {
  const match = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(text);
  if (!match) throw new Error(`bad range "${text}"`);
  const [l1, c1, l2, c2] = match.slice(1).map(Number);
  return new vscode.Range(l1 - 1, c1 - 1, l2 - 1, c2 - 1);
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** The rule id: a plain code, or `{ value, target }` when the server sends a codeDescription. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function herdDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === HERD_SOURCE);
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${ruleOf(d)} ${formatRange(d.range)}`).sort();
}

/**
 * Waits for VS Code's diagnostics events until Herd's diagnostics for `uri` satisfy `accept`, then returns them.
 * The limit only ends a wait that nothing will answer; it fails with what was there, so a missing server or a wrong
 * range reads plainly in the log.
 */
export async function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const limit = herdSeen ? EDIT_WAIT_MS : herdMissing ? NO_SERVER_WAIT_MS : FIRST_WAIT_MS;
  const check = (): vscode.Diagnostic[] | undefined => {
    const diagnostics = herdDiagnostics(uri);
    if (diagnostics.length) herdSeen = true;
    return accept(diagnostics) ? diagnostics : undefined;
  };
  const now = check();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const accepted = check();
      if (!accepted) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(accepted);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const all = vscode.languages.getDiagnostics(uri).map((d) => `${d.source ?? '?'}:${ruleOf(d)} ${formatRange(d.range)} ${d.message.slice(0, 160)}`);
      if (!herdSeen) herdMissing = true;
      const hint = herdSeen ? '' : ' No Herd diagnostic has arrived in this run: is dist/server.js built, and does the client start it?';
      reject(new Error(`waited ${limit} ms for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics now: ${JSON.stringify(all)}.${hint}`));
    }, limit);
  });
}

/** The expected diagnostics as sorted "rule range" lines, like describe(). */
export function expectedLines(file: { diagnostics: readonly { rule: string; range: string }[] }): string[] {
  return file.diagnostics.map((d) => `${d.rule} ${formatRange(parseRange(d.range))}`).sort();
}

/** Polls until Herd's diagnostics are exactly `expected` ("rule range" lines), nothing more. */
export async function waitForExactly(uri: vscode.Uri, expected: readonly string[], when: string): Promise<void> {
  const want = JSON.stringify([...expected].sort());
  await waitForDiagnostics(uri, `exactly ${want} ${when}`, (d) => JSON.stringify(describe(d)) === want);
}

export const FIX_ALL_KIND = 'source.fixAll.herd';

export function wholeRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
}

/** The code actions of kind `kind` on the whole document (VS Code passes the kind on as `only`). */
export async function codeActionsOfKind(document: vscode.TextDocument, kind: string): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, wholeRange(document), kind, 50);
  return (items ?? []).filter((item): item is vscode.CodeAction => !('command' in item && typeof item.command === 'string'));
}

/**
 * Polls until Herd has linted the document's current version and its diagnostics satisfy `accept`. Each round
 * asks Herd for its fix-all action first: the server answers only after linting the current version and
 * publishing that lint's diagnostics, so an empty list cannot be read before Herd has seen the text.
 */
export async function waitForLintOfCurrentVersion(document: vscode.TextDocument, what: string, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + EDIT_WAIT_MS;
  for (;;) {
    await codeActionsOfKind(document, FIX_ALL_KIND);
    const diagnostics = herdDiagnostics(document.uri);
    if (accept(diagnostics)) return diagnostics;
    if (Date.now() > deadline) {
      throw new Error(`waited ${EDIT_WAIT_MS} ms for ${what} on ${vscode.workspace.asRelativePath(document.uri)} (version ${document.version}); Herd's diagnostics now: ${JSON.stringify(describe(diagnostics))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The file's text on disk, to check what a save wrote. */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export function linesForRules(diagnostics: readonly vscode.Diagnostic[], rules: ReadonlySet<string>): string[] {
  return describe(diagnostics.filter((d) => rules.has(ruleOf(d))));
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The last argument resolves lazily computed edits (codeAction/resolve) for up to that many actions.
  const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, undefined, 50);
  return (items ?? []).filter((item): item is vscode.CodeAction => !('command' in item && typeof item.command === 'string'));
}

export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`applying "${action.title}" was refused`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  if (!action.edit && !action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
}

/** Puts `text` back into the document (never saved), so the next test starts from the fixture. */
export async function restoreText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
