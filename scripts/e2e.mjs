// `npm run test:e2e`: Herd in real editors. Sets up (once), builds, then runs the VS Code suite from the
// development folder, the harness's own failure check, the Neovim test, the screenshots and the VS Code
// suite against the packaged VSIX. Ends with "N passed, N failed" and a non-zero exit on any failure.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.e2e-cache');
const e2e = join(root, 'test/e2e');
const launcher = join(e2e, 'vscode/launcher.mjs');
const suiteBuild = join(cache, 'build/suite');
const runTimeoutMs = 240_000;
const only = new Set(process.argv.slice(2)); // e.g. `node scripts/e2e.mjs vscode neovim`

const tally = { passed: 0, failed: 0 };
const failures = [];
const timings = [];
const say = (message) => console.log(`\n[e2e] ${message}`);

function record(name, passed, failed, detail) {
  tally.passed += passed;
  tally.failed += failed;
  if (failed) failures.push(`${name}: ${detail ?? `${failed} failed`}`);
}

// Children run in their own process groups (so a timeout can end all they started); pass Ctrl+C on to them.
const activeGroups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pgid of activeGroups) { try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ } }
    console.log(`\n[e2e] ${signal}: stopped`);
    process.exit(130);
  });
}

/** Runs a command with a hard timeout (its whole process group is killed), echoing and returning its output. */
function run(command, args, { timeoutMs = 300_000, env = {}, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    activeGroups.add(child.pid);
    let output = '';
    const onData = (chunk) => { output += chunk; if (!quiet) process.stdout.write(chunk); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, timeoutMs);
    child.on('error', (error) => { output += String(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      activeGroups.delete(child.pid);
      resolvePromise({ code: timedOut ? 124 : (code ?? 1), signal, output, timedOut });
    });
  });
}

async function step(name, fn) {
  if (only.size && ![...only].some((o) => name.startsWith(o))) return;
  const started = Date.now();
  say(`${name} …`);
  try {
    await fn();
  } catch (error) {
    record(name, 0, 1, error instanceof Error ? error.message : String(error));
    console.log(`[e2e] ${name} failed: ${error instanceof Error ? error.stack : error}`);
  }
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Counts from `node --test`'s spec reporter ("ℹ pass N", "ℹ fail N"). */
async function nodeTest(name, file, timeoutMs) {
  const result = await run(process.execPath, ['--test', '--test-reporter=spec', file], { timeoutMs });
  const count = (label) => Number(new RegExp(`ℹ ${label} (\\d+)`).exec(result.output)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  if (result.code !== 0 && failed === 0) record(name, passed, 1, `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}`);
  else record(name, passed, failed);
}

// The setup script is idempotent and skips what is installed in well under a second.
async function ensureSetup() {
  const result = await run('bash', [join(root, 'scripts/e2e-setup.sh')], { timeoutMs: 900_000 });
  if (result.code !== 0) throw new Error(`scripts/e2e-setup.sh exited ${result.code}`);
}

async function buildSuite() {
  const { build } = await import('esbuild');
  rmSync(suiteBuild, { recursive: true, force: true });
  await build({
    entryPoints: { index: join(e2e, 'vscode/suite/index.ts'), 'deliberate-failure': join(e2e, 'vscode/suite/deliberate-failure.ts') },
    outdir: suiteBuild, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', external: ['vscode'], logLevel: 'warning',
  });
}

/** One VS Code run through @vscode/test-electron and the code-server launcher; returns the suite's results. */
async function vscodeRun({ name, label, extensionDevelopmentPath, extensionRoot, testsEntry, dirs }) {
  const { runTests } = await import('@vscode/test-electron');
  const { freshRunDirs } = await import('../test/e2e/vscode/codeServer.mjs');
  const runDirs = dirs ?? freshRunDirs(name);
  const workspace = join(runDirs.base, 'workspace');
  cpSync(join(e2e, 'fixtures/workspace'), workspace, { recursive: true }); // tests edit a copy, never the fixtures
  const resultsFile = join(runDirs.base, 'results.json');
  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath: launcher,
      extensionDevelopmentPath,
      extensionTestsPath: join(suiteBuild, testsEntry),
      launchArgs: [workspace, `--user-data-dir=${runDirs.userData}`, `--extensions-dir=${runDirs.extensions}`],
      extensionTestsEnv: {
        HERD_E2E_RUN_NAME: name, HERD_E2E_RESULTS: resultsFile, HERD_E2E_LABEL: label,
        HERD_E2E_EXTENSION_ROOT: extensionRoot ?? '', HERD_E2E_TIMEOUT_MS: String(runTimeoutMs),
      },
    });
  } catch (error) {
    exitCode = typeof error?.code === 'number' ? error.code : 1;
  }
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).results : undefined;
  return { exitCode, results };
}

