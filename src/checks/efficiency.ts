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
import { checkAlphaPO, findDominating } from './alpha-po';
import type { CheckResult } from './result';
import { requireAllocation, requireInstance } from '../core/arguments';

interface Edge {
  ratio: Rational;
  good: GoodId;
}

/** fPO, exact. */
export function checkFPO(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkFPO');
  requireAllocation(a, inst, 'checkFPO', 'a');
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
 * PO, exact: searches an integral allocation that Pareto-dominates A (all weakly better, one strictly) with the
 * alpha-PO checker's branch and bound at alpha = 1 (`findDominating`: prune when some agent can no longer reach her
 * current value). fPO implies PO, so an fPO allocation returns at once with the fPO weights.
 * Witness of failure: the dominating allocation (owner of each good). When the search exceeds `nodeLimit`, the
 * alpha-PO checker's integer program (alpha = 1, HiGHS) may still find a dominating allocation, accepted only after
 * an exact re-check; otherwise the result is `unchecked`.
 */
export function checkPO(inst: Instance, a: Allocation, nodeLimit = 5_000_000): CheckResult {
  requireInstance(inst, 'checkPO');
  requireAllocation(a, inst, 'checkPO', 'a');
  const f = checkFPO(inst, a);
  if (f.holds) return { holds: true, detail: { property: 'PO', via: 'fPO' }, witness: f.witness };
  const target = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
  const r = findDominating(inst, target, nodeLimit);
  if (r === 'limit') {
    // beyond the exact search: a dominating allocation found by HiGHS and re-verified exactly still refutes PO
    const ilp = checkAlphaPO(inst, a, 1, { method: 'ilp', requireExact: true });
    if (!ilp.holds && !ilp.unchecked) return { holds: false, detail: { property: 'PO', via: 'integer program, re-verified exactly', ...(ilp.detail as object) }, witness: ilp.witness };
    return { holds: false, unchecked: true, detail: { property: 'PO', reason: `search budget of ${nodeLimit} nodes exhausted; the integer program found no exactly verified dominating allocation` } };
  }
  if (!r.owners) return { holds: true, detail: { property: 'PO', via: 'exhaustive search', nodes: r.nodes, notFPO: f.witness } };
  const values = inst.values.map((_, i) => inst.value(i, r.owners!.flatMap((o, g) => (o === i ? [g] : []))));
  return { holds: false, detail: { property: 'PO', current: target, dominating: values }, witness: { dominatingOwners: r.owners } };
}
