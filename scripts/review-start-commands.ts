// Review of real start commands (issue #12): lints every sample of test/review/start-commands with Herd's engine and
// compares the process and logging findings with the hand judgments in judgments.tsv.
// Run: node --import tsx scripts/review-start-commands.ts [--all]   (--all also lists the agreements)
// Not part of npm test: the judgments describe what the rules SHOULD do, so misses are expected until #12 lands.
// The synthetic samples are in the repository; the real files (content = copy) are third-party files kept out of
// the repository, in the review data folder: ../review-data beside the repository (as ../shared is), or
// $HERD_REVIEW_DATA. See test/review/start-commands/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initShellParser, lint } from '../server/src/engine';

const RULES = ['no-background-process', 'no-keepalive-command', 'one-process-per-container', 'log-to-stdout'] as const;
type RuleId = (typeof RULES)[number];

interface Sample {
  file: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  content: string;
  expected: Set<RuleId>;
  scope: 'spec' | 'beyond';
  /** A message of this rule must not match this pattern (a message that states something false). */
  messageMustNot?: { rule: RuleId; pattern: RegExp };
  reason: string;
}

interface Outcome {
  sample: Sample;
  fired: Map<RuleId, string[]>;
  errors: string[];
}

const root = resolve(__dirname, '..', 'test', 'review', 'start-commands');
const dataRoot = resolve(process.env.HERD_REVIEW_DATA ?? resolve(__dirname, '..', '..', 'review-data'), 'start-commands');

function readSamples(): Sample[] {
  const lines = readFileSync(join(root, 'judgments.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`judgments.tsv: no column ${name}`);
    return i;
  };
  return lines.slice(1).map((line) => {
    const f = line.split('\t');
    const expected = new Set<RuleId>();
    for (const id of f[col('expected')].split(',')) {
      if (id === '-' || id === '') continue;
      if (!(RULES as readonly string[]).includes(id)) throw new Error(`judgments.tsv: unknown rule ${id} for ${f[col('file')]}`);
      expected.add(id as RuleId);
    }
    const check = header.includes('message_must_not') ? f[col('message_must_not')] : '-';
    let messageMustNot: Sample['messageMustNot'];
    if (check && check !== '-') {
      const at = check.indexOf('~');
      const rule = check.slice(0, at);
      if (at < 0 || !(RULES as readonly string[]).includes(rule)) throw new Error(`judgments.tsv: bad message_must_not ${check}`);
      messageMustNot = { rule: rule as RuleId, pattern: new RegExp(check.slice(at + 1), 'i') };
    }
    return {
      messageMustNot,
      file: f[col('file')],
      repo: f[col('repo')],
      path: f[col('path')],
      commit: f[col('commit')],
      licence: f[col('licence')],
      content: f[col('content')],
      expected,
      scope: f[col('scope')] === 'beyond' ? 'beyond' : 'spec',
      reason: f[col('reason')],
    };
  });
}

function lintSample(sample: Sample): Outcome {
  const path = join(sample.content === 'copy' ? dataRoot : root, sample.file);
  const errors: string[] = [];
  if (!existsSync(path)) return { sample, fired: new Map(), errors: [`missing file ${path}`] };
  const result = lint({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }, { onRuleError: (id, _uri, e) => errors.push(`${id}: ${String(e)}`) });
  const fired = new Map<RuleId, string[]>();
  for (const f of result.findings) {
    if (!(RULES as readonly string[]).includes(f.ruleId)) continue;
    const id = f.ruleId as RuleId;
    const list = fired.get(id) ?? [];
    list.push(`${f.range.start.line + 1}: ${f.message}`);
    fired.set(id, list);
  }
  for (const p of result.problems) errors.push(`${p.code}: ${p.message}`);
  if (!result.language) errors.push('not recognised as a Dockerfile or a Kubernetes manifest');
  return { sample, fired, errors };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function table(title: string, outcomes: Outcome[]): void {
  console.log(`\n${title} (${outcomes.length} samples)`);
  console.log('| rule | expected | reported | TP | FP | FN (misses) | recall | FP share of reports | FP rate (FP / negatives) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const rule of RULES) {
    const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const o of outcomes) {
      const want = o.sample.expected.has(rule);
      const got = o.fired.has(rule);
      if (want && got) c.tp++;
      else if (!want && got) c.fp++;
      else if (want && !got) c.fn++;
      else c.tn++;
    }
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    total.tn += c.tn;
    console.log(`| \`${rule}\` | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.tp, c.tp + c.fn)} | ${pct(c.fp, c.tp + c.fp)} | ${pct(c.fp, c.fp + c.tn)} |`);
  }
  console.log(`| all four | ${total.tp + total.fn} | ${total.tp + total.fp} | ${total.tp} | ${total.fp} | ${total.fn} | ${pct(total.tp, total.tp + total.fn)} | ${pct(total.fp, total.tp + total.fp)} | ${pct(total.fp, total.fp + total.tn)} |`);
}

async function main(): Promise<void> {
  await initShellParser();
  const showAll = process.argv.includes('--all');
  const outcomes = readSamples().map(lintSample);
  const missing = outcomes.filter((o) => o.errors.some((e) => e.startsWith('missing file')));
  if (missing.length > 0) {
    console.error(`${missing.length} sample files are missing (real files are read from ${dataRoot}; set HERD_REVIEW_DATA). Stopping.`);
    process.exitCode = 2;
    return;
  }
  const samples = outcomes.length;
  const dockerfiles = outcomes.filter((o) => o.sample.file.endsWith('.Dockerfile')).length;
  const copied = outcomes.filter((o) => o.sample.content === 'copy').length;
  console.log(`Start-command review: ${samples} samples (${dockerfiles} Dockerfiles, ${samples - dockerfiles} Kubernetes manifests; ${copied} real files from ${dataRoot}, ${samples - copied} synthetic equivalents in the repository)`);
  console.log(`Repositories: ${new Set(outcomes.map((o) => o.sample.repo)).size}`);
  table('All judgments', outcomes);
  table('Judgments the letter of RULES.md covers (scope = spec)', outcomes.filter((o) => o.sample.scope === 'spec'));

  const broken = outcomes.filter((o) => o.errors.length > 0);
  if (broken.length > 0) {
    console.log('\nSamples with problems:');
    for (const o of broken) console.log(`- ${o.sample.file}: ${o.errors.join('; ')}`);
  }

  console.log('\nDisagreements (MISS = judged to fire, Herd silent; FALSE = Herd fired, judged not to; WRONG MESSAGE = a message states something false):');
  let n = 0;
  for (const o of outcomes) {
    const lines: string[] = [];
    for (const rule of RULES) {
      const want = o.sample.expected.has(rule);
      const got = o.fired.get(rule);
      if (want && !got) lines.push(`  MISS  ${rule}`);
      if (!want && got) for (const m of got) lines.push(`  FALSE ${rule} line ${m}`);
      const check = o.sample.messageMustNot;
      if (check?.rule === rule && got) for (const m of got) if (check.pattern.test(m)) lines.push(`  WRONG MESSAGE ${rule} line ${m}`);
    }
    if (lines.length === 0 && !showAll) continue;
    if (lines.length > 0) n++;
    console.log(`- ${o.sample.file} [${o.sample.scope}] (${o.sample.repo} ${o.sample.path}): ${o.sample.reason}`);
    for (const l of lines) console.log(l);
    if (showAll) for (const [rule, ms] of o.fired) if (o.sample.expected.has(rule)) for (const m of ms) console.log(`  OK    ${rule} line ${m}`);
  }
  console.log(`\n${n} of ${samples} samples disagree with the hand judgment.`);
}

void main();
