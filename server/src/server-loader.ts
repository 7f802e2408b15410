// Entry point of dist/server.js: runs the language server's bundle (dist/server-main.js, built from server.ts)
// through V8's code cache, kept in the user's cache folder (HERD_CODE_CACHE: another folder, or `off`).
import { join } from 'node:path';
import { codeCacheDir, runWithCodeCache } from './boot/code-cache';

const load = runWithCodeCache(join(__dirname, 'server-main.js'), codeCacheDir());
// a start that used the cache has nothing to add; otherwise it is written once the start and the first lints have
// compiled what they run, or when the server exits before that
if (load.status !== 'accepted' && load.status !== 'off') {
  let saved = false;
  const save = () => {
    if (!saved) saved = load.save() || true;
  };
  setTimeout(save, 1000).unref();
  process.once('exit', save);
}
