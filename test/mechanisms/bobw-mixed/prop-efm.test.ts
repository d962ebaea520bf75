import { strict as assert } from 'node:assert';
import { MixedLottery } from '../../../src/core/mixed-allocation';
import { permutations } from '../../../src/core/permutations';
import { planPropEfm, propEfmForOrder } from '../../../src/mechanisms/bobw-mixed/prop-efm';
import { ownValues, worked } from './helpers';

function lottery(label: string) {
  const inst = worked(label);
  const plan = planPropEfm(inst);
  const runs = permutations(inst.n).map((o) => ({ order: o, ...propEfmForOrder(plan, o) }));
  return { inst, plan, runs, lottery: MixedLottery.uniform(runs.map((r) => r.allocation)) };
}

describe('the PROP-EFM driver (Theorem 4.1)', () => {
  it('gives the cake to whoever did not take g0 and reaches exactly PROP (A1-TINY, Theorem 4.3)', () => {
    const { inst, plan, runs, lottery: l } = lottery('A1-TINY');
    assert.equal(plan.theorem, 'Theorem 4.3');
    assert.deepEqual(
      runs.map((r) => String(r.allocation)),
      ['{0} | {1 of 1}', '{1 of 1} | {0}'],
    );
    assert.deepEqual(ownValues(inst, l.marginals()), ['1', '1']);
  });
  it('puts agents 0 and 1 exactly at their PROP share 10/3 (A5-TIGHT: Algorithm 5, then Algorithm 1)', () => {
    const { inst, runs, lottery: l } = lottery('A5-TIGHT');
    assert.ok(runs.every((r) => r.route === 'algorithm-1'));
    assert.deepEqual(ownValues(inst, l.marginals()), ['10/3', '10/3', '5']);
    assert.equal(
      String(runs.find((r) => r.order.join() === '2,0,1')!.allocation),
      '{3, 4, 7} | {5, 6, 1 of 8} | {0, 1, 2}',
    );
  });
  it('reproduces the six rows of the E2E-B3 table, water-filling fractions 2/9, 1/18, 13/18 included', () => {
    const { inst, runs, lottery: l } = lottery('E2E-B3');
    assert.ok(runs.every((r) => r.route === 'b3'));
    assert.deepEqual(
      runs.map((r) => [r.order.join(''), String(r.allocation)]),
      [
        ['012', '{2, 5, 6} | {1, 3} | {0, 4, 1 of 7}'],
        ['021', '{2, 5, 6} | {1, 3, 1/3 of 7} | {0, 4, 2/3 of 7}'],
        ['102', '{2, 5, 1/2 of 7} | {1, 3, 6} | {0, 4, 1/2 of 7}'],
        ['120', '{2, 4, 1/2 of 7} | {1, 5, 6} | {0, 3, 1/2 of 7}'],
        ['201', '{2, 5, 2/9 of 7} | {1, 3, 6, 1/18 of 7} | {0, 4, 13/18 of 7}'],
        ['210', '{2, 5, 2/9 of 7} | {1, 3, 6, 1/18 of 7} | {0, 4, 13/18 of 7}'],
      ],
    );
    assert.deepEqual(ownValues(inst, l.marginals()), ['251/54', '128/27', '47/9']);
    assert.equal(l.size, 5);
  });
  it('allocates one round by Algorithm 5 and leaves {g1, g4} to Algorithm 1 (B3-LIT, full pipeline)', () => {
    const { inst, plan, lottery: l } = lottery('B3-LIT');
    assert.deepEqual(plan.residual.goods, [1, 4]);
    assert.deepEqual(ownValues(inst, l.marginals()), ['11/4', '97/16', '251/54', '129/16']);
  });
});
