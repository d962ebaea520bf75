/**
 * Paper 000 (tie-mms): the worked instances T1-T11 of the seed-000 spec with their exact numbers, the tightness
 * instances (Proposition 4: 2/3; Proposition 1: 1/n for n = 2, 3, 4) and negative controls.
 */
import { strict as assert } from 'node:assert';
import { certify, solve } from '../src';
import { Allocation, Lottery } from '../src/core/allocation';
import { Instance } from '../src/core/instance';
import { Outcome, type Claim } from '../src/core/outcome';
import { Rational } from '../src/core/rational';
import { mmsShare } from '../src/shares/share-cache';
import { tps } from '../src/shares/tps';
import {
  alphaTheorem2,
  allOrderings,
  classifyTwoAgents,
  cyclicWeight,
  deficiencies,
  deficiencySortedOrdering,
  epsTheorem2,
  fSet,
  goodThreshold,
  harmonic,
  harmonicPortions,
  identityOrdering,
  independentCuq,
  lemma42,
  matrixComplete,
  orderingFromOrder,
  proposition3,
  rhoTheorem1,
  supportBound,
  theorem1,
  weight,
  zSet,
} from '../src/mechanisms/tie-mms';
import { checkPipeline, s } from './tie-mms.helpers';

const q = (a: number | string) => Rational.from(a);

/** Valuations 6, 5, ..., 1 along each order (spec T1). */
function fromOrders(orders: number[][]): Instance {
  const m = orders[0].length;
  const values = orders.map((o) => {
    const v = new Array<number>(m);
    o.forEach((g, k) => (v[g] = m - k));
    return v;
  });
  return new Instance(values, { orders });
}

function expected(o: Outcome): string[] {
  return o.instance.values.map((_, i) => Rational.sum(o.lottery!.entries.map((e) => e.p.mul(o.instance.value(i, e.allocation.bundles[i])))).toString());
}

function bundlesOf(o: Outcome): { p: string; bundles: number[][] }[] {
  return o.lottery!.entries.map((e) => ({ p: e.p.toString(), bundles: e.allocation.bundles.map((b) => [...b]) }));
}

/** min over support and agents of v_i(A_i) / share_i (agents with share 0 skipped). */
function worstRatio(o: Outcome, share: (i: number) => Rational): Rational {
  let worst: Rational | null = null;
  for (const e of o.lottery!.entries)
    for (let i = 0; i < o.instance.n; i++) {
      const sh = share(i);
      if (sh.isZero()) continue;
      const r = o.instance.value(i, e.allocation.bundles[i]).div(sh);
      if (!worst || r.lt(worst)) worst = r;
    }
  return worst!;
}

function assertCertified(o: Outcome): void {
  const rep = certify(o);
  const bad = rep.claims.filter((c) => c.status === 'fail');
  assert.deepEqual(bad.map((c) => [c.id, c.detail]), [], `${o.mechanism}: failed claims`);
}

function withClaims(o: Outcome, claims: Claim[]): Outcome {
  return new Outcome({ mechanism: o.mechanism, instance: o.instance, lottery: o.lottery, fractional: o.fractional, options: o.options, claims });
}

