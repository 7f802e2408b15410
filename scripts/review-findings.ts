// Review of findings on real repositories (issue #13): lints each repository folder of the review data (third-party
// files kept out of the repository: ../review-data/repos beside the repository, as ../shared is, or
// $HERD_REVIEW_DATA/repos; their sources are listed in test/review/repos/MANIFEST.tsv) as one workspace (as
// `herd lint <folder>` does) and writes every finding to a TSV, then joins it with the hand judgments
// (test/review/repos/judgments.tsv, keyed by file + line + rule) and prints the false-positive rate per rule.
// Run: node --import tsx scripts/review-findings.ts [--out <file.tsv>]   (default: test/review/repos/findings.tsv)
// Findings without a judgment (new after a change) are listed as "unjudged"; judged rows that no longer appear are
// listed as "gone". misses.tsv lists findings that SHOULD appear (file, line, rule; matched within 3 lines): the script
// says which of them are found. Not part of npm test.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runLint } from '../server/src/cli/lint-command';
import type { LintArgs } from '../server/src/cli/args';

const root = resolve(__dirname, '..', 'test', 'review', 'repos');
const dataRoot = resolve(process.env.HERD_REVIEW_DATA ?? resolve(__dirname, '..', '..', 'review-data'), 'repos');

interface Row {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

interface Judgment {
  verdict: 'true' | 'false' | 'debatable';
  reason: string;
}

const key = (file: string, line: number | string, rule: string): string => `${file}\t${line}\t${rule}`;

async function lintFolder(folder: string): Promise<Row[]> {
  let out = '';
  const sink = { write: (t: string) => (out += t) };
  const args: LintArgs = { command: 'lint', paths: [folder], format: 'json', fix: false, rules: [] };
  await runLint(args, { cwd: dataRoot, env: {}, stdout: sink, stderr: { write: () => true }, readFile: (p) => readFileSync(p) });
  const files = JSON.parse(out) as { file: string; findings: { ruleId: string; message: string; line: number; column: number }[] }[];
  const rows: Row[] = [];
  for (const f of files) for (const x of f.findings) rows.push({ file: f.file, line: x.line, column: x.column, rule: x.ruleId, message: x.message });
  return rows;
}

function readJudgments(): Map<string, Judgment[]> {
  const map = new Map<string, Judgment[]>();
  const path = join(root, 'judgments.tsv');
  if (!existsSync(path)) return map;
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const line of lines.slice(1)) {
    const [file, ln, rule, verdict, reason] = line.split('\t');
    const list = map.get(key(file, ln, rule)) ?? [];
    list.push({ verdict: verdict as Judgment['verdict'], reason });
    map.set(key(file, ln, rule), list);
  }
  return map;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const outArg = process.argv.indexOf('--out');
  const outPath = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'findings.tsv');
  if (!existsSync(dataRoot)) {
    console.error(`no review data at ${dataRoot} (set HERD_REVIEW_DATA); see test/review/repos/README.md`);
    process.exitCode = 2;
    return;
  }
  const folders = readdirSync(dataRoot)
    .filter((n) => statSync(join(dataRoot, n)).isDirectory())
    .sort();
  const rows: Row[] = [];
  for (const folder of folders) rows.push(...(await lintFolder(folder)));
  rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)));
  const esc = (s: string) => s.replace(/[\t\n]/g, ' ');
  writeFileSync(outPath, `file\tline\tcolumn\trule\tmessage\n${rows.map((r) => [r.file, r.line, r.column, r.rule, esc(r.message)].join('\t')).join('\n')}\n`);
  console.log(`${rows.length} findings in ${new Set(rows.map((r) => r.file)).size} files of ${folders.length} repositories -> ${relative(process.cwd(), outPath)}`);

  const judgments = readJudgments();
  if (judgments.size === 0) return;
  // several findings of one rule on one line share a key: consume the judgments in order
  const used = new Map<string, number>();
  const perRule = new Map<string, { n: number; t: number; f: number; d: number; u: number }>();
  const unjudged: Row[] = [];
  const falses: string[] = [];
  for (const r of rows) {
    const k = key(r.file, r.line, r.rule);
    const i = used.get(k) ?? 0;
    used.set(k, i + 1);
    const j = judgments.get(k)?.[i];
    const c = perRule.get(r.rule) ?? { n: 0, t: 0, f: 0, d: 0, u: 0 };
    c.n++;
    if (!j) {
      c.u++;
      unjudged.push(r);
    } else if (j.verdict === 'true') c.t++;
    else if (j.verdict === 'false') {
      c.f++;
      falses.push(`${r.file}:${r.line} ${r.rule}: ${j.reason}`);
    } else c.d++;
    perRule.set(r.rule, c);
  }
  console.log('\n| rule | findings | true | false | debatable | unjudged | false % | false+debatable % |');
  console.log('|---|---|---|---|---|---|---|---|');
  const tot = { n: 0, t: 0, f: 0, d: 0, u: 0 };
  for (const [rule, c] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`| \`${rule}\` | ${c.n} | ${c.t} | ${c.f} | ${c.d} | ${c.u} | ${pct(c.f, c.n - c.u)} | ${pct(c.f + c.d, c.n - c.u)} |`);
    tot.n += c.n;
    tot.t += c.t;
    tot.f += c.f;
    tot.d += c.d;
    tot.u += c.u;
  }
  console.log(`| all | ${tot.n} | ${tot.t} | ${tot.f} | ${tot.d} | ${tot.u} | ${pct(tot.f, tot.n - tot.u)} | ${pct(tot.f + tot.d, tot.n - tot.u)} |`);
  if (falses.length > 0) console.log(`\nFalse findings:\n${falses.map((f) => `- ${f}`).join('\n')}`);
  if (unjudged.length > 0) console.log(`\nUnjudged findings (new; judge them and add rows to judgments.tsv):\n${unjudged.map((r) => `- ${r.file}:${r.line}:${r.column} ${r.rule}: ${r.message}`).join('\n')}`);
  const gone: string[] = [];
  for (const [k, list] of judgments) {
    const seen = used.get(k) ?? 0;
    for (let i = seen; i < list.length; i++) gone.push(`${k.replace(/\t/g, ' ')} (${list[i].verdict}: ${list[i].reason})`);
  }
  if (gone.length > 0) console.log(`\nJudged findings that no longer appear (${gone.length}):\n${gone.map((g) => `- ${g}`).join('\n')}`);
  reportMisses(rows);
}

/** The findings judged missing on main (misses.tsv): found now, within 3 lines of the judged line? */
function reportMisses(rows: Row[]): void {
  const path = join(root, 'misses.tsv');
  if (!existsSync(path)) return;
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(1);
  const missing: string[] = [];
  for (const line of lines) {
    const [file, ln, rule, reason] = line.split('\t');
    const found = rows.some((r) => r.file === file && r.rule === rule && Math.abs(r.line - Number(ln)) <= 3);
    if (!found) missing.push(`${file}:${ln} ${rule}: ${reason}`);
  }
  console.log(`\nExpected findings (misses.tsv): ${lines.length - missing.length} of ${lines.length} found.`);
  if (missing.length > 0) console.log(missing.map((m) => `- still missed: ${m}`).join('\n'));
}

void main();
