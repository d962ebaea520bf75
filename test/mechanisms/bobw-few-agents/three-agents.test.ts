import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation } from '../../../src/core/allocation';
import { Rational } from '../../../src/core/rational';
import { checkRoleTriple } from '../../../src/checks/bobw-roles';
import { checkExAnteRhoProp } from '../../../src/checks/lottery-bounds';
import {
  exactMmsOracle,
  integerValuations,
  OracleLog,
  oracleSet,
  threeDividerPairs,
} from '../../../src/mechanisms/bobw-few-agents';
import { adversarialOracle, arbBobwInstance } from '../../helpers/bobw';

describe('Theorems 1.1 and 3.2: the six allocations of the three divider pairs (spec 3.5-3.6)', () => {
  it("lists A^0, A'^0, A^1, A'^1, A^2, A'^2 in order and calls the oracles at most 15 times (Lemma 3.1; 200 instances)", () => {
    let most = 0;
    fc.assert(
      fc.property(arbBobwInstance(3, 9), (inst) => {
        const log = new OracleLog();
        const set = oracleSet(exactMmsOracle());
        const r = threeDividerPairs(integerValuations(inst), (x) => log.wrap(set, x));
        assert.deepEqual(
          r.allocations,
          r.pairs.flatMap((p) => [p.allocations[0], p.allocations[1]]),
        );
        assert.equal(log.calls.filter((c) => c.k === 3).length, 3);
        most = Math.max(most, log.calls.length);
        assert.ok(log.calls.length <= 15);
      }),
      { numRuns: 200, seed: 31 },
    );
    assert.ok(most > 3, `some run needed re-splits (${most} calls)`);
  });

  it('with adversarial (1 - eps) oracles (eps = 1/4) is ex-ante (1 - eps)-PROP and keeps the roles of Theorem 3.2, while exact PROP can fail (300 instances)', () => {
    const eps = new Rational(1n, 4n);
    const adv = oracleSet(adversarialOracle(eps));
    let propFailures = 0;
    fc.assert(
      fc.property(arbBobwInstance(3, 7), (inst) => {
        const { allocations } = threeDividerPairs(integerValuations(inst), () => adv);
        const support = allocations.map((A) => ({ p: new Rational(1n, 6n), allocation: new Allocation(A, inst.m) }));
        assert.ok(checkExAnteRhoProp(inst, support, Rational.ONE.sub(eps)).holds, 'ex-ante (1 - eps)-PROP');
        if (!checkExAnteRhoProp(inst, support, 1).holds) propFailures++;
        for (const { allocation } of support) {
          const r = checkRoleTriple(inst, allocation, '3.2', eps);
          assert.ok(r.holds, JSON.stringify(r.detail));
        }
      }),
      { numRuns: 300, seed: 32 },
    );
    assert.ok(propFailures > 0, 'exact ex-ante PROP fails on some instance with approximate oracles (pitfall 8)');
  });
});
