/**
 * The Lemma 4.2 decomposition of CUQ(v, pi) and Theorem 1's mechanism `tie-mms-ordinal` (Babaioff, Feige & Manaker
 * Morag): the worked instance of Figure 1 with its exact numbers (spec T1), the Proposition 1 instances (T5), the
 * intermediate certificates C6, the property suite T12 (300 seeded instances) and the truthfulness audit C9.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve } from '../../../src';
import { independentCuq } from '../../../src/checks/cuq';
import { Instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import { mmsShare } from '../../../src/shares/share-cache';
import { tps } from '../../../src/shares/tps';
import { ordinalRho } from '../../../src/mechanisms/tie-mms/constants';
import { decomposeCuq, harmonicDecomposition, supportBound } from '../../../src/mechanisms/tie-mms/cuq-decomposition';
import { identityOrdering, orderingFromOrder } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { harmonicPortions } from '../../../src/mechanisms/tie-mms/portion-matrix';
import { deficiencies, sortedDeficiencyDecomposition } from '../../../src/mechanisms/tie-mms/public-deficiency';
import { proposition1Instance } from '../../../src/mechanisms/tie-mms/worked-instances';
import {
  arbInstance,
  assertCertified,
  auditInstances,
  auditTruthful,
  certifyAllButTruthful,
  checkPipeline,
  CORE,
  EXPOST,
  expectedValues,
  fromOrders,
  s,
  worstRatio,
} from '../../helpers/tie-mms';

describe('tie-mms-ordinal on Figure 1 (n = 3, m = 6)', () => {
  const orders = [
    [0, 3, 1, 2, 4, 5],
    [0, 1, 2, 3, 4, 5],
    [0, 2, 1, 3, 4, 5],
  ];
  const inst = fromOrders(orders);
  const pi = identityOrdering(3);
  const r = harmonicDecomposition(inst, pi);

  it('gives the CUQ, portion matrix, partial and completed allocations of the figure (T1)', () => {
    assert.deepEqual(s(r.cuq), [
      ['1/3', '1/3', '0', '2/3', '1/3', '1/3'],
      ['1/3', '2/3', '1/3', '0', '1/3', '1/3'],
      ['1/3', '0', '2/3', '1/3', '1/3', '1/3'],
    ]);
    assert.deepEqual(s(independentCuq(inst, pi.order)), s(r.cuq));
    assert.deepEqual(s(r.beta), [
      ['2/11', '6/11', '3/11'],
      ['3/11', '2/11', '6/11'],
      ['6/11', '3/11', '2/11'],
    ]);
    const R = (x: bigint) => new Rational(x, r.D).toString();
    const g = r.g.map((gj) => gj.map((row) => row.map(R)));
    assert.deepEqual(g[0], [
      ['1', '0', '0', '0', '2/11', '2/11'],
      ['0', '1', '0', '0', '3/11', '3/11'],
      ['0', '0', '1', '6/11', '6/11', '6/11'],
    ]);
    assert.deepEqual(g[1], [
      ['0', '6/11', '0', '1', '6/11', '6/11'],
      ['1', '0', '0', '0', '2/11', '2/11'],
      ['0', '0', '1', '0', '3/11', '3/11'],
    ]);
    assert.deepEqual(g[2], [
      ['0', '0', '0', '1', '3/11', '3/11'],
      ['0', '1', '6/11', '0', '6/11', '6/11'],
      ['1', '0', '0', '0', '2/11', '2/11'],
    ]);
    const f = r.f.map((fj) => fj.map((row) => row.map(R)));
    assert.deepEqual(f, [
      [
        ['1', '0', '0', '0', '2/11', '2/11'],
        ['0', '1', '0', '0', '3/11', '3/11'],
        ['0', '0', '1', '1', '6/11', '6/11'],
      ],
      [
        ['0', '1', '0', '1', '6/11', '6/11'],
        ['1', '0', '0', '0', '2/11', '2/11'],
        ['0', '0', '1', '0', '3/11', '3/11'],
      ],
      [
        ['0', '0', '0', '1', '3/11', '3/11'],
        ['0', '1', '1', '0', '6/11', '6/11'],
        ['1', '0', '0', '0', '2/11', '2/11'],
      ],
    ]);
  });
  it('satisfies every intermediate certificate (C6, T1)', () => checkPipeline(inst, r));
  for (const [matching, worst] of [
    ['canonical', '5/7'],
    ['bottleneck', '6/7'],
  ] as const)
    it(`gives ex-ante values 23/3, 23/3, 22/3, every allocation >= 2 = (2/7) * 7, support 15 -> 3 <= 13 with matching '${matching}' (T1)`, () => {
      const o = solve('tie-mms-ordinal', { values: inst.values.map((row) => row.map(String)), orders }, { matching });
      assert.deepEqual(expectedValues(o), ['23/3', '23/3', '22/3']);
      for (let i = 0; i < 3; i++) assert.equal(tps(inst.values[i], 3).toString(), '7');
      for (const e of o.lottery!.entries)
        for (let i = 0; i < 3; i++) assert.ok(inst.value(i, e.allocation.bundles[i]).ge(2));
      assert.equal(r.mixture.length, 15);
      assert.equal(o.lottery!.size, 3);
      assert.ok(o.lottery!.size <= supportBound(3, 6));
      assert.equal(worstRatio(o, (i) => tps(inst.values[i], 3)).toString(), worst);
      assertCertified(o);
      const rep = certify(o);
      assert.equal(rep.claims.find((c) => c.id === 'ex-post-rho-tps')!.rho!.toString(), '2/7');
    });
  it('records every intermediate object in the trace (T1)', () => {
    const o = solve('tie-mms-ordinal', inst);
    assert.deepEqual(
      o.trace.map((t) => t.id),
      [
        'orders',
        'cyclic-data',
        'cuq',
        'portion-matrix',
        'partial-allocations',
        'completion',
        'faithful',
        'mixture',
        'support-reduction',
        'timings',
      ],
    );
    JSON.stringify(o.trace, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  });
});

describe('tie-mms-ordinal on the Proposition 1 instances (T5)', () => {
  for (const n of [2, 3, 4]) {
    it(`keeps 1/(H_{n-1}+2)-MMS and always gives agent 0 an X good for n = ${n} (T5)`, () => {
      const inst = new Instance(proposition1Instance(n).values);
      const o = solve('tie-mms-ordinal', inst);
      assertCertified(o);
      assert.ok(worstRatio(o, (i) => mmsShare(inst, i).value).ge(ordinalRho(n)));
      // agent 0 always receives an X good
      for (const e of o.lottery!.entries) assert.ok(e.allocation.bundles[0].some((x) => x < n - 1));
      if (n === 3) assert.deepEqual(s(o.fractional!.shares)[0], ['1', '1/3', '0', '0', '1/3']);
    });
  }
});

describe('tie-mms-ordinal: padding, support reduction and orderings', () => {
  it('pads dummy goods when m < n and removes them (CUQ of the real goods, spec 0.6)', () => {
    const inst = new Instance([
      [3, 1],
      [1, 2],
      [2, 2],
      [5, 5],
    ]);
    const o = solve('tie-mms-ordinal', inst);
    assertCertified(o);
    assert.equal(o.lottery!.m, 2);
    const r = decomposeCuq(inst, identityOrdering(4), harmonicPortions(identityOrdering(4)));
    checkPipeline(inst, r);
  });
  it("keeps the mixture and claims its own support with reduce 'never'; reduces to independence with 'always'", () => {
    const inst = new Instance([
      [5, 1, 2, 7, 3, 4, 4],
      [1, 2, 3, 4, 5, 6, 7],
      [4, 4, 1, 1, 9, 2, 3],
    ]);
    const never = solve('tie-mms-ordinal', inst, { reduce: 'never' });
    const always = solve('tie-mms-ordinal', inst, { reduce: 'always' });
    assertCertified(never);
    assertCertified(always);
    assert.ok(always.lottery!.size <= supportBound(3, 7));
    assert.ok(always.lottery!.size <= never.lottery!.size);
    const inc = solve('tie-mms-ordinal', inst, { matching: 'incremental' });
    assertCertified(inc);
  });
  it('handles a non-identity ordering, where i+ differs from i + 1 (P2)', () => {
    const inst = new Instance([
      [5, 1, 2, 7, 3, 4, 4, 1],
      [1, 2, 3, 4, 5, 6, 7, 1],
      [4, 4, 1, 1, 9, 2, 3, 1],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ]);
    const pi = orderingFromOrder([2, 0, 3, 1], 4);
    const r = harmonicDecomposition(inst, pi);
    assert.deepEqual(r.cd.iPlus, [2, 0, 1, 3]); // pos = (1, 3, 0, 2), i+ = pos + 1 mod 4
    checkPipeline(inst, r);
    assertCertified(solve('tie-mms-ordinal', inst, { agentOrder: [2, 0, 3, 1] }));
  });
});

describe('tie-mms-ordinal properties (T12, C6)', function () {
  this.timeout(180000);

  it('implements CUQ exactly with support <= (n-1)m+1, 1/(H_{n-1}+2)-TPS and -MMS, ex-ante PROP (300 instances, T12)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.nat(), (inst, seed) => {
        const order = [...Array(inst.n).keys()].sort(
          (a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b,
        );
        const o = solve('tie-mms-ordinal', inst, { agentOrder: order });
        certifyAllButTruthful(o, [...CORE, ...EXPOST, 'implements']);
        assert.ok(o.lottery!.size <= supportBound(inst.n, Math.max(inst.m, 1)));
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('satisfies the intermediate certificates with harmonic and deficiency portions (100 instances, C6)', () => {
    fc.assert(
      fc.property(arbInstance(2, 5, 10), fc.boolean(), (inst, harmonic) => {
        if (harmonic) {
          const pi = orderingFromOrder([...Array(inst.n).keys()].reverse(), inst.n);
          checkPipeline(inst, decomposeCuq(inst, pi, harmonicPortions(pi)));
        } else {
          const alpha = new Rational(1n, 4n);
          checkPipeline(inst, sortedDeficiencyDecomposition(inst, deficiencies(inst, alpha), alpha));
        }
      }),
      { numRuns: 100, seed: 99 },
    );
  });
});

describe('tie-mms-ordinal truthfulness audit (C9)', function () {
  this.timeout(180000);

  it('finds no profitable strict-order misreport (n <= 3, m <= 5; 20 instances), also with a non-identity ordering (C9)', () => {
    const small = auditInstances();
    for (const inst of small) auditTruthful(solve('tie-mms-ordinal', inst));
    auditTruthful(solve('tie-mms-ordinal', small[0], { agentOrder: [2, 0, 1] }));
  });
});
