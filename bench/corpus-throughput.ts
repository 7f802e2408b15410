// Corpus throughput: the full rule catalog over the test corpus (test/corpus/files), beside the parse floor (the parsers alone,
// over the same files and the same shell scripts) and beside dockerfile-utils' validate, in one process.
import { pathToFileURL } from 'node:url';
import { CORPUS, corpusFiles } from '../test/helpers/corpus';
import type { Subject } from './bundle';
import { composeBenchFiles } from './compose-set';
import { median, settle, sum } from './stats';

interface BenchFile {
  name: string;
  uri: string;
  text: string;
  language: 'dockerfile' | 'kubernetes' | 'compose';
  /** The shell script texts the rules parse for this file (recorded from a lint). */
  scripts: string[];
}

export interface CorpusFigures {
  runs: number;
  rules: number;
  /** Rules that run without a workspace index (each file linted alone). */
  singleFileRules: number;
  dockerfiles: number;
  manifests: number;
  bytes: number;
  scripts: number;
  /** Medians over the runs, in ms. */
  herdMs: number;
  floorMs: number;
  herdDockerfileMs: number;
  floorDockerfileMs: number;
  dockerfileUtilsMs: number;
  /** The corpus as one workspace, as `herd lint DIR` runs it: the index, then every file with the cross-file rules. */
  workspaceMs: number;
  /** Medians of the per-run ratios (each ratio from one run, so load swings cancel). */
  catalogOverFloor: number;
  workspaceOverFloor: number;
  dockerfileOverUtils: number;
  /** Share of Dockerfiles (by per-file median) on which Herd is slower than validate. */
  dockerfilesSlowerThanUtils: number;
  /** The slowest files under Herd, by per-file median, for profiling. */
  slowest: { name: string; ms: number }[];
  /** Compose files (generated: bench/compose-set.ts), each linted alone, beside yaml's parse floor. */
  compose: ComposeFigures;
}

export interface ComposeFigures {
  files: number;
  bytes: number;
  scripts: number;
  /** Medians over the runs, in ms. */
  herdMs: number;
  floorMs: number;
  /** Median of the per-run ratios. */
  herdOverFloor: number;
}

function loadFiles(S: Subject, from = corpusFiles()): BenchFile[] {
  const out: BenchFile[] = [];
  for (const f of from) {
    const language = S.detectLanguage(f.path, f.text);
    if (language) out.push({ name: f.name, uri: pathToFileURL(f.path).href, text: f.text, language, scripts: [] });
  }
  // which scripts the rules parse: lint each file alone and read back the shell cache
  for (const f of out) {
    S.clearShellCache();
    S.lint({ uri: `file:///corpus/${f.name}`, text: f.text });
    f.scripts = S.cachedShellTexts();
  }
  return out;
}

type Side = 'herd' | 'floor' | 'utils';

function sides(S: Subject, run: number): Record<Side, (f: BenchFile) => void> {
  return {
    // a uri per run: nothing of an earlier run's parse of the file is reused
    herd: (f) => S.lint({ uri: `file:///corpus/run${run}/${f.name}`, text: f.text }),
    // the parsers only: dockerfile-ast or yaml, then the shell parser over each script the rules parse
    floor: (f) => {
      if (f.language === 'dockerfile') S.DockerfileParser.parse(f.text);
      else {
        // as Herd calls yaml: without stack traces for its syntax errors
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        S.parseAllDocuments(f.text, { uniqueKeys: false, strict: false, prettyErrors: false });
        Error.stackTraceLimit = limit;
      }
      for (const script of f.scripts) S.parseShellText(script);
    },
    utils: (f) => S.validate(f.text),
  };
}

/**
 * One run: every file by every side, the sides interleaved file by file (in rotating order) so that a burst
 * of load from the other agents on this machine lands on all of them alike. The shell cache is cleared
 * before each side's turn: every side parses each of the file's scripts exactly once, as a cold CLI would.
 */
function oneRun(S: Subject, files: BenchFile[], run: number): Record<Side, number[]> {
  const work = sides(S, run);
  const times: Record<Side, number[]> = { herd: [], floor: [], utils: [] };
  const order: Side[] = ['herd', 'floor', 'utils'];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    for (let k = 0; k < order.length; k++) {
      const side = order[(i + run + k) % order.length];
      if (side === 'utils' && f.language !== 'dockerfile') continue;
      S.clearShellCache();
      const t = performance.now();
      work[side](f);
      times[side][i] = performance.now() - t;
    }
  }
  return times;
}

