import { strict as assert } from 'node:assert';
import { Allocation, Lottery } from '../src/core/allocation';
import { instance } from '../src/core/instance';
import { Outcome } from '../src/core/outcome';
import { Rational } from '../src/core/rational';
import { certify, certifyAsync } from '../src/certify';
import { rng } from '../src/core/rng';
import { uniformInstance } from '../src/generators';
import { cachedMmsShare, clearMmsShares } from '../src/shares/share-cache';
import '../src/mechanisms/classic';
import { mechanism } from '../src/mechanisms/registry';

const inst = instance({
  values: [
    [3, 7, '5/2'],
    [4, 4, 1],
  ],
});
const code = (c: string, msg?: RegExp) => (e: Error & { code?: string }) =>
  e.code === c && (!msg || msg.test(e.message));
const outcome = (bundles: number[][], claims: Outcome['claims']) =>
  new Outcome({ mechanism: 'elsewhere', instance: inst, allocation: new Allocation(bundles, inst.m), claims });

describe('certify', () => {
  it('is certified only when every claim is checked and holds', () => {
    const r = certify(
      outcome(
        [[1, 2], [0]],
        [
          { id: 'ef1', text: 'EF1' },
          { id: 'prop1', text: 'PROP1' },
        ],
      ),
    );
    assert.equal(r.verdict, 'certified');
    assert.equal(r.ok, true);
  });

  it('reports "nothing claimed" and is not ok when no claim is made', () => {
    const r = certify(outcome([[1, 2], [0]], []));
    assert.equal(r.verdict, 'nothing-claimed');
    assert.equal(r.ok, false);
    assert.equal((r.toJSON() as { verdict: string }).verdict, 'nothing-claimed');
  });

  it('reports "partly checked" when some claim could not be decided, and "nothing checked" when none could', () => {
    const base = mechanism('round-robin').run(inst);
    const withAudit = new Outcome({
      mechanism: 'round-robin',
      instance: inst,
      allocation: base.allocation,
      claims: [
        { id: 'ef1', text: 'EF1' },
        { id: 'alpha-po', text: 'no alpha' },
      ],
    });
    assert.equal(certify(withAudit).verdict, 'partly-checked');
    assert.equal(certify(withAudit).ok, true);
    const onlyUndecided = new Outcome({
      mechanism: 'round-robin',
      instance: inst,
      allocation: base.allocation,
      claims: [{ id: 'alpha-po', text: 'no alpha' }],
    });
    assert.equal(certify(onlyUndecided).verdict, 'nothing-checked');
    assert.equal(certify(onlyUndecided).ok, false);
  });

  it('fails a false claim with a witness', () => {
    const r = certify(outcome([[0, 1, 2], []], [{ id: 'ef1', text: 'EF1' }]));
    assert.equal(r.verdict, 'failed');
    assert.equal(r.ok, false);
    assert.ok(r.claims[0].witness);
  });

  it('treats an unknown claim id as bad input, never as unchecked', () => {
    const bad = outcome([[1, 2], [0]], [{ id: 'ef2' as never, text: '?' }]);
    assert.throws(() => certify(bad), code('unknown-claim', /"ef2"; known: ef, ef1/));
    for (const id of ['__proto__', 'valueOf', 'constructor', 'ex-post-', 'ex-post-truthful'])
      assert.throws(() => certify(outcome([[1, 2], [0]], [{ id: id as never, text: '?' }])), code('unknown-claim'), id);
  });

  it('checks properties chosen by the caller on any allocation', () => {
    const r = certify(outcome([[1, 2], [0]], []), { claims: ['ef1', 'prop1', { id: 'rho-mms', rho: '1/2' }] });
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.status]),
      [
        ['ef1', 'pass'],
        ['prop1', 'pass'],
        ['rho-mms', 'pass'],
      ],
    );
    assert.equal(r.claims[2].rho!.toString(), '1/2');
    assert.equal(r.verdict, 'certified');
    const ef = certify(outcome([[0, 1, 2], []], []), { claims: ['ef'] });
    assert.equal(ef.verdict, 'failed');
    assert.throws(
      () => certify(outcome([[1, 2], [0]], []), { claims: ['eff1' as never] }),
      code('unknown-claim', /options.claims\[0\]/),
    );
    assert.throws(() => certify(outcome([[1, 2], [0]], []), { claims: 'ef1' as never }), code('bad-claims'));
    assert.throws(
      () => certify(outcome([[1, 2], [0]], []), { claims: [{ id: 'rho-mms', rho: -1 }] }),
      code('bad-claims'),
    );
  });

  it('skips the named claims', () => {
    const o = mechanism('serial-dictatorship').run(inst);
    const r = certify(o, { skip: ['truthful'] });
    assert.deepEqual(
      r.claims.map((c) => c.id),
      o.claims.filter((c) => c.id !== 'truthful').map((c) => c.id),
    );
    assert.throws(() => certify(o, { skip: ['truthfull' as never] }), code('unknown-claim'));
    assert.throws(() => certify(o, { skipp: [] } as never), code('unknown-option', /known: claims, skip/));
  });

  it('rejects something that is not an Outcome with a typed error naming the argument', () => {
    assert.throws(() => certify(inst as never), code('bad-argument', /certify: the first argument must be an Outcome/));
    assert.throws(() => certify(null as never), code('bad-argument'));
  });

  it('refuses an outcome whose allocation does not fit the instance (3 bundles for 2 agents)', () => {
    assert.throws(() => outcome([[0], [1], [2]], [{ id: 'ef', text: 'EF' }]), code('bad-outcome', /3 bundles/));
  });

  it('audits truthfulness by re-running the registered mechanism with the recorded options', () => {
    const o = mechanism('serial-dictatorship').run(inst, { agentOrder: [1, 0] });
    const truthful = certify(o).claims.find((c) => c.id === 'truthful')!;
    assert.equal(truthful.status, 'pass');
  });
});

