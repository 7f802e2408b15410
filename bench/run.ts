// `npm run bench`: every figure of docs/performance.md in one run, printed as one table (figure, budget,
// measured, ratio, met?) with the machine it ran on. Options: --runs N (corpus runs, default 7),
// --edits N (edits per document, default 100), --cli-runs N (whole-process runs, default 5),
// --only corpus,editor,startup,cli,blocked. The rows of issue #16's table come first, in its order, each
// with its budget; the default run measures all of them.
import { blockedRequests, blockedRows } from './blocked-requests';
import { loadSubject } from './bundle';
import { cliFigures, type CliFigures } from './cli-peers';
import { corpusThroughput, type CorpusFigures } from './corpus-throughput';
import { editorLatency, type EditorFigures, type LatencyFigures } from './editor-latency';
import { startupAndSize, type StartupFigures } from './startup-size';
import { describeMachine, machine } from './stats';

interface Row {
  figure: string;
  budget: string;
  measured: string;
  ratio: string;
  met: string;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const ms = (n: number) => `${n < 100 && !Number.isInteger(n) ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;
const met = (ok: boolean) => (ok ? 'yes' : 'NO');

/** A ratio against a limit of the same unit: `measured / other`, met when at most `limit`. */
function ratioRow(figure: string, limit: number, mine: number, other: number, ratio: number, detail: string): Row {
  return { figure, budget: `≤ ${limit.toFixed(1)}×`, measured: `${ms(mine)} vs ${ms(other)}${detail}`, ratio: `${ratio.toFixed(2)}×`, met: met(ratio <= limit) };
}

/** An absolute budget: the ratio is measured / budget. */
function budgetRow(figure: string, budget: number, measured: number, unit: (n: number) => string, detail = ''): Row {
  return { figure, budget: `≤ ${unit(budget)}`, measured: `${unit(measured)}${detail}`, ratio: (measured / budget).toFixed(2), met: met(measured <= budget) };
}

function info(figure: string, measured: string): Row {
  return { figure, budget: '—', measured, ratio: '—', met: '—' };
}

function corpusRows(c: CorpusFigures): Row[] {
  return [
    ratioRow(`Full catalog (${c.rules} rules), the corpus as one workspace, vs the parse floor`, 1.5, c.workspaceMs, c.floorMs, c.workspaceOverFloor, ` (${c.dockerfiles} Dockerfiles + ${c.manifests} manifests, ${kb(c.bytes)})`),
    ratioRow(`Each file alone (the ${c.singleFileRules} single-file rules), vs the parse floor`, 1.5, c.herdMs, c.floorMs, c.catalogOverFloor, ''),
    ratioRow('Dockerfiles: Herd (each file alone) vs dockerfile-utils validate', 1.0, c.herdDockerfileMs, c.dockerfileUtilsMs, c.dockerfileOverUtils, ` (${((1000 * c.herdDockerfileMs) / c.dockerfiles).toFixed(0)} vs ${((1000 * c.dockerfileUtilsMs) / c.dockerfiles).toFixed(0)} µs per file)`),
    info('Dockerfiles: parse floor vs dockerfile-utils validate', `${ms(c.floorDockerfileMs)} vs ${ms(c.dockerfileUtilsMs)} (${(c.floorDockerfileMs / c.dockerfileUtilsMs).toFixed(2)}×)`),
    info('Dockerfiles on which Herd is slower than validate', `${(100 * c.dockerfilesSlowerThanUtils).toFixed(0)} %`),
    ratioRow('Compose: Herd vs yaml parse floor', 1.5, c.compose.herdMs, c.compose.floorMs, c.compose.herdOverFloor, ` (${c.compose.files} generated Compose files, ${kb(c.compose.bytes)}, each alone)`),
  ];
}

function latencyRows(name: string, budget: number, l: LatencyFigures): Row[] {
  return [
    budgetRow(`Edit → diagnostics p95, ${l.lines.toLocaleString('en')}-line ${name}`, budget, l.editP95, ms, ` (p50 ${ms(l.editP50)}; ${l.edits} edits, ${l.diagnostics} diagnostics)`),
    info(`Code action p50 / p95, ${name}`, `${ms(l.actionP50)} / ${ms(l.actionP95)}`),
  ];
}

function editorRows(e: EditorFigures): Row[] {
  return [...latencyRows('manifest', 30, e.manifest), ...latencyRows('Dockerfile', 10, e.dockerfile)];
}

/** Start to first diagnostics against a bare `node` start of the same run (issue #16: ≤ 2× bare node). */
function startupRow(s: StartupFigures): Row {
  const detail = ` (initialize answered at ${ms(s.initializeMs)}${s.serverCpuMs !== undefined ? `; server CPU time ${ms(s.serverCpuMs)}` : ''}${s.codeCache ? `; V8 code cache: ${s.codeCache}` : ''})`;
  return ratioRow('Server start → first diagnostics (node dist/server.js --stdio, 60-line Dockerfile), vs a bare node start', 2, s.firstDiagnosticsMs, s.bareNodeMs, s.firstDiagnosticsMs / s.bareNodeMs, detail);
}

function sizeRows(s: StartupFigures): Row[] {
  const bundles = s.bundles.map((b) => `${b.name} ${kb(b.bytes)} (${kb(b.compressed)} packed)`).join(', ');
  return [
    budgetRow('.vsix size', 2 * 1024 * 1024, s.vsixBytes, kb, s.packaged ? ' (packaged by this run)' : ' (herd.vsix newer than its sources)'),
    info('Bundles in the .vsix', bundles),
  ];
}

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

/** Issue #16's first three rows: the CLI, whole process (bench/cli-peers.ts). */
function cliRows(c: CliFigures): Row[] {
  const rows: Row[] = [
    ratioRow('`herd lint` one Dockerfile with a shell CMD, whole process, vs `node -e 0`', 2, c.oneFileMs, c.bareNodeMs, c.oneFileMs / c.bareNodeMs, ''),
  ];
  const tally = c.tallyMs !== undefined ? `; tally 0.45.0 ${ms(c.tallyMs)}: Herd ${(c.herdDockerfilesMs / c.tallyMs).toFixed(2)}× tally` : '';
  if (c.dockerfilelintMs !== undefined) rows.push(ratioRow(`\`herd lint\` the ${c.corpusDockerfiles} corpus Dockerfiles vs dockerfilelint 1.8.0, whole process`, 2, c.herdDockerfilesMs, c.dockerfilelintMs, c.herdDockerfilesMs / c.dockerfilelintMs, tally && ` (${tally.slice(2)})`));
  else rows.push({ figure: `\`herd lint\` the ${c.corpusDockerfiles} corpus Dockerfiles vs dockerfilelint 1.8.0, whole process`, budget: '≤ 2.0×', measured: `${ms(c.herdDockerfilesMs)} (peers not run: ${c.peersMissing ?? 'not installed'})`, ratio: '—', met: 'not measured' });
  rows.push(
    budgetRow(`\`herd lint\` the corpus ×10 (${c.scaleFiles.toLocaleString('en')} files): peak memory`, 200 * 1048576, c.scale.peakRss, mb, ` (${ms(c.scale.wallMs)}, ${(c.scale.wallMs / c.scaleBaseMs).toFixed(1)}× the corpus ×1 at ${ms(c.scaleBaseMs)})`),
    { figure: '… cores busy (CPU time / wall time; 2 = both cores all along)', budget: '≥ 1.5', measured: c.scale.coresBusy.toFixed(2), ratio: '—', met: met(c.scale.coresBusy >= 1.5) },
    ratioRow('… grows linearly: time per file, corpus ×10 vs ×1', 1.2, c.scale.wallMs / 10, c.scaleBaseMs, c.scale.wallMs / 10 / c.scaleBaseMs, ' per copy'),
  );
  return rows;
}

