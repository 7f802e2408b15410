// Herd's server in headless Neovim 0.7 over stdio: diagnostics, code actions and an applied fix,
// checked against the same expectations as the VS Code suite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const server = join(root, 'dist/server.js');
const runDir = join(root, '.e2e-cache/runs/neovim');
const { files } = JSON.parse(readFileSync(join(here, '../fixtures/expectations.json'), 'utf8'));

/** A Neovim diagnostic (0-based lines and byte columns; the fixtures are ASCII) as "rule 5:17-5:18", like expectations.json. */
const line = (d) => `${d.code} ${d.lnum + 1}:${d.col + 1}-${d.end_lnum + 1}:${d.end_col + 1}`;

function runNeovim(file, fixTitle) {
  const workspace = join(runDir, 'workspace');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  cpSync(join(here, '../fixtures/workspace'), workspace, { recursive: true });
  const out = join(runDir, 'result.json');
  const home = join(runDir, 'home');
  mkdirSync(home, { recursive: true });
  const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(here, 'init.lua'), join(workspace, file)], {
    cwd: workspace,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_STATE_HOME: join(home, '.local/state'),
      XDG_CACHE_HOME: join(home, '.cache'),
      // the server writes its V8 code cache a second after it starts, or as it exits, which can be after Neovim has
      // quit: kept outside the run folder, it never races the next run's cleanup of that folder
      HERD_CODE_CACHE: join(root, '.e2e-cache/code-cache'), HERD_SERVER: server, HERD_OUT: out, HERD_ROOT: workspace, HERD_FIX_TITLE: fixTitle, HERD_WAIT_MS: '20000' },
    encoding: 'utf8', timeout: 90_000, killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  assert.ok(existsSync(out), `nvim wrote no result (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${output}`);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(json.error, undefined, `init.lua failed: ${json.error}\n${output}`);
  assert.equal(result.status, 0, `nvim exited ${result.status}:\n${output}`);
  return json;
}

test('prerequisites: nvim 0.7+ and a built server', () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.match(version.stdout ?? '', /^NVIM v0\.(\d+)/, 'nvim is not installed (scripts/e2e-setup.sh)');
  assert.ok(existsSync(server), `${server} is missing: run node scripts/build.mjs`);
});

for (const file of files) {
  const fix = file.fixes[0];
  test(`${file.path}: diagnostics, code actions and "${fix.titleStartsWith}…" over stdio`, () => {
    const result = runNeovim(file.path, fix.titleStartsWith);
    assert.equal(result.filetype, file.languageId, 'Neovim filetype');
    const rules = new Set(file.diagnostics.map((d) => d.rule));
    const expected = file.diagnostics.map((d) => `${d.rule} ${d.range}`).sort();
    const actual = (result.diagnostics ?? []).filter((d) => rules.has(d.code)).map(line).sort();
    assert.deepEqual(actual, expected, `diagnostics (events: ${result.events.join('; ')}; all: ${JSON.stringify(result.diagnostics)})`);

    const titles = result.actions.filter((a) => a.rule === fix.rule).map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith(fix.titleStartsWith)), `code actions for ${fix.rule}: ${JSON.stringify(titles)}`);
    assert.ok(result.actions.find((a) => a.title.startsWith(fix.titleStartsWith))?.kind?.startsWith('quickfix'), 'the fix is a quickfix');
    assert.equal(result.applied?.startsWith(fix.titleStartsWith), true, 'the fix was applied');
    assert.equal(result.after, fix.after.join('\n'));
    const left = result.after_diagnostics.filter((d) => fix.clears.includes(d.code)).map(line);
    assert.deepEqual(left, [], `diagnostics after the fix`);
  });
}
