import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Instance, certify, decompose, generators, instance, list, probabilisticSerial, solve, FractionalAllocation, checkImplements } from '../src/index';

/** Seeded random instances n <= 5, m <= 10 across the generator families. */
function arbInstance(maxN = 5, maxM = 10, minN = 1): fc.Arbitrary<Instance> {
  return fc.record({ n: fc.integer({ min: minN, max: maxN }), m: fc.integer({ min: 0, max: maxM }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), family: fc.integer({ min: 0, max: 4 }) })
    .map(({ n, m, seed, family }) => {
      switch (family) {
        case 0: return generators.uniformInstance({ n, m, seed, hi: 20 });
        case 1: return generators.biValuedInstance({ n, m, seed });
        case 2: return generators.binaryInstance({ n, m, seed });
        case 3: return generators.identicalInstance({ n, m, seed, hi: 10 });
        default: return generators.ordinalInstance({ n, m, seed });
      }
    });
}

function certifies(id: string, inst: Instance, options?: Record<string, unknown>) {
  const outcome = solve(id, inst, options);
  const report = certify(outcome);
  // the exhaustive truthfulness audit is only defined for m <= 5; everything else must pass
  const failed = report.claims.filter((c) => c.status !== 'pass' && !(c.id === 'truthful' && c.status === 'unchecked' && inst.m > 5));
  assert.deepEqual(failed.map((c) => `${c.id}: ${c.status} ${JSON.stringify(c.detail)}`), [], `${id} on ${JSON.stringify(inst.toJSON())}`);
  return { outcome, report };
}

describe('classic mechanisms certify their claims (500 seeded instances each, n <= 5, m <= 10)', () => {
  for (const id of ['round-robin', 'envy-cycle', 'max-welfare', 'serial-dictatorship', 'probabilistic-serial']) {
    it(id, () => {
      fc.assert(fc.property(arbInstance(), (inst) => {
        certifies(id, inst);
      }), { numRuns: 500, seed: 2026 });
    });
  }
  it('serial-dictatorship passes its truthfulness audit on small instances', () => {
    fc.assert(fc.property(arbInstance(3, 4, 2), (inst) => {
      certifies('serial-dictatorship', inst);
    }), { numRuns: 40, seed: 7 });
  });
  it('random-serial-dictatorship (n <= 4, m <= 8)', () => {
    fc.assert(fc.property(arbInstance(4, 8), (inst) => {
      const { outcome } = certifies('random-serial-dictatorship', inst, { });
      assert.ok(outcome.lottery!.size <= [1, 1, 2, 6, 24][inst.n]);
    }), { numRuns: 500, seed: 11 });
  });
  it('cut-and-choose (n = 2)', () => {
    fc.assert(fc.property(arbInstance(2, 10, 2), (inst) => {
      certifies('cut-and-choose', inst);
    }), { numRuns: 500, seed: 3 });
  });
});

describe('classic mechanisms on worked instances', () => {
  const inst = instance({ alice: { a: 4, b: 3, c: 2, d: 1 }, bob: { a: 4, b: 1, c: 3, d: 2 } });
  it('round robin: picks in turn', () => {
    const o = solve('round-robin', inst);
    assert.deepEqual(o.allocation!.toJSON(), [[0, 1], [2, 3]]);
    assert.deepEqual(o.trace[0].data, [{ agent: 0, good: 0 }, { agent: 1, good: 2 }, { agent: 0, good: 1 }, { agent: 1, good: 3 }]);
    assert.deepEqual(solve('round-robin', inst, { order: [1, 0] }).allocation!.toJSON(), [[1, 3], [0, 2]]);
  });
  it('probabilistic serial: the classic 2-agent example, exact', () => {
    const { fractional } = probabilisticSerial(inst);
    assert.deepEqual(fractional.toJSON(), [['1/2', '1', '0', '1/2'], ['1/2', '0', '1', '1/2']]);
  });
  it('PS on identical orders gives 1/n everywhere; its lottery implements it exactly', () => {
    const same = instance([[3, 2, 1], [3, 2, 1], [3, 2, 1]]);
    const o = solve('probabilistic-serial', same);
    assert.ok(o.fractional!.shares.every((r) => r.every((x) => x.toString() === '1/3')));
    assert.ok(certify(o).ok);
    assert.equal(o.lottery!.size, 3);
  });
  it('max welfare gives each good to a top bidder', () => {
    assert.deepEqual(solve('max-welfare', inst).allocation!.toJSON(), [[0, 1], [2, 3]]);
  });
  it('cut and choose: chooser takes her preferred bundle of the cutter\'s MMS-EFX partition', () => {
    const o = solve('cut-and-choose', instance([[6, 5, 4, 3, 2], [1, 1, 1, 1, 10]]));
    const r = certify(o);
    assert.ok(r.ok && r.passed === 2);
    assert.ok(o.allocation!.bundles[1].includes(4));
  });
  it('the registry lists every classic mechanism with claims', () => {
    const ids = list().map((m) => m.id);
    for (const id of ['round-robin', 'picking-sequence', 'serial-dictatorship', 'random-serial-dictatorship', 'envy-cycle', 'cut-and-choose', 'max-welfare', 'probabilistic-serial'])
      assert.ok(ids.includes(id), id);
  });
});

describe('Birkhoff–von Neumann decomposition (general n x m)', () => {
  it('implements random fractional allocations exactly with bundle sizes floor/ceil of expectations', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 }), (n, m, raw) => {
      const cols = Array.from({ length: m }, (_, g) => {
        const w = Array.from({ length: n }, (_, i) => raw[(g * n + i) % raw.length]);
        const s = w.reduce((a, b) => a + b, 0);
        return w.map((x) => (s === 0 ? (x === w[0] ? `1` : '0') : `${x}/${s}`));
      });
      const f = new FractionalAllocation(Array.from({ length: n }, (_, i) => cols.map((c, g) => (cols[g].every((x) => x === '1' || x === '0') && n > 1 ? (i === 0 ? '1' : '0') : c[i]))));
      const l = decompose(f);
      assert.ok(checkImplements(l, f).holds);
      for (const e of l.entries) e.allocation.bundles.forEach((b, i) => {
        const expected = f.shares[i].reduce((s, x) => s.add(x), f.shares[0][0].sub(f.shares[0][0]));
        assert.ok(BigInt(b.length) >= expected.floor() && BigInt(b.length) <= expected.ceil(), `agent ${i} got ${b.length}, expected ${expected}`);
      });
    }), { numRuns: 300, seed: 5 });
  });
});
