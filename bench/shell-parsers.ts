// Compares the two maintained shell parsers on npm over every RUN/CMD/ENTRYPOINT script of the corpus:
// web-tree-sitter + tree-sitter-bash (chosen) and sh-syntax (mvdan/sh in WASM). Prints one table.
import { parse as shSyntaxParse } from 'sh-syntax';
import { parseDockerfile, runScripts, instructionScript } from '../server/src/parse/dockerfile';
import { sourceText } from '../server/src/parse/source';
import { initShellParser, parseShellText } from '../server/src/parse/shell';
import { corpusFiles } from '../test/helpers/corpus';

async function main(): Promise<void> {
  await initShellParser();
  const scripts: string[] = [];
  for (const file of corpusFiles('dockerfiles')) {
    const model = parseDockerfile(sourceText(file.path, file.text));
    for (const stage of model.stages) {
      for (const i of stage.instructions) {
        const k = i.getKeyword();
        if (k === 'RUN') scripts.push(...runScripts(model, i).filter((s) => s.depth === 0 && s.source.offsets === undefined).map((s) => s.source.text));
        else if (k === 'CMD' || k === 'ENTRYPOINT') {
          const s = instructionScript(model, i);
          if (s && !s.source.offsets) scripts.push(s.source.text);
        }
      }
    }
  }
  const unique = [...new Set(scripts)];
  const bytes = unique.reduce((n, s) => n + s.length, 0);

  const ts = { errors: 0, ms: [] as number[] };
  const sh = { errors: 0, ms: [] as number[] };
  const sample: string[] = [];
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    let errors = 0;
    for (const s of unique) if (uncachedTreeSitter(s)) errors++;
    ts.ms.push(performance.now() - t);
    ts.errors = errors;
    t = performance.now();
    errors = 0;
    for (const s of unique) {
      try {
        await shSyntaxParse(s);
      } catch {
        errors++;
        if (run === 0 && sample.length < 3) sample.push(s.slice(0, 60).replace(/\n/g, '⏎'));
      }
    }
    sh.ms.push(performance.now() - t);
    sh.errors = errors;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`shell scripts from corpus Dockerfiles: ${unique.length} unique (${(bytes / 1024).toFixed(0)} KB), median of 5 runs`);
  console.log('| parser | total ms | per script µs | scripts with syntax errors |');
  console.log('|---|---|---|---|');
  console.log(`| web-tree-sitter + tree-sitter-bash | ${median(ts.ms).toFixed(1)} | ${((median(ts.ms) * 1000) / unique.length).toFixed(1)} | ${ts.errors} (error-tolerant tree, still usable) |`);
  console.log(`| sh-syntax (mvdan/sh WASM) | ${median(sh.ms).toFixed(1)} | ${((median(sh.ms) * 1000) / unique.length).toFixed(1)} | ${sh.errors} (rejected, no tree) |`);
  if (sample.length) console.log(`sh-syntax rejected e.g.: ${sample.join(' | ')}`);
}

// parseShellText caches by text; time the parser itself by making each text unique
let salt = 0;
function uncachedTreeSitter(s: string): boolean {
  return parseShellText(`${s}\n#${salt++}`).hasErrors;
}

void main();
