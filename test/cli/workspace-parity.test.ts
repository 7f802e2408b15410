// A directory is a workspace: `herd lint DIR` reports the same cross-file findings as the engine with a
// workspace index, and as the language server's "Lint Workspace" over the same folder.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { initShellParser, lint, ruleById } from '../../server/src/engine';
import { fileKind } from '../../server/src/engine/detect';
import type { Rule } from '../../server/src/engine/rule';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { TestClient } from '../server/lsp-client';
import { herd } from './harness';

const DIR = join(__dirname, '..', 'fixtures', 'workspace');
const IDS = ['shared-base-distribution', 'service-selects-pods', 'image-user-verifiable', 'container-port-exposed', 'healthcheck-to-probe', 'readiness-probe'];
const rules: Rule[] = IDS.map((id) => ruleById(id)!);

/** `path line:col-line:col rule` (1-based, end exclusive), sorted. */
type Row = string;

function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesOf(path));
    else if (fileKind(path)) out.push(path);
  }
  return out;
}

const EXPECTED: Row[] = [
  'k8s/api.yaml 15:17-15:20 readiness-probe',
  'k8s/api.yaml 16:18-16:51 image-user-verifiable',
  'k8s/api.yaml 19:30-19:34 container-port-exposed',
  'k8s/api.yaml 28:3-28:11 service-selects-pods',
  'k8s/frontend.yaml 13:17-13:25 readiness-probe',
  'k8s/frontend.yaml 14:18-14:35 image-user-verifiable',
  'k8s/worker.yaml 14:18-14:54 image-user-verifiable',
  'services/storefront/Dockerfile 1:6-1:20 shared-base-distribution',
  'services/storefront/Dockerfile 6:1-6:12 healthcheck-to-probe',
];

describe('herd lint DIR is a workspace', () => {
  before(() => initShellParser());

  it('the CLI reports the cross-file findings', async () => {
    const run = await herd(['lint', 'workspace', '-f', 'json'], { rules, cwd: join(DIR, '..') });
    const reports = JSON.parse(run.stdout) as { file: string; findings: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    const rows = reports.flatMap((r) => r.findings.map((f) => `${r.file.replace(/^workspace\//, '')} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`));
    assert.deepEqual(rows.sort(), EXPECTED);
    assert.equal(run.code, 1, 'image-user-verifiable is an error');
  });

  it('the engine with a workspace index finds the same', () => {
    const index = new WorkspaceIndex({ roots: [DIR] });
    const files = filesOf(DIR).map((path) => ({ path, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }));
    for (const f of files) index.setDisk(f.uri, f.text, false);
    const rows = files.flatMap((f) => {
      const result = lint({ uri: f.uri, text: f.text }, { rules, workspace: index, parsed: index.modelFor(f.uri, f.text) });
      return result.findings.map((x) => `${relative(DIR, f.path)} ${x.range.start.line + 1}:${x.range.start.character + 1}-${x.range.end.line + 1}:${x.range.end.character + 1} ${x.ruleId}`);
    });
    assert.deepEqual(rows.sort(), EXPECTED);
  });

  describe('the language server', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ folders: [pathToFileURL(DIR).href], rules });
    });
    after(() => client.stop());

    it('"Lint Workspace" publishes the same findings for the files that are not open', async () => {
      const result = await client.connection.sendRequest<{ files: number; findings: number }>('herd/lintWorkspace', {});
      assert.equal(result.findings, EXPECTED.length);
      const latest = new Map<string, (typeof client.published)[number]>();
      for (const p of client.published) latest.set(p.uri, p);
      const rows = [...latest.values()].flatMap((p) => {
        const path = relative(DIR, new URL(p.uri).pathname);
        return p.diagnostics.map((d) => `${path} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)}`);
      });
      assert.deepEqual(rows.sort(), EXPECTED);
    });
  });
});
