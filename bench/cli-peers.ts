// The CLI as a user feels it, whole process: one file, the corpus Dockerfiles beside dockerfilelint and tally
// (installed on first use into bench/.peers, git-ignored; never needed by npm test), and the corpus ten times over
// with its peak memory and how busy the cores were.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'herd.js');
const CORPUS = join(ROOT, 'test', 'corpus', 'files');
const PEERS = join(__dirname, '.peers');
const PEER_PACKAGES = ['dockerfilelint@1.8.0', '@wharflab/tally-linux-x64@0.45.0'];

export interface ProcessFigures {
  wallMs: number;
  /** Highest resident set seen while it ran (sampled from /proc), in bytes. */
  peakRss: number;
  /** User + system CPU time over wall time: 2 means both cores busy all along. */
  coresBusy: number;
}

export interface CliFigures {
  oneFileMs: number;
  bareNodeMs: number;
  corpusDockerfiles: number;
  herdDockerfilesMs: number;
  dockerfilelintMs?: number;
  tallyMs?: number;
  peersMissing?: string;
  scaleFiles: number;
  scale: ProcessFigures;
  scaleBaseMs: number;
}

/** Runs a command to its end while sampling its memory and CPU from /proc. */
function measure(command: string, args: string[], cwd = ROOT): Promise<ProcessFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    let peakRss = 0;
    let cpuTicks = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime of the process and its waited-for children (fields 14-17 of stat)
        cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      } catch {
        // gone between two samples
      }
    };
    const timer = setInterval(sample, 10);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      // clock ticks are 1/100 s on Linux
      resolve({ wallMs, peakRss, coresBusy: (cpuTicks * 10) / wallMs });
    });
  });
}

async function medianWall(runs: number, command: string, args: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await measure(command, args)).wallMs);
  return median(times);
}

/** Installs the peers into bench/.peers on first use; a message when the registry cannot be reached. */
function peerBinaries(): { dockerfilelint?: string; tally?: string; missing?: string } {
  const dockerfilelint = join(PEERS, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
  const tally = join(PEERS, 'node_modules', '@wharflab', 'tally-linux-x64', 'bin', 'tally');
  if (!existsSync(dockerfilelint) || !existsSync(tally)) {
    mkdirSync(PEERS, { recursive: true });
    if (!existsSync(join(PEERS, 'package.json'))) writeFileSync(join(PEERS, 'package.json'), '{ "private": true }\n');
    const r = spawnSync('npm', ['install', '--prefix', PEERS, '--no-save', '--no-audit', '--no-fund', ...PEER_PACKAGES], { encoding: 'utf8' });
    if (r.status !== 0) return { missing: `could not install ${PEER_PACKAGES.join(', ')}: ${(r.stderr || '').trim().split('\n').pop()}` };
  }
  return { dockerfilelint: existsSync(dockerfilelint) ? dockerfilelint : undefined, tally: existsSync(tally) ? tally : undefined };
}

function corpusPaths(): string[] {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')[0]);
}

export async function cliFigures(runs: number): Promise<CliFigures> {
  const work = mkdtempSync(join(tmpdir(), 'herd-bench-cli-'));
  try {
    // one Dockerfile with a shell CMD, as a user lints the file in front of them
    const one = join(work, 'one');
    mkdirSync(one);
    writeFileSync(join(one, 'Dockerfile'), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 10001\nEXPOSE 8080\nCMD python app.py & tail -f /dev/null\n');
    const oneFileMs = await medianWall(runs, process.execPath, [BIN, 'lint', join(one, 'Dockerfile')]);
    const bareNodeMs = await medianWall(runs, process.execPath, ['-e', '0']);

    // the corpus Dockerfiles, every tool given the same list of files
    const files = corpusPaths().filter((p) => p.startsWith('dockerfiles/')).map((p) => join(CORPUS, p));
    const herdDockerfilesMs = await medianWall(runs, process.execPath, [BIN, 'lint', ...files]);
    const peers = peerBinaries();
    const dockerfilelintMs = peers.dockerfilelint ? await medianWall(runs, process.execPath, [peers.dockerfilelint, ...files]) : undefined;
    const tallyMs = peers.tally ? await medianWall(Math.min(runs, 3), peers.tally, ['lint', '--no-color', '--no-config', ...files]) : undefined;

    // the corpus ten times over, one workspace per copy
    const scaleRoot = join(work, 'x10');
    for (let i = 0; i < 10; i++) for (const kind of ['dockerfiles', 'k8s', 'helm']) cpSync(join(CORPUS, kind), join(scaleRoot, `copy${i}`, kind), { recursive: true });
    const scaleBase = await measure(process.execPath, [BIN, 'lint', join(scaleRoot, 'copy0')]);
    const scale = await measure(process.execPath, [BIN, 'lint', scaleRoot]);
    return {
      oneFileMs,
      bareNodeMs,
      corpusDockerfiles: files.length,
      herdDockerfilesMs,
      dockerfilelintMs,
      tallyMs,
      peersMissing: peers.missing,
      scaleFiles: 10 * corpusPaths().length,
      scale,
      scaleBaseMs: scaleBase.wallMs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