describe('tie-mms (paper 000): constants (T11)', () => {
  it('rho(n) = 1/(H_{n-1}+2)', () => {
    const want: [number, string][] = [[2, '1/3'], [3, '2/7'], [4, '6/23'], [5, '12/49'], [6, '60/257'], [10, '2520/12169']];
    for (const [n, r] of want) assert.equal(rhoTheorem1(n).toString(), r);
    assert.equal(harmonic(0).toString(), '0');
  });
  it('harmonic portions for n = 3 are 2/11, 3/11, 6/11 and doubly stochastic', () => {
    const beta = harmonicPortions(identityOrdering(3));
    assert.deepEqual(s(beta), [['2/11', '6/11', '3/11'], ['3/11', '2/11', '6/11'], ['6/11', '3/11', '2/11']]);
    for (const n of [2, 5, 7]) {
      const b = harmonicPortions(orderingFromOrder([...Array(n).keys()].reverse(), n));
      for (let i = 0; i < n; i++) assert.ok(Rational.sum(b[i]).eq(1) && Rational.sum(b.map((r) => r[i])).eq(1));
    }
  });
  it('Theorem 2 alpha, threshold and eps', () => {
    assert.deepEqual([2, 4, 16].map((n) => alphaTheorem2(n).alpha.toString()), ['2/49', '4/107', '16/463']);
    assert.ok(alphaTheorem2(4).exact && !alphaTheorem2(10).exact);
    assert.deepEqual([2, 4, 16].map((n) => goodThreshold(alphaTheorem2(n).alpha, n).toString()), ['23', '25', '27']);
    // rounded alphas are below the paper's value and close to it
    const approx: [number, number][] = [[10, 0.035256], [100, 0.032836], [1000, 0.031613], [1e6, 0.029732]];
    for (const [n, a] of approx) {
      const al = alphaTheorem2(n).alpha;
      assert.ok(Math.abs(al.toNumber() - a) < 1e-6, `alpha(${n}) = ${al.toNumber()}`);
      assert.ok(al.toNumber() <= 1 / (25 + 2 * Math.log2(Math.log2(n)) - 1 / n));
      assert.ok(goodThreshold(al, n).toNumber() >= 23 + 2 * Math.log2(Math.log2(n)));
    }
    assert.deepEqual([2, 4, 16].map((n) => epsTheorem2(n).eps.toString()), ['1/2', '1/16', '1/65536']);
    const e3 = epsTheorem2(3);
    assert.ok(!e3.exact && e3.eps.toNumber() >= 3 ** -Math.log2(3) && e3.eps.toNumber() < 3 ** -Math.log2(3) * (1 + 1e-9));
  });
});

