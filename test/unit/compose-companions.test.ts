// The files beside a Compose file that change how it is read (.env, devcontainer.json): which open Compose files a
// change concerns, and the open editor's text before the disk's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { companionTexts, composeFilesBeside, isCompanionUri } from '../../server/src/lsp/compose-companions';

describe('Compose companions', () => {
  const open = ['file:///w/compose.yaml', 'file:///w/.devcontainer/compose.yaml', 'file:///w/api/compose.yaml'];
  it('a change to a .env or devcontainer.json concerns the Compose files of the same folder only', () => {
    assert.deepEqual(composeFilesBeside(['file:///w/.env'], open), ['file:///w/compose.yaml']);
    // .devcontainer/devcontainer.json: the Compose file in that folder, and the one beside the folder it may name
    assert.deepEqual(composeFilesBeside(['file:///w/.devcontainer/devcontainer.json'], open), ['file:///w/compose.yaml', 'file:///w/.devcontainer/compose.yaml']);
    assert.deepEqual(composeFilesBeside(['file:///w/.devcontainer.json', 'file:///w/api/.devcontainer/devcontainer.json'], open), ['file:///w/compose.yaml', 'file:///w/api/compose.yaml']);
    assert.deepEqual(composeFilesBeside(['file:///w/api/Dockerfile', 'file:///w/config.json', 'file:///w/x.env'], open), []);
    assert.equal(isCompanionUri('file:///w/.env'), true);
    assert.equal(isCompanionUri('file:///w/prod.env'), false);
  });
  it('the open editor text of a companion is read before the file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herd-companions-'));
    try {
      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'app', '.env'), 'A=disk\n');
      const uri = pathToFileURL(join(dir, 'app', 'compose.yaml')).href;
      assert.deepEqual(companionTexts(uri, () => undefined), { dotenv: 'A=disk\n', devcontainerJson: undefined });
      const editor = (path: string) => (path === join(dir, 'app', '.env') ? 'A=editor\n' : undefined);
      assert.deepEqual(companionTexts(uri, editor), { dotenv: 'A=editor\n', devcontainerJson: undefined });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
