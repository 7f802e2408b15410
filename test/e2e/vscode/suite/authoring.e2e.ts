// Writing with Herd in a real VS Code: its contributed snippets as VS Code registers them lint clean once
// saved, a FROM image's hover names the lean variant, and container completion inserts a probe.
// Cases come from expectations.json (snippets, imageHover, completion).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diskText, expectations, formatRange, herdDiagnostics, hoverText, openFixture, parsePosition, restoreText, ruleOf,
  waitForDiagnostics, waitForLintOfCurrentVersion, workspaceUri,
} from './editor';
import { test } from './runner';
import { contributedSnippet, withDefaults } from './snippets';

const EXTENSION_ID = 'herd-dev.herd';
const { snippets, imageHover, completion } = expectations;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const insertTextOf = (item: vscode.CompletionItem) => (item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText);
const replacingOf = (item: vscode.CompletionItem) => (item.range instanceof vscode.Range ? item.range : item.range?.replacing);

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

for (const snippetCase of snippets.cases) {
  test(`snippet ${snippetCase.prefix}: offered by prefix in a new ${snippetCase.path}, inserted by VS Code, saved, and Herd reports nothing`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const snippet = contributedSnippet(extension, snippetCase.prefix);
    // `offeredBy: "herd"`: a Compose snippet in a `yaml` Compose file, where the language server offers the
    // contributed body (VS Code offers a language's contributed snippets by language id only)
    const byServer = snippetCase.offeredBy === 'herd';
    if (!byServer) assert.equal(snippet.language, snippetCase.languageId, `the language ${snippetCase.prefix} is contributed for`);
    const expected = withDefaults(snippet.body);

    // A new, empty file in the workspace.
    const uri = workspaceUri(snippetCase.path);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await openFixture(snippetCase);
    const { document } = editor;

    // Type the prefix: VS Code offers the snippet under it, with the body from the extension's file.
    assert.equal(await editor.edit((b) => b.insert(new vscode.Position(0, 0), snippet.prefix)), true, 'typing the prefix was refused');
    const end = new vscode.Position(0, snippet.prefix.length);
    // VS Code reads a language's snippet files when it first needs them, and the first completion request can be
    // answered before they are in: ask again until the snippet is offered (VS Code raises no event for it)
    let all = await completionsAt(uri, end);
    for (let tries = 0; tries < 50 && !all.some((item) => labelOf(item) === snippet.prefix); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      all = await completionsAt(uri, end);
    }
    const offered = all.filter((item) => labelOf(item) === snippet.prefix);
    const herdLabels = all.map(labelOf).filter((l) => /herd/.test(l));
    assert.equal(offered.length, 1, `completion at the typed prefix (${document.languageId}) offers ${offered.length} items labelled ${snippet.prefix}; herd items offered: ${JSON.stringify(herdLabels)} of ${all.length}`);
    assert.equal(offered[0].kind, vscode.CompletionItemKind.Snippet, `${snippet.prefix} is offered as a snippet`);
    assert.equal(insertTextOf(offered[0]), snippet.body, `${snippet.prefix} inserts the body of "${snippet.name}"`);

    if (byServer) {
      // Herd's item, accepted as the suggest widget does: its snippet over the typed prefix, whitespace kept
      assert.ok(offered[0].detail?.startsWith('Herd: '), `${snippet.prefix} is Herd's item (detail ${offered[0].detail})`);
      const range = replacingOf(offered[0]);
      assert.ok(range?.isEqual(new vscode.Range(new vscode.Position(0, 0), end)), `${snippet.prefix} replaces the typed prefix (got ${range && formatRange(range)})`);
      const options: { undoStopBefore: boolean; undoStopAfter: boolean; keepWhitespace: boolean } = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: offered[0].keepWhitespace ?? false };
      assert.equal(await editor.insertSnippet(offered[0].insertText as vscode.SnippetString, range, options), true, 'inserting the snippet was refused');
    } else {
      // Insert it as accepting that item does: VS Code's own snippet, found by language and name, over the prefix.
      editor.selection = new vscode.Selection(new vscode.Position(0, 0), end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: snippetCase.languageId, name: snippet.name });
    }
    assert.equal(document.getText(), expected, `the document after inserting "${snippet.name}" with its defaults`);
    await leaveSnippet();

    assert.equal(await document.save(), true, 'the save failed');
    assert.equal(await diskText(uri), expected, 'the file on disk');
    await waitForLintOfCurrentVersion(document, 'no Herd diagnostic', (d) => d.length === 0);
    // Asked once more after that lint: cross-file findings (the workspace index sees the saved file) would show here.
    await waitForLintOfCurrentVersion(document, 'still no Herd diagnostic', () => true);
    assert.deepEqual(herdDiagnostics(uri).map((d) => `${ruleOf(d)} ${formatRange(d.range)}`), []);
  });
}

