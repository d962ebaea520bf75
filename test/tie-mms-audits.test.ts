/**
 * Paper 000 (tie-mms), spec C9: truthfulness audits.
 * * The registered `truthful` claims through `certify` (auditTruthfulness: every strict-order misreport of every agent,
 *   exact expected values under the true valuation) on n <= 3, m <= 5. Each audit re-runs the mechanism n * m! times,
 *   so the counts here are small (documented per test) to keep the suite fast.
 * * The equivalent fast check on many more instances: the lottery induces CUQ (property suite) and CUQ itself is
 *   truthful: v_i(CUQ_i(e_i, e_-i)) >= v_i(CUQ_i(e', e_-i)) for every strict order e' (n <= 4, m <= 5).
 * * Theorem 3: the cardinal grid audit (m <= 4) and random cardinal misreports consistent with the true order
 *   (the lottery's marginals, hence every agent's expected value, must not change at all).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve } from '../src';
import { Instance } from '../src/core/instance';
import { Outcome } from '../src/core/outcome';
import { permutations } from '../src/core/permutations';
import { Rational } from '../src/core/rational';
import { rng } from '../src/core/rng';
import { independentCuq } from '../src/mechanisms/tie-mms';

function randomInstance(n: number, m: number, seed: number, palette = [0, 1, 2, 3, 5, 20]): Instance {
  const r = rng(seed);
  return new Instance(Array.from({ length: n }, () => Array.from({ length: m }, () => palette[r.int(0, palette.length - 1)])));
}

function audit(o: Outcome, space?: 'ordinal' | 'cardinal') {
  const claims = o.claims.filter((c) => c.id === 'truthful' && (!space || c.params?.space === space));
  assert.ok(claims.length > 0, `${o.mechanism} claims truthfulness`);
  const rep = certify(new Outcome({ mechanism: o.mechanism, instance: o.instance, lottery: o.lottery, fractional: o.fractional, options: o.options, claims }));
  for (const c of rep.claims) assert.equal(c.status, 'pass', `${o.mechanism}: ${JSON.stringify(c.detail)} ${JSON.stringify(c.witness)}`);
  return rep;
}

function expectedValue(inst: Instance, i: number, f: Rational[][]): Rational {
  return Rational.sum(inst.values[i].map((v, x) => v.mul(f[i][x])));
}

describe('tie-mms audits (C9)', function () {
  this.timeout(180000);

  // 20 instances (n = 3, m = 5: 361 runs each; n = 2, 3 with m = 3..5)
  const small: Instance[] = [
    randomInstance(3, 5, 1), randomInstance(3, 5, 2), randomInstance(3, 4, 3),
    randomInstance(2, 5, 4), new Instance([[5, 5, 1, 1, 0], [1, 2, 3, 4, 5], [3, 3, 3, 0, 0]]), randomInstance(3, 3, 6),
    ...Array.from({ length: 14 }, (_, k) => randomInstance(2 + (k % 2), 3 + (k % 3), 100 + k, [0, 1, 2, 3, 5, 20, 50, 100])),
  ];

  it('tie-mms-ordinal: every strict-order misreport (n <= 3, m <= 5; 20 instances), also with a non-identity ordering', () => {
    for (const inst of small) audit(solve('tie-mms-ordinal', inst));
    audit(solve('tie-mms-ordinal', small[0], { ordering: [2, 0, 1] }));
  });

  it('tie-mms-public-deficiency with the public deficiencies fixed (10 instances)', () => {
    for (const inst of small.slice(0, 10)) audit(solve('tie-mms-public-deficiency', inst));
  });

  it('tie-mms-loglog: sampled ordering (10 instances) and the exact mixture over all orderings (n = 3, m = 4)', () => {
    for (const [k, inst] of small.slice(0, 10).entries()) audit(solve('tie-mms-loglog', inst, { seed: k }));
    const rep = audit(solve('tie-mms-loglog', randomInstance(3, 4, 11), { exactMixture: true }));
    assert.equal(rep.claims[0].status, 'pass');
  });

  it('tie-mms-two-agents: strict-order misreports (m = 5) and the cardinal grid (m <= 4), every case', () => {
    const cases = [
      new Instance([[1, '1/3', '1/3', '1/3'], ['1/2', '1/2', '1/2', '1/2']]), // hard
      new Instance([[10, 1, 1, 1], [10, 1, 1, 1]]), // case 3
      new Instance([[1, 1, 1], [1, 1, 1]]), // case 2
      new Instance([[5, 3, 1, 2], [4, 6, 1, 2]]), // case 1
    ];
    for (const inst of cases) {
      const o = solve('tie-mms-two-agents', inst);
      audit(o, 'ordinal');
      audit(o, 'cardinal');
    }
    for (let k = 0; k < 6; k++) audit(solve('tie-mms-two-agents', randomInstance(2, 5, 21 + k, [0, 1, 2, 3, 5, 20, 50])), 'ordinal');
    for (let k = 0; k < 6; k++) audit(solve('tie-mms-two-agents', randomInstance(2, 3 + (k % 2), 41 + k, [0, 1, 2, 3, 5, 20])), 'cardinal');
  });

  it('tie-mms-two-agents: cardinal misreports consistent with the true order never change the lottery marginals (200 draws)', () => {
    const r = rng(12345);
    for (let t = 0; t < 200; t++) {
      const m = r.int(1, 9);
      const inst = randomInstance(2, m, 1000 + t, [0, 1, 2, 3, 5, 20, 50]);
      const base = solve('tie-mms-two-agents', inst);
      const i = r.int(0, 1);
      // a random strictly-decreasing-along-the-order valuation: consistent with agent i's strict order
      const order = inst.order(i);
      const lie = new Array<Rational>(m);
      let v = r.int(m, 10 * m + 50);
      for (const x of order) {
        lie[x] = new Rational(BigInt(v));
        v = Math.max(0, v - r.int(1, 9));
      }
      const other = solve('tie-mms-two-agents', inst.withReport(i, lie, order));
      const a = base.lottery!.marginals();
      const b = other.lottery!.marginals();
      assert.ok(a.equals(b), 'marginals depend only on the orders');
      const U = (o: Outcome) => Rational.sum(o.lottery!.entries.map((e) => e.p.mul(inst.value(i, e.allocation.bundles[i]))));
      assert.ok(U(base).eq(U(other)));
    }
  });

  it('uniform-faithful and cuq-lottery: every strict-order misreport (10 instances each)', () => {
    for (const inst of small.slice(0, 10)) {
      audit(solve('uniform-faithful', inst));
      audit(solve('cuq-lottery', inst));
    }
  });

  it('CUQ is truthful: no strict order raises v_i(CUQ_i) (n <= 4, m <= 5, 150 instances), ties give equal values', () => {
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

  it('negative control: a non-truthful mechanism fails the audit', () => {
    // max-welfare is not truthful: an agent can inflate her values
    const inst = new Instance([[1, 2, 1], [2, 1, 1]]);
    const o = solve('max-welfare', inst);
    const rep = certify(new Outcome({ mechanism: 'max-welfare', instance: inst, allocation: o.allocation, options: {}, claims: [{ id: 'truthful', text: 'not really', params: { space: 'cardinal' } }] }));
    assert.equal(rep.claims[0].status, 'fail');
  });
});
