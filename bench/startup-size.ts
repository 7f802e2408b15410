// Start-up and size: the server bundle as it ships (built as `npm run package` builds it) spawned with
// --stdio, timed from the spawn to the first publishDiagnostics of a document opened right after initialize;
// the .vsix (packaged again when older than its sources) and the bundles inside it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DOCKERFILE } from './documents';
import { median } from './stats';

const ROOT = join(__dirname, '..');
const VSIX = join(ROOT, 'herd.vsix');

export interface StartupFigures {
  runs: number;
  /** Spawn to the first publishDiagnostics, median, ms. */
  firstDiagnosticsMs: number;
  /** Spawn to the initialize response, median, ms. */
  initializeMs: number;
  /** Spawn to the first output of a bare `node -e`, median, ms: what the machine charges any Node process. */
  bareNodeMs: number;
  /** CPU time the server process had used when the diagnostics arrived (Linux /proc, 10 ms ticks), median, ms. */
  serverCpuMs?: number;
  /** How the timed starts met the V8 code cache of the server bundle. */
  codeCache?: string;
  vsixBytes: number;
  /** Whether this run packaged the .vsix (else it was newer than every source). */
  packaged: boolean;
  /** Files of the .vsix under extension/dist: uncompressed and compressed bytes. */
  bundles: { name: string; bytes: number; compressed: number }[];
}

/** Newest modification time under the paths the .vsix is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['server/src', 'client/src', 'docs/rules', 'docs/marketplace', 'images', 'snippets', 'syntaxes', 'package.json', 'LICENSE', '.vscodeignore', 'scripts/build.mjs']) walk(join(ROOT, p));
  return newest;
}

/** Runs `npm run package` when herd.vsix is missing or older than its sources; then restores the dev build of dist/. */
function freshVsix(): boolean {
  if (existsSync(VSIX) && statSync(VSIX).mtimeMs > newestSource()) return false;
  const pack = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm run package failed:\n${pack.stdout}${pack.stderr}`);
  // the package script leaves a minified build without source maps in dist/; `npm run bench` began with the dev build
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  return true;
}

/** The entries of a zip file, from its central directory (the .vsix is a zip). */
function zipEntries(path: string): { name: string; bytes: number; compressed: number }[] {
  const zip = readFileSync(path);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: { name: string; bytes: number; compressed: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    out.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), compressed: zip.readUInt32LE(at + 20), bytes: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/**
 * Builds the server as `node scripts/build.mjs --production` does (the loader dist/server.js and the bundle
 * dist/server-main.js it runs through the code cache) into dist/bench/prod, with its grammars beside it.
 */
export async function productionServer(dir = join(ROOT, 'dist', 'bench', 'prod'), root = ROOT): Promise<string> {
  const { build } = await import('esbuild');
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const options = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') } } as const;
  const loader = join(root, 'server', 'src', 'server-loader.ts');
  if (existsSync(loader)) {
    await build({ ...options, entryPoints: [join(root, 'server', 'src', 'server.ts')], outfile: join(dir, 'server-main.js') });
    await build({ ...options, entryPoints: [loader], outfile: join(dir, 'server.js') });
  } else await build({ ...options, entryPoints: [join(root, 'server', 'src', 'server.ts')], outfile: join(dir, 'server.js') });
  // the lint worker the server starts, from beside it
  await build({ ...options, entryPoints: [join(root, 'server', 'src', 'lint-worker.ts')], outfile: join(dir, 'lint-worker.js') });
  copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(dir, 'tree-sitter.wasm'));
  copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), join(dir, 'tree-sitter-bash.wasm'));
  return join(dir, 'server.js');
}

/** User + system CPU time of a process so far, from /proc (Linux only). */
function cpuOf(pid: number | undefined): number | undefined {
  try {
    // the command name is in parentheses and may hold spaces: fields are counted after it
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** One cold start: spawn, initialize, initialized, didOpen, first diagnostics. */
export async function startOnce(server: string, env: NodeJS.ProcessEnv = process.env): Promise<{ initialize: number; diagnostics: number; cpu?: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = 'file:///bench/Dockerfile';
  let cpu: number | undefined;
  try {
    const diagnostics = new Promise<number>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
        if (p.uri !== uri) return;
        cpu = cpuOf(child.pid);
        resolve(performance.now() - start);
      });
    });
    // answered as VS Code does: settings pulled by workspace/configuration, registrations accepted
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    const initialize = performance.now() - start;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
    const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20000).unref());
    const first = await Promise.race([diagnostics, timeout]);
    return { initialize, diagnostics: first, cpu };
  } finally {
    // shut down as an editor does, so that the server exits on its own (and writes its code cache when it has none)
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      // gone already
    }
    const stop = setTimeout(() => child.kill(), 5000);
    await exited;
    clearTimeout(stop);
    connection.dispose();
  }
}

/** A bare Node process: spawn to its first byte on stdout. */
export function bareNode(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', () => resolve(performance.now() - start)));
}

/** Median start with the code cache, without it (a first start, or `HERD_CODE_CACHE=off`), and a bare node start. */
export async function startupFigures(server: string, runs = 7): Promise<Omit<StartupFigures, 'vsixBytes' | 'packaged' | 'bundles'> & { noCacheMs: number }> {
  const cacheDir = join(ROOT, 'dist', 'bench', 'code-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const cached = { ...process.env, HERD_CODE_CACHE: cacheDir };
  const uncached = { ...process.env, HERD_CODE_CACHE: 'off' };
  // the first start warms the file system cache and writes the code cache
  await startOnce(server, cached);
  const written = existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.cache'));
  const samples: { initialize: number; diagnostics: number; cpu?: number }[] = [];
  const withoutCache: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await startOnce(server, cached));
    withoutCache.push((await startOnce(server, uncached)).diagnostics);
    bare.push(await bareNode());
  }
  return {
    runs,
    firstDiagnosticsMs: median(samples.map((s) => s.diagnostics)),
    initializeMs: median(samples.map((s) => s.initialize)),
    bareNodeMs: median(bare),
    serverCpuMs: samples.every((s) => s.cpu !== undefined) ? median(samples.map((s) => s.cpu!)) : undefined,
    noCacheMs: median(withoutCache),
    codeCache: written ? `written by the first start; without it ${Math.round(median(withoutCache))} ms` : 'none written',
  };
}

export async function startupAndSize(runs = 7): Promise<StartupFigures> {
  const packaged = freshVsix();
  const server = await productionServer();
  const startup = await startupFigures(server, runs);
  const entries = zipEntries(VSIX);
  return {
    ...startup,
    vsixBytes: statSync(VSIX).size,
    packaged,
    bundles: entries.filter((e) => e.name.startsWith('extension/dist/')).map((e) => ({ ...e, name: e.name.slice('extension/'.length) })),
  };
}

if (require.main === module) {
  void startupAndSize().then((f) => console.log(JSON.stringify(f, null, 2)));
}