describe('tie-mms: T1 (Figure 1, n = 3, m = 6)', () => {
  const orders = [[0, 3, 1, 2, 4, 5], [0, 1, 2, 3, 4, 5], [0, 2, 1, 3, 4, 5]];
  const inst = fromOrders(orders);
  const pi = identityOrdering(3);
  const r = theorem1(inst, pi);

  it('cyclic picking data: y, Y, i+', () => {
    assert.deepEqual(r.cd.y, [[0, 3, 3], [1, 0, 1], [2, 2, 0]]);
    assert.deepEqual(r.cd.Y.map((Y) => [...Y].sort()), [[0, 1, 2], [0, 2, 3], [0, 1, 3]]);
    assert.deepEqual(r.cd.iPlus, [1, 2, 0]);
  });
  it('Z and F sets', () => {
    const Zw = [[[1, 2, 3], [0, 2], [0, 1, 2]], [[0, 2, 3], [1, 2, 3], [0, 3]], [[0, 1], [0, 1, 3], [1, 2, 3]]];
    const Fw = [[[4, 5], [1, 4, 5], [4, 5]], [[4, 5], [4, 5], [2, 4, 5]], [[3, 4, 5], [4, 5], [4, 5]]];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        assert.deepEqual(zSet(r.cd, i, j), Zw[i][j], `Z(${i + 1},${j + 1})`);
        assert.deepEqual(fSet(r.cd, i, j), Fw[i][j], `F(${i + 1},${j + 1})`);
      }
  });
  it('CUQ, portion matrix, partial and completed allocations', () => {
    assert.deepEqual(s(r.cuq), [['1/3', '1/3', '0', '2/3', '1/3', '1/3'], ['1/3', '2/3', '1/3', '0', '1/3', '1/3'], ['1/3', '0', '2/3', '1/3', '1/3', '1/3']]);
    assert.deepEqual(s(independentCuq(inst, pi.order)), s(r.cuq));
    assert.deepEqual(s(r.beta), [['2/11', '6/11', '3/11'], ['3/11', '2/11', '6/11'], ['6/11', '3/11', '2/11']]);
    const R = (x: bigint) => new Rational(x, r.D).toString();
    const g = r.g.map((gj) => gj.map((row) => row.map(R)));
    assert.deepEqual(g[0], [['1', '0', '0', '0', '2/11', '2/11'], ['0', '1', '0', '0', '3/11', '3/11'], ['0', '0', '1', '6/11', '6/11', '6/11']]);
    assert.deepEqual(g[1], [['0', '6/11', '0', '1', '6/11', '6/11'], ['1', '0', '0', '0', '2/11', '2/11'], ['0', '0', '1', '0', '3/11', '3/11']]);
    assert.deepEqual(g[2], [['0', '0', '0', '1', '3/11', '3/11'], ['0', '1', '6/11', '0', '6/11', '6/11'], ['1', '0', '0', '0', '2/11', '2/11']]);
    const f = r.f.map((fj) => fj.map((row) => row.map(R)));
    assert.deepEqual(f, [
      [['1', '0', '0', '0', '2/11', '2/11'], ['0', '1', '0', '0', '3/11', '3/11'], ['0', '0', '1', '1', '6/11', '6/11']],
      [['0', '1', '0', '1', '6/11', '6/11'], ['1', '0', '0', '0', '2/11', '2/11'], ['0', '0', '1', '0', '3/11', '3/11']],
      [['0', '0', '0', '1', '3/11', '3/11'], ['0', '1', '1', '0', '6/11', '6/11'], ['1', '0', '0', '0', '2/11', '2/11']],
    ]);
  });
  it('matrixComplete on x4 adds 5/11 at (agent 3, shift 1)', () => {
    const D = 11n;
    const res = matrixComplete([[0n, 11n, 11n], [0n, 0n, 0n], [6n, 0n, 0n]], [22n, 0n, 11n], D);
    assert.deepEqual(res.added, [{ row: 2, col: 0, delta: 5n }]);
  });
  it('every intermediate certificate (C6) holds', () => checkPipeline(inst, r));
  it('mechanism: ex-ante values 23/3, 23/3, 22/3; every allocation >= 2 = (2/7)*7; support 15 -> 3 <= 13', () => {
    const o = solve('tie-mms-ordinal', { values: inst.values.map((row) => row.map(String)), orders });
    assert.deepEqual(expected(o), ['23/3', '23/3', '22/3']);
    for (let i = 0; i < 3; i++) assert.equal(tps(inst.values[i], 3).toString(), '7');
    for (const e of o.lottery!.entries) for (let i = 0; i < 3; i++) assert.ok(inst.value(i, e.allocation.bundles[i]).ge(2));
    assert.equal(r.mixture.length, 15);
    assert.equal(o.lottery!.size, 3);
    assert.ok(o.lottery!.size <= supportBound(3, 6));
    assert.equal(worstRatio(o, (i) => tps(inst.values[i], 3)).toString(), '5/7');
    assertCertified(o);
    const rep = certify(o);
    assert.equal(rep.claims.find((c) => c.id === 'ex-post-rho-tps')!.rho!.toString(), '2/7');
  });
  it('trace has every intermediate object', () => {
    const o = solve('tie-mms-ordinal', inst);
    assert.deepEqual(o.trace.map((t) => t.id), ['orders', 'cyclic-data', 'cuq', 'portion-matrix', 'partial-allocations', 'completion', 'faithful', 'mixture', 'support-reduction', 'timings']);
    JSON.stringify(o.trace, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  });
});

