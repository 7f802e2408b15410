// Rules are linear in the size of the file: a generated 50,000-line Dockerfile and a 5 MB manifest, each linted as
// a workspace by the CLI (cross-file rules included), stay far below a bound that quadratic code exceeds many times
// over (before: the Dockerfile took minutes in pip-no-cache-dir, the manifest over a minute in
// service-selects-pods). CPU time of this process, so a busy machine does not make it flake; the exact figures
// are printed by `node --import tsx bench/large-files.ts`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { largeDockerfile, largeManifest } from '../helpers/large-inputs';
import { herd, tempWorkspace } from './harness';

const BOUND_CPU_SECONDS = 40;

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function lintTimed(files: Record<string, string>): Promise<{ seconds: number; findings: number; code: number; stderr: string }> {
  const ws = tempWorkspace(files);
  try {
    const start = cpuSeconds();
    const run = await herd(['lint', '.', '-f', 'json', '--max-file-size', '8MB'], { cwd: ws.dir });
    const seconds = cpuSeconds() - start;
    const findings = (JSON.parse(run.stdout) as { findings: unknown[] }[]).reduce((n, f) => n + f.findings.length, 0);
    return { seconds, findings, code: run.code, stderr: run.stderr };
  } finally {
    ws.remove();
  }
}

describe('large files lint in linear time', () => {
  it(`a 50,000-line Dockerfile within ${BOUND_CPU_SECONDS} s of CPU`, async () => {
    const text = largeDockerfile(50_000);
    assert.equal(text.split('\n').length - 1, 50_000);
    const r = await lintTimed({ Dockerfile: text });
    assert.equal(r.stderr, '');
    assert.ok(r.findings > 1000, `${r.findings} findings`);
    assert.ok(r.seconds < BOUND_CPU_SECONDS, `${r.seconds.toFixed(1)} s CPU`);
  });

  it(`a 5 MB manifest within ${BOUND_CPU_SECONDS} s of CPU`, async () => {
    const text = largeManifest(5 * 1048576);
    assert.ok(text.length >= 5 * 1048576);
    const r = await lintTimed({ 'large.yaml': text });
    assert.equal(r.stderr, '');
    assert.ok(r.findings > 10_000, `${r.findings} findings`);
    assert.ok(r.seconds < BOUND_CPU_SECONDS, `${r.seconds.toFixed(1)} s CPU`);
  });
});
