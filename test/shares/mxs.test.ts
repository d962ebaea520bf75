import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LimitError } from '../../src/core/errors';
import { Rational } from '../../src/core/rational';
import { mxs } from '../../src/shares/mxs';

/** MXS by definition: every allocation of m goods to n agents in which agent 0 is EFX-satisfied, the least v(Y_0). */
function mxsByDefinition(v: readonly number[], n: number): number {
  let best = Infinity;
  const owner = new Array<number>(v.length).fill(0);
  for (;;) {
    const bundles = Array.from({ length: n }, (_, i) => v.flatMap((x, g) => (owner[g] === i ? [x] : [])));
    const own = bundles[0].reduce((a, b) => a + b, 0);
    const efx = bundles.every(
      (b, j) => j === 0 || b.length === 0 || own >= b.reduce((a, c) => a + c, 0) - Math.min(...b),
    );
    if (efx) best = Math.min(best, own);
    let p = v.length - 1;
    while (p >= 0 && owner[p] === n - 1) owner[p--] = 0;
    if (p < 0) return best;
    owner[p]++;
  }
}

describe('the minimum EFX share MXS (Def. 2.4)', () => {
  it('equals the definition over all n^m allocations (300 random value lists, n = 2, 3)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }), fc.constantFrom(2, 3), (v, n) => {
        const r = mxs(v, n);
        assert.equal(r.value.toString(), String(mxsByDefinition(v, n)));
        assert.equal(Rational.sum(r.witness[0].map((g) => v[g])).toString(), r.value.toString());
      }),
      { numRuns: 300, seed: 51 },
    );
  });

  it("is 8 on E12's identical values (8, 8, 6, 1 x 8), below 9/10 of the MMS 10 (E12)", () => {
    assert.equal(mxs([8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1], 3).value.toString(), '8');
  });

  it('refuses more than 16 goods with a LimitError', () => {
    assert.throws(() => mxs(new Array(17).fill(1), 3), LimitError);
  });
});
