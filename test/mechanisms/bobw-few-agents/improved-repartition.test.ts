import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../../src/core/rational';
import { exactMmsOracle, improvedRepartition } from '../../../src/mechanisms/bobw-few-agents';
import { isEfxPartition, worstValue } from '../../../src/mechanisms/bobw-few-agents/valuation';
import { mmsOfIntegers } from '../../../src/shares/mms/solver';
import { adversarialOracle } from '../../helpers/bobw';

/** Values and a random split of the goods into two bundles. */
const arbSplit = fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.boolean()), { maxLength: 10 }).map((xs) => ({
  v: xs.map(([x]) => BigInt(x)),
  Ba: xs.flatMap(([, s], g) => (s ? [g] : [])),
  Bb: xs.flatMap(([, s], g) => (s ? [] : [g])),
}));

describe('IMPROVED_REPARTITION (Algorithm 2, spec 3.3)', () => {
  it('with an exact oracle returns an MMS-EFX split of the union, never worse than the input pair (400 splits)', () => {
    fc.assert(
      fc.property(arbSplit, ({ v, Ba, Bb }) => {
        const r = improvedRepartition(v, Ba, Bb, exactMmsOracle());
        const union = [...Ba, ...Bb];
        assert.deepEqual(
          [...r.bundles[0], ...r.bundles[1]].sort((a, b) => a - b),
          union.sort((a, b) => a - b),
        );
        assert.ok(isEfxPartition(v, r.bundles), 'the two halves EFX-dominate each other');
        assert.ok(worstValue(v, r.bundles) >= worstValue(v, [Ba, Bb]));
        assert.equal(
          worstValue(v, r.bundles),
          mmsOfIntegers(
            union.map((g) => v[g]),
            2,
          ).value,
        );
        assert.equal(r.guardKeptInput, false);
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('with an adversarial (1 - eps) oracle the guard keeps the input pair when the oracle is worse, and the result is still EFX (400 splits)', () => {
    let guarded = 0;
    fc.assert(
      fc.property(arbSplit, ({ v, Ba, Bb }) => {
        const r = improvedRepartition(v, Ba, Bb, adversarialOracle(new Rational(1n, 2n)));
        if (r.guardKeptInput) guarded++;
        assert.ok(isEfxPartition(v, r.bundles));
        assert.ok(worstValue(v, r.bundles) >= worstValue(v, [Ba, Bb]));
      }),
      { numRuns: 400, seed: 4 },
    );
    assert.ok(guarded > 0, 'the guard fired at least once');
  });
});
