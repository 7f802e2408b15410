// Requests while a slow document is linted: the in-process language server (bundled, as shipped, with its lint
// worker beside it) holds an ordinary Dockerfile; a generated 6,000-line Dockerfile (apt/pip/apk RUNs, stages; about
// 1.2 s to lint on this machine) is opened, and hovers on the ordinary one are sent one after another until the slow
// document's diagnostics arrive. Timed: each hover's answer, and whether the slow document got the deadline's
// diagnostic (herd.lintTimeout is set to 500 ms). The fuzzed 100 kB files that took seconds when #16 was filed
// (10,000 nested `if`s) lint in under 0.2 s since #14, so a file that is slow by size stands in for them. The same
// run with the lint on the main thread (`lintWorker: false`, as before the worker) shows what the worker changes.
import type { Subject } from './bundle';
import { DOCKERFILE } from './documents';
import { percentile } from './stats';
import { largeDockerfile } from '../test/helpers/large-inputs';

export interface BlockedSide {
  hovers: number;
  p50: number;
  p95: number;
  max: number;
  /** Open → the slow document's first diagnostics, ms. */
  slowMs: number;
  /** The slow document got the "did not lint this file" diagnostic. */
  deadline: boolean;
}

export interface BlockedFigures {
  bytes: number;
  worker: BlockedSide;
  mainThread: BlockedSide;
}

const OTHER = 'file:///bench/other/Dockerfile';
const SLOW = 'file:///bench/slow/Dockerfile';
const SLOW_LINES = 6000;
/** `herd.lintTimeout` in this run. */
export const DEADLINE_MS = 500;

export function slowDockerfile(lines = SLOW_LINES): string {
  return largeDockerfile(lines);
}

async function side(S: Subject, worker: boolean): Promise<BlockedSide> {
  // a deadline below the file's lint time on a quiet machine too (about 1.2 s here; seconds under load)
  const client = await S.TestClient.start({ initializationOptions: { debounce: 0 }, settings: { lintTimeout: DEADLINE_MS }, ...(worker ? {} : { lintWorker: false }) });
  try {
    await client.open(OTHER, 'dockerfile', DOCKERFILE);
    // as in an editor that has been open a while: the worker has started
    await client.server.worker?.whenReady();
    const lines = DOCKERFILE.split('\n');
    const line = lines.findIndex((l) => l.startsWith('FROM '));
    const at = { line, character: 7 };
    // warm: the hover path, and the image hover's model of the other document
    for (let i = 0; i < 20; i++) if (!(await client.hover(OTHER, at))) throw new Error('no hover on the FROM image');
    const slow = client.nextDiagnostics(SLOW);
    let done = false;
    const start = performance.now();
    let slowMs = 0;
    const published = slow.then((p) => {
      slowMs = performance.now() - start;
      done = true;
      return p;
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SLOW, languageId: 'dockerfile', version: 1, text: slowDockerfile() } });
    const times: number[] = [];
    while (!done) {
      const t = performance.now();
      await client.hover(OTHER, at);
      times.push(performance.now() - t);
    }
    const p = await published;
    return { hovers: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), slowMs, deadline: p.diagnostics.some((d) => d.code === 'lint-timeout') };
  } finally {
    await client.stop();
  }
}

export async function blockedRequests(S: Subject): Promise<BlockedFigures> {
  const worker = await side(S, true);
  const mainThread = await side(S, false);
  return { bytes: slowDockerfile().length, worker, mainThread };
}

const ms = (n: number) => `${n < 100 && !Number.isInteger(n) ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;

/** The rows of `npm run bench`'s table. */
export function blockedRows(f: BlockedFigures): { figure: string; budget: string; measured: string; ratio: string; met: string }[] {
  const w = f.worker;
  const m = f.mainThread;
  return [
    {
      figure: `Hover on another document while a slow ${Math.round(f.bytes / 1024)} kB Dockerfile (${SLOW_LINES.toLocaleString('en')} lines) is linted, p95`,
      budget: '≤ 50 ms',
      measured: `${ms(w.p95)} (p50 ${ms(w.p50)}, max ${ms(w.max)}; ${w.hovers} hovers in ${ms(w.slowMs)})`,
      ratio: (w.p95 / 50).toFixed(2),
      met: w.p95 <= 50 ? 'yes' : 'NO',
    },
    {
      figure: `… the slow file got the deadline diagnostic ("Herd did not lint this file"; herd.lintTimeout ${DEADLINE_MS} ms)`,
      budget: 'yes',
      measured: w.deadline ? `yes, after ${ms(w.slowMs)}` : `no: linted in ${ms(w.slowMs)}, within herd.lintTimeout`,
      ratio: '—',
      met: w.deadline ? 'yes' : 'NO',
    },
    {
      figure: '… the same with the lint on the main thread (before the worker)',
      budget: '—',
      measured: `hover p95 ${ms(m.p95)}, max ${ms(m.max)} (${m.hovers} hovers); slow file linted in ${ms(m.slowMs)}`,
      ratio: '—',
      met: '—',
    },
  ];
}

if (require.main === module) {
  void (async () => {
    const { loadSubject } = await import('./bundle');
    const f = await blockedRequests(await loadSubject());
    console.log(JSON.stringify(f, null, 2));
    for (const r of blockedRows(f)) console.log(`| ${r.figure} | ${r.budget} | ${r.measured} | ${r.ratio} | ${r.met} |`);
    process.exit(0);
  })();
}
