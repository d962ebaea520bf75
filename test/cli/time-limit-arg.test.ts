import { strict as assert } from 'node:assert';
import { timeLimitArg, UsageError } from '../../src/cli/io';
import { DEFAULT_TIME_LIMIT_MS, MAX_TIME_LIMIT_MS } from '../../src/core/time-budget';

describe('--time-limit of solve, certify and mms (issue 16)', () => {
  it('defaults to one budget of 60 s when absent (fairdiv mms without --time-limit ends)', () => {
    assert.equal(timeLimitArg(undefined), DEFAULT_TIME_LIMIT_MS);
    assert.equal(DEFAULT_TIME_LIMIT_MS, 60_000);
  });

  it('takes positive seconds, decimals and exponents up to 24 days', () => {
    assert.equal(timeLimitArg('2'), 2000);
    assert.equal(timeLimitArg('0.5'), 500);
    assert.equal(timeLimitArg('1e2'), 100_000);
    assert.equal(timeLimitArg(String(MAX_TIME_LIMIT_MS / 1000)), MAX_TIME_LIMIT_MS);
  });

  it('refuses anything else with a usage error naming the flag', () => {
    for (const bad of [
      true,
      '',
      'abc',
      '0',
      '-1',
      'Infinity',
      'NaN',
      '1e99',
      '0x10',
      ' ',
      String(MAX_TIME_LIMIT_MS / 1000 + 1),
    ] as const)
      assert.throws(
        () => timeLimitArg(bad),
        (e: unknown) => e instanceof UsageError && /^--time-limit: /.test(e.message),
        String(bad),
      );
  });
});