function recordVscode(name, { exitCode, results }) {
  if (!results) { record(name, 0, 1, `no test results (exit code ${exitCode}); see the log above`); return; }
  const failed = results.filter((r) => !r.ok);
  record(name, results.length - failed.length, failed.length, failed.map((r) => r.name).join('; '));
  if (!failed.length && exitCode !== 0) record(name, 0, 1, `all tests passed but the run exited ${exitCode}`);
}

const started = Date.now();
await step('setup', ensureSetup);
let buildFailed = false;
await step('build', async () => {
  const result = await run(process.execPath, ['scripts/build.mjs'], { timeoutMs: 180_000 });
  buildFailed = result.code !== 0;
  if (buildFailed) throw new Error(`node scripts/build.mjs exited ${result.code}`);
});
await step('vscode suite typecheck + bundle', async () => {
  const tsc = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(e2e, 'vscode')], { timeoutMs: 120_000 });
  if (tsc.code !== 0) throw new Error('tsc -p test/e2e/vscode failed');
  await buildSuite();
  record('vscode suite typecheck + bundle', 1, 0);
});
if (buildFailed) say('the build failed: the suites below will fail too');

await step('vscode (dev folder)', async () => {
  recordVscode('vscode (dev folder)', await vscodeRun({ name: 'vscode-dev', label: 'dev folder', extensionDevelopmentPath: root, extensionRoot: root, testsEntry: 'index.js' }));
});

await step('vscode harness: a failing assertion fails the run', async () => {
  const { exitCode, results } = await vscodeRun({
    name: 'vscode-deliberate-failure', label: 'deliberate failure', extensionDevelopmentPath: join(e2e, 'vscode/harness-extension'), testsEntry: 'deliberate-failure.js',
  });
  const sawFailure = results?.length === 1 && !results[0].ok;
  if (exitCode !== 0 && sawFailure) { console.log(`[e2e] as intended: the deliberate failure made the run exit ${exitCode}`); record('vscode harness', 1, 0); }
  else record('vscode harness', 0, 1, `expected a failed test and a non-zero exit, got exit ${exitCode} and ${JSON.stringify(results)}`);
});

await step('neovim', () => nodeTest('neovim', join(e2e, 'neovim/neovim.test.mjs'), 120_000));

await step('screens', () => nodeTest('screens', join(e2e, 'screens/screens.test.mjs'), 240_000));

await step('vscode (vsix)', async () => {
  // HERD_E2E_VSIX tests a VSIX built elsewhere; by default the project's own `npm run package` makes it.
  let vsix = process.env.HERD_E2E_VSIX;
  if (!vsix) {
    const pack = await run('npm', ['run', 'package'], { timeoutMs: 240_000 });
    if (pack.code !== 0) throw new Error(`npm run package exited ${pack.code}`);
    vsix = join(root, 'herd.vsix');
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist`);
  const { freshRunDirs, installExtension } = await import('../test/e2e/vscode/codeServer.mjs');
  const dirs = freshRunDirs('vscode-vsix');
  console.log(installExtension(vsix, dirs).trim());
  recordVscode('vscode (vsix)', await vscodeRun({
    name: 'vscode-vsix', label: 'vsix', dirs, extensionDevelopmentPath: join(e2e, 'vscode/harness-extension'), extensionRoot: dirs.extensions, testsEntry: 'index.js',
  }));
});

console.log(`\n[e2e] timings: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const failure of failures) console.log(`[e2e] FAILED ${failure}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);
