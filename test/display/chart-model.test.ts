import { strict as assert } from 'node:assert';
import { curveXAxis, curveYAxis, histogramModel, logTicks, ticks } from '../../src/display/chart-model';
import type { MmsHistogramPayload } from '../../src/display';

const bar = (x: string, p: number) => ({ x, approx: Number(eval(x)), p: String(p), pApprox: p });

describe('display chart model: the axes both chart front ends draw', () => {
  it('round linear ticks cover the range', () => {
    assert.deepEqual(ticks(0, 1, 4), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(ticks(3, 48, 5), [10, 20, 30, 40]);
    assert.deepEqual(ticks(NaN, 1), []);
  });

  it('log ticks are 1, 2, 5 per decade, or the powers of ten alone over many decades', () => {
    assert.deepEqual(logTicks(8, 120), [10, 20, 50, 100]);
    assert.deepEqual(logTicks(7, 12000), [10, 100, 1000, 10000]);
    assert.deepEqual(logTicks(0, 10), []);
  });

  it('a log x axis keeps the points m (not log10 m) and pads its range by decades', () => {
    const a = curveXAxis([10, 20, 50, 100, 1000, 10000], 'log');
    assert.equal(a.log, true);
    assert.ok(a.range[0] < 10 && a.range[0] > 7 && a.range[1] > 10000 && a.range[1] < 14000, String(a.range));
    assert.deepEqual(
      a.ticks.map((t) => t.label),
      ['10', '100', '1000', '10000'],
    );
    // a log scale with a non-positive x falls back to linear
    assert.equal(curveXAxis([0, 10], 'log').log, false);
  });

  it('a probability axis shows 0 to 1 with a little room for points at the ends', () => {
    const y = curveYAxis({ title: 't', yLabel: 'p', yRange: [0, 1], series: [] });
    assert.deepEqual(
      y.ticks.map((t) => t.label),
      ['0', '0.25', '0.5', '0.75', '1'],
    );
    assert.ok(y.range[0] < 0 && y.range[1] > 1);
  });

  it('a free y axis ends on labelled round ticks just outside the data', () => {
    const y = curveYAxis({
      title: 't',
      yLabel: 'p',
      series: [{ name: 's', points: [0.0467, 0.1, 0.238].map((v, x) => ({ x, y: v })) }],
    });
    assert.deepEqual(
      y.ticks.map((t) => t.value),
      [0, 0.05, 0.1, 0.15, 0.2, 0.25],
    );
    assert.deepEqual(y.range, [0, 0.25]);
  });

  it('histogram: one category per distinct fraction and 1, sorted by value, near-equal fractions apart', () => {
    const p = {
      agents: ['a', 'b'],
      series: [[bar('9/13', 0.25), bar('99999/100000', 0.25), bar('2', 0.5)], [bar('1', 1)]],
    } as unknown as MmsHistogramPayload;
    const m = histogramModel(p);
    assert.deepEqual(
      m.categories.map((c) => [c.x, c.label]),
      [
        ['9/13', '9/13'],
        ['99999/100000', '≈0.99999'],
        ['1', '1'],
        ['2', '2'],
      ],
    );
    assert.equal(m.one, 2);
    assert.ok(m.slot >= 2 * m.bar, 'a category holds one bar per agent');
    assert.equal(m.y.range[1], m.y.ticks[m.y.ticks.length - 1].value, 'the top of the y axis is a tick');
  });

  it('histogram: many long labels are rotated and the frame grows to hold them', () => {
    const xs = Array.from({ length: 30 }, (_, k) => `${1000 + k}/${999}`);
    const m = histogramModel({
      agents: ['a'],
      series: [xs.map((x) => bar(x, 1 / 30))],
    } as unknown as MmsHistogramPayload);
    assert.equal(m.tickAngle, -90);
    assert.ok(m.frame.b > 40);
  });
});
