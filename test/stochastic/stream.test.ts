/** The simulation's generator: the stream of src/core/rng.ts, draw for draw. */
import { strict as assert } from 'node:assert';
import { rng } from '../../src/core/rng';
import { SeededStream } from '../../src/stochastic/stream';

describe('stochastic seeded stream', () => {
  it('gives the numbers of rng(seed) for number and string seeds: nextU32, float, int, shuffle, fork', () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1, 'x', '7:1000:3', '']) {
      const a = rng(seed);
      const b = new SeededStream(seed);
      for (let k = 0; k < 200; k++) assert.equal(b.nextU32(), a.nextU32(), `seed ${seed}, draw ${k}`);
      for (let k = 0; k < 50; k++) assert.equal(b.float(), a.float());
      for (const [lo, hi] of [
        [0, 0],
        [0, 1],
        [-5, 5],
        [0, 999],
        [3, 2 ** 31],
        [0, 2 ** 32 - 1],
        [0, 2 ** 40],
      ])
        assert.equal(b.int(lo, hi), a.int(lo, hi), `int(${lo}, ${hi})`);
      const xs = Array.from({ length: 57 }, (_, j) => `item ${j}`);
      assert.deepEqual(b.shuffle(xs), a.shuffle(xs));
      const fa = a.fork(),
        fb = b.fork();
      for (let k = 0; k < 20; k++) assert.equal(fb.nextU32(), fa.nextU32());
      assert.equal(b.nextU32(), a.nextU32());
    }
  });
  it('shuffles the identity in place as shuffle([0..m-1]) does, and reseeds to the start of a stream', () => {
    const s = new SeededStream();
    for (const m of [1, 2, 3, 10, 1000, 4097]) {
      const want = rng(`keys:${m}`).shuffle(Array.from({ length: m }, (_, j) => j));
      assert.deepEqual(Array.from(s.reseed(`keys:${m}`).shuffleIdentity(new Int32Array(m))), want);
    }
    assert.equal(s.reseed(9).nextU32(), rng(9).nextU32());
    assert.throws(() => s.int(2, 1), RangeError);
  });
});
