// The V8 code cache the server bundle starts through (server/src/boot/code-cache.ts): a valid cache is used, and a
// missing, corrupt, truncated, stale or rejected one is ignored (the module still runs from its source) and
// written again; a folder that cannot be written costs nothing. Then the shipped loader, end to end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { cacheFileFor, codeCacheDir, runWithCodeCache } from '../../server/src/boot/code-cache';

const root = mkdtempSync(join(tmpdir(), 'herd-code-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A folder with a CommonJS module whose export says which source ran. */
function moduleFolder(answer: string): { dir: string; file: string; cache: string } {
  const dir = join(root, String(folders++));
  const file = join(dir, 'bundle.js');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `'use strict';\nconst path = require('node:path');\nmodule.exports = { answer: ${JSON.stringify(answer)}, dir: path.basename(__dirname), work: () => [1, 2, 3].map((n) => n * 2) };\n`);
  return { dir, file, cache: join(dir, 'cache') };
}

function run(file: string, cache: string | undefined) {
  const module = { exports: {} as { answer?: string; dir?: string; work?: () => number[] } };
  const load = runWithCodeCache(file, cache, module);
  assert.deepEqual(module.exports.work?.(), [2, 4, 6]);
  return { load, exports: module.exports };
}

const cacheFiles = (cache: string) => readdirSync(cache).filter((f) => f.endsWith('.cache'));

describe('V8 code cache of the server bundle', () => {
  it('runs the module without a cache, writes one, and uses it on the next start', () => {
    const m = moduleFolder('first');
    const first = run(m.file, m.cache);
    assert.equal(first.load.status, 'missing');
    assert.equal(first.exports.answer, 'first');
    assert.equal(first.exports.dir, m.dir.split('/').pop());
    assert.equal(first.load.save(), true);
    assert.equal(cacheFiles(m.cache).length, 1);
    const second = run(m.file, m.cache);
    assert.equal(second.load.status, 'accepted');
    assert.equal(second.exports.answer, 'first');
  });

  it('ignores a corrupt or truncated cache, runs the source, and writes a valid one', () => {
    for (const damage of [(b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 5 ? x ^ 0xff : x))), (b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.from('not a cache')]) {
      const m = moduleFolder('corrupt');
      run(m.file, m.cache).load.save();
      const path = join(m.cache, cacheFiles(m.cache)[0]);
      writeFileSync(path, damage(readFileSync(path)));
      const damaged = run(m.file, m.cache);
      assert.equal(damaged.load.status, 'invalid');
      assert.equal(damaged.exports.answer, 'corrupt');
      assert.equal(damaged.load.save(), true);
      assert.equal(run(m.file, m.cache).load.status, 'accepted');
    }
  });

  it('ignores the cache of another source under this one’s name (stale), and one that V8 rejects', () => {
    const old = moduleFolder('old');
    const oldLoad = run(old.file, old.cache).load;
    oldLoad.save();
    const oldCache = readFileSync(oldLoad.file!);
    const sha = (data: string | Buffer) => createHash('sha256').update(data).digest();
    // stale: the old bundle's cache file where the new bundle looks
    const m = moduleFolder('new source');
    const path = cacheFileFor(m.file, sha(readFileSync(m.file, 'utf8')), m.cache);
    mkdirSync(m.cache, { recursive: true });
    writeFileSync(path, oldCache);
    const stale = run(m.file, m.cache);
    assert.equal(stale.load.status, 'invalid');
    assert.equal(stale.exports.answer, 'new source');
    // rejected: a file whose own hashes say "this source" around the old bundle's payload (the file a bug or an
    // attacker could write); V8 checks the payload against the source, on a source this process never compiled
    const r = moduleFolder('rejected source');
    const rPath = cacheFileFor(r.file, sha(readFileSync(r.file, 'utf8')), r.cache);
    const payload = oldCache.subarray(20 + 64);
    mkdirSync(r.cache, { recursive: true });
    writeFileSync(rPath, Buffer.concat([oldCache.subarray(0, 20), sha(readFileSync(r.file, 'utf8')), sha(payload), payload]));
    const rejected = run(r.file, r.cache);
    assert.equal(rejected.load.status, 'rejected');
    assert.equal(rejected.exports.answer, 'rejected source');
    assert.equal(rejected.load.save(), true);
    assert.notDeepEqual(readFileSync(rPath).subarray(20 + 64), payload);
  });

  it('writes over the cache of an older bundle of the same name, and leaves one file', () => {
    const m = moduleFolder('v1');
    run(m.file, m.cache).load.save();
    writeFileSync(m.file, readFileSync(m.file, 'utf8').replace('"v1"', '"v2"'));
    const v2 = run(m.file, m.cache);
    assert.equal(v2.load.status, 'missing');
    assert.equal(v2.exports.answer, 'v2');
    v2.load.save();
    assert.equal(cacheFiles(m.cache).length, 1);
    assert.equal(run(m.file, m.cache).load.status, 'accepted');
  });

  it('runs without a cache when the folder cannot be written, or when the cache is off', () => {
    const m = moduleFolder('read-only');
    // a folder under a file cannot be made
    const blocked = join(m.file, 'cache');
    const load = run(m.file, blocked).load;
    assert.equal(load.status, 'missing');
    assert.equal(load.save(), false);
    const off = run(m.file, undefined).load;
    assert.equal(off.status, 'off');
    assert.equal(off.save(), false);
    assert.equal(codeCacheDir({ HERD_CODE_CACHE: 'off' }), undefined);
    assert.equal(codeCacheDir({ HERD_CODE_CACHE: '/x/y' }), '/x/y');
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/c' }), join('/c', 'herd'));
  });

  it('the shipped server (dist/server.js) lints through its loader, writes its cache on exit, and starts from it', async () => {
    const cache = join(root, 'server-cache');
    const server = join(__dirname, '..', '..', 'dist', 'server.js');
    const start = async () => {
      const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, HERD_CODE_CACHE: cache } });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      const uri = 'file:///cache/Dockerfile';
      const diagnostics = new Promise<{ message: string }[]>((resolve) => connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { message: string }[] }) => p.uri === uri && resolve(p.diagnostics)));
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
      connection.onRequest('client/registerCapability', () => null);
      connection.onNotification('window/logMessage', () => undefined);
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
      await connection.sendNotification('initialized', {});
      // a RUN script: the shell grammar is loaded (from bytes: the bundle runs in a vm.Script)
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCMD ["app"]\n' } });
      const found = await diagnostics;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
      return found.map((d) => d.message).sort();
    };
    const first = await start();
    assert.ok(first.some((m) => /--no-install-recommends/.test(m)), first.join('\n'));
    const [file] = cacheFiles(cache);
    assert.match(file, /^server-main\.js\./);
    const written = statSync(join(cache, file));
    assert.deepEqual(await start(), first);
    // the second start used the cache: nothing was written again
    assert.equal(statSync(join(cache, file)).mtimeMs, written.mtimeMs);
    writeFileSync(join(cache, file), 'garbage');
    assert.deepEqual(await start(), first);
    assert.ok(statSync(join(cache, file)).size > 1000);
  });
});
