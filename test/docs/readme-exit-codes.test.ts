/** The README's time-budget paragraph: what `fairdiv mms` and a stopped computation print and exit with. */
import { strict as assert } from 'node:assert';
import { LimitError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';
import { commands } from '../../src/cli/commands';
import { runMain as run } from '../helpers/cli';

describe('README: time budgets and exit codes', () => {
  it('fairdiv mms stopped by --time-limit prints its bounds with status timeout and exits 0', async () => {
    const r = rng(48);
    // 60 values in [1, 2^48) for 3 bundles: the hardest band of bench/results/mms.md, unproved within 20 s there
    const values = Array.from(
      { length: 60 },
      () => (BigInt(r.int(0, 2 ** 24 - 1)) << 24n) + BigInt(r.int(0, 2 ** 24 - 1)) + 1n,
    );
    const res = await run(['mms', '--n', '3', '--values', values.join(','), '--time-limit', '0.2']);
    assert.equal(res.code, 0, res.err);
    const out = JSON.parse(res.out) as { status: string; lower: string; upper: string; value: string };
    assert.equal(out.status, 'timeout');
    assert.equal(out.value, out.lower);
    assert.ok(BigInt(out.lower) < BigInt(out.upper));
  });

  it('a computation stopped by a LimitError exits 2 with one line ending in its code', async () => {
    commands['readme-limit'] = () => {
      throw new LimitError('time-limit', 'solve x: stopped by the time limit');
    };
    try {
      const res = await run(['readme-limit']);
      assert.equal(res.code, 2);
      assert.match(res.err, /stopped by the time limit.*\[time-limit\]\n$/);
      assert.equal(res.err.trim().split('\n').length, 1);
    } finally {
      delete commands['readme-limit'];
    }
  });
});
