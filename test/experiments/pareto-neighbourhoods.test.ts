import { strict as assert } from 'node:assert';
import { highsParetoSolver, loadHighs } from '../../src/experiments/highs';
import { decidePareto, isParetoImprovement } from '../../src/experiments/pareto';
import {
  WIDE_NEIGHBOURHOOD,
  currentValues,
  neighbourhoods,
  restrict,
  smallestGainProgram,
} from '../../src/experiments/pareto-neighbourhoods';
import { figureTrials } from '../helpers/figure3';

/** Trial t of Figure 3 at m: its utilities and round robin's owners. */
const fig3Trial = (m: number, t: number) => figureTrials(m, t, t + 1)[0];

describe('PO neighbourhoods', () => {
  it('takes the goods the relaxation moves, then tops them up by least reduced cost to the wide size', () => {
    const m = 100;
    const U = [new Float64Array(m).fill(1), new Float64Array(m).fill(1)];
    for (let g = 0; g < m; g++) U[1][g] = 1 + g / 1000;
    const owner = Int32Array.from({ length: m }, (_, g) => g % 2);
    const moved = new Set([3, 10, 41]);
    const relaxed = {
      value: (i: number, g: number) => (moved.has(g) ? 0.5 : i === owner[g] ? 1 : 0),
      dual: () => -1,
    };
    const [first, second] = neighbourhoods(U, owner, relaxed);
    assert.deepEqual(first, [3, 10, 41]);
    assert.equal(second.length, WIDE_NEIGHBOURHOOD);
    assert.ok(first.every((g) => second.includes(g)));
    assert.deepEqual(
      second,
      [...second].sort((a, b) => a - b),
    );
    // with equal prices the cheapest goods to move are agent 0's goods that agent 1 values most
    const added = second.filter((g) => !moved.has(g));
    assert.ok(added.every((g) => owner[g] === 0));
    assert.equal(Math.min(...added), 100 - 2 * added.length);
  });

  it('omits the wide neighbourhood when it would hold more than half of the goods', () => {
    const m = 60;
    const U = [new Float64Array(m).fill(1), new Float64Array(m).fill(2)];
    const owner = new Int32Array(m);
    const relaxed = { value: (i: number, g: number) => (g === 0 ? 0 : i === 0 ? 1 : 0), dual: () => 1 };
    assert.deepEqual(neighbourhoods(U, owner, relaxed), [[0]]);
  });

  it('restricts an instance to some goods, keeping their owners and values', () => {
    const U = [Float64Array.from([1, 2, 3]), Float64Array.from([4, 5, 6])];
    const r = restrict(U, [1, 0, 1], [0, 2]);
    assert.deepEqual(
      r.U.map((row) => [...row]),
      [
        [1, 3],
        [4, 6],
      ],
    );
    assert.deepEqual([...r.owner], [1, 1]);
    assert.deepEqual([...currentValues(U, [1, 0, 1])], [2, 10]);
  });

  it('relaxes to a positive smallest gain exactly when an allocation is not fPO', async () => {
    const highs = (await loadHighs())!;
    const U = [Float64Array.from([3, 1, 2]), Float64Array.from([1, 3, 2])];
    const gain = (owner: number[]) => highs.solve(smallestGainProgram(U, owner), { output_flag: false });
    const fpo = gain([0, 1, 0]);
    assert.equal(fpo.Status, 'Optimal');
    assert.ok(Math.abs(fpo.Columns.z.Primal) < 1e-9);
    const swapped = gain([1, 0, 0]);
    assert.equal(swapped.Status, 'Optimal');
    assert.ok(swapped.Columns.z.Primal > 0.5);
  });

  it('refutes PO of round robin on Figure 3 trials at m = 100 by neighbourhood programs, each improvement exact', async () => {
    const solver = highsParetoSolver((await loadHighs())!, 20000, undefined, 0);
    for (const t of [27, 66, 76, 81]) {
      const { U, owner } = fig3Trial(100, t);
      const r = solver(U, owner);
      assert.ok(r !== 'none' && r !== 'prices' && r !== 'price-tree' && !('error' in r), `trial ${t}`);
      assert.equal(r.via, 'neighbourhood', `trial ${t}`);
      assert.equal(isParetoImprovement(U, owner, r.owners), true, `trial ${t}`);
    }
  });

  it('finds the improvement of trial 77 at m = 50 that HiGHS at tolerance 1e-10 called infeasible (regression)', async () => {
    const { U, owner } = fig3Trial(50, 77);
    // the whole program decides it (10 s on an idle core); the limit leaves room for a loaded machine
    const d = decidePareto(U, owner, highsParetoSolver((await loadHighs())!, 110000));
    assert.equal(d.po, false);
    assert.ok(d.via === 'neighbourhood-improvement' || d.via === 'integer-program-improvement', d.via);
  });
});