describe('certify: one budget in fair shares (issue 17)', () => {
  /** A uniform lottery over K random balanced allocations of 60 identical goods to 10 agents (every one EF1). */
  function balancedLottery(K: number): Outcome {
    const n = 10;
    const m = 60;
    const r = rng(7);
    const entries = Array.from({ length: K }, () => {
      const goods = Array.from({ length: m }, (_, g) => g);
      for (let g = m - 1; g > 0; g--) {
        const j = Math.floor(r.float() * (g + 1));
        [goods[g], goods[j]] = [goods[j], goods[g]];
      }
      const owner = new Array<number>(m);
      goods.forEach((g, k) => (owner[g] = k % n));
      return { p: `1/${K}`, allocation: Allocation.fromOwners(owner, n) };
    });
    const values = Array.from({ length: n }, () => Array.from({ length: m }, () => 1));
    return new Outcome({
      mechanism: 'elsewhere',
      instance: instance(values),
      lottery: new Lottery(entries),
      claims: [],
    });
  }
  const claims = [
    'ex-post-ef1',
    'ex-post-prop',
    { id: 'support-size', params: { bound: 10 } },
    'ex-ante-prop',
  ] as const;

  it('checks every claim after a slow first claim, which gets the budget left over the claims left', function () {
    this.timeout(30_000);
    // ex-post EF1 reads all 5000 allocations one by one (about half a second); the other claims take milliseconds
    const o = balancedLottery(5000);
    const r = certify(o, { claims, timeLimitMs: 400 });
    assert.deepEqual(
      r.claims.slice(1).map((c) => c.status),
      ['pass', 'fail', 'pass'],
    );
    assert.notEqual(r.claims[0].status, 'fail');
    for (const c of r.claims)
      assert.doesNotMatch(String(c.detail.reason ?? ''), /ran out before this claim was checked/);
  });

  it('tries a claim its share stopped again with the time the others left', function () {
    this.timeout(30_000);
    // 2500 allocations: more than a quarter of 1.5 s on a loaded machine, well within what the other claims leave
    const r = certify(balancedLottery(2500), { claims, timeLimitMs: 1500 });
    assert.deepEqual(
      r.claims.map((c) => c.status),
      ['pass', 'pass', 'fail', 'pass'],
    );
  });
});

describe('CertificateReport summary line', () => {
  it('String(report) gives the verdict, the claims that hold out of all and each claim mark on one line', () => {
    const r = certify(
      outcome(
        [[1, 2], [0]],
        [
          { id: 'ef1', text: 'EF1' },
          { id: 'ef', text: 'EF' },
          { id: 'alpha-po', text: 'alpha-PO without alpha' },
        ],
      ),
    );
    assert.equal(String(r), 'elsewhere: VIOLATED 1/3 claims hold (ef1 ✓ ef ✗ alpha-po ?)');
    assert.equal(
      `${certify(outcome([[1, 2], [0]], [{ id: 'ef1', text: 'EF1' }]))}`,
      'elsewhere: CERTIFIED 1/1 claim holds (ef1 ✓)',
    );
    assert.equal(String(certify(outcome([[1, 2], [0]], []))), 'elsewhere: NOTHING CLAIMED');
  });
});

