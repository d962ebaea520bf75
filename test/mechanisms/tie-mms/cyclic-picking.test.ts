/** Cyclic picking data (Definitions 4.3, 4.5 of Babaioff, Feige & Manaker Morag) on Figure 1. */
import { strict as assert } from 'node:assert';
import { cyclicData, fSet, identityOrdering, paddedOrders, zSet } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { fromOrders } from '../../helpers/tie-mms';

describe('tie-mms cyclic picking on Figure 1 (n = 3, m = 6)', () => {
  const inst = fromOrders([
    [0, 3, 1, 2, 4, 5],
    [0, 1, 2, 3, 4, 5],
    [0, 2, 1, 3, 4, 5],
  ]);
  const cd = cyclicData(identityOrdering(3), paddedOrders(inst));

  it('gives the picks y, the sets Y and the last shifts i+ of the figure (T1)', () => {
    assert.deepEqual(cd.y, [
      [0, 3, 3],
      [1, 0, 1],
      [2, 2, 0],
    ]);
    assert.deepEqual(
      cd.Y.map((Y) => [...Y].sort()),
      [
        [0, 1, 2],
        [0, 2, 3],
        [0, 1, 3],
      ],
    );
    assert.deepEqual(cd.iPlus, [1, 2, 0]);
  });
  it('gives the Z and F sets of the figure (T1)', () => {
    const Zw = [
      [
        [1, 2, 3],
        [0, 2],
        [0, 1, 2],
      ],
      [
        [0, 2, 3],
        [1, 2, 3],
        [0, 3],
      ],
      [
        [0, 1],
        [0, 1, 3],
        [1, 2, 3],
      ],
    ];
    const Fw = [
      [
        [4, 5],
        [1, 4, 5],
        [4, 5],
      ],
      [
        [4, 5],
        [4, 5],
        [2, 4, 5],
      ],
      [
        [3, 4, 5],
        [4, 5],
        [4, 5],
      ],
    ];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        assert.deepEqual(zSet(cd, i, j), Zw[i][j], `Z(${i + 1},${j + 1})`);
        assert.deepEqual(fSet(cd, i, j), Fw[i][j], `F(${i + 1},${j + 1})`);
      }
  });
});
