import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation, Rational, checkFPO, checkPO, instance, type Instance } from '../../src/index';
import { findImprovingExchange, findImprovingTrade } from '../../src/checks/efficiency';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('efficiency checkers', () => {
  it('fPO: weights certify a welfare-maximal allocation', () => {
    const inst = instance([
      [3, 1],
      [1, 3],
    ]);
    const r = checkFPO(inst, A([[0], [1]], 2));
    assert.ok(r.holds);
    assert.equal((r.witness as { weights: Rational[] }).weights.length, 2);
  });
  it('PO but not fPO: the exchange cycle is the witness', () => {
    const inst = instance([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    const a = A([[1, 2], [0]], 3);
    const f = checkFPO(inst, a);
    assert.ok(!f.holds);
    const cycle = (f.witness as { cycle: { ratio: Rational }[] }).cycle;
    assert.equal(cycle.reduce((p, c) => p.mul(c.ratio), Rational.ONE).toString(), '3/2');
    assert.ok(checkPO(inst, a).holds);
  });
  it('not PO: the dominating allocation is returned', () => {
    const inst = instance([
      [1, 1],
      [2, 1],
    ]);
    const r = checkPO(inst, A([[0], [1]], 2));
    assert.ok(!r.holds);
    assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0]);
  });
  it('PO beyond the search budget (exchange stage off): the integer program finds a dominating allocation, re-verified exactly', function () {
    this.timeout(60000);
    const m = 20;
    const inst = instance([
      Array.from({ length: m }, (_, g) => (g < 10 ? 10 + g : 1)),
      Array.from({ length: m }, (_, g) => (g >= 10 ? 30 - g : 2)),
      Array.from({ length: m }, () => 1),
    ]);
    const a = A([Array.from({ length: 10 }, (_, g) => g + 10), Array.from({ length: 10 }, (_, g) => g), []], m);
    const r = checkPO(inst, a, 5, { exchanges: false });
    assert.ok(!r.holds && !r.unchecked, JSON.stringify(r.detail));
    assert.equal((r.detail as { via?: string }).via, 'integer program, re-verified exactly');
    const owners = (r.witness as { dominatingOwners: number[] }).dominatingOwners;
    const bundle = (i: number) => owners.flatMap((o, g) => (o === i ? [g] : []));
    const before = [0, 1, 2].map((i) => inst.value(i, a.bundles[i]));
    const after = [0, 1, 2].map((i) => inst.value(i, bundle(i)));
    assert.ok(after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i])));
  });
  it('a zero-valued good held while another agent wants it is not fPO', () => {
    assert.ok(
      !checkFPO(
        instance([
          [0, 1],
          [1, 1],
        ]),
        A([[0, 1], []], 2),
      ).holds,
    );
  });

  describe('at scale and against references', () => {
    /** fPO by the definition's cycle condition, exactly: max-product closure over agents (Floyd–Warshall). */
    const referenceFPO = (inst: Instance, a: Allocation): boolean => {
      const n = inst.n;
      const r: (Rational | null)[][] = Array.from({ length: n }, () => new Array<Rational | null>(n).fill(null));
      for (let i = 0; i < n; i++)
        for (const g of a.bundles[i])
          for (let k = 0; k < n; k++) {
            if (k === i || inst.values[k][g].isZero()) continue;
            if (inst.values[i][g].isZero()) return false;
            const q = inst.values[k][g].div(inst.values[i][g]);
            if (!r[i][k] || q.gt(r[i][k] as Rational)) r[i][k] = q;
          }
      for (let via = 0; via < n; via++)
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++) {
            const a1 = r[i][via];
            const a2 = r[via][k];
            if (!a1 || !a2) continue;
            const q = a1.mul(a2);
            if (i === k && q.gt(1)) return false;
            if (i !== k && (!r[i][k] || q.gt(r[i][k] as Rational))) r[i][k] = q;
          }
      return true;
    };
    /** PO by enumerating every allocation of the goods. */
    const referencePO = (inst: Instance, a: Allocation): boolean => {
      const cur = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
      const owners = new Array<number>(inst.m).fill(0);
      for (;;) {
        const vals = inst.values.map((_, i) =>
          inst.value(
            i,
            owners.flatMap((o, g) => (o === i ? [g] : [])),
          ),
        );
        if (vals.every((v, i) => v.ge(cur[i])) && vals.some((v, i) => v.gt(cur[i]))) return false;
        let g = 0;
        while (g < inst.m && owners[g] === inst.n - 1) owners[g++] = 0;
        if (g === inst.m) return true;
        owners[g]++;
      }
    };
    const small = fc
      .record({
        n: fc.integer({ min: 2, max: 4 }),
        m: fc.integer({ min: 1, max: 6 }),
        seed: fc.nat(),
      })
      .chain(({ n, m }) =>
        fc.record({
          values: fc.array(
            fc.array(
              fc.oneof(
                fc.constant('0'),
                fc.integer({ min: 1, max: 6 }).map(String),
                fc.constantFrom('1/2', '2/3', '5/4'),
              ),
              { minLength: m, maxLength: m },
            ),
            {
              minLength: n,
              maxLength: n,
            },
          ),
          owners: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: m, maxLength: m }),
        }),
      );
    const build = ({ values, owners }: { values: string[][]; owners: number[] }) => {
      const inst = instance(values);
      const bundles: number[][] = values.map(() => []);
      owners.forEach((o, g) => bundles[o].push(g));
      return { inst, a: new Allocation(bundles, owners.length) };
    };

    it('fPO agrees with the cycle condition on 600 seeded small instances; weights and cycles are exact witnesses', () => {
      fc.assert(
        fc.property(small, (x) => {
          const { inst, a } = build(x);
          const r = checkFPO(inst, a);
          assert.equal(r.holds, referenceFPO(inst, a));
          if (r.holds) {
            const beta = (r.witness as { weights: Rational[] }).weights;
            a.bundles.forEach((bundle, i) => {
              for (const g of bundle)
                for (let k = 0; k < inst.n; k++)
                  assert.ok(beta[i].mul(inst.values[i][g]).ge(beta[k].mul(inst.values[k][g])));
            });
          } else {
            const cycle = (r.witness as { cycle: { from: number; to: number; good: number; ratio?: Rational }[] })
              .cycle;
            for (const c of cycle) assert.ok(a.bundles[c.from].includes(c.good));
            if (cycle.length > 1 || cycle[0].ratio)
              assert.ok(cycle.reduce((p, c) => p.mul(c.ratio as Rational), Rational.ONE).gt(1));
          }
        }),
        { seed: 31, numRuns: 600 },
      );
    });

    it('fPO sees a cycle whose product exceeds 1 by 1e-12 (doubles cannot; the exact fallback does)', () => {
      const big = 10n ** 12n;
      const inst = instance([
        [String(big), String(big), String(big)],
        [String(big + 1n), String(big), String(big)],
        [String(big), String(big), String(big)],
      ]);
      const r = checkFPO(inst, new Allocation([[0], [1], [2]], 3));
      assert.ok(!r.holds);
      assert.equal((r.detail as { product: Rational }).product.toString(), `${big + 1n}/${big}`);
      assert.ok(
        checkFPO(
          instance([
            ['3', '1'],
            ['1', '3'],
          ]),
          new Allocation([[0], [1]], 2),
        ).holds,
      );
    });

    it('PO agrees with enumeration on 300 seeded small instances, with and without the exchange stage; proposed exchanges dominate', () => {
      fc.assert(
        fc.property(small, (x) => {
          const { inst, a } = build(x);
          const expected = referencePO(inst, a);
          const dominates = (owners: readonly number[]) => {
            const before = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
            const after = inst.values.map((_, i) =>
              inst.value(
                i,
                owners.flatMap((o, g) => (o === i ? [g] : [])),
              ),
            );
            return after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i]));
          };
          const exchange = findImprovingExchange(inst, a);
          if (exchange)
            assert.ok(dominates(exchange), 'an exchange cycle the cheap stage proposes is Pareto-improving');
          const trade = findImprovingTrade(inst, a);
          if (trade) assert.ok(dominates(trade), 'a trade the cheap stage proposes is Pareto-improving');
          for (const exchanges of [true, false]) {
            const r = checkPO(inst, a, 5_000_000, { exchanges });
            assert.ok(!r.unchecked);
            assert.equal(r.holds, expected);
            if (!r.holds) assert.ok(dominates((r.witness as { dominatingOwners: number[] }).dominatingOwners));
          }
        }),
        { seed: 77, numRuns: 300 },
      );
    });

    it('a Pareto-improving swap of single goods refutes PO before any search (envy-cycle style allocation, n = 30, m = 120)', () => {
      // agent i likes good i (mod n) best; each holds the favourite of the next agent: a 30-agent exchange cycle
      const n = 30;
      const m = 120;
      const values = Array.from({ length: n }, (_, i) =>
        Array.from({ length: m }, (_, g) => (g % n === i ? '10' : '1')),
      );
      const inst = instance(values);
      const bundles: number[][] = Array.from({ length: n }, () => []);
      for (let g = 0; g < m; g++) bundles[(g + 1) % n].push(g);
      const a = new Allocation(bundles, m);
      assert.ok(findImprovingExchange(inst, a));
      const r = checkPO(inst, a, 0);
      assert.ok(!r.holds && !r.unchecked);
      assert.equal((r.detail as { via: string }).via, 'exchange cycle of single goods');
    });

    it('a trade of one good for two refutes PO where no single-good exchange does', () => {
      // agent 0 holds good 0 (worth 4 to her, 5 to agent 1); agent 1 holds goods 1, 2 (worth 2 + 2 to her, 3 + 3 to agent 0)
      const inst = instance([
        [4, 3, 3],
        [5, 2, 2],
      ]);
      const a = new Allocation([[0], [1, 2]], 3);
      assert.equal(findImprovingExchange(inst, a), null);
      assert.deepEqual(findImprovingTrade(inst, a), [1, 0, 0]);
      const r = checkPO(inst, a, 0);
      assert.ok(!r.holds && !r.unchecked);
      assert.equal((r.detail as { via: string }).via, 'trade of one good for a bundle');
    });

    it('fPO at n = 100, m = 500 returns exact weights for a weighted-welfare allocation and a cycle for round robin', () => {
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 1 + (seed % 100));
      const n = 100;
      const m = 500;
      const values = Array.from({ length: n }, () => Array.from({ length: m }, () => rand()));
      const inst = instance(values);
      const w = Array.from({ length: n }, () => rand());
      const best: number[][] = Array.from({ length: n }, () => []);
      for (let g = 0; g < m; g++) {
        let b = 0;
        for (let i = 1; i < n; i++) if (w[i] * values[i][g] > w[b] * values[b][g]) b = i;
        best[b].push(g);
      }
      const f = checkFPO(inst, new Allocation(best, m));
      assert.ok(f.holds);
      const beta = (f.witness as { weights: Rational[] }).weights;
      best.forEach((bundle, i) => {
        for (const g of bundle)
          for (let k = 0; k < n; k += 7) assert.ok(beta[i].mul(inst.values[i][g]).ge(beta[k].mul(inst.values[k][g])));
      });
      const rr: number[][] = Array.from({ length: n }, () => []);
      for (let g = 0; g < m; g++) rr[g % n].push(g);
      const nf = checkFPO(inst, new Allocation(rr, m));
      assert.ok(!nf.holds && (nf.detail as { product: Rational }).product.gt(1));
    });
  });
});
