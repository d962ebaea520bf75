/**
 * Shared helpers of the Babaioff & Frosh tests: seeded instance families for two and three agents (zero
 * values, ties, identical agents included) and the adversarial (1 - eps) oracle of the spec's validation
 * (the worst partition whose worst bundle still reaches (1 - eps) MMS).
 */
import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { certify } from '../../src/certify';
import { Instance } from '../../src/core/instance';
import type { Outcome } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';
import { rng } from '../../src/core/rng';
import * as generators from '../../src/generators';
import type { MmsPartitionOracle } from '../../src/mechanisms/bobw-few-agents';

/** Seeded instances with n agents and 0..maxM goods across eight families. */
export function arbBobwInstance(n: number, maxM: number): fc.Arbitrary<Instance> {
  return fc
    .record({
      m: fc.integer({ min: 0, max: maxM }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      family: fc.integer({ min: 0, max: 7 }),
    })
    .map(({ m, seed, family }) => bobwInstance(n, m, seed, family));
}

/** One instance of a family: uniform, with zeros, bi-valued, binary, identical, two identical agents, Borda, or large values. */
export function bobwInstance(n: number, m: number, seed: number, family: number): Instance {
  switch (family) {
    case 0:
      return generators.uniformInstance({ n, m, seed, hi: 20 });
    case 1:
      return generators.uniformInstance({ n, m, seed, lo: 0, hi: 6 });
    case 2:
      return generators.biValuedInstance({ n, m, seed });
    case 3:
      return generators.binaryInstance({ n, m, seed });
    case 4:
      return generators.identicalInstance({ n, m, seed, hi: 10 });
    case 5: {
      const r = rng(seed);
      const row = Array.from({ length: m }, () => r.int(0, 12));
      const other = Array.from({ length: m }, () => r.int(1, 12));
      return new Instance(Array.from({ length: n }, (_, i) => (i === n - 1 ? other : row)));
    }
    case 6:
      return generators.ordinalInstance({ n, m, seed });
    default:
      return generators.uniformInstance({ n, m, seed, hi: 1000 });
  }
}

/** Every k-partition of the positions 0..w.length-1 as label vectors in lexicographic order, with their worst bundle. */
function* labelings(w: readonly number[], k: number): Generator<{ labels: number[]; worst: number }> {
  const n = w.length;
  const labels = new Array<number>(n).fill(0);
  for (;;) {
    const load = new Array<number>(k).fill(0);
    labels.forEach((l, p) => (load[l] += w[p]));
    yield { labels: [...labels], worst: Math.min(...load) };
    let p = n - 1;
    while (p >= 0 && labels[p] === k - 1) labels[p--] = 0;
    if (p < 0) return;
    labels[p]++;
  }
}

/**
 * The adversarial (1 - eps) oracle: among all k-partitions of S, the one with the smallest worst bundle that
 * is still >= (1 - eps) MMS (ties: the first label vector). Deterministic in (v restricted to S, S, k).
 * Brute force: small S only.
 */
export function adversarialOracle(eps: Rational): MmsPartitionOracle {
  return (v, goods, k) => {
    const S = [...goods].sort((a, b) => a - b);
    const w = S.map((g) => Number(v[g]));
    let mms = 0;
    for (const l of labelings(w, k)) mms = Math.max(mms, l.worst);
    const floor = Rational.ONE.sub(eps).mul(mms);
    let pick: { labels: number[]; worst: number } | null = null;
    for (const l of labelings(w, k)) if (floor.le(l.worst) && (!pick || l.worst < pick.worst)) pick = l;
    const partition: number[][] = Array.from({ length: k }, () => []);
    pick!.labels.forEach((l, p) => partition[l].push(S[p]));
    return { partition, value: BigInt(pick!.worst), exact: false, eps, method: 'adversarial' };
  };
}

/** Certifies every claim of an outcome and fails the test with the claims that did not pass. */
export function assertCertified(o: Outcome, what = ''): void {
  const report = certify(o);
  const bad = report.claims
    .filter((c) => c.status !== 'pass')
    .map((c) => `${c.id}: ${c.status} ${JSON.stringify(c.detail)}`);
  assert.deepEqual(bad, [], `${o.mechanism} ${what} on ${JSON.stringify(o.instance.toJSON().values)}`);
}

/** Exact expected value of every agent under an outcome's lottery. */
export function expectedValues(o: Outcome): Rational[] {
  return o.instance.values.map((_, i) =>
    Rational.sum(o.support().map((e) => e.p.mul(o.instance.value(i, e.allocation.bundles[i])))),
  );
}
