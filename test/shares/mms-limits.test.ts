/**
 * The limits of the exact-MMS entry points (src/shares/mms/limits.ts): the bundle count and the number of goods
 * are checked before anything is allocated, and a search started from the library outside every call's budget
 * stops after the default 60 s with bounds (issue 16).
 */
import { strict as assert } from 'node:assert';
import { InvalidInputError, LimitError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';
import { DEFAULT_TIME_LIMIT_MS, withTimeBudget } from '../../src/core/time-budget';
import { MAX_MMS_BUNDLES, mms, mmsEfxPartition, mmsOfIntegers, mmsPartition } from '../../src/shares/mms';
import { searchLimitMs } from '../../src/shares/mms/limits';

const entries = {
  mms: (n: unknown, options?: unknown) => mms([3, 1, 2], n as number, options as never),
  mmsOfIntegers: (n: unknown, options?: unknown) => mmsOfIntegers([3n, 1n, 2n], n as number, options as never),
  mmsPartition: (n: unknown, options?: unknown) => mmsPartition([3, 1, 2], n as number, options as never),
  mmsEfxPartition: (n: unknown, options?: unknown) => mmsEfxPartition([3, 1, 2], n as number, options as never),
};

/** Asserts a typed InvalidInputError with this code whose message matches. */
function refused(f: () => unknown, code: string, message: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof InvalidInputError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
}

/** 50 values in U[1, 10^6] for 10 bundles: no search proves it in seconds (issue 17's frontier band). */
function hardValues(): bigint[] {
  const r = rng(7);
  return Array.from({ length: 50 }, () => BigInt(r.int(1, 1_000_000)));
}

/** Runs `f` with a clock that advances one second at every read (so a budget's deadline comes after ~60 reads). */
function withFastClock<T>(f: () => T): T {
  const realNow = Date.now;
  let t = realNow();
  Date.now = () => (t += 1000);
  try {
    return f();
  } finally {
    Date.now = realNow;
  }
}

describe('shares: mms limits', () => {
  for (const [fn, call] of Object.entries(entries)) {
    it(`${fn} refuses a bundle count that is not an integer in 1..${MAX_MMS_BUNDLES}, naming n`, () => {
      for (const n of [0, -1, 1.5, NaN, Infinity, '3', null, 100_001, 1e9])
        refused(() => call(n), 'bad-n', new RegExp(`^${fn}: n must be a positive integer of at most 100000`));
    });
    it(`${fn} refuses options that are not an object or a time limit outside (0, 24 days]`, () => {
      for (const options of [null, 5, [1]])
        refused(() => call(2, options), 'bad-argument', /options must be an object/);
      for (const timeLimitMs of [0, -1, NaN, 'abc', 3e9])
        refused(() => call(2, { timeLimitMs }), 'bad-time-limit', new RegExp(`^${fn}: options.timeLimitMs`));
    });
  }

  it('answers n = 100000 for three goods at once (n above m is valid: the share is 0)', () => {
    const t0 = Date.now();
    const r = mms([3, 1, 2], MAX_MMS_BUNDLES);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(r.status, 'optimal');
    assert.ok(r.value.isZero());
    assert.equal(r.partition.length, MAX_MMS_BUNDLES);
    assert.ok(mms([1, 2], 5).value.isZero());
  });

  it('refuses more values than an instance may have goods', () => {
    refused(() => mms(new Array<number>(100_001).fill(1), 2), 'too-large', /^mms: values has 100001 goods/);
    refused(
      () => mmsOfIntegers(new Array<bigint>(100_001).fill(1n), 2),
      'too-large',
      /^mmsOfIntegers: values has 100001 goods/,
    );
  });

  it('gives a library search 60 s outside every budget, and the running budget inside one', () => {
    assert.equal(searchLimitMs({}, 'mms'), DEFAULT_TIME_LIMIT_MS);
    assert.equal(searchLimitMs({ timeLimitMs: 5 }, 'mms'), 5);
    withTimeBudget(10_000, () => assert.equal(searchLimitMs({}, 'mms'), undefined), 'test', { hardStop: false });
  });

  it('stops a library search without a limit after the default 60 s with status timeout and bounds', () => {
    const v = hardValues();
    const r = withFastClock(() => mmsOfIntegers(v, 10));
    assert.equal(r.status, 'timeout');
    assert.ok(r.stats.ms > DEFAULT_TIME_LIMIT_MS && r.stats.ms < DEFAULT_TIME_LIMIT_MS + 10_000, `${r.stats.ms} ms`);
    assert.ok(0n < r.lower && r.lower < r.upper, `[${r.lower}, ${r.upper}]`);
    assert.ok(
      r.partition.every((b) => b.reduce((s, g) => s + v[g], 0n) >= r.lower),
      'the witness reaches lower',
    );
    assert.equal(withFastClock(() => mms(v, 10)).status, 'timeout');
    assert.throws(
      () => withFastClock(() => mmsPartition(v, 10)),
      (e: unknown) => e instanceof LimitError && e.code === 'mms-timeout',
    );
  });
});
