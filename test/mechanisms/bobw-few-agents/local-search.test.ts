import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LimitError } from '../../../src/core/errors';
import { localSearch } from '../../../src/mechanisms/bobw-few-agents';
import { isEfxPartition, worstValue } from '../../../src/mechanisms/bobw-few-agents/valuation';

const big = (xs: number[]) => xs.map(BigInt);

describe('LocalSearch ([Bu+24] Algorithm 5, spec 3.7)', () => {
  it('reproduces the trace of Lemma C.3 from (M, empty): moves g1 then g3 and stops at ({g1,g3}, {g2,g4}) (E8)', () => {
    const r = localSearch(big([15, 11, 9, 6]), [[0, 1, 2, 3], []]);
    assert.deepEqual(r.moves, [0, 2]);
    assert.deepEqual(r.bundles, [
      [0, 2],
      [1, 3],
    ]);
  });

  it('returns an EFX bipartition (zero-valued goods count) whose worse bundle never drops (500 random bipartitions)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 14 }), (xs) => {
        const v = big(xs.map(([x]) => x));
        const start: [number[], number[]] = [
          xs.flatMap(([, s], g) => (s ? [g] : [])),
          xs.flatMap(([, s], g) => (s ? [] : [g])),
        ];
        const r = localSearch(v, start);
        assert.ok(isEfxPartition(v, r.bundles));
        assert.ok(worstValue(v, r.bundles) >= worstValue(v, start));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('moves zero-valued goods out of the larger bundle (strong EFX)', () => {
    const r = localSearch(big([5, 0, 3]), [[0, 1], [2]]);
    assert.deepEqual(r.bundles, [[0], [1, 2]]);
  });

  it('stops with a LimitError instead of looping past its move budget', () => {
    assert.throws(() => localSearch(big([15, 11, 9, 6]), [[0, 1, 2, 3], []], 1), LimitError);
  });
});
