import { strict as assert } from 'node:assert';
import { Mt19937 } from '../../src/stochastic/mt19937';

describe('Mt19937 (NumPy legacy RandomState)', () => {
  it('gives NumPy random_sample after seed(10) bit for bit (spec 3.14)', () => {
    const r = new Mt19937(10);
    assert.deepEqual(
      [r.float(), r.float(), r.float(), r.float()],
      [0.771320643266746, 0.0207519493594015, 0.6336482349262754, 0.7488038825386119],
    );
  });

  it('gives NumPy random_sample after seed(5) to the printed digits (spec 3.14)', () => {
    const r = new Mt19937(5);
    const xs = [r.float(), r.float(), r.float(), r.float()];
    [0.22199317, 0.87073231, 0.20671916, 0.91861091].forEach((x, k) =>
      assert.ok(Math.abs(xs[k] - x) < 5e-9, `${k}: ${xs[k]}`),
    );
  });

  it('gives the reference first output 3499211612 of init_genrand(5489)', () => {
    assert.equal(new Mt19937(5489).nextU32(), 3499211612);
  });

  it('fills rand(m, 3) row-major from consecutive draws', () => {
    const a = new Mt19937(7).rand(4, 3);
    const b = new Mt19937(7);
    assert.deepEqual(
      [...a],
      Array.from({ length: 12 }, () => b.float()),
    );
  });

  it('replays the same stream after re-seeding, across the 624-word twist', () => {
    const r = new Mt19937(123);
    const first = Array.from({ length: 700 }, () => r.nextU32());
    r.seed(123);
    assert.deepEqual(
      Array.from({ length: 700 }, () => r.nextU32()),
      first,
    );
  });

  it('rejects a seed outside 0..2^32-1 with a typed error', () => {
    assert.throws(() => new Mt19937(-1), { code: 'bad-seed' });
    assert.throws(() => new Mt19937(2 ** 32), { code: 'bad-seed' });
    assert.throws(() => new Mt19937(1.5), { code: 'bad-seed' });
  });

  it('draws unbiased integers in range and permutations through the Rng interface', () => {
    const r = new Mt19937(1);
    for (let k = 0; k < 200; k++) {
      const x = r.int(3, 9);
      assert.ok(Number.isInteger(x) && x >= 3 && x <= 9);
    }
    assert.deepEqual(r.shuffle([0, 1, 2, 3, 4]).sort(), [0, 1, 2, 3, 4]);
  });
});

describe('Mt19937.discard', () => {
  it('skips exactly k outputs, across block boundaries', () => {
    for (const k of [0, 1, 623, 624, 625, 1247, 1248, 5000, 123457]) {
      const a = new Mt19937(9);
      for (let j = 0; j < k; j++) a.nextU32();
      const b = new Mt19937(9);
      b.discard(k);
      assert.deepEqual([b.nextU32(), b.nextU32()], [a.nextU32(), a.nextU32()], `k = ${k}`);
    }
  });

  it('also works from the middle of a block', () => {
    const a = new Mt19937(4);
    const b = new Mt19937(4);
    for (let j = 0; j < 100; j++) (a.nextU32(), b.nextU32());
    for (let j = 0; j < 2000; j++) a.nextU32();
    b.discard(2000);
    assert.equal(b.nextU32(), a.nextU32());
  });
});
