// Screenshots of Herd in code-server: squiggles, the Problems panel and the quick-fix menu on the
// fixture Dockerfile and manifest, written to test/e2e/.output/. The Problems panel's text is asserted.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  assertInstalled, freshRunDirs, launchBrowser, repoRoot, startCodeServer, workbenchUrl, writeUserSettings,
} from '../vscode/codeServer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outputDir = join(here, '../.output/screens');
const { files } = JSON.parse(readFileSync(join(here, '../fixtures/expectations.json'), 'utf8'));
const UI_TIMEOUT = 45_000;

let server;
let context;
let workspace;

before(async () => {
  assertInstalled();
  rmSync(outputDir, { recursive: true, force: true }); // no picture from an earlier run can pass for this one's
  mkdirSync(outputDir, { recursive: true });
  const dirs = freshRunDirs('screens');
  workspace = join(dirs.base, 'workspace');
  cpSync(join(here, '../fixtures/workspace'), workspace, { recursive: true });
  // Problems panel docked at the bottom and nothing else competing for the screen.
  writeUserSettings(dirs.userData, { 'workbench.panel.defaultLocation': 'bottom', 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Light Modern' });
  server = await startCodeServer(dirs);
  context = await launchBrowser(dirs.browserProfile);
}, { timeout: 120_000 });

after(async () => {
  await context?.close().catch(() => {});
  await server?.stop();
});

/** Loads the workbench with Herd from the development folder and `file` open in an editor. */
async function openInWorkbench(file) {
  const page = context.pages()[0] ?? (await context.newPage());
  const url = workbenchUrl(server.origin, server.host, { folder: workspace, extensionDevelopmentPath: repoRoot, openFile: join(workspace, file.path) });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: UI_TIMEOUT });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT });
  return page;
}

/** Toasts (for example about another extension) would cover the Problems panel in the pictures. */
async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}

/** Runs a workbench command through the command palette (F1), which works whatever the key bindings. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
}

/** "5:19-5:36" to the "5:19" that Go to Line accepts. */
const startOf = (range) => range.split('-')[0];

/** Puts the cursor at "line:column" with Go to Line, and waits until the status bar says it is there. */
async function goTo(page, position) {
  await runCommand(page, 'Go to Line/Column');
  const input = page.locator('.quick-input-widget input');
  await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value === ':', null, { timeout: UI_TIMEOUT });
  await input.fill(`:${position}`);
  await page.keyboard.press('Enter');
  const [line, column] = position.split(':');
  await page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: UI_TIMEOUT });
}

const shot = (page, name) => page.screenshot({ path: join(outputDir, name) });
const slug = (path) => path.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

for (const file of files) {
  const rules = [...new Set(file.diagnostics.map((d) => d.rule))];
  const fix = file.fixes[0];

  test(`${file.path}: squiggles, Problems panel listing ${rules.join(', ')}, quick-fix menu with "${fix.titleStartsWith}…"`, { timeout: 180_000 }, async () => {
    const page = await openInWorkbench(file);
    const editor = page.locator('.monaco-editor').first();
    // Herd's findings are warnings, drawn once the server has answered (overlapping ranges share a squiggle).
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT })
      .catch(async () => {
        await shot(page, `${slug(file.path)}-FAILED-no-squiggles.png`);
        assert.fail(`no warning squiggle in ${file.path} within ${UI_TIMEOUT} ms (see ${slug(file.path)}-FAILED-no-squiggles.png)`);
      });
    await clearNotifications(page);
    await shot(page, `${slug(file.path)}-squiggles.png`);

    await runCommand(page, 'Focus on Problems View');
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ timeout: UI_TIMEOUT });
    for (const rule of rules) await problems.getByText(rule).first().waitFor({ timeout: UI_TIMEOUT }).catch(() => {});
    const text = await problems.innerText();
    for (const rule of rules) assert.ok(text.includes(rule), `the Problems panel does not list ${rule}:\n${text}`);
    await shot(page, `${slug(file.path)}-problems.png`);

    await goTo(page, startOf(fix.range));
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.getByText(fix.titleStartsWith, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT })
      .catch(async () => {
        await shot(page, `${slug(file.path)}-FAILED-quick-fix.png`);
        assert.fail(`the quick-fix menu does not offer "${fix.titleStartsWith}…": ${await menu.innerText({ timeout: 1000 }).catch(() => '(no menu)')}`);
      });
    await shot(page, `${slug(file.path)}-quick-fix.png`);
    await page.keyboard.press('Escape');
  });
}
