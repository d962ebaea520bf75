/**
 * The declared bi-valued domain as the algorithms use it: which goods are large for which agent, and the
 * freeze length of Algorithm 2. Large means u_i(g) = b_i exactly; the pair comes from the instance's
 * declaration, never from the values (seed-003 spec 0.2).
 */
import type { AgentId, BivaluedPair, GoodId, Instance } from '../../core/instance';
import type { Rational } from '../../core/rational';

/** large(i, g): u_i(g) = b_i under the instance's declared pairs. */
export type LargeTest = (i: AgentId, g: GoodId) => boolean;

/** The large-good test of an instance with a bi-valued declaration (precomputed per agent and good). */
export function largeTest(inst: Instance): LargeTest {
  const pairs = inst.bivalued?.pairs;
  if (!pairs) throw new Error('largeTest: the instance declares no bi-valued domain');
  const large = inst.values.map((row, i) => row.map((v) => v.eq(pairs[i].b)));
  return (i, g) => large[i][g];
}

/**
 * Algorithm 2's freeze length ⌊b/a − 1⌋ = max{k >= 0 : (k + 1) a <= b}, computed exactly (spec 7.5:
 * a = 0.1, b = 0.3 floors to 1 instead of 2 in floating point).
 */
export function freezeLength(a: Rational, b: Rational): number {
  return Number(b.div(a).floor()) - 1;
}

/** The common pair (a, b) of an instance declaring one (Algorithm 2's domain). */
export function commonPair(inst: Instance): BivaluedPair {
  const d = inst.bivalued;
  if (!d?.common) throw new Error('the instance declares no common bi-valued pair');
  return d.pairs[0];
}
