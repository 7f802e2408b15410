// Builds bench/subject.ts with the options of scripts/build.mjs and loads it: the benchmarks time the code
// as it ships (tsx, which runs the sources, adds a `__name` call to every closure it creates).
import { build } from 'esbuild';
import { join } from 'node:path';

export type Subject = typeof import('./subject');

const ROOT = join(__dirname, '..');

export async function loadSubject(): Promise<Subject> {
  // dist/bench/ sits under the package, so the bundle resolves the grammars from node_modules
  const outfile = join(ROOT, 'dist', 'bench', 'subject.js');
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  } as const;
  // the test client's tsx worker starter (unused by the bundle: it runs the shipped worker) stays a require
  await build({ ...options, entryPoints: [join(__dirname, 'subject.ts')], outfile, external: ['tsx/cjs'] });
  // the language server it holds starts its lint worker from beside it
  await build({ ...options, entryPoints: [join(ROOT, 'server', 'src', 'lint-worker.ts')], outfile: join(ROOT, 'dist', 'bench', 'lint-worker.js') });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as Subject;
}
