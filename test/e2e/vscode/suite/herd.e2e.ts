// Herd in a real VS Code: the extension activates, its server publishes the expected diagnostics,
// hovers answer on them and quick fixes produce the expected text. Cases come from expectations.json.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import {
  applyCodeAction, codeActionsAt, expectedLines, files, hoverText, linesForRules, openFixture, parseRange, restoreText,
  ruleOf, waitForDiagnostics, type FileExpectation, type FixExpectation,
} from './editor';
import { test } from './runner';

const EXTENSION_ID = 'herd-dev.herd';

test(`extension ${EXTENSION_ID} is installed and activates`, async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed; extensions present: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  // The driver says where the extension must come from: the development folder or the VSIX install.
  const expectedRoot = process.env.HERD_E2E_EXTENSION_ROOT;
  assert.ok(expectedRoot, 'HERD_E2E_EXTENSION_ROOT is not set by the driver');
  const path = extension.extensionUri.fsPath;
  assert.ok(path === resolve(expectedRoot) || path.startsWith(resolve(expectedRoot) + '/'), `${EXTENSION_ID} loaded from ${path}, expected under ${expectedRoot}`);
  await extension.activate();
  assert.equal(extension.isActive, true);
});

for (const file of files) {
  test(`${file.path}: Herd reports ${[...new Set(file.diagnostics.map((d) => d.rule))].join(', ')} at the expected ranges`, async () => {
    const { document } = await openFixture(file);
    const rules = new Set(file.diagnostics.map((d) => d.rule));
    const expected = expectedLines(file);
    const diagnostics = await waitForDiagnostics(document.uri, `exactly these of ${[...rules].join(', ')}: ${JSON.stringify(expected)}`,
      (d) => JSON.stringify(linesForRules(d, rules)) === JSON.stringify(expected));
    assert.deepEqual(linesForRules(diagnostics, rules), expected);
    for (const d of diagnostics.filter((x) => rules.has(ruleOf(x)))) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `${ruleOf(d)} severity`);
      assert.ok(d.message.length > 0, `${ruleOf(d)} has a message`);
    }
  });

  test(`${file.path}: hover on the ${file.hover.rule} range mentions ${file.hover.includes}`, async () => {
    const { document } = await openFixture(file);
    await waitForDiagnostics(document.uri, file.hover.rule, (d) => d.some((x) => ruleOf(x) === file.hover.rule));
    const range = parseRange(file.hover.range);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, range.start);
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes(file.hover.includes), `hover at ${file.hover.range} does not mention "${file.hover.includes}": ${JSON.stringify(text)}`);
  });

  for (const fix of file.fixes) {
    test(`${file.path}: quick fix "${fix.titleStartsWith}…" gives the expected text and clears ${fix.clears.join(', ')}`, () => applyFix(file, fix));
  }
}

async function applyFix(file: FileExpectation, fix: FixExpectation): Promise<void> {
  const { document } = await openFixture(file);
  const original = document.getText();
  try {
    await waitForDiagnostics(document.uri, fix.rule, (d) => d.some((x) => ruleOf(x) === fix.rule));
    const actions = await codeActionsAt(document.uri, parseRange(fix.range));
    const titles = actions.map((a) => a.title);
    const action = actions.find((a) => a.title.startsWith(fix.titleStartsWith));
    assert.ok(action, `no code action titled "${fix.titleStartsWith}…" at ${fix.range}; offered: ${JSON.stringify(titles)}`);
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${action.title}" is of kind ${action.kind?.value}, expected quickfix`);
    // (vscode.executeCodeActionProvider drops each action's `diagnostics`, so that link cannot be checked here.)
    await applyCodeAction(action);
    assert.equal(document.getText(), fix.after.join('\n'));
    const cleared = new Set(fix.clears);
    await waitForDiagnostics(document.uri, `${fix.clears.join(', ')} to clear after the fix`, (d) => !d.some((x) => cleared.has(ruleOf(x))));
  } finally {
    await restoreText(document, original);
  }
}
