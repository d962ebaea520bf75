import { strict as assert } from 'node:assert';
import { solveInHighsProcess } from '../../src/checks/highs-process';

const feasible = 'Maximize\n obj: x + y\nSubject To\n c: x + y <= 1\nBinary\n x y\nEnd';
const infeasible = 'Maximize\n obj: x\nSubject To\n c: x >= 2\nBinary\n x\nEnd';
const options = { output_flag: false, threads: 1 };

describe('HiGHS in a child process', () => {
  it('answers every model in order, with its status, objective and columns', () => {
    const [a, b] = solveInHighsProcess(
      [
        { lp: feasible, options, seconds: 10 },
        { lp: infeasible, options, seconds: 10 },
      ],
      20_000,
    );
    assert.equal(a.status, 'Optimal');
    assert.equal(a.objective, 1);
    assert.equal((a.columns?.x ?? 0) + (a.columns?.y ?? 0), 1);
    assert.equal(b.status, 'Infeasible');
  });

  it('stops at the first optimal answer when asked, and answers the rest not-started', () => {
    const answers = solveInHighsProcess(
      [
        { lp: infeasible, options, seconds: 10 },
        { lp: feasible, options, seconds: 10 },
        { lp: feasible, options, seconds: 10 },
      ],
      20_000,
      true,
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      ['Infeasible', 'Optimal', 'not-started'],
    );
  });

  it('answers not-started when no time is left, and an error for a model HiGHS cannot read', () => {
    assert.deepEqual(
      solveInHighsProcess([{ lp: feasible, options, seconds: 10 }], 0).map((a) => a.status),
      ['not-started'],
    );
    const [bad] = solveInHighsProcess([{ lp: 'Maximize\n obj: x +\nEnd garbage', options, seconds: 10 }], 20_000);
    assert.notEqual(bad.status, 'Optimal');
  });
});
