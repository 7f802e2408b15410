// Starts code-server (VS Code 1.100.3 on Node 20) and headless Debian Chromium for the real-editor tests.
// Shared by the test-electron launcher and the screenshot suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cacheDir = join(repoRoot, '.e2e-cache');
export const codeServerEntry = join(cacheDir, 'code-server/node_modules/code-server/out/node/entry.js');
export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Settings that keep the workbench quiet and offline: no welcome page, no update or marketplace checks.
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

export function assertInstalled() {
  const missing = [];
  if (!existsSync(codeServerEntry)) missing.push(`code-server (${codeServerEntry})`);
  if (!existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  if (missing.length) throw new Error(`e2e prerequisites missing: ${missing.join(', ')}; run scripts/e2e-setup.sh as root`);
}

/** HOME, user data, extensions and browser profile under .e2e-cache/runs/<name>, emptied first unless `keep`. */
export function freshRunDirs(name, { keep = false } = {}) {
  const base = join(cacheDir, 'runs', name);
  if (!keep) rmSync(base, { recursive: true, force: true });
  const dirs = {
    base,
    home: join(base, 'home'),
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    browserProfile: join(base, 'browser-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

/** Environment that confines code-server to its own HOME and XDG folders. */
export function isolatedEnv(home, extra = {}) {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.local/state'), XDG_RUNTIME_DIR: join(home, '.run'),
    // No extension gallery: the tests must not reach open-vsx.org (and cannot, offline).
    EXTENSIONS_GALLERY: '{}', ...extra };
  // A VS Code launched from a VS Code terminal would otherwise try to talk to the outer one.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_')) delete env[key];
  delete env.ELECTRON_RUN_AS_NODE;
  for (const key of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR']) mkdirSync(env[key], { recursive: true, mode: 0o700 });
  return env;
}

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...userSettings, ...extra }, null, 2));
}

/** `code-server --install-extension <vsix>` into the given extensions dir; throws with its output on failure. */
export function installExtension(vsix, { home, userData, extensions }) {
  const result = spawnSync(process.execPath, [codeServerEntry, '--install-extension', vsix, '--force',
    '--extensions-dir', extensions, '--user-data-dir', userData], { env: isolatedEnv(home), encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return output;
}

/**
 * Starts code-server on a free loopback port (port 0: the server picks one and prints it).
 * Resolves to { origin, host, stop } once it listens; stop() ends its whole process group.
 */
export function startCodeServer({ home, userData, extensions, log = () => {}, env = {}, startTimeoutMs = 60_000 }) {
  const args = [codeServerEntry, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userData, '--extensions-dir', extensions];
  // Its own process group, so the extension host and language server it spawns end with it.
  const child = spawn(process.execPath, args, { env: isolatedEnv(home, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => stopGroup(child);
  // Last resort when our process ends without stop(): the detached group would otherwise outlive it.
  const killOnExit = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  return new Promise((resolvePromise, reject) => {
    let output = '';
    let listening = false;
    const timer = setTimeout(() => { stop(); reject(new Error(`code-server did not listen within ${startTimeoutMs} ms:\n${output}`)); }, startTimeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      const match = listening ? null : /HTTP server listening on http:\/\/([\d.]+):(\d+)/.exec(output);
      if (match) {
        listening = true;
        clearTimeout(timer);
        const host = `${match[1]}:${match[2]}`;
        resolvePromise({ origin: `http://${host}`, host, pid: child.pid, stop, exited: new Promise((r) => child.once('exit', r)) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => { clearTimeout(timer); reject(error); });
    child.once('exit', (code, signal) => { clearTimeout(timer); if (!listening) reject(new Error(`code-server exited early (${code ?? signal}):\n${output}`)); });
  });
}

/** SIGTERM the process group started for `child`, SIGKILL what is left after a grace period. */
export function stopGroup(child, graceMs = 3000) {
  if (child.pid === undefined) return Promise.resolve();
  const kill = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  // The leader may be gone while the extension host or the language server it started are not.
  if (child.exitCode !== null || child.signalCode !== null) { kill('SIGKILL'); return Promise.resolve(); }
  kill('SIGTERM');
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => { kill('SIGKILL'); resolvePromise(); }, graceMs);
    child.once('exit', () => { clearTimeout(timer); kill('SIGKILL'); resolvePromise(); });
  });
}

/** Headless Debian Chromium with a fresh profile; returns the persistent context. */
export async function launchBrowser(profileDir, { viewport = { width: 1280, height: 800 } } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport, timeout: 60_000,
  });
}

/** The workbench URL that opens `folder` (and `openFile`) and runs an extension under development with its tests, as VS Code's CLI would. */
export function workbenchUrl(origin, host, { folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const payload = [];
  if (openFile) payload.push(['openFile', `vscode-remote://${host}${openFile}`]);
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${extensionTestsPath}`]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${origin}/?${query}`;
}