function table(rows: Row[]): string {
  const head: Row = { figure: 'figure', budget: 'budget', measured: 'measured', ratio: 'ratio', met: 'met?' };
  const cells = (r: Row) => [r.figure, r.budget, r.measured, r.ratio, r.met];
  return [cells(head), ['---', '---', '---', '---', '---'], ...rows.map(cells)].map((c) => `| ${c.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  const only = new Set(option('only', 'corpus,editor,startup,cli,blocked').split(','));
  const before = machine();
  console.log(`Herd benchmarks on ${describeMachine(before)}`);
  const S = await loadSubject();
  // issue #16's table, in its order: the CLI (3 rows), the editor, start-up, the blocked request
  const issue: Row[] = [];
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  if (only.has('cli')) {
    process.stdout.write('the CLI, whole process, and its peers… ');
    const c = await cliFigures(Number(option('cli-runs', '5')));
    console.log('done');
    issue.push(...cliRows(c));
    details.cli = c;
  }
  if (only.has('editor')) {
    process.stdout.write('editor latency… ');
    const e = await editorLatency(S, Number(option('edits', '100')));
    console.log('done');
    const [manifestEdit, ...others] = editorRows(e);
    issue.push(manifestEdit);
    rows.push(...others);
    details.editor = e;
  }
  if (only.has('startup')) {
    process.stdout.write('start-up and size… ');
    const s = await startupAndSize();
    console.log('done');
    issue.push(startupRow(s));
    rows.push(...sizeRows(s));
    details.startup = s;
  }
  if (only.has('blocked')) {
    process.stdout.write('requests during a pathological lint… ');
    const b = await blockedRequests(S);
    console.log('done');
    const [hover, ...others] = blockedRows(b);
    issue.push(hover);
    rows.push(...others);
    details.blocked = b;
  }
  if (only.has('corpus')) {
    process.stdout.write('corpus throughput… ');
    const c = await corpusThroughput(S, Number(option('runs', '7')));
    console.log('done');
    rows.push(...corpusRows(c));
    details.corpus = c;
  }
  const after = machine();
  if (issue.length) console.log(`\nIssue #16, speed as users feel it:\n\n${table(issue)}\n`);
  if (rows.length) console.log(`\nThe other figures:\n\n${table(rows)}\n`);
  console.log(`load average at the start ${before.load[0].toFixed(2)}, at the end ${after.load[0].toFixed(2)} (1 min); ratios compare sides measured in the same run`);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ machine: { before, after }, ...details }, null, 2));
  // nothing measured may keep the process alive (the in-process server's timers, the spawned servers' pipes)
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