test(`${imageHover.path}: hover on the FROM image at ${imageHover.position} names the lean variant`, async () => {
  const { document } = await openFixture(imageHover);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, parsePosition(imageHover.position));
  const sections = hoverText(hovers ?? []).split(/\n+---\n+/);
  const image = sections.filter((s) => s.startsWith(imageHover.startsWith));
  assert.equal(image.length, 1, `one hover section starting with ${JSON.stringify(imageHover.startsWith)}; sections: ${JSON.stringify(sections)}`);
  const lines = image[0].split('\n');
  assert.ok(lines.some((line) => line.startsWith(imageHover.lineStartsWith)), `no line starting with ${JSON.stringify(imageHover.lineStartsWith)} in ${JSON.stringify(image[0])}`);
});

test(`${completion.path}: completion in the container map offers ${completion.labels.join(', ')}; accepting ${completion.accept} clears ${completion.clears.join(', ')}`, async () => {
  const editor = await openFixture(completion);
  const { document } = editor;
  const original = document.getText();
  try {
    await waitForDiagnostics(document.uri, completion.clears.join(', '), (d) => completion.clears.every((rule) => d.some((x) => ruleOf(x) === rule)));
    const typed = new vscode.WorkspaceEdit();
    typed.insert(document.uri, parsePosition(completion.insertAt), completion.typed);
    assert.equal(await vscode.workspace.applyEdit(typed), true, 'typing was refused');

    // Herd's items carry a "Herd: …" detail; other providers (snippets, words) may offer more.
    const items = (await completionsAt(document.uri, parsePosition(completion.position))).filter((item) => item.detail?.startsWith('Herd: '));
    items.sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    assert.deepEqual(items.map(labelOf), completion.labels);
    const item = items.find((i) => labelOf(i) === completion.accept)!;
    assert.ok(item.insertText instanceof vscode.SnippetString, `${completion.accept} inserts a snippet`);
    assert.equal(item.insertText.value, completion.insertText.join('\n'));
    const range = replacingOf(item);
    assert.ok(range, `${completion.accept} has no range`);
    assert.equal(formatRange(range), completion.replacing);

    // insertTextMode asIs: the text carries its own indentation, which the editor must not adjust.
    assert.equal(item.keepWhitespace, true, `${completion.accept} keeps its whitespace`);

    // Accept it as the suggest widget does: the snippet over the typed word, whitespace as the item says.
    // (VS Code 1.100 honours keepWhitespace here; @types/vscode 1.91 does not declare it.)
    const options: { undoStopBefore: boolean; undoStopAfter: boolean; keepWhitespace: boolean } = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: item.keepWhitespace };
    assert.equal(await editor.insertSnippet(item.insertText, range, options), true, 'inserting the completion was refused');
    assert.equal(document.getText(), completion.after.join('\n'));
    const cleared = new Set(completion.clears);
    await waitForDiagnostics(document.uri, `${completion.clears.join(', ')} to clear`, (d) => !d.some((x) => cleared.has(ruleOf(x))));
  } finally {
    await leaveSnippet();
    await restoreText(document, original);
  }
});

/** An inserted snippet leaves the editor in snippet mode (tab stops); leave it before the text is put back. */
async function leaveSnippet(): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
}
