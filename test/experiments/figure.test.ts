import { strict as assert } from 'node:assert';
import { isSimulationLike, simulationPayload } from '../../src/display/charts';
import { columnLabel, experimentFigure } from '../../src/experiments/figure';
import type { ExperimentRow } from '../../src/experiments/results';

const row = (m: number, counts: ExperimentRow['counts']): ExperimentRow => ({
  experiment: 'bai-golz-fig3',
  m,
  trials: 20,
  counts,
  intervals: Object.fromEntries(Object.keys(counts).map((c) => [c, [0.1, 0.9]])),
  seconds: 1,
  columnSeconds: {},
  undecided: {},
  undecidedTrials: {},
  unproven: {},
  toleranceDisagreements: {},
  paretoVia: {},
});

describe('experiment figure', () => {
  it('puts each column at m (not log10 m) with its Jeffreys interval, in the shape the simulation display draws', () => {
    const fig = experimentFigure([row(10, { 'ef-multiplier': 4 }), row(100, { 'ef-multiplier': 10 })]);
    assert.deepEqual(fig.points, [
      { m: 10, 'ef-multiplier': { p: 0.2, lo: 0.1, hi: 0.9 } },
      { m: 100, 'ef-multiplier': { p: 0.5, lo: 0.1, hi: 0.9 } },
    ]);
    assert.equal(isSimulationLike(fig), true);
    assert.doesNotMatch(fig.title, /log10/);
  });

  it("overlays every column in one panel on a log m axis with error bars and the paper's line styles (Figure 3)", () => {
    const fig = experimentFigure([
      row(10, { 'ef-multiplier': 0, 'ef-round-robin': 1, 'ef-rounded-mnw': 1, 'po-round-robin': 20 }),
      row(1000, { 'ef-multiplier': 19, 'ef-round-robin': 20, 'ef-rounded-mnw': 20 }),
    ]);
    const p = simulationPayload(fig);
    assert.equal(p.xScale, 'log');
    assert.equal(p.panels.length, 1);
    const [panel] = p.panels;
    assert.deepEqual(panel.yRange, [0, 1]);
    assert.deepEqual(
      panel.series.map((s) => [s.name, s.dash, s.interval, s.points.map((q) => q.x)]),
      [
        ['envy freeness multiplier', 'solid', 'bars', [10, 1000]],
        ['envy freeness round robin', 'dot', 'bars', [10, 1000]],
        ['envy freeness rounded MNW', 'dash', 'bars', [10, 1000]],
        ['Pareto optimality round robin', 'dashdot', 'bars', [10]],
      ],
    );
    assert.deepEqual(p.params, [
      ['trials', '20'],
      ['m', '10, 1000'],
      ['interval', '95% Jeffreys'],
    ]);
  });

  it('labels columns with the legend words of the paper', () => {
    assert.equal(columnLabel('ef1-integral-mnw'), 'envy freeness up to one good integral MNW');
    assert.equal(columnLabel('ef-welfare-max'), 'envy freeness welfare maximization');
  });
});
