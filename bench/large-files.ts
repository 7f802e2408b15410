// Lint time of large generated files (a 50,000-line Dockerfile, a 5 MB manifest), whole and per rule:
// `node --import tsx bench/large-files.ts [--lines 50000] [--mb 5] [--per-rule]`. Linear rules keep both
// within seconds; a rule that walks every earlier instruction or document per one shows up at the top.
import { defaultConfig, initShellParser, lint } from '../server/src/engine';
import { allRules } from '../server/src/rules';
import { clearShellCache } from '../server/src/parse/shell';
import { largeDockerfile, largeManifest } from '../test/helpers/large-inputs';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  await initShellParser();
  const lines = Number(option('lines', '50000'));
  const mb = Number(option('mb', '5'));
  const config = { ...defaultConfig(), maxFileSize: 64 * 1048576 };
  const files = [
    { name: `${lines.toLocaleString('en')}-line Dockerfile`, uri: 'file:///bench/Dockerfile', text: largeDockerfile(lines) },
    { name: `${mb} MB manifest`, uri: 'file:///bench/large.yaml', text: largeManifest(mb * 1048576) },
  ];
  let n = 0;
  for (const file of files) {
    clearShellCache();
    const wall = performance.now();
    const cpu = cpuMs();
    const result = lint({ uri: `${file.uri}?${n++}`, text: file.text }, { config });
    console.log(`${file.name} (${(file.text.length / 1048576).toFixed(1)} MB): ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((cpuMs() - cpu) / 1000).toFixed(2)} s CPU, ${result.findings.length} findings`);
    if (!process.argv.includes('--per-rule')) continue;
    const rows: [string, number][] = [];
    const floor = cpuMs();
    lint({ uri: `${file.uri}?${n++}`, text: file.text }, { config, rules: [] });
    const parseMs = cpuMs() - floor;
    console.log(`  ${parseMs.toFixed(0).padStart(7)} ms  parse alone (CPU)`);
    for (const rule of allRules) {
      if (!rule.meta.languages.includes(result.language ?? 'dockerfile') || rule.meta.workspace) continue;
      // the shell cache is warm: each row is the rule's CPU time, a lint with it alone minus one with no rule
      const t = cpuMs();
      lint({ uri: `${file.uri}?${n++}`, text: file.text }, { config, rules: [rule] });
      rows.push([rule.meta.id, cpuMs() - t - parseMs]);
    }
    rows.sort((a, b) => b[1] - a[1]);
    for (const [id, ms] of rows.slice(0, 8)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${id} (CPU beyond the parse)`);
  }
}

void main();
