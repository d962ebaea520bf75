import { strict as assert } from 'node:assert';
import { checkPO } from '../../src/checks/efficiency';
import { improvementProgram, searchImprovement } from '../../src/checks/po-programs';
import { solve } from '../../src/index';
import { uniformInstance } from '../../src/generators';

describe('a Pareto improvement by integer programs (neighbourhoods, then all goods)', () => {
  it('writes the program over a neighbourhood with the other goods fixed and integer margins of 1/2', () => {
    // agent 0 owns goods 0 and 2, agent 1 owns good 1; the neighbourhood is goods 1 and 2
    const lp = improvementProgram(
      [
        [4, 1, 3],
        [2, 5, 1],
      ],
      [0, 1, 0],
      [1, 2],
    );
    const lines = lp.split('\n').map((l) => l.trim());
    assert.ok(lines.includes('total: + 1 y0_0 + 3 y0_1 + 5 y1_0 + 1 y1_1 >= 8.5'), lp);
    assert.ok(lines.includes('a0: y0_0 + y1_0 = 1'));
    assert.ok(lines.includes('v0: + 1 y0_0 + 3 y0_1 >= 2.5'));
    assert.ok(lines.includes('v1: + 5 y1_0 + 1 y1_1 >= 4.5'));
    assert.ok(lines.includes('Binary'));
  });

  it('answers infeasible for the whole program of a PO (not fPO) allocation (HiGHS, floating point; a fractional limit)', function () {
    this.timeout(60_000);
    const r = searchImprovement(
      [
        [1, 2, 4],
        [1, 3, 4],
      ],
      [1, 0, 0],
      null,
      20_000.5,
    );
    assert.deepEqual(r, { infeasible: true });
  });

  it('decides PO of round robin past a zero node budget: refuted by a neighbourhood program, or proved by prices', function () {
    this.timeout(120_000);
    const decided: string[] = [];
    for (const seed of [1, 3]) {
      const inst = uniformInstance({ n: 5, m: 30, seed });
      const a = solve('round-robin', inst).allocation!;
      const r = checkPO(inst, a, 0, { exchanges: false });
      assert.equal(r.unchecked, undefined, JSON.stringify(r.detail));
      if (!r.holds) {
        // the witness dominates exactly: every agent weakly better, one strictly
        const owners = (r.witness as { dominatingOwners: number[] }).dominatingOwners;
        const after = inst.values.map((_, i) =>
          inst.value(
            i,
            owners.flatMap((o, g) => (o === i ? [g] : [])),
          ),
        );
        const before = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
        assert.ok(after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i])));
        decided.push(String(r.detail.program));
      } else decided.push(String(r.detail.via));
    }
    assert.match(decided[0], /^neighbourhood of \d+ goods$/);
    assert.match(decided[1], /^price certificate/);
  });
});
