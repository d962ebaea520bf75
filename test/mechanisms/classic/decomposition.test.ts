import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decompose, FractionalAllocation, checkImplements } from '../../../src/index';

describe('Birkhoff–von Neumann decomposition (general n x m)', () => {
  it('implements random fractional allocations exactly with bundle sizes floor/ceil of expectations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 }),
        (n, m, raw) => {
          const cols = Array.from({ length: m }, (_, g) => {
            const w = Array.from({ length: n }, (_, i) => raw[(g * n + i) % raw.length]);
            const s = w.reduce((a, b) => a + b, 0);
            return w.map((x) => (s === 0 ? (x === w[0] ? `1` : '0') : `${x}/${s}`));
          });
          const f = new FractionalAllocation(
            Array.from({ length: n }, (_, i) =>
              cols.map((c, g) =>
                cols[g].every((x) => x === '1' || x === '0') && n > 1 ? (i === 0 ? '1' : '0') : c[i],
              ),
            ),
          );
          const l = decompose(f);
          assert.ok(checkImplements(l, f).holds);
          for (const e of l.entries)
            e.allocation.bundles.forEach((b, i) => {
              const expected = f.shares[i].reduce((s, x) => s.add(x), f.shares[0][0].sub(f.shares[0][0]));
              assert.ok(
                BigInt(b.length) >= expected.floor() && BigInt(b.length) <= expected.ceil(),
                `agent ${i} got ${b.length}, expected ${expected}`,
              );
            });
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