/**
 * The corpus as one workspace folder: every file indexed (parsed once), then linted with the index, so the
 * cross-file rules run too. The shell cache is cleared before each file, as in the per-file runs.
 */
function workspaceRun(S: Subject, files: BenchFile[]): number {
  const start = performance.now();
  const index = new S.WorkspaceIndex({ roots: [CORPUS], limits: { maxFiles: Number.POSITIVE_INFINITY } });
  for (const f of files) {
    S.clearShellCache();
    index.setDisk(f.uri, f.text, false);
  }
  for (const f of files) {
    S.clearShellCache();
    S.lint({ uri: f.uri, text: f.text }, { workspace: index, parsed: index.modelFor(f.uri, f.text) });
  }
  return performance.now() - start;
}

/** The generated Compose files through the same sides as the corpus (Herd each file alone; yaml + the shell scripts). */
export async function composeThroughput(S: Subject, runs = 7, warmups = 2): Promise<ComposeFigures> {
  await S.initShellParser();
  const files = loadFiles(S, composeBenchFiles().map((f) => ({ name: f.name, path: `/bench/compose/${f.name}`, text: f.text })));
  for (let w = 0; w < warmups; w++) oneRun(S, files, runs + w);
  const herd: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    await settle();
    const t = oneRun(S, files, run);
    herd.push(sum(t.herd));
    floor.push(sum(t.floor));
  }
  return {
    files: files.length,
    bytes: sum(files.map((f) => f.text.length)),
    scripts: new Set(files.flatMap((f) => f.scripts)).size,
    herdMs: median(herd),
    floorMs: median(floor),
    herdOverFloor: median(herd.map((h, r) => h / floor[r])),
  };
}

export async function corpusThroughput(S: Subject, runs = 7, warmups = 2): Promise<CorpusFigures> {
  await S.initShellParser();
  const files = loadFiles(S);
  const dockerfiles = files.filter((f) => f.language === 'dockerfile');
  for (let w = 0; w < warmups; w++) {
    oneRun(S, files, runs + w);
    workspaceRun(S, files);
  }
  const workspace: number[] = [];
  const samples = { herd: [] as number[][], floor: [] as number[][], utils: [] as number[][] };
  for (let run = 0; run < runs; run++) {
    await settle();
    const t = oneRun(S, files, run);
    await settle();
    workspace.push(workspaceRun(S, files));
    samples.herd.push(t.herd);
    samples.floor.push(t.floor);
    samples.utils.push(t.utils);
  }
  const dockerIndex = files.map((f, i) => (f.language === 'dockerfile' ? i : -1)).filter((i) => i >= 0);
  const herdTotals = samples.herd.map(sum);
  const floorTotals = samples.floor.map(sum);
  const herdDocker = samples.herd.map((t) => sum(dockerIndex.map((i) => t[i])));
  const floorDocker = samples.floor.map((t) => sum(dockerIndex.map((i) => t[i])));
  const utilsTotals = samples.utils.map((t) => sum(dockerIndex.map((i) => t[i])));
  const perFile = (rows: number[][], i: number) => median(rows.map((r) => r[i]));
  const slower = dockerIndex.filter((i) => perFile(samples.herd, i) > perFile(samples.utils, i)).length;
  const slowest = files
    .map((f, i) => ({ name: f.name, ms: perFile(samples.herd, i) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    runs,
    rules: S.allRules.length,
    singleFileRules: S.allRules.filter((r) => !r.meta.workspace).length,
    dockerfiles: dockerfiles.length,
    manifests: files.length - dockerfiles.length,
    bytes: sum(files.map((f) => f.text.length)),
    scripts: new Set(files.flatMap((f) => f.scripts)).size,
    herdMs: median(herdTotals),
    floorMs: median(floorTotals),
    herdDockerfileMs: median(herdDocker),
    floorDockerfileMs: median(floorDocker),
    dockerfileUtilsMs: median(utilsTotals),
    workspaceMs: median(workspace),
    catalogOverFloor: median(herdTotals.map((h, r) => h / floorTotals[r])),
    workspaceOverFloor: median(workspace.map((w, r) => w / floorTotals[r])),
    dockerfileOverUtils: median(herdDocker.map((h, r) => h / utilsTotals[r])),
    dockerfilesSlowerThanUtils: slower / dockerfiles.length,
    slowest,
    compose: await composeThroughput(S, runs, warmups),
  };
}

if (require.main === module) {
  void import('./bundle').then(async ({ loadSubject }) => console.log(JSON.stringify(await corpusThroughput(await loadSubject()), null, 2)));
}
