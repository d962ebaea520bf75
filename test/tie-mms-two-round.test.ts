/**
 * Paper 000, Appendix C.1 (spec M5b, P28): the communication-efficient two-round variant of Theorem 3's hard case.
 * The outcome keeps every claim of `tie-mms-two-agents` (CUQ marginals, 2/3-TPS and 2/3-MMS ex post, support 2,
 * Lemma 7.5's bundle facts), checked through `certify`; the protocol's own facts (blocks of v'-value <= 2/3, the
 * hitting set, o's report, the message length) are asserted here.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve } from '../src';
import { InvalidInputError } from '../src/core/errors';
import { Instance } from '../src/core/instance';
import { Outcome } from '../src/core/outcome';
import { Rational } from '../src/core/rational';
import { auxiliaryValuation, classifyTwoAgents, hardCase, twoRoundHardCase } from '../src/mechanisms/tie-mms';

const TWO_THIRDS = new Rational(2n, 3n);

/** Certifies every claim except the (separately audited) truthfulness ones; none may fail. */
function assertCertified(o: Outcome): void {
  const claims = o.claims.filter((c) => c.id !== 'truthful');
  const rep = certify(new Outcome({ mechanism: o.mechanism, instance: o.instance, lottery: o.lottery, fractional: o.fractional, options: o.options, claims }));
  assert.deepEqual(rep.claims.filter((c) => c.status !== 'pass').map((c) => c.id), []);
  assert.ok(rep.claims.some((c) => c.id === 'two-agent-cases'));
}

/** A hard-case instance: a common top y (good 0) that agent h loves and agent o values below v_o(M)/3. */
const arbHard = fc
  .record({ m: fc.integer({ min: 3, max: 40 }), swap: fc.boolean() })
  .chain(({ m, swap }) =>
    fc.record({
      swap: fc.constant(swap),
      h: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m - 1, maxLength: m - 1 }),
      o: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: m - 1, maxLength: m - 1 }),
    }),
  )
  .map(({ swap, h, o }) => {
    const top = Math.max(...o);
    const vh = [1000 * h.length + 1, ...h];
    const vo = [top, ...o];
    return new Instance(swap ? [vo, vh] : [vh, vo]);
  })
  .filter((inst) => classifyTwoAgents(inst).kase === 'hard');

