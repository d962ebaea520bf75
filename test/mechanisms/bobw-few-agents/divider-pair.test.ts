import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import {
  dividerPair,
  exactMmsOracle,
  integerValuations,
  oracleSet,
  type DividerPair,
  type OracleSet,
} from '../../../src/mechanisms/bobw-few-agents';
import { WORKED_INSTANCES } from '../../../src/mechanisms/bobw-few-agents';
import {
  efxDominates,
  efxSatisfied,
  isEfxPartition,
  valueOf,
  worstValue,
} from '../../../src/mechanisms/bobw-few-agents/valuation';
import { mmsOfIntegers } from '../../../src/shares/mms/solver';
import { adversarialOracle, arbBobwInstance } from '../../helpers/bobw';

const exact = oracleSet(exactMmsOracle());
const pairsOf = (inst: Instance, oracles: OracleSet = exact): DividerPair[] => {
  const vals = integerValuations(inst);
  return [0, 1, 2].map((d) => dividerPair(vals, d, () => oracles));
};

/** Every certificate the pair relies on is an allocation of all goods in which the holder EFX-dominates the others. */
function assertCertificates(inst: Instance, p: DividerPair): void {
  const vals = integerValuations(inst);
  for (const A of p.allocations)
    for (const x of [0, 1, 2]) {
      if (efxSatisfied(vals[x], A, x)) continue;
      const cert = p.certificates[x];
      assert.deepEqual(
        cert.flat().sort((a, b) => a - b),
        Array.from({ length: inst.m }, (_, g) => g),
        'the certificate partitions the goods',
      );
      const pos = cert.findIndex((b) => b.join() === A[x].join());
      assert.ok(pos >= 0, `agent ${x}'s bundle is in her certificate`);
      assert.ok(efxSatisfied(vals[x], cert, pos), `agent ${x} is EFX-satisfied in her certificate`);
    }
}

describe("Algorithm 1: one divider's pair of allocations (spec 3.4)", () => {
  it('reproduces the golden pairs of E5: divider 0 and 1 in Subcase 2.B, divider 2 in Case 1', () => {
    const [p0, p1, p2] = pairsOf(new Instance(WORKED_INSTANCES.E5.instance.values));
    assert.equal(p0.case, '2B');
    assert.deepEqual(p0.partition, [[0], [1, 3, 4], [2]]);
    assert.ok(p0.case === '2B' && p0.t === 1);
    if (p0.case === '2B') {
      assert.deepEqual(
        p0.splits.map((s) => [s.C, s.R]),
        [
          [
            [
              [0, 3],
              [1, 4],
            ],
            [2],
          ],
          [
            [
              [0, 4],
              [1, 3],
            ],
            [2],
          ],
        ],
      );
    }
    assert.deepEqual(p0.allocations, [
      [[2], [0, 4], [1, 3]],
      [[2], [1, 4], [0, 3]],
    ]);
    assert.equal(p1.case, '2B');
    assert.deepEqual(p1.partition, [[0], [1, 2], [3, 4]]);
    assert.deepEqual(p1.allocations, [
      [[1, 2], [3, 4], [0]],
      [[2], [3, 4], [0, 1]],
    ]);
    assert.equal(p2.case, '1');
    assert.deepEqual(p2.partition, [[0], [1, 3], [2, 4]]);
    assert.deepEqual(p2.allocations, [
      [[2, 4], [1, 3], [0]],
      [[2, 4], [1, 3], [0]],
    ]);
  });

  it('assigns the roles of E5: chooser (a), subdivider (b), divider (c) in Subcase 2.B', () => {
    const [p0] = pairsOf(new Instance(WORKED_INSTANCES.E5.instance.values));
    assert.deepEqual(p0.roles, [
      { efxProp: 1, efxNineTenths: 2, eefxMms: 0 },
      { efxProp: 2, efxNineTenths: 1, eefxMms: 0 },
    ]);
  });

  it("gives E6's subdivider 32 < MMS 33 but >= 9/10 of it, EFX-satisfied (E6)", () => {
    const inst = new Instance(WORKED_INSTANCES.E6.instance.values);
    const [p0, p1, p2] = pairsOf(inst);
    assert.equal(p0.case, '2B');
    assert.deepEqual(p0.partition, [
      [0, 6],
      [1, 3, 5, 7],
      [2, 4, 8],
    ]);
    assert.deepEqual(p0.allocations[0], [
      [2, 4, 8],
      [5, 6],
      [0, 1, 3, 7],
    ]);
    assert.deepEqual(
      p0.allocations[0].map((b, i) => inst.value(i, b).toString()),
      ['100', '35', '32'],
    );
    assert.ok(efxSatisfied(integerValuations(inst)[2], p0.allocations[0], 2));
    assert.equal(p1.case, '1');
    assert.equal(p2.case, '1');
    assert.deepEqual(p1.partition, [
      [0, 3, 8],
      [1, 4, 6],
      [2, 5, 7],
    ]);
  });

  it("takes a preset partition as is, without REALLOC and without an oracle call (Theorem 5.1's Stage 2)", () => {
    const inst = new Instance(WORKED_INSTANCES.E5.instance.values);
    const p = dividerPair(integerValuations(inst), 0, () => exact, [[0, 1], [2], [3, 4]]);
    assert.deepEqual(p.partition, [[0, 1], [2], [3, 4]]);
    assert.equal(p.oracle, null);
  });

  it('keeps Obs. B.1, Lemma 3.5, Lemma 3.6 (9/10) and valid certificates on 300 random instances with exact oracles', () => {
    const nine = new Rational(9n, 10n);
    let case2 = 0;
    fc.assert(
      fc.property(arbBobwInstance(3, 8), (inst) => {
        const vals = integerValuations(inst);
        for (const p of pairsOf(inst)) {
          assert.ok(isEfxPartition(vals[p.divider], p.partition), 'P is an EFX partition for the divider');
          assertCertificates(inst, p);
          if (p.case === '1') continue;
          case2++;
          for (const s of p.splits) {
            const v = vals[s.agent];
            const three = [s.C[0], s.C[1], s.R];
            assert.ok(worstValue(v, s.C) >= valueOf(v, s.R), 'Obs. B.1');
            for (const k of [0, 1])
              assert.ok(
                three.every((b, j) => j === k || efxDominates(v, valueOf(v, three[k]), b)),
                'Lemma 3.5',
              );
            const mms = mmsOfIntegers(v, 3).value;
            assert.ok(nine.mul(mms).le(worstValue(v, s.C)), 'Lemma 3.6');
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    assert.ok(case2 > 30, `Case 2 occurred (${case2} pairs)`);
  });

  it('keeps Lemma 3.5 and valid certificates with adversarial (1 - eps) oracles, eps = 1/4 (150 instances)', () => {
    const adv = oracleSet(adversarialOracle(new Rational(1n, 4n)));
    fc.assert(
      fc.property(arbBobwInstance(3, 7), (inst) => {
        const vals = integerValuations(inst);
        for (const p of pairsOf(inst, adv)) {
          assertCertificates(inst, p);
          if (p.case === '1') continue;
          for (const s of p.splits) {
            const three = [s.C[0], s.C[1], s.R];
            for (const k of [0, 1])
              assert.ok(
                three.every((b, j) => j === k || efxDominates(vals[s.agent], valueOf(vals[s.agent], three[k]), b)),
              );
          }
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
