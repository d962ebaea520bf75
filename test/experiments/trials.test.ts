import { strict as assert } from 'node:assert';
import { floatMultiplierOwners } from '../../src/mechanisms/multipliers/allocation';
import { AUTHORS_PEAK_MULTIPLIERS } from '../../src/mechanisms/multipliers/reference';
import { decideEF } from '../../src/experiments/float-envy';
import { roundRobinOwners } from '../../src/experiments/float-round-robin';
import { protocol } from '../../src/experiments/protocols';
import {
  FIG3_REFERENCE,
  FIG5_REFERENCE,
  FIG6_REFERENCE,
  SYMMETRIC_BETA_REFERENCE,
} from '../../src/experiments/reference';
import { highsNashSolver, loadHighs } from '../../src/experiments/highs';
import { runUnit, trialMatrices } from '../../src/experiments/trials';
import { distributionPreset } from '../../src/stochastic/presets';

/** EF counts of the multiplier allocation and round robin over the first T trials of the NumPy stream at m. */
function efCounts(experiment: string, m: number, T = 1000): { multiplier: number; roundRobin: number } {
  const p = protocol(experiment);
  const agents = distributionPreset(p.preset).agents;
  let multiplier = 0,
    roundRobin = 0;
  for (const U of trialMatrices(p, agents, m, 0, T)) {
    if (decideEF(U, floatMultiplierOwners(U, AUTHORS_PEAK_MULTIPLIERS)).exact) multiplier++;
    if (decideEF(U, roundRobinOwners(U)).exact) roundRobin++;
  }
  return { multiplier, roundRobin };
}

describe('experiment trials', () => {
  it('reproduce the authors multiplier and round-robin EF counts of Figure 3 exactly at m = 10 ... 500 (spec 5.9)', function () {
    this.timeout(120000);
    for (const m of [10, 20, 50, 100, 200, 500]) {
      const got = efCounts('bai-golz-fig3', m);
      assert.deepEqual(
        got,
        { multiplier: FIG3_REFERENCE[m]['ef-multiplier'], roundRobin: FIG3_REFERENCE[m]['ef-round-robin'] },
        `m = ${m}`,
      );
    }
  });

  it('reproduce the offset counts of Figure 5 exactly at m = 13 ... 203 (spec 5.9)', function () {
    this.timeout(120000);
    for (const m of [13, 23, 53, 103, 203]) {
      const got = efCounts('bai-golz-fig5', m);
      assert.deepEqual(
        got,
        { multiplier: FIG5_REFERENCE[m]['ef-multiplier'], roundRobin: FIG5_REFERENCE[m]['ef-round-robin'] },
        `m = ${m}`,
      );
    }
  });

  it('reproduce the symmetric control: welfare maximization EF in 872 of 1000 at m = 500 (spec 5.8)', function () {
    this.timeout(60000);
    const r = runUnit({ experiment: 'bai-golz-symmetric-peaks', m: 500, from: 0, to: 1000 });
    assert.deepEqual(r.counts, { 'ef-welfare-max': 872 });
  });

  it('start a unit in the middle of the NumPy stream at the same matrices as a run from trial 0', () => {
    const p = protocol('bai-golz-fig3');
    const agents = distributionPreset(p.preset).agents;
    const all = [...trialMatrices(p, agents, 17, 0, 5)];
    const tail = [...trialMatrices(p, agents, 17, 3, 5)];
    assert.deepEqual(tail, all.slice(3));
  });

  it('give rounded MNW 198 of 1000 at m = 20, as the authors MOSEK runs did, and round robin 76', function () {
    this.timeout(60000);
    const r = runUnit({ experiment: 'bai-golz-fig3', m: 20, from: 0, to: 1000 });
    assert.equal(r.counts['ef-rounded-mnw'], 198);
    assert.equal(r.counts['ef-round-robin'], 76);
  });

  it("replay the authors' Beta utilities: Figure 6's multiplier and round-robin counts at m = 5, 10, 20 (spec 5.8)", function () {
    this.timeout(120000);
    const expected: Record<number, Record<string, number>> = {
      5: { 'ef-multiplier': 5, 'ef-round-robin': 37, 'ef1-multiplier': 29, 'ef1-round-robin': 1000 },
      10: { 'ef-multiplier': 8, 'ef-round-robin': 287, 'ef1-multiplier': 157, 'ef1-round-robin': 1000 },
      20: { 'ef-multiplier': 44, 'ef-round-robin': 910, 'ef1-multiplier': 198, 'ef1-round-robin': 1000 },
    };
    for (const m of [5, 10, 20]) {
      const columns = ['ef-multiplier', 'ef-round-robin', 'ef1-multiplier', 'ef1-round-robin'] as const;
      const r = runUnit({ experiment: 'bai-golz-fig6', m, from: 0, to: 1000, columns: [...columns] });
      assert.deepEqual(r.counts, expected[m], `m = ${m}`);
      for (const c of columns)
        assert.equal(r.counts[c], FIG6_REFERENCE[m][c], `${c} at m = ${m} is the authors' count`);
    }
  });

  it("replay the symmetric Beta control: welfare maximization EF in 658 of 1000 trials, the authors' count", function () {
    this.timeout(120000);
    const r = runUnit({ experiment: 'bai-golz-symmetric-beta', m: 1000, from: 0, to: 1000 });
    assert.equal(r.counts['ef-welfare-max'], 658);
    assert.equal(SYMMETRIC_BETA_REFERENCE[1000]['ef-welfare-max'], 658);
  });

  it('replay a Beta shard from its first trial exactly as the whole run draws it', () => {
    const p = protocol('bai-golz-fig6');
    const agents = distributionPreset(p.preset).agents;
    const all = [...trialMatrices(p, agents, 7, 0, 6)];
    assert.deepEqual([...trialMatrices(p, agents, 7, 4, 6)], all.slice(4));
  });
});

describe('experiment trials with integral MNW', () => {
  it('use the exact MNW search within its node budget and count HiGHS answers beyond it as unproven', async function () {
    this.timeout(60000);
    const nashSolver = highsNashSolver((await loadHighs())!, 20000);
    const small = runUnit(
      { experiment: 'bai-golz-fig6', m: 5, from: 0, to: 3, columns: ['ef1-integral-mnw'] },
      { nashSolver },
    );
    assert.deepEqual(small.unproven, {});
    assert.equal(small.counts['ef1-integral-mnw'], 3, 'MNW allocations are EF1');
    const proven = runUnit({ experiment: 'bai-golz-fig6', m: 20, from: 0, to: 3, columns: ['ef1-integral-mnw'] });
    assert.deepEqual(proven.unproven, {});
    assert.deepEqual(proven.undecided, {});
    assert.equal(proven.counts['ef1-integral-mnw'], 3, 'MNW allocations are EF1');
    const large = runUnit(
      { experiment: 'bai-golz-fig6', m: 10, from: 0, to: 3, columns: ['ef1-integral-mnw'] },
      { nashSolver, integralMnwNodes: 1 },
    );
    assert.deepEqual(large.unproven, { 'ef1-integral-mnw': 3 });
    const none = runUnit(
      { experiment: 'bai-golz-fig6', m: 10, from: 0, to: 2, columns: ['ef1-integral-mnw'] },
      { integralMnwNodes: 1 },
    );
    assert.deepEqual(none.undecided, { 'ef1-integral-mnw': 2 });
  });
});