describe('tie-mms: two-agent instances (T2-T4, T6-T8; Theorem 3)', () => {
  it('T2: different favourites, case 1', () => {
    const inst = new Instance([[5, 3, 1], [4, 6, 1]]);
    const o = solve('tie-mms-two-agents', inst);
    assert.deepEqual(s(o.fractional!.shares), [['1', '0', '1/2'], ['0', '1', '1/2']]);
    assert.equal(classifyTwoAgents(inst).kase, 'case-1');
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[[0], [1, 2]], [[0, 2], [1]]]);
    assert.deepEqual([0, 1].map((i) => tps(inst.values[i], 2).toString()), ['4', '5']);
    assert.ok(worstRatio(o, (i) => tps(inst.values[i], 2)).ge(q('6/5')));
    assertCertified(o);
  });
  it('T2: same favourite gives CUQ = 1/2 everywhere', () => {
    const o = solve('tie-mms-two-agents', new Instance([[5, 3, 1], [6, 4, 1]]));
    assert.deepEqual(s(o.fractional!.shares), [['1/2', '1/2', '1/2'], ['1/2', '1/2', '1/2']]);
    assertCertified(o);
  });
  for (const m of [4, 5, 6]) {
    it(`T3: Proposition 4 instance (m = ${m}) is the hard case and reaches exactly 2/3`, () => {
      const v1 = ['1', '1/3', '1/3', '1/3', ...Array(m - 4).fill('0')];
      const v2 = ['1/2', '1/2', '1/2', '1/2', ...Array(m - 4).fill('0')];
      for (const [vals, h] of [[[v1, v2], 0], [[v2, v1], 1]] as const) {
        const inst = new Instance(vals as unknown as string[][]);
        const c = classifyTwoAgents(inst);
        assert.equal(c.kase, 'hard');
        assert.equal(c.h, h);
        const o = solve('tie-mms-two-agents', inst);
        const rest = [...Array(m).keys()].filter((x) => x !== 0 && x !== 3);
        const want = h === 0 ? [[[0, 3], rest], [rest, [0, 3]]] : [[[0, 3], rest], [rest, [0, 3]]];
        assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), want.sort());
        assert.deepEqual(bundlesOf(o).map((e) => e.p), ['1/2', '1/2']);
        const a = h; // agent with valuation v1
        assert.deepEqual(o.lottery!.entries.map((e) => inst.value(a, e.allocation.bundles[a]).toString()).sort(), ['2/3', '4/3']);
        assert.deepEqual(o.lottery!.entries.map((e) => inst.value(1 - a, e.allocation.bundles[1 - a]).toString()), ['1', '1']);
        for (let i = 0; i < 2; i++) assert.equal(mmsShare(inst, i).value.toString(), '1');
        assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), '2/3');
        assertCertified(o);
      }
    });
  }
  it('T4: three unit goods: case 2, worst TPS ratio exactly 2/3, MMS ratio 1', () => {
    const inst = new Instance([[1, 1, 1], [1, 1, 1]]);
    assert.equal(classifyTwoAgents(inst).kase, 'case-2');
    const o = solve('tie-mms-two-agents', inst);
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[[0, 2], [1]], [[1], [0, 2]]]);
    assert.equal(tps(inst.values[0], 2).toString(), '3/2');
    assert.equal(worstRatio(o, (i) => tps(inst.values[i], 2)).toString(), '2/3');
    assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), '1');
    assertCertified(o);
  });
  it('T6: hard case with a multi-triple loop (m = 9)', () => {
    const inst = new Instance([[100, 9, 8, 7, 6, 5, 4, 3, 2], [1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    assert.deepEqual([0, 1].map((i) => tps(inst.values[i], 2).toString()), ['44', '9/2']);
    const o = solve('tie-mms-two-agents', inst);
    const A1 = [0, 3, 6];
    const A2 = [1, 2, 4, 5, 7, 8];
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[A1, A2], [A2, A1]]);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(0, e.allocation.bundles[0]).toString()).sort(), ['111', '33']);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(1, e.allocation.bundles[1]).toString()).sort(), ['3', '6']);
    assert.equal(worstRatio(o, (i) => tps(inst.values[i], 2)).toString(), '2/3');
    assertCertified(o);
  });
  it('T6: hard case with ties in agent 2 (m = 12)', () => {
    const inst = new Instance([[40, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 1, 1, 3, 2, 2, 1, 1, 1, 1, 1, 1]]);
    assert.deepEqual([0, 1].map((i) => tps(inst.values[i], 2).toString()), ['53', '9']);
    const o = solve('tie-mms-two-agents', inst);
    const A1 = [0, 4, 7];
    const A2 = [1, 2, 3, 5, 6, 8, 9, 10, 11];
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[A1, A2], [A2, A1]]);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(0, e.allocation.bundles[0]).toString()).sort(), ['51', '55']);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(1, e.allocation.bundles[1]).toString()).sort(), ['12', '6']);
    assert.equal(worstRatio(o, (i) => tps(inst.values[i], 2)).toString(), '2/3');
    assertCertified(o);
  });
  it('T6: role swap (h = agent 2)', () => {
    const inst = new Instance([[1, 1, 1, 1], [2, 1, 1, 1]]);
    const c = classifyTwoAgents(inst);
    assert.equal(c.kase, 'hard');
    assert.equal(c.h, 1);
    assert.deepEqual([0, 1].map((i) => tps(inst.values[i], 2).toString()), ['2', '5/2']);
    const o = solve('tie-mms-two-agents', inst);
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[[0, 3], [1, 2]], [[1, 2], [0, 3]]]);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(0, e.allocation.bundles[0]).toString()), ['2', '2']);
    assert.deepEqual(o.lottery!.entries.map((e) => inst.value(1, e.allocation.bundles[1]).toString()).sort(), ['2', '3']);
    assertCertified(o);
  });
  it('T7: case 3', () => {
    const inst = new Instance([[10, 1, 1, 1], [10, 1, 1, 1]]);
    assert.equal(classifyTwoAgents(inst).kase, 'case-3');
    const o = solve('tie-mms-two-agents', inst);
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[[0], [1, 2, 3]], [[1, 2, 3], [0]]]);
    assert.deepEqual(o.lottery!.entries.flatMap((e) => [0, 1].map((i) => inst.value(i, e.allocation.bundles[i]).div(3).toString())).sort(), ['1', '1', '10/3', '10/3']);
    assertCertified(o);
  });
  it('T8: case 1 with long lists (canonical faithful lottery)', () => {
    const inst = new Instance([[3, 3, 2, 2, 1, 1], [1, 2, 3, 4, 5, 6]]);
    assert.deepEqual([0, 1].map((i) => tps(inst.values[i], 2).toString()), ['6', '21/2']);
    const o = solve('tie-mms-two-agents', inst);
    assert.deepEqual(bundlesOf(o).map((e) => e.bundles).sort(), [[[0, 1, 3], [2, 4, 5]], [[0, 2, 4], [1, 3, 5]]]);
    const ratios = o.lottery!.entries.map((e) => [0, 1].map((i) => inst.value(i, e.allocation.bundles[i]).div(tps(inst.values[i], 2)).toString()));
    assert.deepEqual(ratios.sort(), [['1', '8/7'], ['4/3', '4/3']]);
    assertCertified(o);
  });
  it('degenerate: m = 2 with different favourites gives one allocation (P5)', () => {
    const o = solve('tie-mms-two-agents', new Instance([[2, 1], [1, 2]]));
    assert.equal(o.lottery!.size, 1);
    assertCertified(o);
  });
  it('rejects n != 2 with a DomainError', () => {
    assert.throws(() => solve('tie-mms-two-agents', new Instance([[1], [1], [1]])), (e: Error) => e.name === 'DomainError');
  });
});

