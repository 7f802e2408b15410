// Keeps the catalog honest: RULES.md, the registry, the docs pages and the table tests agree.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/engine';

const ROOT = join(__dirname, '..', '..');
// The repository's copy of the rule contract (the team's spec folder holds the original).
const SPEC = join(ROOT, 'docs', 'spec', 'RULES.md');

/**
 * Parts of RULES.md that are not built yet, each with its issue. A pending entry that gets built fails the test
 * (remove it here), and so does any other difference between RULES.md and the registry.
 */
const PENDING_RULES: Record<string, string> = {};
const PENDING_LANGUAGES: Record<string, string[]> = {};

interface SpecRule {
  id: string;
  languages: string[];
  severity: string;
  fix: string;
}

function specRules(): SpecRule[] {
  const rows = readFileSync(SPEC, 'utf8').split('\n').filter((l) => /^\| \d+ \| `/.test(l));
  return rows.map((row) => {
    const cells = row.split('|').map((c) => c.trim());
    return {
      id: cells[2].replace(/`/g, ''),
      languages: cells[3].replace(/\(workspace\)/, '').split(',').map((s) => s.trim()),
      severity: cells[4],
      fix: cells[6],
    };
  });
}

describe('catalog', () => {
  const spec = specRules();

  it('RULES.md lists 43 rules', () => assert.equal(spec.length, 43));

  it('the registry holds exactly the rules of RULES.md that are not pending', () => {
    assert.deepEqual(allRules.map((r) => r.meta.id).sort(), spec.map((s) => s.id).filter((id) => !PENDING_RULES[id]).sort());
  });

  it('every pending entry names a rule of RULES.md', () => {
    for (const id of [...Object.keys(PENDING_RULES), ...Object.keys(PENDING_LANGUAGES)]) assert.ok(spec.some((s) => s.id === id), id);
  });

  for (const s of spec.filter((r) => !PENDING_RULES[r.id])) {
    describe(s.id, () => {
      const rule = allRules.find((r) => r.meta.id === s.id);
      it('languages and default severity match RULES.md', () => {
        assert.ok(rule, 'registered');
        const pending = PENDING_LANGUAGES[s.id] ?? [];
        assert.deepEqual([...rule.meta.languages].sort(), s.languages.filter((l) => !pending.includes(l)).sort());
        assert.equal(rule.meta.defaultSeverity, s.severity);
      });
      it('fix kinds match RULES.md', () => {
        assert.ok(rule, 'registered');
        const fixes = rule.meta.fixes;
        if (/^none/.test(s.fix)) assert.deepEqual(fixes, []);
        if (/^safe/.test(s.fix)) assert.ok(fixes.includes('safe'));
        if (/^suggestion/.test(s.fix)) assert.ok(fixes.includes('suggestion'));
        if (/^refactor/.test(s.fix)) assert.ok(fixes.includes('refactor'));
      });
      it('has a docs page with what, why, examples, fix and ignore', () => {
        const page = join(ROOT, 'docs', 'rules', `${s.id}.md`);
        assert.ok(existsSync(page), `${page} exists`);
        const text = readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${s.id}\\n`));
        for (const heading of ['## What it reports', '## Why', '## Bad', '## Good', '## Fix', '## Ignore']) assert.ok(text.includes(heading), `docs page has "${heading}"`);
      });
      it('has a table test with valid and invalid cases', () => {
        const file = join(ROOT, 'test', 'rules', `${s.id}.test.ts`);
        assert.ok(existsSync(file), `${file} exists`);
        const text = readFileSync(file, 'utf8');
        assert.match(text, new RegExp(`ruleTable\\('${s.id}'`));
        assert.match(text, /valid: \[/);
        assert.match(text, /invalid: \[/);
      });
    });
  }
});
