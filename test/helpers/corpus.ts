// The test corpus of real Dockerfiles, manifests and Helm templates from public projects, carried in the
// repository (test/corpus/files: MANIFEST.tsv names each file's repository, commit and licence). Read, never written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileKind } from '../../server/src/engine/detect';

export const CORPUS = join(__dirname, '..', 'corpus', 'files');

export interface CorpusFile {
  path: string;
  /** Relative to the corpus root, e.g. `k8s/zegl__kube-score/…`. */
  name: string;
  text: string;
}

export function corpusFiles(subdir = ''): CorpusFile[] {
  const root = join(CORPUS, subdir);
  if (!existsSync(root)) throw new Error(`corpus folder not found: ${root}`);
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (fileKind(path)) out.push({ path, name: relative(CORPUS, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}
