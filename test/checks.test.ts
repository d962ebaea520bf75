import { strict as assert } from 'node:assert';
import {
  Allocation, FractionalAllocation, Lottery, Rational, auditTruthfulness, checkEEFX, checkEF, checkEF1, checkEFX, checkEFX0,
  checkExAnteEF, checkExAntePROP, checkFPO, checkIMMX, checkImplements, checkPO, checkPROP, checkPROP1, checkRhoMMS, checkRhoTPS,
  instance, mms, solve, tps,
} from '../src/index';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('envy checkers', () => {
  const inst = instance([[1, 1, 1], [1, 1, 1]]);
  it('EF holds on an envy-free split and fails with the envious pair', () => {
    const even = instance([[2, 2], [2, 2]]);
    assert.ok(checkEF(even, A([[0], [1]], 2)).holds);
    const r = checkEF(inst, A([[0], [1, 2]], 3));
    assert.ok(!r.holds);
    assert.deepEqual(r.witness, { envious: 0, envied: 1, removed: undefined });
    assert.equal(String(r.detail.own), '1');
    assert.equal(String(r.detail.other), '2');
  });
  it('EF1 holds up to one good and fails with the best removal named', () => {
    assert.ok(checkEF1(inst, A([[0], [1, 2]], 3)).holds);
    const r = checkEF1(inst, A([[], [0, 1, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(String(r.detail.afterRemoval), '2');
  });
  it('EFX (positive goods) vs EFX0 (all goods): a zero-valued good separates them', () => {
    const z = instance([[1, 1, 1, 0], [1, 1, 1, 0]]);
    const a = A([[0], [1, 2, 3]], 4);
    assert.ok(checkEFX(z, a).holds, 'EFX ignores the zero-valued good');
    const r = checkEFX0(z, a);
    assert.ok(!r.holds, 'EFX0 removes the zero-valued good and envy remains');
    assert.deepEqual(r.witness, { envious: 0, envied: 1, removed: 3 });
  });
  it('EFX fails when removing the least valuable positive good leaves envy', () => {
    const i2 = instance([[1, 1, 3], [1, 1, 3]]);
    const r = checkEFX(i2, A([[0], [1, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(r.witness && (r.witness as { removed: number }).removed, 1);
  });
  it('EEFX: certificate re-partitions the other goods; fails when none exists', () => {
    // agent 0 envies agent 1 beyond EFX, but can re-partition 1's and 2's goods
    const i3 = instance([[2, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]]);
    const a = A([[0], [1, 2, 3], [4]], 5);
    assert.ok(!checkEFX0(i3, a).holds);
    const r = checkEEFX(i3, a);
    assert.ok(r.holds, JSON.stringify(r.detail));
    const cert = (r.witness as { repartitions: Record<string, number[][]> }).repartitions['0'];
    assert.deepEqual(cert.flat().sort(), [1, 2, 3, 4]);
    const bad = A([[], [0, 1, 2], [3, 4]], 5);
    const rb = checkEEFX(i3, bad);
    assert.ok(!rb.holds);
    assert.equal(rb.detail.agent, '0');
  });
});

describe('share checkers', () => {
  const inst = instance([[6, 3, 3], [1, 1, 4]]);
  it('PROP and PROP1 with exact shares', () => {
    assert.ok(checkPROP(inst, A([[0], [1, 2]], 3)).holds);
    const r = checkPROP(inst, A([[1], [0, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(String(r.detail.share), '6');
    assert.ok(checkPROP1(inst, A([[1], [0, 2]], 3)).holds);
    const r1 = checkPROP1(instance([[3, 3, 3], [1, 1, 1]]), A([[], [0, 1, 2]], 3));
    assert.ok(!r1.holds);
    assert.equal(String(r1.detail.share), '9/2');
  });
  it('rho-TPS and rho-MMS compare exactly and return the MMS partition as witness', () => {
    const i2 = instance([[3, 3, 2, 2, 2], [1, 1, 1, 1, 1]]);
    assert.equal(tps(i2.values[0], 2).toString(), '6');
    assert.equal(mms(i2.values[0], 2).value.toString(), '6');
    const a = A([[0, 1], [2, 3, 4]], 5);
    const ok = checkRhoMMS(i2, a, 1);
    assert.ok(ok.holds);
    // a passing check reports its tightest agent: value / needed = 6/6 for agent 0 against 3/2 for agent 1
    assert.deepEqual([ok.detail.agent, String(ok.detail.value), String(ok.detail.needed)], [i2.agents[0], '6', '6']);
    const bad = A([[0], [1, 2, 3, 4]], 5);
    const r = checkRhoMMS(i2, bad, '2/3');
    assert.ok(!r.holds);
    assert.equal(String(r.detail.needed), '4');
    assert.ok(Array.isArray((r.witness as { sharePartition: number[][] }).sharePartition));
    assert.ok(checkRhoTPS(i2, bad, '1/2').holds);
    assert.ok(!checkRhoTPS(i2, bad, '2/3').holds);
  });
  it('IMMX: MMS-satisfied or EFX-satisfied, failure names the agent', () => {
    const i3 = instance([[5, 1, 1], [1, 1, 1]]);
    assert.ok(checkIMMX(i3, A([[0], [1, 2]], 3)).holds);
    const r = checkIMMX(i3, A([[1], [0, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(r.detail.agent, '0');
  });
});

describe('ex-ante checkers', () => {
  const inst = instance([[1, 0], [0, 1]]);
  const f = new FractionalAllocation([['1/2', '1/2'], ['1/2', '1/2']]);
  it('ex-ante PROP and EF on a symmetric fractional allocation', () => {
    assert.ok(checkExAntePROP(inst, f).holds);
    assert.ok(checkExAnteEF(inst, f).holds);
    const g = new FractionalAllocation([['1/4', '3/4'], ['3/4', '1/4']]);
    assert.ok(!checkExAntePROP(inst, g).holds);
    assert.ok(!checkExAnteEF(inst, g).holds);
  });
  it('lottery implements fractional exactly, witness on mismatch', () => {
    const l = new Lottery([{ p: '1/2', allocation: A([[0], [1]], 2) }, { p: '1/2', allocation: A([[1], [0]], 2) }]);
    assert.ok(checkImplements(l, f).holds);
    const r = checkImplements(l, new FractionalAllocation([[1, '1/2'], [0, '1/2']]));
    assert.ok(!r.holds);
    assert.deepEqual(r.witness, { agent: 0, good: 0 });
  });
});

describe('efficiency checkers', () => {
  it('fPO: weights certify a welfare-maximal allocation', () => {
    const inst = instance([[3, 1], [1, 3]]);
    const r = checkFPO(inst, A([[0], [1]], 2));
    assert.ok(r.holds);
    assert.equal((r.witness as { weights: Rational[] }).weights.length, 2);
  });
  it('PO but not fPO: the exchange cycle is the witness', () => {
    const inst = instance([[1, 2, 4], [1, 3, 4]]);
    const a = A([[1, 2], [0]], 3);
    const f = checkFPO(inst, a);
    assert.ok(!f.holds);
    const cycle = (f.witness as { cycle: { ratio: Rational }[] }).cycle;
    assert.equal(cycle.reduce((p, c) => p.mul(c.ratio), Rational.ONE).toString(), '3/2');
    assert.ok(checkPO(inst, a).holds);
  });
  it('not PO: the dominating allocation is returned', () => {
    const inst = instance([[1, 1], [2, 1]]);
    const r = checkPO(inst, A([[0], [1]], 2));
    assert.ok(!r.holds);
    assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0]);
  });
  it('PO beyond the search budget: the integer program finds a dominating allocation, re-verified exactly', function () {
    this.timeout(60000);
    const m = 20;
    const inst = instance([
      Array.from({ length: m }, (_, g) => (g < 10 ? 10 + g : 1)),
      Array.from({ length: m }, (_, g) => (g >= 10 ? 30 - g : 2)),
      Array.from({ length: m }, () => 1),
    ]);
    const a = A([Array.from({ length: 10 }, (_, g) => g + 10), Array.from({ length: 10 }, (_, g) => g), []], m);
    const r = checkPO(inst, a, 5);
    assert.ok(!r.holds && !r.unchecked, JSON.stringify(r.detail));
    assert.equal((r.detail as { via?: string }).via, 'integer program, re-verified exactly');
    const owners = (r.witness as { dominatingOwners: number[] }).dominatingOwners;
    const bundle = (i: number) => owners.flatMap((o, g) => (o === i ? [g] : []));
    const before = [0, 1, 2].map((i) => inst.value(i, a.bundles[i]));
    const after = [0, 1, 2].map((i) => inst.value(i, bundle(i)));
    assert.ok(after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i])));
  });
  it('a zero-valued good held while another agent wants it is not fPO', () => {
    assert.ok(!checkFPO(instance([[0, 1], [1, 1]]), A([[0, 1], []], 2)).holds);
  });
});

describe('incentive audits', () => {
  it('serial dictatorship passes the ordinal DSIC audit', () => {
    const inst = instance([[3, 2, 1, 1], [1, 3, 2, 2], [2, 2, 3, 1]]);
    const r = auditTruthfulness((i) => solve('serial-dictatorship', i), inst, { space: 'ordinal' });
    assert.ok(r.holds, JSON.stringify(r.detail));
    assert.equal(r.detail.reports, 3 * 24);
  });
  it('round robin fails the audit, with the profitable misreport as witness', () => {
    const inst = instance([[10, 9, 0], [0, 10, 5]]);
    const r = auditTruthfulness((i) => solve('round-robin', i), inst, { space: 'ordinal' });
    assert.ok(!r.holds);
    const w = r.witness as { agent: number; report: string };
    assert.equal(w.agent, 0);
    assert.ok(Rational.from(String(r.detail.misreport)).gt(Rational.from(String(r.detail.truthful))));
  });
});