/** Proposition 1 instance (spec T5): agent 0 values X at 1 and Y at 1/n; others X at 0, Y at 1. */
function prop1Instance(n: number): Instance {
  const m = 2 * n - 1;
  return new Instance(Array.from({ length: n }, (_, i) => Array.from({ length: m }, (__, x) => (x < n - 1 ? (i === 0 ? '1' : '0') : i === 0 ? `1/${n}` : '1'))));
}

describe('tie-mms: Proposition 1 (T5) and negative controls', () => {
  for (const n of [2, 3, 4]) {
    it(`uniform-faithful reaches exactly 1/n = 1/${n} of MMS (support n), and a higher claim fails`, () => {
      const inst = prop1Instance(n);
      for (let i = 0; i < n; i++) assert.equal(mmsShare(inst, i).value.toString(), '1');
      const o = solve('uniform-faithful', inst);
      assert.equal(o.lottery!.size, n);
      assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), `1/${n}`);
      assertCertified(o);
      // negative control: the checks can fail
      const above = new Rational(1n, BigInt(n)).add(new Rational(1n, 1000n));
      const rep = certify(withClaims(o, [{ id: 'ex-post-rho-mms', rho: above, text: 'too much' }, { id: 'ex-post-rho-tps', rho: above, text: 'too much' }]));
      assert.deepEqual(rep.claims.map((c) => c.status), ['fail', 'fail']);
      assert.ok(!rep.ok);
    });
    it(`tie-mms-ordinal keeps 1/(H_{n-1}+2)-MMS on the n = ${n} instance`, () => {
      const inst = prop1Instance(n);
      const o = solve('tie-mms-ordinal', inst);
      assertCertified(o);
      assert.ok(worstRatio(o, (i) => mmsShare(inst, i).value).ge(rhoTheorem1(n)));
      // agent 0 always receives an X good
      for (const e of o.lottery!.entries) assert.ok(e.allocation.bundles[0].some((x) => x < n - 1));
      if (n === 3) assert.deepEqual(s(o.fractional!.shares)[0], ['1', '1/3', '0', '0', '1/3']);
    });
  }
  it('negative controls for implements-cuq, support size and ex-ante PROP', () => {
    const inst = prop1Instance(3);
    const uni = solve('uniform-faithful', inst);
    // the uniform lottery does not implement CUQ
    const rep = certify(withClaims(uni, [{ id: 'implements-cuq', text: 'wrong', params: { ordering: [0, 1, 2] } }, { id: 'support-size', text: 'wrong', params: { bound: 2 } }]));
    assert.deepEqual(rep.claims.map((c) => c.status), ['fail', 'fail']);
    // a lottery giving everything to agent 2 is not ex-ante PROP
    const all2 = Allocation.fromOwners(new Array<number>(inst.m).fill(2), 3);
    const rep2 = certify(new Outcome({ mechanism: 'x', instance: inst, lottery: Lottery.point(all2), claims: [{ id: 'ex-ante-prop', text: 'wrong' }] }));
    assert.equal(rep2.claims[0].status, 'fail');
  });
  it('the CUQ lottery (B3) can be far below the ex-post bound (ex-post O(1/m))', () => {
    // two agents with identical values: the last agent of each shift gets everything but one good
    const inst = new Instance([[1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]]);
    const o = solve('cuq-lottery', inst);
    assertCertified(o);
    assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), '1/4');
    const rep = certify(withClaims(o, [{ id: 'ex-post-rho-mms', rho: new Rational(1n, 3n), text: 'B3 is not 1/3-MMS' }]));
    assert.equal(rep.claims[0].status, 'fail');
  });
});