describe('tie-mms-two-agents, two-round protocol (Appendix C.1, M5b)', () => {
  it('the T6 multi-triple instance: blocks, hitting set, report and bundles by hand', () => {
    const inst = new Instance([[100, 9, 8, 7, 6, 5, 4, 3, 2], [1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    const r = twoRoundHardCase(inst, 0, 1);
    // sigma = o's favourite of each triple of h's order; v'(goods 0, 3, 6) = 2/3, 2/4, 2/7: no two fit in one block
    assert.deepEqual(r.sigma, [0, 3, 6]);
    assert.deepEqual(r.blocks, [[1, 1], [2, 2], [3, 3]]);
    assert.deepEqual(r.hittingSet, [1, 2, 3]);
    assert.equal(r.s, 3);
    assert.equal(r.position, 2);
    assert.equal(r.bits, 2);
    assert.deepEqual(r.A1, [0, 3, 6]);
    const o = solve('tie-mms-two-agents', inst, { protocol: 'two-round' });
    assert.deepEqual(o.lottery!.entries.map((e) => e.allocation.bundles).sort(), [[[0, 3, 6], [1, 2, 4, 5, 7, 8]], [[1, 2, 4, 5, 7, 8], [0, 3, 6]]]);
    assertCertified(o);
  });

  it('the auxiliary valuation is 2/3, 2/3, 2/3, 2/4, ... along o\'s order and dominates the scaled v_o', () => {
    assert.deepEqual(auxiliaryValuation([2, 0, 1, 3], 4).map(String), ['2/3', '2/3', '2/3', '1/2']);
    const inst = new Instance([[50, 1, 2, 3, 4, 5, 6], [6, 5, 5, 4, 3, 2, 1]]);
    const v = auxiliaryValuation(inst.order(1), inst.m);
    const scale = new Rational(2n).div(inst.total(1));
    for (let x = 0; x < inst.m; x++) assert.ok(v[x].ge(inst.values[1][x].mul(scale)), `good ${x}`);
  });

  it('on 300 seeded hard-case instances: certified, CUQ marginals, Lemma 7.5 facts, blocks <= 2/3 in v\', O(log m) hitting set', () => {
    fc.assert(
      fc.property(arbHard, (inst) => {
        const c = classifyTwoAgents(inst);
        const [h, o] = [c.h!, c.o!];
        const r = twoRoundHardCase(inst, h, o);
        const vAux = auxiliaryValuation(inst.order(o), inst.m);
        let total = Rational.ZERO;
        for (const [a, b] of r.blocks) {
          const block = r.sigma.slice(a - 1, b).reduce((acc, x) => acc.add(vAux[x]), Rational.ZERO);
          assert.ok(block.le(TWO_THIRDS) || a === b, 'a block longer than one good stays within 2/3');
          total = total.add(block);
        }
        // consecutive blocks together exceed 2/3, so |H| <= 3 v'(sigma) + 1 = O(log m)
        assert.ok(Rational.from(r.hittingSet.length).le(total.mul(3).add(1)));
        assert.equal(r.bits, Math.ceil(Math.log2(r.hittingSet.length)));
        // o's report: the first block end where the prefix reaches v_o(M)/3; the previous block end is below it
        const prefix = (s: number) => r.sigma.slice(0, s).reduce((acc, x) => acc.add(inst.values[o][x]), Rational.ZERO);
        const third = inst.total(o).div(3);
        assert.ok(prefix(r.s).ge(third));
        if (r.position > 0) assert.ok(prefix(r.hittingSet[r.position - 1]).lt(third));
        assert.ok(prefix(r.s).lt(third.mul(2)), 'v_o(A1) < 4/3 T_o');
        // the one-round HARD halts no later: its A1 is a prefix of sigma inside the two-round A1
        const one = hardCase(inst, h, o);
        assert.ok(one.A1.every((x) => r.A1.includes(x)));
        const out = solve('tie-mms-two-agents', inst, { protocol: 'two-round' });
        assert.equal(out.lottery!.size, 2);
        assertCertified(out);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the round-2 message stays a few bits as m grows (log log m + O(1))', () => {
    const bits: number[] = [];
    for (const m of [30, 300, 3000]) {
      const vh = [m * m, ...Array.from({ length: m - 1 }, (_, k) => m - k)];
      const vo = Array.from({ length: m }, () => 1);
      const inst = new Instance([vh, vo]);
      assert.equal(classifyTwoAgents(inst).kase, 'hard');
      const r = twoRoundHardCase(inst, 0, 1);
      bits.push(r.bits);
      assert.ok(r.hittingSet.length <= 3 * Math.log(m) + 4, `m = ${m}: |H| = ${r.hittingSet.length}`);
      assert.ok(r.bits <= Math.ceil(Math.log2(Math.log2(m))) + 1, `m = ${m}: ${r.bits} bits`);
    }
    assert.deepEqual(bits, [2, 3, 4]);
  });

  it('other cases are unchanged by the protocol option; a bad protocol is a typed error', () => {
    for (const v of [[[5, 3, 1], [4, 6, 1]], [[10, 1, 1, 1], [10, 1, 1, 1]], [[1, 1, 1], [1, 1, 1]]]) {
      const inst = new Instance(v);
      const a = solve('tie-mms-two-agents', inst);
      const b = solve('tie-mms-two-agents', inst, { protocol: 'two-round' });
      assert.deepEqual(b.lottery!.entries.map((e) => [e.p.toString(), e.allocation.bundles]), a.lottery!.entries.map((e) => [e.p.toString(), e.allocation.bundles]));
    }
    assert.throws(() => solve('tie-mms-two-agents', new Instance([[1, 2], [2, 1]]), { protocol: 'three-round' }), (e: unknown) => e instanceof InvalidInputError && /protocol/.test(e.message));
  });
});
