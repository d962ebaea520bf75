import { strict as assert } from 'node:assert';
import { certify } from '../../../src/certify';
import { instance } from '../../../src/core/instance';
import '../../../src/mechanisms/classic';
import '../../../src/mechanisms/multipliers';
import { mechanism } from '../../../src/mechanisms/registry';
import { Mt19937 } from '../../../src/stochastic/mt19937';
import { distributionPreset } from '../../../src/stochastic/presets';

const IDS = ['multiplier', 'max-percentile', 'normalizing-multipliers', 'rounded-mnw', 'max-nash-welfare'];

function sampledInstance(preset: string, m: number, seed: number) {
  const agents = distributionPreset(preset).agents;
  const r = new Mt19937(seed);
  return instance(agents.map((d) => Array.from({ length: m }, () => d.sample(r))));
}

describe('multiplier mechanisms (Bai & Gölz)', () => {
  it('run their worked examples to the expected allocations, and every claim certifies', () => {
    for (const id of IDS) {
      const m = mechanism(id);
      const o = m.run(instance(m.example.instance), m.example.options);
      assert.deepEqual(o.allocation?.toJSON(), m.example.expect.allocation, id);
      const report = certify(o);
      assert.equal(report.failed, 0, id);
      if (o.claims.length) assert.equal(report.verdict, 'certified', id);
    }
  });

  it('equalizes the peak agents by the authors schedule and certifies fPO by prices on a sampled instance (Theorem 3)', () => {
    const inst = sampledInstance('bai-golz-peaks', 40, 40);
    const o = mechanism('multiplier').run(inst, { distributions: 'bai-golz-peaks' });
    assert.deepEqual(o.options, { distributions: 'bai-golz-peaks', method: 'refined', delta: 1e-5, q: 1.9 });
    const eq = o.trace.find((t) => t.id === 'equalization')!.data as { beta: number[]; rounds: number };
    assert.equal(eq.rounds, 155);
    assert.equal(eq.beta[0], 1.2726175697325768);
    const report = certify(o);
    assert.equal(report.verdict, 'certified');
    assert.deepEqual(
      report.claims.map((c) => c.id),
      ['fpo-prices', 'fpo', 'po'],
    );
  });

  it('takes exact multipliers directly, welfare maximization being beta = 1', () => {
    const inst = sampledInstance('bai-golz-beta', 12, 3);
    const ones = mechanism('multiplier').run(inst, { multipliers: [1, 1, 1, 1, 1] });
    const welfare = mechanism('max-welfare').run(inst, {});
    assert.deepEqual(ones.allocation!.toJSON(), welfare.allocation!.toJSON());
    assert.equal(certify(ones).verdict, 'certified');
  });

  it('gives rounded fractional MNW with exactly certified prices on sampled peak instances (Appendix F.3)', () => {
    for (const seed of [1, 2, 3]) {
      const inst = sampledInstance('bai-golz-peaks', 15, seed);
      const o = mechanism('rounded-mnw').run(inst, {});
      assert.equal(certify(o).verdict, 'certified', `seed ${seed}`);
    }
  });

  it('rejects missing or malformed options with typed errors', () => {
    const inst = instance([
      [1, 2],
      [2, 1],
    ]);
    assert.throws(() => mechanism('multiplier').run(inst, {}), { code: 'missing-option' });
    assert.throws(() => mechanism('multiplier').run(inst, { multipliers: [1] }), { code: 'bad-rational' });
    assert.throws(() => mechanism('multiplier').run(inst, { multipliers: [1, 0] }), { code: 'bad-multipliers' });
    assert.throws(() => mechanism('multiplier').run(inst, { distributions: 'bai-golz-peaks' }), {
      code: 'bad-distribution',
    });
    assert.throws(() => mechanism('multiplier').run(inst, { distributions: ['uniform:0,1', 'exp:1'] }), {
      code: 'bad-distribution',
    });
    assert.throws(
      () => mechanism('multiplier').run(inst, { distributions: ['uniform:0,1', 'uniform:0,1'], delta: 2 }),
      { code: 'bad-option' },
    );
    assert.throws(
      () => mechanism('multiplier').run(inst, { distributions: ['uniform:0,1', 'uniform:0,1'], method: 'magic' }),
      { code: 'bad-option' },
    );
    assert.throws(() => mechanism('max-percentile').run(inst, {}), { code: 'missing-option' });
    assert.throws(
      () =>
        mechanism('normalizing-multipliers').run(
          instance([
            [0, 0],
            [1, 1],
          ]),
          {},
        ),
      { code: 'zero-agent' },
    );
  });

  it('claims PO and EF1 for MNW only from the exact search, and nothing from HiGHS (Caragiannis et al. Theorem 3.2)', function () {
    this.timeout(60000);
    const inst = sampledInstance('bai-golz-beta', 8, 8);
    const exact = mechanism('max-nash-welfare').run(inst, {});
    assert.deepEqual(
      exact.claims.map((c) => c.id),
      ['po', 'ef1'],
    );
    assert.equal(certify(exact).verdict, 'certified');
    const viaHighs = mechanism('max-nash-welfare').run(inst, { nodeBudget: 1 });
    assert.deepEqual(viaHighs.claims, []);
    const h = viaHighs.trace[0].data as { status: string; gap: number | null };
    assert.equal(h.status, 'Optimal');
    assert.ok(h.gap !== null && h.gap >= 0 && h.gap < 0.01);
    assert.deepEqual(viaHighs.allocation!.toJSON(), exact.allocation!.toJSON());
  });
});
