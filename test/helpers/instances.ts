import fc from 'fast-check';
import { generators, type Instance } from '../../src/index';

/** Seeded random instances n <= 5, m <= 10 across the generator families. */
export function arbInstance(maxN = 5, maxM = 10, minN = 1): fc.Arbitrary<Instance> {
  return fc
    .record({
      n: fc.integer({ min: minN, max: maxN }),
      m: fc.integer({ min: 0, max: maxM }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      family: fc.integer({ min: 0, max: 4 }),
    })
    .map(({ n, m, seed, family }) => {
      switch (family) {
        case 0:
          return generators.uniformInstance({ n, m, seed, hi: 20 });
        case 1:
          return generators.biValuedInstance({ n, m, seed });
        case 2:
          return generators.binaryInstance({ n, m, seed });
        case 3:
          return generators.identicalInstance({ n, m, seed, hi: 10 });
        default:
          return generators.ordinalInstance({ n, m, seed });
      }
    });
}