describe('tie-mms: deficiencies and weights (T9, C8), Proposition 3 (T10)', () => {
  const pi = identityOrdering(4);
  const table: [number[], string[], string][] = [
    [[4, 3, 2, 1], ['25/12', '1/4', '7/12', '13/12'], '25/12'],
    [[1, 2, 3, 4], ['7/12', '19/12', '3/4', '13/12'], '19/12'],
    [[0, 0, 1, 3], ['1/3', '1/3', '1/3', '1'], '1'],
    [[3, 0, 1, 0], ['0', '1/3', '1/3', '4/3'], '4/3'],
  ];
  for (const [d, ws, W] of table)
    it(`T9: d = (${d}) gives weights (${ws}) and W = ${W}`, () => {
      const cw = cyclicWeight(pi, d);
      assert.deepEqual(cw.weights.map(String), ws);
      assert.equal(cw.W.toString(), W);
      assert.ok(cw.weights.every((w) => w.le(harmonic(4))));
    });
  it('T9: Lemma 6.5 ordering for (3,0,1,0) is agents (2,4,3,1) i.e. pos = (4,1,3,2)', () => {
    const o = deficiencySortedOrdering([3, 0, 1, 0]);
    assert.deepEqual(o.order, [1, 3, 2, 0]);
    assert.deepEqual(o.pos.map((p) => p + 1), [4, 1, 3, 2]);
  });
  it('C8: sorted orderings have w <= 1, W <= 2; the average weight over all orderings is #{d_i >= 1}/n', () => {
    for (const d of [[4, 3, 2, 1], [0, 0, 1, 3], [3, 0, 1, 0], [2, 2, 2, 2], [4, 4, 4, 1], [0, 0, 0, 0]]) {
      const so = deficiencySortedOrdering(d);
      assert.ok(weight(so, d).le(1));
      assert.ok(cyclicWeight(so, d).W.le(2));
      const all = allOrderings(4);
      const avg = Rational.sum(all.map((p) => weight(p, d))).div(all.length);
      assert.equal(avg.toString(), new Rational(BigInt(d.filter((x) => x >= 1).length), 4n).toString());
    }
  });
  it('T10: Proposition 3 boundary case reaches alpha * TPS exactly for agent 1', () => {
    const inst = new Instance([[2, 3, 0, 100, 2, 0, 2, 3], [20, 1, 1, 50, 20, 50, 0, 3]]);
    const alpha = new Rational(1n, 4n);
    assert.equal(tps(inst.values[0], 2).toString(), '12');
    assert.deepEqual(deficiencies(inst, alpha), [0, 0]);
    const r = proposition3(inst, [0, 0], alpha);
    checkPipeline(inst, r);
    const o = solve('tie-mms-public-deficiency', inst);
    assertCertified(o);
    const worst = o.lottery!.entries.map((e) => inst.value(0, e.allocation.bundles[0])).reduce((a, b) => Rational.min(a, b));
    assert.equal(worst.toString(), '3');
    assert.ok(o.lottery!.entries.some((e) => e.allocation.bundles[0].join() === '1,5'));
  });
  it('Proposition 3 with alpha > 1/4 is rejected', () => {
    assert.throws(() => solve('tie-mms-public-deficiency', new Instance([[1, 2], [2, 1]]), { alpha: '1/3' }), (e: Error) => e.name === 'DomainError');
  });
});

