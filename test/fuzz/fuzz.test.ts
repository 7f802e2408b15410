// The bounded fuzz run: 500 mutated corpus files, a fixed seed, every rule and every fix. `scripts/fuzz.ts`
// runs the same cases at 10,000 and more.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { corpusFiles } from '../helpers/corpus';
import { describeCase, percentile, runFuzz } from './harness';
import { applyMutation, buildInput, inputBytes, MUTATORS } from './mutators';

const SEED = 20_240_601;
const RUNS = 500;
// CPU time per lint: `scripts/fuzz.ts` holds inputs to 1 s; here the bound only catches hangs, with room for a busy CI machine
const LIMIT_MS = 5_000;

before(() => initShellParser());

describe('fuzzing the engine', () => {
  it(`${RUNS} mutated corpus files: no exception, no rule error, no bad fix, no hang`, () => {
    const files = corpusFiles();
    const names = files.map((f) => f.name);
    const figures = runFuzz(
      files.map((f) => f.text),
      { runs: RUNS, seed: SEED, limitMs: LIMIT_MS },
    );
    const max = figures.times.reduce((a, b) => Math.max(a, b), 0);
    console.log(
      `fuzz: ${figures.inputs} inputs, ${figures.lints} lints, ${figures.findings} findings, ${figures.fixesApplied} fixes applied; ` +
        `CPU per lint p99 ${percentile(figures.times, 99).toFixed(0)} ms, max ${max.toFixed(0)} ms; ${(figures.totalMs / 1000).toFixed(1)} s`,
    );
    assert.equal(figures.inputs, RUNS);
    // every mutator was exercised
    for (const m of MUTATORS) assert.ok(figures.perMutator[m] > 0, `mutator ${m} ran`);
    assert.deepEqual(
      figures.failures.map((f) => `${f.kind} as ${f.as}: ${f.message} — ${describeCase(f.index, f.fuzzCase, names)}`),
      [],
    );
  });
});

describe('mutators', () => {
  const texts = ['FROM alpine:3.20\nCMD ["app"]\n', 'apiVersion: v1\nkind: Pod\n'];

  it('build the same input from the same case', () => {
    const c = { file: 0, mutations: [{ kind: 'long-line' as const, pattern: 'a ' as const, length: 10, at: 5 }] };
    assert.equal(buildInput(c, texts), 'FROM a a a a a alpine:3.20\nCMD ["app"]\n');
  });

  it('nest 10,000 levels deep and expand aliases as a billion laughs', () => {
    const deep = applyMutation(texts[1], { kind: 'deep-nesting', shape: 'yaml-flow-seq', depth: 10_000, at: 0, closed: true }, texts);
    assert.ok(deep.startsWith(`deep: ${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`));
    const laughs = applyMutation(texts[1], { kind: 'aliases', shape: 'billion-laughs', size: 9, at: 0 }, texts);
    assert.match(laughs, /^l0: &l0 \[lol/);
    assert.match(laughs, /containers: \*l9\n/);
  });

  it('splice, truncate and change line endings', () => {
    assert.equal(applyMutation(texts[0], { kind: 'splice', other: 1, at: 4, from: 15 }, texts), 'FROMkind: Pod\n');
    assert.equal(applyMutation(texts[0], { kind: 'truncate', at: 6 }, texts), 'FROM a');
    assert.equal(applyMutation(texts[1], { kind: 'line-endings', to: '\r\n', seed: 1 }, texts), 'apiVersion: v1\r\nkind: Pod\r\n');
  });

  it('insert bytes that are not UTF-8, and repeat a file to many lines', () => {
    const c = { file: 0, mutations: [{ kind: 'invalid-utf8' as const, at: [4], bytes: [0xe9, 0xc3] }] };
    assert.deepEqual([...inputBytes(c, buildInput(c, texts)).subarray(0, 8)], [0x46, 0x52, 0x4f, 0x4d, 0xe9, 0xc3, 0x20, 0x61]);
    const long = applyMutation(texts[0], { kind: 'long-file', lines: 1000 }, texts);
    assert.equal(long.split('\n').length, 1000);
    assert.ok(long.startsWith('FROM alpine:3.20\nCMD ["app"]\n\nFROM alpine:3.20\n'));
  });
});
