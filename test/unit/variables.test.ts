// Dockerfile variable expansion: known values, unset ones, unknown ones (never read as literal text).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandText, expandWord, type Lookup } from '../../server/src/parse/variables';
import type { ShellWord } from '../../server/src/parse/shell';

const vars: Record<string, string | null> = { A: 'one', EMPTY: '', LIST: 'gcc  make\tg++', UNKNOWN: null };
const lookup: Lookup = (n) => (n in vars ? vars[n] : undefined);

const word = (value: string, quoted = false): ShellWord => ({
  value,
  start: 10,
  end: 10 + value.length,
  quoted,
  dynamic: true,
  valueOffsets: Array.from({ length: value.length + 1 }, (_, i) => 10 + i),
});

describe('expandText', () => {
  it('$V, ${V}, defaults and alternatives', () => {
    assert.equal(expandText('$A/${A}', lookup), 'one/one');
    assert.equal(expandText('${NOPE:-x}|${EMPTY:-y}|${EMPTY-z}|${A:-w}', lookup), 'x|y||one');
    assert.equal(expandText('${A:+yes}|${EMPTY:+no}|${EMPTY+set}|${NOPE+no}', lookup), 'yes||set|');
    assert.equal(expandText('${NOPE:-${A}}', lookup), 'one', 'a default holds variables too');
    assert.equal(expandText('$NOPE.', lookup), '.', 'unset is empty');
    assert.equal(expandText('price: 5$', lookup), 'price: 5$', 'a lone $ is text');
  });

  it('unknown values and other expansions are unknown, not text', () => {
    assert.equal(expandText('$UNKNOWN', lookup), null);
    assert.equal(expandText('${UNKNOWN:-x}', lookup), null);
    assert.equal(expandText('$(uname -m)', lookup), null);
    assert.equal(expandText('${A#o}', lookup), null);
    assert.equal(expandText('$1', lookup), null);
    assert.equal(expandText('`date`', lookup), null);
  });
});

describe('expandWord', () => {
  it('an unquoted expansion splits into fields on the original span', () => {
    const out = expandWord(word('$LIST'), lookup);
    assert.deepEqual(out.map((w) => [w.value, w.start, w.end, w.dynamic]), [['gcc', 10, 15, false], ['make', 10, 15, false], ['g++', 10, 15, false]]);
  });

  it('a quoted one stays one word; characters map back to the document', () => {
    const [w] = expandWord(word('$A/x.log', true), lookup);
    assert.equal(w.value, 'one/x.log');
    assert.equal(w.valueOffsets.length, w.value.length + 1);
    assert.equal(w.valueOffsets[0], 10);
    assert.equal(w.valueOffsets[3], 12, 'the `/` after the variable keeps its own offset');
  });

  it('empty unquoted expansions vanish; unknown ones keep the word as written', () => {
    assert.deepEqual(expandWord(word('$EMPTY'), lookup), []);
    const unknown = word('$UNKNOWN');
    assert.deepEqual(expandWord(unknown, lookup), [unknown]);
  });
});
