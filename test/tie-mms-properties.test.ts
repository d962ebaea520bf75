/**
 * Paper 000 (tie-mms), spec T12: randomised property suites through `certify`. For every mechanism, 300 seeded instances
 * (n in 2..6, m in 0..12, values from {0,1,2,3,5,20,50,100} with many ties and zeros, or uniform integers, m < n
 * included): the lottery induces CUQ (or the uniform allocation) exactly, the support is within the bound, every support
 * allocation is rho-TPS and rho-MMS for every agent, ex-ante PROP. The `truthful` claims are audited separately
 * (test/tie-mms-audits.test.ts) because each audit re-runs the mechanism m! * n times.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve } from '../src';
import { Instance } from '../src/core/instance';
import { Outcome } from '../src/core/outcome';
import { harmonicPortions, identityOrdering, lemma42, orderingFromOrder, proposition3, deficiencies, supportBound } from '../src/mechanisms/tie-mms';
import { Rational } from '../src/core/rational';
import { checkPipeline } from './tie-mms.helpers';

const RUNS = 300;
const PALETTE = [0, 1, 2, 3, 5, 20, 50, 100];

function arbInstance(nMin: number, nMax: number, mMax = 12): fc.Arbitrary<Instance> {
  return fc
    .record({ n: fc.integer({ min: nMin, max: nMax }), m: fc.integer({ min: 0, max: mMax }), palette: fc.boolean() })
    .chain(({ n, m, palette }) =>
      fc.array(fc.array(palette ? fc.constantFrom(...PALETTE) : fc.integer({ min: 0, max: 30 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    )
    .map((rows) => new Instance(rows));
}

/** Certifies every claim except `truthful`; asserts none fails and the named ones pass. */
function certifyAll(o: Outcome, mustPass: string[]): void {
  const claims = o.claims.filter((c) => c.id !== 'truthful');
  const rep = certify(new Outcome({ mechanism: o.mechanism, instance: o.instance, lottery: o.lottery, fractional: o.fractional, options: o.options, claims }));
  const failed = rep.claims.filter((c) => c.status !== 'pass');
  assert.deepEqual(failed.map((c) => ({ id: c.id, status: c.status, detail: c.detail })), [], `${o.mechanism} on ${JSON.stringify(o.instance.toJSON().values)}`);
  const ids = new Set(rep.claims.map((c) => c.id));
  for (const id of mustPass) assert.ok(ids.has(id), `${o.mechanism} claims ${id}`);
}

const CORE = ['implements-cuq', 'ex-ante-prop', 'support-size'];
const EXPOST = ['ex-post-rho-tps', 'ex-post-rho-mms'];

describe('tie-mms properties (T12, 300 seeded instances per mechanism)', function () {
  this.timeout(180000);

  it('tie-mms-ordinal: CUQ exactly, support <= (n-1)m+1, 1/(H_{n-1}+2)-TPS and -MMS, ex-ante PROP', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.nat(), (inst, seed) => {
        const order = [...Array(inst.n).keys()].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b);
        const o = solve('tie-mms-ordinal', inst, { ordering: order });
        certifyAll(o, [...CORE, ...EXPOST, 'implements']);
        assert.ok(o.lottery!.size <= supportBound(inst.n, Math.max(inst.m, 1)));
      }),
      { numRuns: RUNS, seed: 4242 },
    );
  });

  it('Lemma 4.2 intermediate certificates (C6) on 100 instances, harmonic and deficiency portions', () => {
    fc.assert(
      fc.property(arbInstance(2, 5, 10), fc.boolean(), (inst, harmonic) => {
        if (harmonic) {
          const pi = orderingFromOrder([...Array(inst.n).keys()].reverse(), inst.n);
          checkPipeline(inst, lemma42(inst, pi, harmonicPortions(pi)));
        } else {
          const alpha = new Rational(1n, 4n);
          checkPipeline(inst, proposition3(inst, deficiencies(inst, alpha), alpha));
        }
      }),
      { numRuns: 100, seed: 99 },
    );
  });

  it('tie-mms-public-deficiency (alpha = 1/4 and 1/5): CUQ of the sorted ordering, alpha-TPS/MMS, W <= 2', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.boolean(), (inst, quarter) => {
        const alpha = quarter ? '1/4' : '1/5';
        const o = solve('tie-mms-public-deficiency', inst, { alpha });
        certifyAll(o, [...CORE, ...(inst.n >= 2 ? EXPOST : [])]);
        const W = (o.trace.find((t) => t.id === 'deficiencies')!.data as { W: Rational }).W;
        assert.ok(W.le(2), 'Lemma 6.5');
      }),
      { numRuns: RUNS, seed: 777 },
    );
  });

  it('tie-mms-loglog: good branch for realistic n, alpha(n)-TPS/MMS, CUQ of the sampled ordering', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.nat(), (inst, seed) => {
        const o = solve('tie-mms-loglog', inst, { seed });
        assert.equal((o.trace[0].data as { good: boolean }).good, true);
        certifyAll(o, [...CORE, ...EXPOST]);
      }),
      { numRuns: RUNS, seed: 31337 },
    );
  });

  it('tie-mms-two-agents: 2/3-TPS and 2/3-MMS, support <= 2 (exactly 2 when CUQ is fractional), every case hit', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbInstance(2, 2), (inst) => {
        const o = solve('tie-mms-two-agents', inst);
        if (inst.m === 0) return;
        certifyAll(o, [...CORE, ...EXPOST, 'ex-ante-ef', 'two-agent-cases']);
        const fractional = o.fractional!.shares.some((r) => r.some((x) => !x.isInteger()));
        if (fractional) assert.equal(o.lottery!.size, 2);
        seen.add((o.trace[1].data as { case: string }).case);
      }),
      { numRuns: RUNS, seed: 2024 },
    );
    // a few targeted instances guarantee the hard case and case 3 are exercised
    for (const v of [[[100, 9, 8, 7], [1, 1, 1, 1]], [[10, 1, 1, 1], [10, 1, 1, 1]], [[1, 1, 1], [1, 1, 1]], [[5, 3, 1], [4, 6, 1]]]) {
      const o = solve('tie-mms-two-agents', new Instance(v));
      certifyAll(o, [...CORE, ...EXPOST]);
      seen.add((o.trace[1].data as { case: string }).case);
    }
    assert.deepEqual([...seen].sort(), ['case-1', 'case-2', 'case-3', 'hard']);
  });

  it('uniform-faithful: uniform marginals, support n, PROP1, 1/n-TPS and 1/n-MMS', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        const o = solve('uniform-faithful', inst);
        certifyAll(o, ['implements-uniform', 'ex-ante-prop', 'support-size', 'ex-post-prop1', ...EXPOST]);
        if (inst.m >= 1) assert.equal(o.lottery!.size, inst.n);
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });

  it('cuq-lottery: CUQ exactly, support <= n, ex-ante PROP', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        certifyAll(solve('cuq-lottery', inst, { ordering: [...Array(inst.n).keys()].reverse() }), CORE);
      }),
      { numRuns: RUNS, seed: 6 },
    );
  });

  it('CUQ: the mechanism formula (Lemma 4.4) equals the unit-quota average for identity orderings', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        const pi = identityOrdering(inst.n);
        const r = lemma42(inst, pi, harmonicPortions(pi), { reduce: 'never', trace: 'summary' });
        const o = solve('cuq-lottery', inst);
        const f = o.lottery!.marginals();
        r.cuq.forEach((row, i) => row.forEach((x, g) => assert.ok(x.eq(f.shares[i][g]))));
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});
