/**
 * The MMS shares of an instance's agents on worker threads (src/shares/mms-pool.ts): the cache gets the same shares
 * the inline search gives, one search per distinct valuation, nothing sent when fewer than two need a search, and
 * one deadline that stops every search with its bounds (issue 17, item 3).
 */
import { strict as assert } from 'node:assert';
import { instance, type Instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { rng } from '../../src/core/rng';
import { uniformInstance } from '../../src/generators';
import { mms } from '../../src/shares/mms';
import { MAX_WORKERS } from '../../src/core/thread-pool';
import { computeMmsShares } from '../../src/shares/mms-pool';
import { cachedMmsShare, clearMmsShares } from '../../src/shares/share-cache';

/**
 * n agents over 8n goods with values in U[1, 10^6]: every share needs far more than the short search in this
 * thread (n = 6: 0.18-0.40 s each, measured; with 5n goods one share took 14-23 ms and was sometimes proved
 * within the short search, so fewer than n were sent to the pool).
 */
function hardInstance(n: number, seed: number): Instance {
  const r = rng(seed);
  return instance(Array.from({ length: n }, () => Array.from({ length: 8 * n }, () => r.int(1, 1_000_000))));
}

/** 40 values of about 44 bits: MMS for 3 bundles takes a few hundred ms, beyond the short search in this thread. */
function wideValues(seed: number): bigint[] {
  const r = rng(seed);
  return Array.from({ length: 40 }, () => BigInt(r.nextU32()) * 4096n + BigInt(r.int(0, 4095)));
}

describe('shares: mms pool', function () {
  this.timeout(60000);
  beforeEach(clearMmsShares);

  it('caches every agent’s share, equal to the inline search, from two worker threads', async () => {
    const inst = instance([wideValues(1), wideValues(2), wideValues(3)]);
    const report = await computeMmsShares(inst, { workers: 2, deadline: Date.now() + 30_000 });
    assert.deepEqual([report.searched, report.optimal, report.workers], [3, 3, 2]);
    for (const values of inst.values) {
      const cached = cachedMmsShare(values, inst.n)!;
      const inline = mms(values, inst.n, { timeLimitMs: 20_000 });
      assert.equal(cached.status, 'optimal');
      assert.ok(cached.value.eq(inline.value), `${cached.value} = ${inline.value}`);
      assert.ok(cached.value instanceof Rational);
      const bundles = cached.partition.map((b) => b.reduce((s, g) => s.add(values[g]), Rational.ZERO));
      assert.ok(
        bundles.every((v) => v.ge(cached.value)),
        'the witness partition reaches the share',
      );
    }
  });

  it('computes only the chosen agents’ shares, and refuses an agent that is not one', async () => {
    const inst = instance([wideValues(6), wideValues(7), wideValues(8)]);
    const r = await computeMmsShares(inst, { workers: 2, deadline: Date.now() + 30_000, agents: [0, 2] });
    assert.deepEqual([r.searched, r.optimal], [2, 2]);
    assert.deepEqual(
      inst.values.map((v) => cachedMmsShare(v, 3)?.status),
      ['optimal', undefined, 'optimal'],
    );
    for (const agents of [[3], [-1], [0.5], 'all'])
      await assert.rejects(computeMmsShares(inst, { deadline: Date.now() + 1000, agents: agents as never }), {
        code: agents === 'all' ? 'bad-argument' : 'bad-option',
        message: /computeMmsShares/,
      });
  });

  it('searches each distinct valuation once, and starts no thread when fewer than two shares need one', async () => {
    const twins = instance([wideValues(4), wideValues(4), wideValues(5)]);
    const r = await computeMmsShares(twins, { workers: 2, deadline: Date.now() + 30_000 });
    assert.deepEqual([r.searched, r.optimal], [2, 2]);
    const again = await computeMmsShares(twins, { workers: 2, deadline: Date.now() + 30_000 });
    assert.deepEqual([again.searched, again.workers], [0, 0], 'solved shares are not sent again');
    const fewGoods = instance([
      [1, 2],
      [2, 1],
      [1, 1],
    ]);
    assert.equal((await computeMmsShares(fewGoods, { workers: 2, deadline: Date.now() + 30_000 })).searched, 0);
    const easy = uniformInstance({ n: 4, m: 16, seed: 3 });
    const quick = await computeMmsShares(easy, { workers: 2, deadline: Date.now() + 30_000 });
    assert.deepEqual([quick.searched, quick.workers], [0, 0], 'a short search here solved them all');
    assert.ok(easy.values.every((v) => cachedMmsShare(v, easy.n)?.status === 'optimal'));
    const inline = uniformInstance({ n: 3, m: 9, seed: 4 });
    assert.equal((await computeMmsShares(inline, { workers: 0, deadline: Date.now() + 30_000 })).searched, 0);
    assert.equal(cachedMmsShare(inline.values[0], 3), undefined, 'workers: 0 leaves the shares to the checkers');
  });

  it('stops every search at the shared deadline with proven bounds (queued ones with the greedy bounds)', async () => {
    const inst = hardInstance(6, 11);
    const t0 = Date.now();
    const r = await computeMmsShares(inst, { workers: 2, deadline: t0 + 1500 });
    const took = Date.now() - t0;
    assert.ok(took < 1500 + 1500, `took ${took} ms`);
    assert.equal(r.searched, 6);
    for (const values of inst.values) {
      const s = cachedMmsShare(values, inst.n)!;
      assert.ok(s, 'every share is cached');
      assert.ok(s.lower.le(s.upper) && s.lower.sign() > 0, `[${s.lower}, ${s.upper}]`);
      if (s.status === 'timeout') assert.ok(s.lower.lt(s.upper));
    }
  });

  it('refuses a worker count outside 0..64 with a typed error', async () => {
    const inst = uniformInstance({ n: 2, m: 4, seed: 1 });
    for (const workers of [-1, 1.5, MAX_WORKERS + 1, '2'])
      await assert.rejects(computeMmsShares(inst, { workers: workers as number, deadline: Date.now() + 1000 }), {
        code: 'bad-workers',
      });
  });
});
