import { strict as assert } from 'node:assert';
import { certify } from '../../../src/certify';
import { checkFPO, checkPO } from '../../../src/checks/efficiency';
import { checkEF, checkEF1 } from '../../../src/checks/envy';
import { Allocation } from '../../../src/core/allocation';
import { instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import { decideEF } from '../../../src/experiments/float-envy';
import { roundRobinOwners } from '../../../src/experiments/float-round-robin';
import { isParetoImprovement } from '../../../src/experiments/pareto';
import '../../../src/mechanisms/multipliers';
import { floatMultiplierOwners } from '../../../src/mechanisms/multipliers/allocation';
import { refinedAlgorithm1 } from '../../../src/mechanisms/multipliers/algorithm1';
import { APPENDIX_B_ITEMS, PO_NOT_FPO } from '../../../src/mechanisms/multipliers/instances';
import { mechanism } from '../../../src/mechanisms/registry';
import { toDensity } from '../../../src/stochastic/density';
import { Mt19937 } from '../../../src/stochastic/mt19937';
import { appendixBAgents } from '../../../src/stochastic/presets';

const q = (s: string) => Rational.parse(s);

describe('counterexamples of Bai & Gölz, Appendices B, C and E', () => {
  const inst = instance(APPENDIX_B_ITEMS.instance);

  it('max-percentile gives A the two median items: percentiles 0.506667 > 0.493333 and 0.986667 < 0.998 (T-maxpct)', () => {
    const [A, B] = appendixBAgents();
    assert.ok(Math.abs(A.cdf(0.26) - 0.5066666666666667) < 1e-12 && Math.abs(B.cdf(0.74) - 0.4933333333333333) < 1e-12);
    assert.ok(Math.abs(A.cdf(0.98) - 0.9866666666666667) < 1e-12 && Math.abs(B.cdf(0.999) - 0.998) < 1e-12);
    const o = mechanism('max-percentile').run(inst, { distributions: 'appendix-b' });
    assert.deepEqual(o.allocation!.toJSON(), [[0, 1], [2]]);
  });

  it('max-percentile is not PO: the trade of both median items for the top item gives A 0.98 > 0.52 and B 1.48 > 0.999 (Appendix B)', () => {
    const a = Allocation.fromOwners([0, 0, 1], 2);
    const po = checkPO(inst, a);
    assert.equal(po.holds, false);
    const dominating = Allocation.fromOwners((po.witness as { dominatingOwners: number[] }).dominatingOwners, 2);
    assert.ok(
      inst.value(0, dominating.bundles[0]).gt(q('13/25')) && inst.value(1, dominating.bundles[1]).gt(q('999/1000')),
    );
    assert.deepEqual([inst.value(0, [2]), inst.value(1, [0, 1])].map(String), ['49/50', '37/25']);
  });

  it('max-percentile is not fPO: beta_A/beta_B would need to be ≥ 0.74/0.26 and ≤ 0.999/0.98 (Appendix B)', () => {
    const f = checkFPO(inst, Allocation.fromOwners([0, 0, 1], 2));
    assert.equal(f.holds, false);
    const product = (f.detail as { product: Rational }).product;
    assert.ok(product.eq(q('37/13').mul(q('980/999'))), String(product));
  });

  it("max-percentile is not EF: both agents envy (A values B's bundle at 0.98 > 0.52, B values A's at 1.48 > 0.999)", () => {
    const ef = checkEF(inst, Allocation.fromOwners([0, 0, 1], 2));
    assert.equal(ef.holds, false);
  });

  it('the multiplier allocation with beta_A/beta_B = 2√6 - 3 is EF and fPO on the same items (T-maxpct)', () => {
    const o = mechanism('multiplier').run(inst, { distributions: 'appendix-b', method: 'bisection', delta: 1e-12 });
    assert.deepEqual(o.allocation!.toJSON(), [[2], [0, 1]]);
    assert.equal(checkEF(inst, o.allocation!).holds, true);
    assert.equal(certify(o).verdict, 'certified');
  });

  it("round robin on the items: u_A = 1.24, u_B = 0.74, not EF (B values A's bundle at 1.739), EF1, PO and fPO (spec 5.10)", () => {
    const a = Allocation.fromOwners([1, 0, 0], 2);
    assert.deepEqual([inst.value(0, a.bundles[0]), inst.value(1, a.bundles[1])].map(String), ['31/25', '37/50']);
    assert.equal(inst.value(1, a.bundles[0]).toString(), '1739/1000');
    assert.equal(checkEF(inst, a).holds, false);
    assert.equal(checkEF1(inst, a).holds, true);
    assert.equal(checkPO(inst, a).holds, true);
    assert.equal(checkFPO(inst, a).holds, true);
  });

  it('distinguishes PO from fPO: u_A = (1, 3), u_B = (1, 2) with A = {g1}, B = {g2} (T-PO-not-fPO)', () => {
    const i2 = instance(PO_NOT_FPO.instance);
    const a = Allocation.fromOwners([0, 1], 2);
    assert.equal(checkPO(i2, a).holds, true);
    assert.equal(checkFPO(i2, a).holds, false);
  });

  it('normalizing multipliers are never EF for agent 1 ~ U[0,1] against nine agents ~ U[1/2,1], and give agent 1 about 1/3 + 1/30 of the items (Appendix C)', function () {
    this.timeout(60000);
    const n = 10,
      m = 2000,
      T = 20;
    const agents = [toDensity('uniform:0,1'), ...Array.from({ length: n - 1 }, () => toDensity('uniform:0.5,1'))];
    const equalized = refinedAlgorithm1(agents, { delta: 1e-4, q: 2 }).beta;
    const r = new Mt19937(2000);
    let efNormalizing = 0,
      efEqualizing = 0,
      share = 0;
    for (let t = 0; t < T; t++) {
      const U = agents.map((d) => Float64Array.from({ length: m }, () => d.sample(r)));
      const beta = U.map((row) => 1 / row.reduce((s, x) => s + x, 0));
      const owner = floatMultiplierOwners(U, beta);
      if (decideEF(U, owner).exact) efNormalizing++;
      share += owner.filter((i) => i === 0).length / m / T;
      if (decideEF(U, floatMultiplierOwners(U, equalized)).exact) efEqualizing++;
    }
    assert.equal(efNormalizing, 0);
    assert.ok(Math.abs(share - (1 / 3 + 1 / 30)) < 0.01, `share ${share}`);
    assert.ok(efEqualizing > T / 2, `equalizing multipliers EF in ${efEqualizing} of ${T}`);
  });

  it("round robin fails PO with constant probability: agent 1's first item for agent n's last two is an improvement in about 5.7% of runs at k = 20 (Appendix E)", function () {
    this.timeout(60000);
    const n = 10,
      k = 20,
      m = n * k,
      T = 2000;
    const agents = [toDensity('uniform:0.5,1'), ...Array.from({ length: n - 1 }, () => toDensity('uniform:0,1'))];
    const r = new Mt19937(31);
    let trades = 0;
    for (let t = 0; t < T; t++) {
      const U = agents.map((d) => Float64Array.from({ length: m }, () => d.sample(r)));
      const owner = roundRobinOwners(U);
      // picks in order: agent 0's first pick is its best item; agent n-1's last two picks are its two least valued
      const first = U[0].indexOf(Math.max(...Array.from({ length: m }, (_, g) => U[0][g])));
      const last = Array.from({ length: m }, (_, g) => g)
        .filter((g) => owner[g] === n - 1)
        .sort((a, b) => U[n - 1][a] - U[n - 1][b])
        .slice(0, 2);
      const next = Int32Array.from(owner);
      next[first] = n - 1;
      for (const g of last) next[g] = 0;
      if (isParetoImprovement(U, owner, next)) trades++;
    }
    assert.ok(Math.abs(trades / T - 0.057) < 0.02, `frequency ${trades / T}`);
  });
});
