// Rules the lint worker of test/server/lint-worker.test.ts runs (blocking-worker.ts): one that blocks
// the worker's thread until the test releases it, and one that counts which versions of a document were linted.
// They talk to the test through a SharedArrayBuffer, with no clock.
import type { Rule } from '../../server/src/engine/rule';

/** Int32 cells of the shared buffer. */
export const RELEASED = 0;
/** How many blocking lints have started. */
export const STARTED = 1;
/** Cells COUNTED + n: lints of a text holding `# count n` (n of 1 to 9). */
export const COUNTED = 2;
export const CELLS = COUNTED + 10;

export function rules(data: { cells: SharedArrayBuffer }): Rule[] {
  const cells = new Int32Array(data.cells);
  return [
    {
      meta: { id: 'test-blocking', languages: ['dockerfile'], defaultSeverity: 'info', description: 'Blocks the lint of a Dockerfile holding `# block` until the test releases it.', category: 'hygiene', fixes: [] },
      check({ file }) {
        const text = file.source.text;
        const count = /# count (\d)/.exec(text);
        if (count) Atomics.add(cells, COUNTED + Number(count[1]), 1);
        if (!text.includes('# block')) return;
        Atomics.add(cells, STARTED, 1);
        Atomics.notify(cells, STARTED);
        Atomics.wait(cells, RELEASED, 0);
      },
    },
  ];
}
