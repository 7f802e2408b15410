// What the benchmarks measure, bundled by esbuild as the shipped dist/ is (bench/bundle.ts): the engine, the
// language server with the in-process test client, and the libraries it is compared with, in one module
// graph so that every side runs the same copies of dockerfile-ast, yaml and the shell parser.
export { lint, parseFile } from '../server/src/engine/lint';
export { detectLanguage } from '../server/src/engine/detect';
export { WorkspaceIndex } from '../server/src/engine/workspace-index';
export { allRules } from '../server/src/rules';
export { cachedShellTexts, clearShellCache, initShellParser, parseShellText } from '../server/src/parse/shell';
export { DockerfileParser } from 'dockerfile-ast';
export { parseAllDocuments } from 'yaml';
export { validate } from 'dockerfile-utils';
export { TestClient } from '../test/server/lsp-client';
