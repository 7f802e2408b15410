#!/usr/bin/env node
// Stands in for the VS Code executable given to @vscode/test-electron's runTests: takes VS Code's
// command line, runs the same extension tests in code-server + headless Chromium, and exits with
// the code the workbench reports through codeAutomationExit.
import { resolve } from 'node:path';
import { assertInstalled, freshRunDirs, launchBrowser, startCodeServer, workbenchUrl, writeUserSettings } from './codeServer.mjs';

const timeoutMs = Number(process.env.HERD_E2E_TIMEOUT_MS ?? 240_000);
const verbose = process.env.HERD_E2E_VERBOSE === '1';

/** The parts of VS Code's command line that matter here; the rest (--no-sandbox, --skip-welcome, ...) has no meaning for code-server. */
export function parseArgs(argv) {
  const options = { extensionDevelopmentPath: [], folders: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) { options.folders.push(resolve(arg)); continue; }
    const [, name, inline] = match;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (name === 'extensionDevelopmentPath') options.extensionDevelopmentPath.push(resolve(value));
    else if (name === 'extensionTestsPath') options.extensionTestsPath = resolve(value);
    else if (name === 'user-data-dir') options.userData = resolve(value);
    else if (name === 'extensions-dir') options.extensions = resolve(value);
  }
  return options;
}

const stamp = () => new Date().toISOString().slice(11, 23);
const say = (message) => process.stdout.write(`[launcher ${stamp()}] ${message}\n`);

let server;
let context;
let finished = false;

/** Ends the run once: closes Chromium, stops code-server's process group, exits with `code`. */
async function shutdown(code, message) {
  if (finished) return;
  finished = true;
  if (message) say(message);
  await context?.close().catch(() => {});
  await server?.stop();
  process.exit(code);
}

async function main() {
  assertInstalled();
  const options = parseArgs(process.argv.slice(2));
  if (!options.extensionTestsPath) throw new Error('no --extensionTestsPath given');
  if (options.folders.length > 1) throw new Error(`expected one workspace folder, got ${options.folders.join(', ')}`);
  if (options.extensionDevelopmentPath.length > 1) throw new Error('only one --extensionDevelopmentPath is supported');
  // The driver names the run (its folders stay for a post-mortem); a bare launch gets its own.
  const runName = process.env.HERD_E2E_RUN_NAME;
  const dirs = runName ? freshRunDirs(runName, { keep: true }) : freshRunDirs(`launcher-${process.pid}`);
  const userData = options.userData ?? dirs.userData;
  const extensions = options.extensions ?? dirs.extensions;
  writeUserSettings(userData);

  process.once('SIGINT', () => shutdown(130, 'interrupted'));
  process.once('SIGTERM', () => shutdown(143, 'terminated'));
  const hardTimeout = setTimeout(() => shutdown(124, `timed out after ${timeoutMs} ms; stopping code-server and Chromium`), timeoutMs);

  say(`code-server: user-data ${userData}, extensions ${extensions}`);
  server = await startCodeServer({ home: dirs.home, userData, extensions, log: (line) => verbose && say(`code-server: ${line}`) });
  server.exited.then((code) => shutdown(1, `code-server exited unexpectedly (${code})`));
  say(`code-server listening on ${server.origin}`);

  context = await launchBrowser(dirs.browserProfile);
  const page = context.pages()[0] ?? await context.newPage();
  let resolveExit;
  const exitCode = new Promise((resolvePromise) => { resolveExit = resolvePromise; });
  // The workbench calls these in extension-test mode (code-server's out/vs/code/browser/workbench/workbench.js).
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    process.stdout.write(`${Array.isArray(message) ? message.join(' ') : String(message)}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number.isInteger(code) ? code : 1));
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  page.on('crash', () => shutdown(1, 'the workbench page crashed'));
  context.on('close', () => shutdown(1, 'Chromium closed before the tests finished'));
  if (verbose) page.on('console', (message) => say(`console.${message.type()}: ${message.text()}`));

  const url = workbenchUrl(server.origin, server.host, {
    folder: options.folders[0],
    extensionDevelopmentPath: options.extensionDevelopmentPath[0],
    extensionTestsPath: options.extensionTestsPath,
  });
  say(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const code = await exitCode;
  clearTimeout(hardTimeout);
  await shutdown(code, `tests finished with exit code ${code}`);
}

main().catch((error) => shutdown(1, `error: ${error.stack ?? error}`));
