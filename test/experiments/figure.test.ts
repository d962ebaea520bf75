import { strict as assert } from 'node:assert';
import { isSimulationLike } from '../../src/display/charts';
import { experimentFigure } from '../../src/experiments/figure';
import type { ExperimentRow } from '../../src/experiments/results';

const row = (m: number, s: number): ExperimentRow => ({
  experiment: 'bai-golz-fig3',
  m,
  trials: 20,
  counts: { 'ef-multiplier': s },
  intervals: { 'ef-multiplier': [0.1, 0.9] },
  seconds: 1,
  columnSeconds: {},
  undecided: {},
  unproven: {},
  toleranceDisagreements: {},
  paretoVia: {},
});

describe('experiment figure', () => {
  it('puts each column at log10(m) with its Jeffreys band, in the shape the simulation display draws', () => {
    const fig = experimentFigure([row(10, 4), row(100, 10)]);
    assert.deepEqual(fig.points, [
      { x: 1, 'ef-multiplier': { p: 0.2, lo: 0.1, hi: 0.9 } },
      { x: 2, 'ef-multiplier': { p: 0.5, lo: 0.1, hi: 0.9 } },
    ]);
    assert.equal(isSimulationLike(fig), true);
    assert.match(fig.title, /log10/);
  });
});