describe('tie-mms: Theorem 2 (tie-mms-loglog)', () => {
  it('for realistic n the good branch is taken and CUQ(v, pi) of the sampled pi is implemented', () => {
    const inst = new Instance([[5, 1, 2, 7, 3], [1, 2, 3, 4, 5], [4, 4, 1, 1, 9], [2, 8, 1, 1, 1]]);
    const o = solve('tie-mms-loglog', inst, { seed: 7 });
    const t = o.trace[0].data as { good: boolean; alpha: Rational };
    assert.ok(t.good);
    assert.equal(t.alpha.toString(), '4/107');
    assertCertified(o);
    // same seed, same ordering
    assert.deepEqual(solve('tie-mms-loglog', inst, { seed: 7 }).options.ordering, o.options.ordering);
  });
  it('threshold extension (not in the paper): n = 5, w = 9/4 makes the fallback reachable', () => {
    const inst = new Instance(Array.from({ length: 5 }, (_, i) => [9, 7, 5, 3, 2, 1].map((v) => v + i)));
    const d = [5, 4, 3, 2, 1];
    const pi = identityOrdering(5);
    assert.equal(cyclicWeight(pi, d).W.toString(), harmonic(5).toString());
    const o = solve('tie-mms-loglog', inst, { threshold: '9/4', ordering: [0, 1, 2, 3, 4], deficiencies: d });
    const t = o.trace[0].data as { good: boolean; used: number[]; alpha: Rational };
    assert.equal(t.good, false);
    assert.deepEqual(t.used, [4, 3, 2, 1, 0]);
    assert.equal(t.alpha.toString(), '20/81');
    assertCertified(o);
  });
  it('exact mixture over all n! orderings implements the average CUQ (n = 3)', () => {
    const inst = new Instance([[3, 1, 2, 5], [1, 2, 3, 4], [4, 4, 1, 1]]);
    const o = solve('tie-mms-loglog', inst, { exactMixture: true });
    assertCertified(o);
    const t = o.trace[0].data as { badOrderings: number };
    assert.equal(t.badOrderings, 0);
  });
});