describe('certifyAsync: MMS shares on worker threads, one budget (issue 17)', function () {
  this.timeout(60000);
  beforeEach(clearMmsShares);
  const roundRobin = mechanism('round-robin');

  it('gives the report certify gives, with the shares computed on the pool first', async () => {
    // 40 values of about 44 bits per agent: each MMS takes a few hundred ms, so the pool computes them
    const g = rng(5);
    const wide = () => Array.from({ length: 40 }, () => BigInt(g.nextU32()) * 4096n + BigInt(g.int(0, 4095)));
    const big = instance([wide(), wide(), wide()]);
    const o = roundRobin.run(big, {});
    const claims = [{ id: 'rho-mms', rho: '2/3' }, 'immx', 'ef1', 'mms'] as const;
    const r = await certifyAsync(o, { claims: [...claims], workers: 2 });
    assert.ok(
      big.values.every((v) => cachedMmsShare(v, big.n)?.status === 'optimal'),
      'shares cached by the pool',
    );
    assert.deepEqual(r.toJSON(), certify(o, { claims: [...claims] }).toJSON());
    assert.equal(r.claims[0].status, 'pass');
  });

  it('starts no pool for claims that read no MMS share, nor with workers: 0', async () => {
    const small = uniformInstance({ n: 3, m: 9, seed: 6 });
    const o = roundRobin.run(small, {});
    assert.equal((await certifyAsync(o, { claims: ['ef1', 'prop'], workers: 2 })).verdict, 'certified');
    assert.equal(cachedMmsShare(small.values[0], 3), undefined);
    const r = await certifyAsync(o, { claims: ['mms'], workers: 0 });
    assert.deepEqual(r.toJSON(), certify(o, { claims: ['mms'] }).toJSON());
  });

  it('searches no share the TPS bound settles: an ex-post rho-MMS lottery where every agent passes on TPS', async () => {
    const g = rng(8);
    const wide = () => Array.from({ length: 40 }, () => BigInt(g.nextU32()) * 4096n + BigInt(g.int(0, 4095)));
    const big = instance([wide(), wide(), wide()]);
    const [a, b] = [
      [0, 1, 2],
      [2, 1, 0],
    ].map((agentOrder) => roundRobin.run(big, { agentOrder }).allocation!);
    const half = new Rational(1n, 2n);
    const o = new Outcome({
      mechanism: 'elsewhere',
      instance: big,
      lottery: new Lottery([
        { p: half, allocation: a },
        { p: half, allocation: b },
      ]),
      claims: [{ id: 'ex-post-rho-mms', text: '1/2-MMS ex post', rho: half }],
    });
    const r = await certifyAsync(o, { workers: 2 });
    assert.equal(r.claims[0].status, 'pass');
    assert.equal(r.claims[0].detail.via, 'every agent by the bound MMS <= TPS');
    assert.ok(
      big.values.every((v) => cachedMmsShare(v, big.n) === undefined),
      'no share searched',
    );
    assert.deepEqual(r.toJSON(), certify(o).toJSON());
  });

  it('stops the shares within the call’s budget and reports each claim on their bounds, never unstarted', async () => {
    const g = rng(21);
    const hard = instance(Array.from({ length: 6 }, () => Array.from({ length: 30 }, () => g.int(1, 1_000_000))));
    const o = roundRobin.run(hard, {});
    const t0 = Date.now();
    const r = await certifyAsync(o, { claims: ['mms', 'immx'], workers: 2, timeLimitMs: 2000 });
    assert.ok(Date.now() - t0 < 2000 + 1500, `took ${Date.now() - t0} ms`);
    assert.ok(
      hard.values.every((v) => cachedMmsShare(v, hard.n) !== undefined),
      'every share bounded',
    );
    for (const c of r.claims) {
      assert.doesNotMatch(String(c.detail.reason ?? ''), /ran out before this claim was checked/, c.id);
      if (c.status === 'unchecked' && c.id === 'mms') {
        const perAgent = Object.values(c.detail.perAgent as Record<string, { lower?: unknown; upper?: unknown }>);
        assert.ok(
          perAgent.some((a) => a.lower !== undefined && a.upper !== undefined),
          'bounds reported',
        );
      }
    }
  });

  it('refuses bad options as certify does, and a worker count outside 0..64', async () => {
    const o = outcome([[1, 2], [0]], [{ id: 'mms', text: 'MMS' }]);
    await assert.rejects(certifyAsync(o, { workers: -1 }), { code: 'bad-workers' });
    await assert.rejects(certifyAsync(o, { workers: 65 }), { code: 'bad-workers' });
    await assert.rejects(certifyAsync(o, null as never), { code: 'bad-certify-options' });
    await assert.rejects(certifyAsync(o, { worker: 2 } as never), { code: 'unknown-option' });
    await assert.rejects(certifyAsync(o, { timeLimitMs: 0 }), { code: 'bad-time-limit' });
    await assert.rejects(certifyAsync({} as never), { code: 'bad-argument', message: /^certifyAsync: / });
  });
});
