// source.fixAll.herd in a real VS Code: asked for through the code action API and applied, and run by
// editor.codeActionsOnSave on save. Cases come from expectations.json (fixAll, fixOnSave).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeActionsOfKind, describe, diskText, expectations, expectedLines, FIX_ALL_KIND, openFixture, parsePosition, restoreText,
  waitForExactly, waitForLintOfCurrentVersion,
} from './editor';
import { test } from './runner';

const { fixAll, fixOnSave } = expectations;
const rulesOf = (diagnostics: readonly { rule: string }[]) => [...new Set(diagnostics.map((d) => d.rule))].join(', ');

test(`${fixAll.path}: ${FIX_ALL_KIND} applies every safe fix (${rulesOf(fixAll.diagnostics)}) and leaves nothing`, async () => {
  const { document } = await openFixture(fixAll);
  const original = document.getText();
  try {
    await waitForExactly(document.uri, expectedLines(fixAll), 'before the fix-all');
    const actions = await codeActionsOfKind(document, FIX_ALL_KIND);
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [[fixAll.title, FIX_ALL_KIND]], 'the code actions of kind source.fixAll.herd');
    const [action] = actions;
    assert.ok(action.edit, `"${action.title}" carries no edit`);
    assert.deepEqual(action.edit.entries().map(([uri]) => uri.toString()), [document.uri.toString()], 'the fix-all edits this document only');
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applying "${action.title}" was refused`);
    assert.equal(document.getText(), fixAll.after.join('\n'));
    await waitForExactly(document.uri, [], 'after the fix-all');
    // Nothing safe is left: a second request offers no fix-all.
    assert.deepEqual((await codeActionsOfKind(document, FIX_ALL_KIND)).map((a) => a.title), []);
  } finally {
    await restoreText(document, original);
  }
});

test(`${fixOnSave.path}: editor.codeActionsOnSave {"${FIX_ALL_KIND}": "explicit"} in the workspace settings fixes on save, and only with it`, async () => {
  const { document } = await openFixture(fixOnSave);
  const editorConfig = () => vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: fixOnSave.languageId });
  try {
    for (const [index, step] of fixOnSave.steps.entries()) {
      const label = `step ${index + 1} (codeActionsOnSave ${step.codeActionsOnSave ? 'set' : 'not set'})`;
      const wanted = step.codeActionsOnSave ? { [FIX_ALL_KIND]: 'explicit' } : undefined;
      await editorConfig().update('codeActionsOnSave', wanted, vscode.ConfigurationTarget.Workspace, true);
      assert.deepEqual(editorConfig().inspect('codeActionsOnSave')?.workspaceLanguageValue, wanted, `${label}: the [${fixOnSave.languageId}] workspace setting`);

      // The user types the lines: the document is dirty, and Herd reports them before the save.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, parsePosition(`${step.insertBefore}:1`), step.lines.map((line) => `${line}\n`).join(''));
      assert.equal(await vscode.workspace.applyEdit(edit), true, `${label}: typing was refused`);
      await waitForExactly(document.uri, expectedLines(step), `${label}, before the save`);

      assert.equal(await document.save(), true, `${label}: the save failed`);
      assert.equal(document.isDirty, false, `${label}: still dirty after the save`);
      assert.equal(document.getText(), step.saved.join('\n'), `${label}: the document after the save`);
      assert.equal(await diskText(document.uri), step.saved.join('\n'), `${label}: the file on disk`);
      const left = expectedLines({ diagnostics: step.afterSave });
      await waitForLintOfCurrentVersion(document, `${label}: ${JSON.stringify(left)} after the save`, (d) => JSON.stringify(describe(d)) === JSON.stringify(left));
    }
  } finally {
    await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  }
});
