/** Completion of the partial allocations (Claim 4.8, Lemma 4.9 of Babaioff, Feige & Manaker Morag). */
import { strict as assert } from 'node:assert';
import { matrixComplete } from '../../../src/mechanisms/tie-mms/completion';

describe('tie-mms completion', () => {
  it('adds 5/11 at (agent 3, shift 1) when completing good x4 of Figure 1 (T1)', () => {
    const D = 11n;
    const res = matrixComplete(
      [
        [0n, 11n, 11n],
        [0n, 0n, 0n],
        [6n, 0n, 0n],
      ],
      [22n, 0n, 11n],
      D,
    );
    assert.deepEqual(res.added, [{ row: 2, col: 0, delta: 5n }]);
  });
});
