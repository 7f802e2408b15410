// Bundles the client, the server and the CLI with esbuild, and copies the shell grammar's WASM beside them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // the package's ESM build reads import.meta.url, which a CommonJS bundle lacks: bundle its CJS build
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'client.js'), external: ['vscode'] }),
  // dist/server.js is a loader that runs dist/server-main.js through V8's code cache (server/src/boot/code-cache.ts)
  build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dist, 'server-main.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/server-loader.ts')], outfile: join(dist, 'server.js') }),
  // the language server lints in a worker thread (server/src/lsp/lint-worker-host.ts starts dist/lint-worker.js)
  build({ ...common, entryPoints: [join(root, 'server/src/lint-worker.ts')], outfile: join(dist, 'lint-worker.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(dist, 'cli.js') }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli/lint-worker.ts')], outfile: join(dist, 'cli-worker.js') }),
]);

copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), join(dist, 'tree-sitter-bash.wasm'));
