// Herd reads workspace files as text and never runs them: no process spawning, no eval, no module loaded from
// a computed path, anywhere in the server or the client. The extension says so to VS Code (untrusted workspaces).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

/** What may not appear in shipped code, each with why. */
const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  { pattern: /\bchild_process\b/, what: 'child_process (runs programs)' },
  { pattern: /['"](?:node:)?(?:vm|worker_threads)['"]/, what: 'vm / worker_threads (runs code)' },
  { pattern: /(?<![.\w$])eval\s*\(/, what: 'eval(' },
  { pattern: /\bnew\s+Function\b/, what: 'new Function' },
  { pattern: /\bprocess\s*\.\s*(?:dlopen|binding)\b/, what: 'process.dlopen / process.binding' },
  // require(…) and import(…) of anything but one string literal: a path that could come from the workspace
  { pattern: /(?<![.\w$])require\s*\(\s*(?!(['"])[^'"`$\\]*\1\s*\))/, what: 'require( of a computed path' },
  { pattern: /(?<![.\w$])import\s*\(\s*(?!(['"])[^'"`$\\]*\1\s*\))/, what: 'import( of a computed path' },
];

/**
 * Narrow exceptions, each with why, by file: the pattern is allowed in that file only.
 * - The start-up loader compiles Herd's own server bundle (dist/server-main.js, beside it) as a `vm.Script`, to start
 *   from V8's code cache: Herd's code, never a workspace file.
 * - The language server lints in a worker thread (issue #16): a thread of Herd's own code, started from the file name
 *   `lint-worker.js` beside the server's bundle, never from anything the workspace holds; nothing is evaluated and no
 *   module is loaded by a computed name (those patterns stay forbidden there too).
 * - `herd lint` lints large runs in worker threads: Herd's own script (dist/cli-worker.js), never a path from the
 *   workspace.
 */
const ALLOWED: Record<string, string[]> = {
  'server/src/boot/code-cache.ts': ['vm / worker_threads (runs code)'],
  'server/src/lsp/lint-worker-host.ts': ['vm / worker_threads (runs code)'],
  'server/src/lsp/lint-worker.ts': ['vm / worker_threads (runs code)'],
  'server/src/lsp/herd-server.ts': ['vm / worker_threads (runs code)'],
  'server/src/cli/lint-pool.ts': ['vm / worker_threads (runs code)'],
  'server/src/cli/lint-worker.ts': ['vm / worker_threads (runs code)'],
};

/** Comments may mention what code may not do. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

function violations(name: string, source: string): string[] {
  const out: string[] = [];
  const allowed = ALLOWED[name.split('\\').join('/')] ?? [];
  withoutComments(source)
    .split('\n')
    .forEach((line, i) => {
      for (const { pattern, what } of FORBIDDEN) if (pattern.test(line) && !allowed.includes(what)) out.push(`${name}:${i + 1}: ${what}: ${line.trim()}`);
    });
  return out;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|js|mjs|cjs)$/.test(entry)) out.push(path);
  }
  return out;
}

describe('nothing from the workspace is executed', () => {
  it('server/src and client/src spawn nothing, evaluate nothing and load modules by literal names only', () => {
    const files = [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'client', 'src'))];
    assert.ok(files.length > 50, `${files.length} source files`);
    const found = files.flatMap((f) => violations(relative(ROOT, f), readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the scan finds each forbidden form, and lets literal requires, type imports and comments be', () => {
    const bad = [
      "import { execFile } from 'node:child_process';",
      "const cp = require('child_process');",
      "import { runInNewContext } from 'vm';",
      'eval(text);',
      'const f = new Function("return 1");',
      'const m = require(path);',
      'const m = require(`./rules/${id}`);',
      'const m = require("./a" + b);',
      'const m = await import(specifier);',
      "const m = await import('./' + name);",
      "process.dlopen(module, file);",
    ];
    for (const line of bad) assert.equal(violations('x.ts', line).length, 1, line);
    const fine = [
      "import { readFileSync } from 'node:fs';",
      "const { Parser } = require('web-tree-sitter');",
      "type R = import('vscode-languageserver-types').Range;",
      "const wasm = require.resolve(`${pkg}/${file}`);",
      '// never eval(text) or require(path) here',
      '/* new Function is not used */',
      'const re = /x/.exec(text);',
      'doc.evaluate(x);',
    ];
    for (const line of fine) assert.deepEqual(violations('x.ts', line), [], line);
  });

  it('the extension declares untrusted-workspace support', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });
});
