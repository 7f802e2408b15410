// The .vsix as the Marketplace receives it: packaged offline with the `package` script's own vsce arguments, then
// listed from its zip directory. Its page is the user README, not the developer guide, and it has its icon.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { buildCli, PACKAGE_ROOT } from '../cli/built-cli';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip file has an end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), localOffset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function contentOf(zip: Buffer, entry: ZipEntry): Buffer {
  const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(data) : Buffer.from(data);
}

describe('the packaged .vsix', () => {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { icon: string; scripts: Record<string, string> };
  let dir: string;
  let zip: Buffer;
  let entries: Map<string, ZipEntry>;
  const file = (name: string) => contentOf(zip, entries.get(name)!);

  before(() => {
    buildCli();
    dir = mkdtempSync(join(tmpdir(), 'herd-vsix-'));
    // the `package` script's vsce command, writing elsewhere (its production build would replace the dev bundles)
    const vsce = pkg.scripts.package.split('&&').map((s) => s.trim()).find((s) => s.startsWith('vsce package'))!;
    const args = vsce.split(/\s+/).slice(1).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out');
    const out = join(dir, 'herd.vsix');
    const bin = join(PACKAGE_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(process.execPath, [bin, ...args, '--out', out], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    zip = readFileSync(out);
    entries = new Map(zipEntries(zip).map((e) => [e.name, e]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the user README on the Marketplace, not the developer guide', () => {
    const manifest = file('extension.vsixmanifest').toString('utf8');
    assert.match(manifest, /<Asset Type="Microsoft\.VisualStudio\.Services\.Content\.Details" Path="extension\/readme\.md"/);
    const readme = file('extension/readme.md').toString('utf8');
    // vsce turns the relative screenshot link into the repository's raw URL, as the Marketplace needs
    const source = readFileSync(join(PACKAGE_ROOT, 'docs', 'marketplace', 'README.md'), 'utf8');
    assert.equal(readme.replace(/\]\(https:\/\/github\.com\/herd-dev\/herd\/raw\/HEAD\/images\//g, '](images/'), source);
    assert.match(readme, /^## Settings$/m);
    assert.match(readme, /^## Commands$/m);
    for (const developerOnly of ['npm ci', 'npm test', '../shared', 'Benchmarks', 'bench']) assert.ok(!readme.includes(developerOnly), developerOnly);
    assert.ok(![...entries.keys()].some((name) => /^extension\/README\.md$/.test(name)), 'the developer README stays in the repository');
  });

  it('carries the screenshot its page shows', () => {
    assert.match(readFileSync(join(PACKAGE_ROOT, 'docs', 'marketplace', 'README.md'), 'utf8'), /!\[[^\]]+\]\(images\/screenshot-quick-fix\.png\)/);
    assert.deepEqual(file('extension/images/screenshot-quick-fix.png'), readFileSync(join(PACKAGE_ROOT, 'images', 'screenshot-quick-fix.png')));
  });

  it('carries its 128×128 PNG icon, declared in package.json and the manifest', () => {
    assert.equal(pkg.icon, 'images/icon.png');
    const icon = file('extension/images/icon.png');
    assert.deepEqual(icon, readFileSync(join(PACKAGE_ROOT, 'images', 'icon.png')));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(icon.toString('ascii', 12, 16), 'IHDR');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.match(file('extension.vsixmanifest').toString('utf8'), /<Icon>extension\/images\/icon\.png<\/Icon>/);
  });

  it('holds the bundles and no node_modules', () => {
    for (const name of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/dist/lint-worker.js', 'extension/package.json']) assert.ok(entries.has(name), name);
    assert.ok(![...entries.keys()].some((name) => name.includes('node_modules/')));
  });
});
