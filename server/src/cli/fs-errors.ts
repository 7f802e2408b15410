// File-system failures in words, and the report's output file made without recursive mkdir.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  EEXIST: 'it already exists',
  ETXTBSY: 'the file is busy',
  EINVAL: 'invalid argument',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EAGAIN: 'resource temporarily unavailable',
};

/** What went wrong, in words: `permission denied`, not `EACCES`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && WORDS[code]) return WORDS[code];
  if (error instanceof Error) return error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '[^']*'$/, '');
  return String(error);
}

/** An error about a path the CLI made itself (not one from the file system). */
export function pathError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(WORDS[code] ?? code);
  error.code = code;
  return error;
}

/** Folders that can be nested in a path: a loop guard (the path is finite, this only bounds bad file systems). */
const MAX_DEPTH = 4096;

/**
 * Creates the missing folders above `file`, one `mkdir` each from the deepest existing ancestor down.
 * Node's `mkdirSync(…, {recursive: true})` loops forever where mkdir fails with ENOENT on an existing
 * parent (procfs, sysfs); here each folder is tried once, so any failure is an error, never a loop.
 */
export function makeParentFolders(file: string): void {
  const missing: string[] = [];
  let dir = dirname(file);
  for (let depth = 0; ; depth++) {
    if (depth > MAX_DEPTH) throw pathError('ENAMETOOLONG');
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(dir);
      const up = dirname(dir);
      if (up === dir) throw error;
      dir = up;
      continue;
    }
    if (!isDir) throw pathError('ENOTDIR');
    break;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
