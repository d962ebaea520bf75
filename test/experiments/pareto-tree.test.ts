/**
 * PO decided by a tree of price certificates (src/experiments/pareto-tree.ts): against brute force over every
 * allocation of small instances (sound when it proves PO, exact when it finds an improvement, and deciding each one),
 * on Figure 3's configuration-LP gap at m = 50, and in the HiGHS solver's pipeline once the whole program's share of
 * the time is spent.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { highsParetoSolver, loadHighs } from '../../src/experiments/highs';
import { decidePareto, isParetoImprovement } from '../../src/experiments/pareto';
import { priceTreeSearch, searchPriceTree } from '../../src/experiments/pareto-tree';
import { figureTrials, gainingImprovement, smallAllocation } from '../helpers/figure3';

describe('PO by a tree of price certificates', function () {
  this.timeout(180_000);

  it('decides every small instance as brute force does over all n^m allocations', () => {
    let po = 0,
      improved = 0;
    fc.assert(
      fc.property(smallAllocation, ({ U, owner }) => {
        const r = searchPriceTree(U, owner, performance.now() + 10_000);
        assert.notEqual(r.po, null, 'decided');
        const gaining = gainingImprovement(U, owner);
        if (r.po) {
          po++;
          assert.equal(gaining, null, `PO claimed for ${[...owner]}`);
        } else if (r.po === false) {
          improved++;
          assert.equal(isParetoImprovement(U, owner, r.owners), true);
        }
        if (gaining) assert.equal(r.po, false, `improvement missed for ${[...owner]}`);
        return true;
      }),
      { seed: 17, numRuns: 300 },
    );
    assert.ok(po >= 30 && improved >= 30, `${po} PO, ${improved} improvements`);
  });

  it('proves PO of Figure 3 trial 57 at m = 50, whose configuration LP has a gap (no single price certificate)', () => {
    const [{ U, owner }] = figureTrials(50, 57, 58);
    const r = searchPriceTree(U, owner, performance.now() + 120_000);
    assert.equal(r.po, true);
    assert.ok(r.nodes > 1, `${r.nodes} nodes`);
  });

  it('finds an exactly verified improvement of Figure 3 trial 77 at m = 50 (a negative control for the proofs)', () => {
    const [{ U, owner }] = figureTrials(50, 77, 78);
    const r = searchPriceTree(U, owner, performance.now() + 120_000);
    assert.equal(r.po, false);
    assert.ok(r.po === false && isParetoImprovement(U, owner, r.owners));
  });

  it("finds an improvement of Figure 3 trial 167 at m = 100 by resolving the bundles' conflicts (HiGHS maximising the total: none in 15 s)", () => {
    const [{ U, owner }] = figureTrials(100, 167, 168);
    const r = searchPriceTree(U, owner, performance.now() + 120_000);
    assert.equal(r.po, false);
    assert.ok(r.po === false && isParetoImprovement(U, owner, r.owners));
  });

  it('reports the time limit instead of an answer when the deadline has passed', () => {
    const [{ U, owner }] = figureTrials(50, 57, 58);
    const r = searchPriceTree(U, owner, performance.now() - 1);
    assert.equal(r.po, null);
    assert.ok(r.po === null && /time limit/.test(r.reason), r.po === null ? r.reason : '');
  });

  it('goes on where it stopped: in 20 ms turns it proves trial 57 at m = 50 with the nodes of one uninterrupted search', () => {
    const [{ U, owner }] = figureTrials(50, 57, 58);
    const whole = searchPriceTree(U, owner, performance.now() + 120_000);
    const search = priceTreeSearch(U, owner);
    let turns = 0;
    let r = search.advance(performance.now() + 20);
    while (r.po === null && search.resumable && turns < 100_000) {
      assert.match(r.reason, /time limit/);
      turns++;
      r = search.advance(performance.now() + 20);
    }
    assert.ok(turns >= 5, `${turns} turns`);
    assert.deepEqual(r, whole);
    assert.equal(search.resumable, false);
    assert.deepEqual(search.advance(performance.now() + 20), whole, 'a decided search keeps its answer');
  });

  it('stops at its node limit: the root alone does not decide trial 57 at m = 50', () => {
    const [{ U, owner }] = figureTrials(50, 57, 58);
    const r = searchPriceTree(U, owner, performance.now() + 60_000, 1);
    assert.equal(r.po, null);
    assert.ok(r.po === null && r.nodes === 1 && /node limit/.test(r.reason), r.po === null ? r.reason : '');
  });

  it('runs its root first up to 60 goods: a PO proof and an exact improvement on Figures 3, 5 and 6 (m = 50, 53, 50)', async () => {
    const solver = highsParetoSolver((await loadHighs())!, 60_000);
    for (const [experiment, m, po, improvable] of [
      ['bai-golz-fig3', 50, 4, 156],
      ['bai-golz-fig5', 53, 1, 61],
      ['bai-golz-fig6', 50, 139, 128],
    ] as const) {
      const [a] = figureTrials(m, po, po + 1, experiment);
      assert.deepEqual(decidePareto(a.U, a.owner, solver), { po: true, via: 'price-tree' }, `${experiment} ${po}`);
      const [b] = figureTrials(m, improvable, improvable + 1, experiment);
      const r = solver(b.U, b.owner);
      assert.ok(typeof r === 'object' && 'owners' in r && r.via === 'tree', `${experiment} ${JSON.stringify(r)}`);
      assert.equal(isParetoImprovement(b.U, b.owner, r.owners), true, `${experiment} ${improvable}`);
    }
  });

  it('takes turns with the whole integer program, from its callback, on trial 328 at m = 100 (tree alone: 0.13 s)', async () => {
    const [{ U, owner }] = figureTrials(100, 328, 329);
    const r = highsParetoSolver((await loadHighs())!, 120_000, { first: 0.5, treeShare: 0.1 }, 0)(U, owner);
    assert.ok(typeof r === 'object' && 'owners' in r && r.via === 'tree', JSON.stringify(r));
    assert.equal(isParetoImprovement(U, owner, r.owners), true);
  });

  it("takes HiGHS's first feasible point of the whole program as the improvement (trial 167 at m = 100)", async () => {
    const [{ U, owner }] = figureTrials(100, 167, 168);
    const r = highsParetoSolver((await loadHighs())!, 120_000, { first: 120, treeShare: 0.1 }, 0)(U, owner);
    assert.ok(typeof r === 'object' && 'owners' in r && r.via === undefined, JSON.stringify(r));
    assert.equal(isParetoImprovement(U, owner, r.owners), true);
  });

  it('reports the time limit of both HiGHS and the tree when their turns end undecided (trial 197 at m = 100, 3 s)', async () => {
    const [{ U, owner }] = figureTrials(100, 197, 198);
    const r = highsParetoSolver((await loadHighs())!, 3_000, { first: 0.5, treeShare: 0.1 }, 0)(U, owner);
    assert.ok(typeof r === 'object' && 'error' in r, JSON.stringify(r));
    assert.match(r.error, /^HiGHS model status \d+; time limit after \d+ price-tree nodes$/);
  });

  it('takes over from the whole integer program when its share of the time is large (trial 57 at m = 50)', async () => {
    const [{ U, owner }] = figureTrials(50, 57, 58);
    const solver = highsParetoSolver((await loadHighs())!, 120_000, { first: 0.001, treeShare: 3 });
    assert.deepEqual(decidePareto(U, owner, solver), { po: true, via: 'price-tree' });
  });
});
