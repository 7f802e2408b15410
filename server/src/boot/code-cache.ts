// Runs a CommonJS bundle through V8's code cache (Node 20 has no `module.enableCompileCache`): the language
// server's start pays for compiling its 600 kB bundle, and for compiling lazily every function its first lint
// runs, once per version instead of once per start. The cache file holds the bundle's own hash and the payload's
// hash: a missing, corrupt, truncated or stale file (another bundle, another Node) is ignored and written again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** How a load met the cache: `accepted` by V8, or compiled without it (`missing`, `invalid`, `rejected` by V8, `off`). */
export type CodeCacheStatus = 'accepted' | 'missing' | 'invalid' | 'rejected' | 'off';

export interface CachedLoad {
  status: CodeCacheStatus;
  /** The cache file of this bundle, Node and V8 (undefined when off). */
  file?: string;
  /** Writes the code of every function compiled so far; false when it could not (read-only folder, …). */
  save(): boolean;
}

const MAGIC = Buffer.from('HERD-V8-CODE-CACHE-1');
const HASH = 32;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();

/** `HERD_CODE_CACHE`: a folder, or `off`; else the user's cache folder. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.HERD_CODE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return setting;
  try {
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'herd');
  } catch {
    return join(tmpdir(), `herd-cache-${process.getuid?.() ?? 'user'}`);
  }
}

/**
 * Runs `file` (a CommonJS module) as `module` would be run, with the code cache of `dir` when it is valid for
 * this very source; its exports are `module.exports`.
 */
export function runWithCodeCache(file: string, dir: string | undefined, module: { exports: unknown } = { exports: {} }): CachedLoad {
  const source = readFileSync(file, 'utf8');
  const sourceHash = sha256(source);
  const cacheFile = dir ? cacheFileFor(file, sourceHash, dir) : undefined;
  let status: CodeCacheStatus = dir ? 'missing' : 'off';
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
    if (bytes) {
      cachedData = validPayload(bytes, sourceHash);
      status = cachedData ? 'accepted' : 'invalid';
    }
  }
  const script = new Script(wrapCommonJs(source), { filename: file, cachedData });
  if (cachedData && script.cachedDataRejected) status = 'rejected';
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    status,
    file: cacheFile,
    save: () => (cacheFile ? write(cacheFile, sourceHash, script.createCachedData()) : false),
  };
}

/** Where the cache of this source goes: the name changes with the bundle, Node, V8 and the architecture. */
export function cacheFileFor(file: string, sourceHash: Buffer, dir: string): string {
  const key = sha256(`${process.version}\0${process.versions.v8}\0${process.arch}\0`).toString('hex').slice(0, 12);
  return join(dir, `${basename(file)}.${sourceHash.toString('hex').slice(0, 16)}.${key}.cache`);
}

/** The bytes V8 gets when the file is whole and made for this source; else undefined. */
function validPayload(bytes: Buffer, sourceHash: Buffer): Buffer | undefined {
  const head = MAGIC.length + 2 * HASH;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!bytes.subarray(MAGIC.length, MAGIC.length + HASH).equals(sourceHash)) return undefined;
  const payload = bytes.subarray(head);
  return sha256(payload).equals(bytes.subarray(MAGIC.length + HASH, head)) ? payload : undefined;
}

/** Written beside, then renamed: a reader never sees half a file, and two servers may write at once. */
function write(cacheFile: string, sourceHash: Buffer, payload: Buffer): boolean {
  const dir = dirname(cacheFile);
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([MAGIC, sourceHash, sha256(payload), payload]), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    // the caches of older bundles of the same name go
    const prefix = `${cacheFile.slice(dir.length + 1).split('.').slice(0, -3).join('.')}.`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.cache') && join(dir, name) !== cacheFile) rmSync(join(dir, name), { force: true });
    }
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
    return false;
  }
}

/** The function Node wraps a CommonJS module in. */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}
