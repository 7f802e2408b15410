// The Compose snippets offered by the server in Compose files that VS Code gives the `yaml` id (its contributed
// snippets are for `dockercompose` only): same bodies as snippets/compose.json, at column 0, over the typed prefix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { containerCompletions } from '../../server/src/lsp/completion';

const contributed = JSON.parse(readFileSync(join(__dirname, '../../snippets/compose.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
const complete = (uri: string, languageId: string, text: string, line: number, character: number, snippets = true) =>
  containerCompletions({ uri, text, languageId }, { line, character }, { snippets });

describe('Compose snippets in yaml Compose files', () => {
  it('a yaml document named like a Compose file: both snippets, their bodies from snippets/compose.json, replacing the typed prefix', () => {
    const items = complete('file:///w/compose.yaml', 'yaml', 'herd-comp', 0, 9).filter((i) => i.label.startsWith('herd-compose-'));
    assert.deepEqual(items.map((i) => i.label).sort(), ['herd-compose-app-db', 'herd-compose-log-sidecar']);
    for (const item of items) {
      const entry = Object.values(contributed).find((s) => s.prefix === item.label)!;
      const edit = item.textEdit as { range: unknown; newText: string };
      assert.equal(edit.newText, entry.body.join('\n'));
      assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
      assert.equal(item.insertTextFormat, 2, 'a snippet (tab stops)');
    }
    // `compose-dev.yaml` (VS Code's own patterns give it the yaml id) and an empty line at column 0 of an existing file
    const more = complete('file:///w/compose-dev.yaml', 'yaml', 'name: shop\n\n', 1, 0).map((i) => i.label);
    assert.deepEqual(more.filter((l) => l.startsWith('herd-compose-')).length, 2);
  });
  it('not where VS Code offers them itself (dockercompose), not indented, not without snippet support, not in other YAML', () => {
    const labels = (items: { label: string }[]) => items.map((i) => i.label).filter((l) => l.startsWith('herd-compose-'));
    assert.deepEqual(labels(complete('file:///w/compose.yaml', 'dockercompose', 'herd', 0, 4)), []);
    assert.deepEqual(labels(complete('file:///w/compose.yaml', 'yaml', 'services:\n  herd', 1, 6)), []);
    assert.deepEqual(labels(complete('file:///w/compose.yaml', 'yaml', 'herd', 0, 4, false)), []);
    assert.deepEqual(labels(complete('file:///w/pod.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\nherd', 2, 4)), []);
    assert.deepEqual(labels(complete('file:///w/compose.yaml', 'yaml', 'image: herd', 0, 11)), []);
  });
});