describe('tie-mms: padding, edge cases and errors', () => {
  it('m < n: dummy goods are padded and removed (CUQ of the real goods)', () => {
    const inst = new Instance([[3, 1], [1, 2], [2, 2], [5, 5]]);
    const o = solve('tie-mms-ordinal', inst);
    assertCertified(o);
    assert.equal(o.lottery!.m, 2);
    const r = lemma42(inst, identityOrdering(4), harmonicPortions(identityOrdering(4)));
    checkPipeline(inst, r);
  });
  it('m = 0 and n = 1', () => {
    assertCertified(solve('tie-mms-ordinal', new Instance([[], []])));
    const one = solve('tie-mms-ordinal', new Instance([[1, 2, 3]]));
    assert.deepEqual(bundlesOf(one), [{ p: '1', bundles: [[0, 1, 2]] }]);
    assertCertified(one);
    assertCertified(solve('uniform-faithful', new Instance([[], [], []])));
  });
  it('bad options are typed errors', () => {
    const inst = new Instance([[1, 2], [2, 1]]);
    assert.throws(() => solve('tie-mms-ordinal', inst, { ordering: [0, 0] }), (e: Error) => e.name === 'InvalidInputError');
    assert.throws(() => solve('tie-mms-ordinal', inst, { reduce: 'sometimes' }), (e: Error) => e.name === 'InvalidInputError');
    assert.throws(() => solve('tie-mms-loglog', inst, { threshold: 2 }), (e: Error) => e.name === 'InvalidInputError');
    assert.throws(() => solve('tie-mms-public-deficiency', inst, { deficiencies: [3, 0] }), (e: Error) => e.name === 'InvalidInputError');
    const big = new Instance(Array.from({ length: 101 }, () => [1]));
    assert.throws(() => solve('tie-mms-ordinal', big), (e: Error) => e.name === 'DomainError');
  });
  it('reduce: never keeps the mixture and claims its own support; always reduces to independence', () => {
    const inst = new Instance([[5, 1, 2, 7, 3, 4, 4], [1, 2, 3, 4, 5, 6, 7], [4, 4, 1, 1, 9, 2, 3]]);
    const never = solve('tie-mms-ordinal', inst, { reduce: 'never' });
    const always = solve('tie-mms-ordinal', inst, { reduce: 'always' });
    assertCertified(never);
    assertCertified(always);
    assert.ok(always.lottery!.size <= supportBound(3, 7));
    assert.ok(always.lottery!.size <= never.lottery!.size);
    const inc = solve('tie-mms-ordinal', inst, { matching: 'incremental' });
    assertCertified(inc);
  });
  it('a non-identity ordering (i+ differs from i+1, spec P2)', () => {
    const inst = new Instance([[5, 1, 2, 7, 3, 4, 4, 1], [1, 2, 3, 4, 5, 6, 7, 1], [4, 4, 1, 1, 9, 2, 3, 1], [1, 1, 1, 1, 1, 1, 1, 1]]);
    const pi = orderingFromOrder([2, 0, 3, 1], 4);
    const r = theorem1(inst, pi);
    assert.deepEqual(r.cd.iPlus, [2, 0, 1, 3]); // pos = (1, 3, 0, 2), i+ = pos + 1 mod 4
    checkPipeline(inst, r);
    assertCertified(solve('tie-mms-ordinal', inst, { ordering: [2, 0, 3, 1] }));
  });
});
