/**
 * The cyclic-unit-quota fractional allocation CUQ(v, pi) (Definitions 3.3-3.5, Lemma 4.4 of Babaioff, Feige &
 * Manaker Morag): the Lemma 4.4 formula against the unit-quota average, and CUQ's own truthfulness (C9), the fast
 * equivalent of the lottery audits on many more instances.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { solve } from '../../../src';
import { independentCuq } from '../../../src/checks/cuq';
import type { Instance } from '../../../src/core/instance';
import { permutations } from '../../../src/core/permutations';
import { Rational } from '../../../src/core/rational';
import { rng } from '../../../src/core/rng';
import { harmonicDecomposition } from '../../../src/mechanisms/tie-mms/cuq-decomposition';
import { identityOrdering } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { arbInstance, randomInstance } from '../../helpers/tie-mms';

function expectedValue(inst: Instance, i: number, f: Rational[][]): Rational {
  return Rational.sum(inst.values[i].map((v, x) => v.mul(f[i][x])));
}

describe('tie-mms CUQ(v, pi)', function () {
  this.timeout(180000);

  it('equals the average of the unit-quota allocations for identity orderings (Lemma 4.4, 100 instances)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        const pi = identityOrdering(inst.n);
        const r = harmonicDecomposition(inst, pi, { reduce: 'never', trace: 'summary' });
        const o = solve('cuq-lottery', inst);
        const f = o.lottery!.marginals();
        r.cuq.forEach((row, i) => row.forEach((x, g) => assert.ok(x.eq(f.shares[i][g]))));
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('is truthful: no strict order raises v_i(CUQ_i), ties give equal values (n <= 4, m <= 5, 150 instances, C9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, m, seed) => {
        const inst = randomInstance(n, m, seed, [0, 1, 1, 2, 3, 7]);
        const ordering = rng(seed).shuffle([...Array(n).keys()]);
        const truth = independentCuq(inst, ordering);
        for (let i = 0; i < n; i++) {
          const u = expectedValue(inst, i, truth);
          for (const p of permutations(m)) {
            const lie = inst.withReport(i, null, p);
            const got = expectedValue(inst, i, independentCuq(lie, ordering));
            assert.ok(got.le(u), `agent ${i} gains with ${p}`);
            // any order consistent with v_i (ties permuted) gives the same value
            const consistent = p.every((x, k) => k === 0 || inst.values[i][p[k - 1]].ge(inst.values[i][x]));
            if (consistent) assert.ok(got.eq(u));
          }
        }
      }),
      { numRuns: 150, seed: 77 },
    );
  });
});
