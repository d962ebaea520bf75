/**
 * Claim checkers of paper 000 (Babaioff, Feige, Manaker Morag 2026; spec section 4), entries of the claim table
 * in `./claims`. Each recomputes its target from the
 * instance alone (never from the mechanism's bookkeeping):
 * * `implements-cuq` (C2): the lottery's marginals equal CUQ(v, pi) exactly, CUQ recomputed here by averaging the n
 *   cyclic unit-quota allocations (Definition 3.5), independently of the Lemma 4.4 formula used by the mechanisms.
 *   params: `{ agentOrder: number[] }`, or `{ mixture: [{ p, agentOrder }] }` for a mixture over orderings (Theorem 2's exact mode).
 * * `implements-uniform` (C2 for B1): every marginal is exactly 1/n.
 * * `two-agent-cases` (C10): recomputes Definition 7.3's case; in the hard case checks Lemma 7.5's bundle facts.
 */
import type { Instance } from '../core/instance';
import type { Outcome } from '../core/outcome';
import { Rational, type RationalLike } from '../core/rational';
import { tps } from '../shares/tps';
import type { CheckResult } from './result';
import { supportMarginals } from './support-scan';

/** Lottery marginals recomputed from the support (not Lottery.marginals, to stay independent; ./support-scan.ts). */
function marginalsOf(o: Outcome): Rational[][] | null {
  const support = o.support();
  return support.length ? supportMarginals(support, o.instance) : null;
}

/** CUQ(v, pi) by Definition 3.5: average over the n cyclic shifts of the unit-quota allocations. */
export function independentCuq(inst: Instance, order: readonly number[]): Rational[][] {
  const { n, m } = inst;
  const prefs = inst.agents.map((_, i) => inst.order(i));
  const count = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < n; j++) {
    const seq = Array.from({ length: n }, (_, k) => order[(j + k) % n]);
    const taken = new Set<number>();
    for (let k = 0; k < n - 1; k++) {
      const x = prefs[seq[k]].find((g) => !taken.has(g));
      if (x === undefined) break;
      taken.add(x);
      count[seq[k]][x]++;
    }
    for (let x = 0; x < m; x++) if (!taken.has(x)) count[seq[n - 1]][x]++;
  }
  return count.map((r) => r.map((c) => new Rational(BigInt(c), BigInt(n))));
}

function compare(got: Rational[][], target: Rational[][], what: string): CheckResult {
  for (let i = 0; i < target.length; i++)
    for (let x = 0; x < target[i].length; x++)
      if (!got[i][x].eq(target[i][x]))
        return {
          holds: false,
          detail: { property: what, agent: i, good: x, marginal: got[i][x], target: target[i][x] },
          witness: { agent: i, good: x },
        };
  return { holds: true, detail: { property: what, target } };
}

function isPermutation(a: unknown, n: number): a is number[] {
  return (
    Array.isArray(a) &&
    a.length === n &&
    new Set(a).size === n &&
    a.every((x) => Number.isInteger(x) && x >= 0 && x < n)
  );
}

export function checkImplementsCuq(o: Outcome, params: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const inst = o.instance;
  const got = marginalsOf(o);
  if (!got) return { holds: false, detail: { reason: 'no lottery or allocation' } };
  let target: Rational[][];
  if (params?.mixture !== undefined) {
    const mix = params.mixture as { p: RationalLike; agentOrder: number[] }[];
    target = Array.from({ length: inst.n }, () => new Array<Rational>(inst.m).fill(Rational.ZERO));
    let total = Rational.ZERO;
    for (const { p, agentOrder } of mix) {
      if (!isPermutation(agentOrder, inst.n))
        return { holds: false, detail: { reason: `bad agentOrder ${JSON.stringify(agentOrder)}` } };
      const q = Rational.from(p);
      total = total.add(q);
      independentCuq(inst, agentOrder).forEach((r, i) =>
        r.forEach((c, x) => (target[i][x] = target[i][x].add(q.mul(c)))),
      );
    }
    if (!total.eq(1)) return { holds: false, detail: { reason: `mixture weights sum to ${total}` } };
  } else {
    const agentOrder = params?.agentOrder ?? inst.agents.map((_, i) => i);
    if (!isPermutation(agentOrder, inst.n))
      return { holds: false, detail: { reason: `bad agentOrder ${JSON.stringify(agentOrder)}` } };
    target = independentCuq(inst, agentOrder);
  }
  return compare(got, target, 'implements CUQ(v, pi)');
}

export function checkImplementsUniform(o: Outcome): CheckResult {
  const got = marginalsOf(o);
  if (!got) return { holds: false, detail: { reason: 'no lottery or allocation' } };
  const share = new Rational(1n, BigInt(o.instance.n));
  return compare(
    got,
    got.map((r) => r.map(() => share)),
    'implements the uniform fractional allocation',
  );
}

const TWO_THIRDS = new Rational(2n, 3n);

export function checkTwoAgentCases(o: Outcome): CheckResult {
  const inst = o.instance;
  if (inst.n !== 2) return { holds: false, detail: { reason: 'needs n = 2' } };
  const support = o.support();
  if (inst.m === 0) return { holds: true, detail: { case: 'empty' } };
  const tops = [inst.order(0)[0], inst.order(1)[0]];
  const T = [tps(inst.values[0], 2), tps(inst.values[1], 2)];
  let kase = 'case-1';
  let h = -1;
  if (tops[0] === tops[1]) {
    const v = [inst.values[0][tops[0]], inst.values[1][tops[0]]];
    const lim = T.map((t) => TWO_THIRDS.mul(t));
    if (v[0].le(lim[0]) && v[1].le(lim[1])) kase = 'case-2';
    else if (v[0].ge(lim[0]) && v[1].ge(lim[1])) kase = 'case-3';
    else {
      kase = 'hard';
      h = v[0].gt(lim[0]) ? 0 : 1;
    }
  }
  if (support.length > 2)
    return { holds: false, detail: { case: kase, support: support.length, reason: 'more than two allocations' } };
  if (kase !== 'hard') return { holds: true, detail: { case: kase, tps: T } };
  const oo = 1 - h;
  const y = tops[0];
  // A1 = the bundle containing y, in each allocation; the two allocations swap (A1, A2)
  const a1s = support.map((s) => s.allocation.bundles.find((b) => b.includes(y))!);
  if (support.length !== 2 || a1s[0].join() !== a1s[1].join())
    return {
      holds: false,
      detail: { case: 'hard', reason: 'hard case must be two allocations swapping one bundle A1 (the one with y)' },
    };
  const A1 = a1s[0];
  const inA1 = new Set(A1);
  const A2 = Array.from({ length: inst.m }, (_, x) => x).filter((x) => !inA1.has(x));
  const vo = inst.value(oo, A1);
  const vhA2 = inst.value(h, A2);
  const rest = inst.total(h).sub(inst.values[h][y]);
  const facts = {
    'v_o(A1) >= 2/3 T_o': vo.ge(TWO_THIRDS.mul(T[oo])),
    'v_o(A1) < 4/3 T_o': vo.lt(new Rational(4n, 3n).mul(T[oo])),
    'v_h(A2) >= 2/3 v_h(M \\ {y})': vhA2.ge(TWO_THIRDS.mul(rest)),
    'v_i(A1) >= v_i(M)/3 for both': [0, 1].every((i) => inst.value(i, A1).ge(inst.total(i).div(3))),
  };
  const holds = Object.values(facts).every(Boolean);
  return { holds, detail: { case: 'hard', h, o: oo, A1, A2, facts, vOA1: vo, To: T[oo] } };
}
