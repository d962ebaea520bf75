import { strict as assert } from 'node:assert';
import { certify, solve } from '../../src/index';
import { InvalidInputError, LimitError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { Outcome } from '../../src/core/outcome';
import { Allocation } from '../../src/core/allocation';
import {
  ambientDeadline,
  budgetExpired,
  checkTimeBudget,
  DEFAULT_TIME_LIMIT_MS,
  remainingMs,
  timeLimitMs,
  withHardStop,
  withTimeBudget,
} from '../../src/core/time-budget';

function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('time budgets (issue 16)', () => {
  it('nests budgets: an inner budget never outlives the outer one', () => {
    assert.equal(ambientDeadline(), Infinity);
    withTimeBudget(200, () => {
      const outer = ambientDeadline();
      withTimeBudget(60_000, () => assert.equal(ambientDeadline(), outer));
      withTimeBudget(10, () => assert.ok(ambientDeadline() <= outer));
    });
    assert.equal(ambientDeadline(), Infinity);
  });

  it('reports the time left and throws a typed LimitError once it is spent', () => {
    withTimeBudget(
      30,
      () => {
        assert.ok(remainingMs() <= 30);
        spin(40);
        assert.ok(budgetExpired());
        assert.throws(
          () => checkTimeBudget('the loop'),
          (e: unknown) => e instanceof LimitError && e.code === 'time-limit' && /the loop/.test(e.message),
        );
      },
      'test',
      { hardStop: false },
    );
  });

  it('terminates a loop that never reads the budget, graceMs after the deadline, and keeps the budget stack clean', () => {
    const start = Date.now();
    assert.throws(
      () => withTimeBudget(50, () => withTimeBudget(10_000, () => spin(60_000)), 'busy loop'),
      (e: unknown) => e instanceof LimitError && /busy loop/.test(e.message),
    );
    assert.ok(Date.now() - start < 3_000, `took ${Date.now() - start} ms`);
    assert.equal(ambientDeadline(), Infinity);
  });

  it('lets errors of the guarded code through unchanged', () => {
    const e = new InvalidInputError('x', 'y');
    assert.throws(
      () =>
        withHardStop(1000, 'f', () => {
          throw e;
        }),
      (got: unknown) => got === e,
    );
    assert.equal(
      withHardStop(1000, 'f', () => 42),
      42,
    );
  });

  it('validates a time limit: positive milliseconds up to 24 days, typed bad-time-limit otherwise', () => {
    assert.equal(timeLimitMs(undefined, 'x'), DEFAULT_TIME_LIMIT_MS);
    assert.equal(timeLimitMs(1500, 'x'), 1500);
    for (const bad of [0, -1, NaN, Infinity, 3e9, '10', null, {}])
      assert.throws(
        () => timeLimitMs(bad, 'opts.timeLimitMs'),
        (e: unknown) =>
          e instanceof InvalidInputError && e.code === 'bad-time-limit' && e.message.startsWith('opts.timeLimitMs'),
      );
  });

  it('certify: a claim that runs out of the shared budget is unchecked, never pass, and the others are kept', function () {
    this.timeout(30_000);
    // random serial dictatorship at n = 6: its truthfulness audit takes ~10 s, the other claims a moment
    const inst = instance([
      [1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1],
      [2, 3, 1, 5, 4],
      [3, 1, 2, 4, 5],
      [4, 5, 1, 2, 3],
      [1, 5, 2, 4, 3],
    ]);
    const o = solve('random-serial-dictatorship', inst);
    const start = Date.now();
    const r = certify(o, { timeLimitMs: 500 });
    assert.ok(Date.now() - start < 5_000, `took ${Date.now() - start} ms`);
    const truthful = r.claims.find((c) => c.id === 'truthful')!;
    assert.equal(truthful.status, 'unchecked');
    assert.equal(r.claims.find((c) => c.id === 'support-size')!.status, 'pass');
  });

  it('certify: refuses a bad timeLimitMs with a typed error', () => {
    const inst = instance([
      [1, 2],
      [2, 1],
    ]);
    const o = new Outcome({
      mechanism: 'x',
      instance: inst,
      allocation: new Allocation([[1], [0]], 2),
      claims: [{ id: 'ef', text: 'EF' }],
    });
    assert.throws(
      () => certify(o, { timeLimitMs: -5 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-time-limit',
    );
    assert.equal(certify(o, { timeLimitMs: 1000 }).verdict, 'certified');
  });

  it('solve: one budget per call, overridable and validated', () => {
    assert.equal(
      solve(
        'round-robin',
        [
          [1, 2],
          [2, 1],
        ],
        {},
        { timeLimitMs: 1000 },
      ).kind,
      'allocation',
    );
    assert.throws(
      () =>
        solve(
          'round-robin',
          [
            [1, 2],
            [2, 1],
          ],
          {},
          { timeLimitMs: 0 },
        ),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-time-limit',
    );
  });
});
