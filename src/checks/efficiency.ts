/**
 * Efficiency: fPO (exact, polynomial, via the Negishi characterisation) and PO (exact search for small m).
 *
 * fPO (seed-004 spec 3.12, seed-003 spec 4.4 C-FPO-CYCLE): A is fPO iff some weights beta_i > 0 make every
 * good go to an agent maximising beta_i v_i(g). With r[i][k] = max_{g in A_i, v_i(g) > 0} v_k(g)/v_i(g) the
 * condition is beta_i >= r[i][k] beta_k; it is feasible iff no cycle i1 -> i2 -> ... -> i1 has a product of
 * r greater than 1, and a good g held by i with v_i(g) = 0 < v_k(g) is a violation by itself. Witness:
 * the weights beta (exact rationals), or the improving exchange cycle.
 */
import type { Allocation } from '../core/allocation';
import type { AgentId, GoodId, Instance } from '../core/instance';
import { Rational } from '../core/rational';
import { checkAlphaPO } from './alpha-po';
import type { CheckResult } from './result';

interface Edge {
  ratio: Rational;
  good: GoodId;
}

/** fPO, exact. */
export function checkFPO(inst: Instance, a: Allocation): CheckResult {
  const n = inst.n;
  const v = inst.values;
  const edge: (Edge | null)[][] = Array.from({ length: n }, () => new Array<Edge | null>(n).fill(null));
  for (let i = 0; i < n; i++) {
    for (const g of a.bundles[i]) {
      for (let k = 0; k < n; k++) {
        if (k === i || v[k][g].isZero()) continue;
        if (v[i][g].isZero())
          return {
            holds: false,
            detail: { property: 'fPO', reason: `${inst.agents[i]} holds ${inst.goods[g]} worth 0 to them and ${v[k][g]} to ${inst.agents[k]}` },
            witness: { cycle: [{ from: i, to: k, good: g }] },
          };
        const ratio = v[k][g].div(v[i][g]);
        if (!edge[i][k] || ratio.gt(edge[i][k]!.ratio)) edge[i][k] = { ratio, good: g };
      }
    }
  }
  // Max-product Bellman–Ford from a virtual source linked to every agent with product 1.
  const beta: Rational[] = new Array(n).fill(Rational.ONE);
  const parent: number[] = new Array(n).fill(-1);
  let changed = -1;
  for (let round = 0; round < n + 1; round++) {
    changed = -1;
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
      const e = edge[i][k];
      if (!e) continue;
      const cand = beta[k].mul(e.ratio);
      if (cand.gt(beta[i])) {
        beta[i] = cand;
        parent[i] = k;
        changed = i;
      }
    }
    if (changed < 0) break;
  }
  if (changed < 0) {
    return { holds: true, detail: { property: 'fPO', weights: beta }, witness: { weights: beta } };
  }
  let x = changed;
  for (let s = 0; s < n; s++) x = parent[x];
  const cycle: { from: AgentId; to: AgentId; good: GoodId; ratio: Rational }[] = [];
  let y = x;
  do {
    const k = parent[y];
    const e = edge[y][k]!;
    cycle.push({ from: y, to: k, good: e.good, ratio: e.ratio });
    y = k;
  } while (y !== x);
  const product = cycle.reduce((p, c) => p.mul(c.ratio), Rational.ONE);
  return {
    holds: false,
    detail: { property: 'fPO', reason: 'an exchange cycle in which every agent passes a good on and the product of value ratios exceeds 1', product },
    witness: { cycle },
  };
}

/**
 * PO, exact: searches an integral allocation that Pareto-dominates A (all weakly better, one strictly),
 * by branch and bound over owners (goods by decreasing total value, prune when some agent can no longer
 * reach her current value). fPO implies PO, so an fPO allocation returns at once with the fPO weights.
 * Witness of failure: the dominating allocation (owner of each good). When the search exceeds `nodeLimit`, the
 * alpha-PO checker's integer program (alpha = 1, HiGHS) may still find a dominating allocation, accepted only after
 * an exact re-check; otherwise the result is `unchecked`.
 */
export function checkPO(inst: Instance, a: Allocation, nodeLimit = 5_000_000): CheckResult {
  const f = checkFPO(inst, a);
  if (f.holds) return { holds: true, detail: { property: 'PO', via: 'fPO' }, witness: f.witness };
  const n = inst.n;
  const m = inst.m;
  const target = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
  const goods = Array.from({ length: m }, (_, g) => g).sort((x, y) => Rational.sum(inst.values.map((r) => r[y])).cmp(Rational.sum(inst.values.map((r) => r[x]))));
  const remaining: Rational[][] = inst.values.map((row) => {
    const suf = new Array<Rational>(m + 1).fill(Rational.ZERO);
    for (let t = m - 1; t >= 0; t--) suf[t] = suf[t + 1].add(row[goods[t]]);
    return suf;
  });
  const have = new Array<Rational>(n).fill(Rational.ZERO);
  const owner = new Array<number>(m).fill(-1);
  let nodes = 0;
  const dfs = (t: number): boolean | 'limit' => {
    if (++nodes > nodeLimit) return 'limit';
    for (let i = 0; i < n; i++) if (have[i].add(remaining[i][t]).lt(target[i])) return false;
    if (t === m) return have.some((h, i) => h.gt(target[i]));
    const g = goods[t];
    for (let i = 0; i < n; i++) {
      owner[g] = i;
      have[i] = have[i].add(inst.values[i][g]);
      const r = dfs(t + 1);
      have[i] = have[i].sub(inst.values[i][g]);
      if (r) return r;
    }
    return false;
  };
  const r = dfs(0);
  if (r === 'limit') {
    // beyond the exact search: a dominating allocation found by HiGHS and re-verified exactly still refutes PO
    const ilp = checkAlphaPO(inst, a, 1, { method: 'ilp', requireExact: true });
    if (!ilp.holds && !ilp.unchecked) return { holds: false, detail: { property: 'PO', via: 'integer program, re-verified exactly', ...(ilp.detail as object) }, witness: ilp.witness };
    return { holds: false, unchecked: true, detail: { property: 'PO', reason: `search budget of ${nodeLimit} nodes exhausted; the integer program found no exactly verified dominating allocation` } };
  }
  if (!r) return { holds: true, detail: { property: 'PO', via: 'exhaustive search', notFPO: f.witness } };
  const values = inst.values.map((_, i) => inst.value(i, owner.flatMap((o, g) => (o === i ? [g] : []))));
  return { holds: false, detail: { property: 'PO', current: target, dominating: values }, witness: { dominatingOwners: [...owner] } };
}
