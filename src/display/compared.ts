/**
 * The comparisons behind a certificate row: for each checked claim, the numbers the checker compared, with the
 * agent they belong to, as `left relation right` (`v_bob(A_bob) = 8 ≥ 7 = MMS_bob`). They are read from the
 * checker's detail and witness (src/checks; the envy checkers keep their tightest pair in `detail.tightest`); where
 * a checker that passes reports no numbers (PROP1, IMMX, the goods of an fPO certificate, stated prices, Ranking's
 * win probabilities, EFM, quota picks), the tightest comparison is computed here from the certified outcome with
 * the same definitions (src/checks/share.ts, efficiency.ts, fisher-prices.ts, mixed-envy.ts, stochastic.ts,
 * src/stochastic/bic.ts), or by re-running the checker on each support allocation (ex-post MXS, RMMS, EEFX, the
 * role triple, stated prices), so that every row shows the numbers behind its status. The status itself always comes from the checker.
 */
import type { Allocation } from '../core/allocation';
import type { Instance } from '../core/instance';
import { MixedAllocation } from '../core/mixed-allocation';
import type { Claim, Outcome } from '../core/outcome';
import { Rational } from '../core/rational';
import type { ClaimResult } from '../certify';
import { checkRoleTriple, roleParams } from '../checks/bobw-roles';
import { checkEEFX, tightestEnvyPair, type EnvyRemoval } from '../checks/envy';
import { checkStatedPricesOf } from '../checks/fisher-prices';
import { checkMXS } from '../checks/mxs';
import { checkRMMS } from '../checks/rmms';
import { mmsShare } from '../shares/share-cache';
import { rankingWinProbabilitiesExact, weightedRankingWinProbabilities } from '../stochastic/bic';
import { toDistribution } from '../stochastic/parse';
import type { Distribution } from '../stochastic/distribution';
import type { ComparedNumber, ComparedRelation } from './payload';

type Detail = Readonly<Record<string, unknown>>;
type Relation = ComparedRelation['relation'];

const isR = (x: unknown): x is Rational => x instanceof Rational;
const ex = (r: Rational): string => r.toString();

/** A finite JS number or a Rational as an exact string (doubles as their shortest round-trip decimal). */
function exactOf(x: unknown): string | null {
  if (isR(x)) return ex(x);
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  if (typeof x === 'bigint') return x.toString();
  return null;
}

/** A Rational or a finite double as an exact Rational (a double is exactly its binary value), else null. */
function rationalOf(x: unknown): Rational | null {
  if (isR(x)) return x;
  if (typeof x === 'number' && Number.isFinite(x)) return Rational.fromNumber(x);
  if (typeof x === 'bigint') return Rational.from(x);
  return null;
}

/** The exact order of two numbers as a relation (`>`, `=`, and `<` or `≤` below). */
function order(a: unknown, b: unknown, strictWhenBelow = true): Relation {
  const [x, y] = [rationalOf(a), rationalOf(b)];
  const c = x && y ? x.cmp(y) : NaN;
  if (c > 0) return '>';
  if (c === 0) return '=';
  return strictWhenBelow ? '<' : '≤';
}

/** `≥` for a comparison that must hold as `left ≥ right` (shown as `>` or `=` when strict or tight). */
const atLeast = (a: unknown, b: unknown): Relation => {
  const r = order(a, b);
  return r === '<' ? '<' : '≥';
};

function rel(
  left: [string, unknown],
  relation: Relation,
  right: [string, unknown],
  extra: { agent?: string; note?: string } = {},
): ComparedRelation | null {
  const l = exactOf(left[1]);
  const r = exactOf(right[1]);
  if (l === null || r === null) return null;
  return {
    ...(extra.agent !== undefined ? { agent: extra.agent } : {}),
    left: { label: left[0], value: l },
    relation,
    right: { label: right[0], value: r },
    ...(extra.note ? { note: extra.note } : {}),
  };
}

/** The agent's name: a name in the detail is kept, an index is looked up. */
function agentName(x: unknown, inst: Instance): string | undefined {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < inst.n) return inst.agents[x];
  return undefined;
}

const goodName = (g: unknown, inst: Instance): string | undefined =>
  typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < inst.m ? inst.goods[g] : undefined;

/** `2/3·MMS_bob`, or `MMS_bob` when rho is 1 or absent. */
function scaled(share: string, agent: string, rho: unknown): string {
  return isR(rho) && !rho.eq(1) ? `${rho}·${share}_${agent}` : `${share}_${agent}`;
}

const SHARE_NAMES: Readonly<Record<string, string>> = {
  PROP: 'PROP',
  'rho-MMS': 'MMS',
  'rho-TPS': 'TPS',
  MXS: 'MXS',
  RMMS: 'RMMS',
  'ex-ante rho-PROP': 'PROP',
};

// ---------------------------------------------------------------------------------------------------
// Envy: EF, EF1, EFX, EFX0 (the checker reports the violating pair; a pass gets the tightest pair here).

const ENVY_REMOVAL: Readonly<Record<string, EnvyRemoval>> = {
  ef: 'none',
  ef1: 'most-valued',
  efx: 'least-positive',
  efx0: 'least',
};

interface EnvyPair {
  i: number;
  j: number;
  own: Rational;
  other: Rational;
  removed?: number;
  after?: Rational;
}

/** The checker's tightest pair of a claim that holds (`detail.tightest`: agents and good by name), by index. */
function detailPair(t: unknown, inst: Instance): EnvyPair | null {
  if (t === null || typeof t !== 'object') return null;
  const o = t as Record<string, unknown>;
  const i = inst.agents.indexOf(String(o.envious));
  const j = inst.agents.indexOf(String(o.envied));
  if (i < 0 || j < 0 || !isR(o.own) || !isR(o.other)) return null;
  const removed = typeof o.removed === 'string' ? inst.goods.indexOf(o.removed) : -1;
  return {
    i,
    j,
    own: o.own,
    other: o.other,
    ...(removed >= 0 && isR(o.afterRemoval) ? { removed, after: o.afterRemoval } : {}),
  };
}

function envyRelation(p: EnvyPair, inst: Instance, note: string, expected = false): ComparedRelation | null {
  const a = inst.agents[p.i];
  const b = inst.agents[p.j];
  const E = (s: string) => (expected ? `E[${s}]` : s);
  const removed = goodName(p.removed, inst);
  const right: [string, unknown] =
    p.after !== undefined ? [E(`v_${a}(A_${b} \\ {${removed ?? '?'}})`), p.after] : [E(`v_${a}(A_${b})`), p.other];
  return rel([E(`v_${a}(A_${a})`), p.own], atLeast(p.own, right[1]), right, { agent: a, note });
}

// ---------------------------------------------------------------------------------------------------
// PROP1 and fPO weights: tightest comparisons of an allocation the checker passed.

/** The agent closest to violating PROP1: least v_i(A_i) + max_{g ∉ A_i} v_i(g) − v_i(M)/n. */
function tightestProp1(inst: Instance, a: Allocation): { r: ComparedRelation } | null {
  let best: { i: number; lhs: Rational; share: Rational; slack: Rational } | null = null;
  for (let i = 0; i < inst.n; i++) {
    const own = inst.value(i, a.bundles[i]);
    const mine = new Set(a.bundles[i]);
    const outside = inst.values[i].filter((_, g) => !mine.has(g));
    const lhs = outside.length ? own.add(outside.reduce((x, y) => (y.gt(x) ? y : x))) : own;
    const share = inst.total(i).div(inst.n);
    const slack = lhs.sub(share);
    if (!best || slack.lt(best.slack)) best = { i, lhs, share, slack };
  }
  if (!best) return null;
  const name = inst.agents[best.i];
  const r = rel(
    [`v_${name}(A_${name}) + max_{g ∉ A_${name}} v_${name}(g)`, best.lhs],
    atLeast(best.lhs, best.share),
    [`PROP_${name}`, best.share],
    {
      agent: name,
      note: 'tightest agent',
    },
  );
  return r ? { r } : null;
}

/**
 * The good closest to breaking an fPO certificate with weights w: every good g of A_i has w_i v_i(g) ≥
 * w_k v_k(g) for all k; the least margin over goods (first in good order on ties).
 */
function tightestWeightedGood(inst: Instance, a: Allocation, w: readonly Rational[]): ComparedRelation | null {
  let best: { g: number; i: number; k: number; own: Rational; other: Rational; slack: Rational } | null = null;
  const owners = a.owners();
  for (let g = 0; g < inst.m; g++) {
    const i = owners[g];
    if (i === undefined || i < 0) continue;
    const own = w[i].mul(inst.values[i][g]);
    for (let k = 0; k < inst.n; k++) {
      if (k === i) continue;
      const other = w[k].mul(inst.values[k][g]);
      const slack = own.sub(other);
      if (!best || slack.lt(best.slack)) best = { g, i, k, own, other, slack };
    }
  }
  if (!best) return null;
  const [a1, a2, good] = [inst.agents[best.i], inst.agents[best.k], inst.goods[best.g]];
  return rel(
    [`w_${a1}·v_${a1}(${good})`, best.own],
    atLeast(best.own, best.other),
    [`w_${a2}·v_${a2}(${good})`, best.other],
    {
      agent: a1,
      note: `tightest good (${good} held by ${a1})`,
    },
  );
}

/**
 * EEFX's certificate: agent i's re-partition Y of M \ A_i is EFX0-dominated by A_i, v_i(A_i) ≥ v_i(Y_k) − min_{g ∈ Y_k}
 * v_i(g) for every nonempty Y_k; the least margin over agents and bundles.
 */
function tightestRepartitionBundle(inst: Instance, a: Allocation, repartitions: unknown): ComparedRelation | null {
  if (repartitions === null || typeof repartitions !== 'object') return null;
  let best: { i: number; own: Rational; after: Rational; removed: number; slack: Rational } | null = null;
  for (const [name, bundles] of Object.entries(repartitions as Record<string, unknown>)) {
    const i = inst.agents.indexOf(name);
    if (i < 0 || !Array.isArray(bundles)) continue;
    const v = inst.values[i];
    const own = inst.value(i, a.bundles[i]);
    for (const b of bundles) {
      if (!Array.isArray(b) || b.length === 0 || !b.every((g) => Number.isInteger(g) && g >= 0 && g < inst.m)) continue;
      const removed = (b as number[]).reduce((x, g) => (v[g].lt(v[x]) ? g : x));
      const after = inst.value(i, b as number[]).sub(v[removed]);
      const slack = own.sub(after);
      if (!best || slack.lt(best.slack)) best = { i, own, after, removed, slack };
    }
  }
  if (!best) return null;
  const name = inst.agents[best.i];
  return rel(
    [`v_${name}(A_${name})`, best.own],
    atLeast(best.own, best.after),
    [`v_${name}(Y \\ {${inst.goods[best.removed]}})`, best.after],
    {
      agent: name,
      note: `tightest bundle Y of ${name}'s re-partition`,
    },
  );
}

// ---------------------------------------------------------------------------------------------------

/**
 * IMMX's two ways out for agent i (seed-002 Def 3.2), the one the checker takes first: EFX0-satisfied (the bundle
 * closest to not being EFX0-dominated: least v_i(A_i) − (v_i(A_j) − min_{g ∈ A_j} v_i(g))), else MMS-satisfied
 * (v_i(A_i) against alpha·MMS_i). One relation per agent, with the margin to pick the tightest over a support.
 */
function immxRelations(
  inst: Instance,
  a: Allocation,
  alpha: Rational,
): { i: number; r: ComparedRelation | null; margin: Rational }[] {
  return inst.agents.map((name, i) => {
    const v = inst.values[i];
    const own = inst.value(i, a.bundles[i]);
    let best: { j: number; removed: number; after: Rational } | null = null;
    for (let j = 0; j < inst.n; j++) {
      const b = a.bundles[j];
      if (j === i || b.length === 0) continue;
      const removed = b.reduce((x, g) => (v[g].lt(v[x]) ? g : x));
      const after = inst.value(i, b).sub(v[removed]);
      if (!best || after.gt(best.after)) best = { j, removed, after };
    }
    const top = best as { j: number; removed: number; after: Rational } | null;
    if (!top || own.ge(top.after)) {
      const after = top?.after ?? Rational.ZERO;
      const right = top ? `v_${name}(A_${inst.agents[top.j]} \\ {${inst.goods[top.removed]}})` : '0';
      const r = rel([`v_${name}(A_${name})`, own], atLeast(own, after), [right, after], {
        agent: name,
        note: 'EFX0-satisfied (tightest bundle)',
      });
      return { i, r, margin: own.sub(after) };
    }
    const needed = alpha.mul(mmsShare(inst, i).value);
    const r = rel([`v_${name}(A_${name})`, own], atLeast(own, needed), [scaled('MMS', name, alpha), needed], {
      agent: name,
      note: 'MMS-satisfied',
    });
    return { i, r, margin: own.sub(needed) };
  });
}

/**
 * fPO by stated prices: every good an agent buys has the maximum bang per buck α_i = max_h v_i(h)/p_h; per agent,
 * the bought good with the least v_i(g)/p_g against α_i.
 */
function pricesRelations(inst: Instance, a: Allocation, alpha: readonly Rational[], prices: readonly Rational[]) {
  return inst.agents.map((name, i) => {
    let least: { g: number; ratio: Rational } | null = null;
    for (const g of a.bundles[i]) {
      if (prices[g].sign() <= 0) continue;
      const ratio = inst.values[i][g].div(prices[g]);
      if (!least || ratio.lt(least.ratio)) least = { g, ratio };
    }
    if (!least) return null;
    const good = inst.goods[least.g];
    return rel([`v_${name}(${good})/p_${good}`, least.ratio], atLeast(least.ratio, alpha[i]), [`α_${name}`, alpha[i]], {
      agent: name,
      note: `least bang per buck bought, against the best (α_${name} = max_h v_${name}(h)/p_h)`,
    });
  });
}

/** Ranking's exact p_t (spec C5) for every agent: the adjacent ranks with the least p_t − p_{t+1}. */
function tightestRankingStep(inst: Instance): ComparedRelation | null {
  let best: { i: number; t: number; hi: Rational; lo: Rational; gap: Rational } | null = null;
  for (let i = 0; i < inst.n; i++) {
    const p = rankingWinProbabilitiesExact(inst.n, inst.m, i).map(([x, y]) => new Rational(x, y));
    for (let t = 0; t + 1 < p.length; t++) {
      const gap = p[t].sub(p[t + 1]);
      if (!best || gap.lt(best.gap)) best = { i, t, hi: p[t], lo: p[t + 1], gap };
    }
  }
  if (!best) return null;
  const name = inst.agents[best.i];
  return rel([`p_${best.t + 1}(${name})`, best.hi], atLeast(best.hi, best.lo), [`p_${best.t + 2}(${name})`, best.lo], {
    agent: name,
    note: 'win probability by rank, the closest adjacent ranks (non-increasing: truthful ranking is BIC)',
  });
}

/**
 * A double against a double bound, as the checker decided it: it accepts `x ≥ bound − 1e-9` (floating-point
 * quantiles, src/checks/stochastic.ts), so a pass within that tolerance reads `≥` with the tolerance in the note.
 */
function floatBound(label: string, x: number, bound: number, pass: boolean, note: string): ComparedRelation | null {
  const within = pass && x < bound;
  return rel([label, x], within ? '≥' : x >= bound ? '≥' : '<', ['bound', bound], {
    note: within ? `${note}; below the bound by ${(bound - x).toPrecision(2)}, within the checker's 1e-9` : note,
  });
}

/**
 * Weighted Ranking's p_t (spec C6, doubles from the quantile formula) for every agent, from the claim's params
 * {dists, weights}: the adjacent ranks with the least p_t − p_{t+1}. Null without params or on bad ones.
 */
function tightestWeightedRankingStep(inst: Instance, params: unknown): ComparedRelation | null {
  const o = (params ?? {}) as { dists?: unknown; weights?: unknown };
  if (!Array.isArray(o.dists) || !Array.isArray(o.weights) || o.dists.length !== inst.n) return null;
  let dists: Distribution[];
  try {
    dists = o.dists.map((x) => toDistribution(x));
  } catch {
    return null;
  }
  let best: { i: number; t: number; hi: number; lo: number } | null = null;
  for (let i = 0; i < inst.n; i++) {
    const p = weightedRankingWinProbabilities(dists, o.weights as number[], inst.m, i);
    for (let t = 0; t + 1 < p.length; t++)
      if (!best || p[t] - p[t + 1] < best.hi - best.lo) best = { i, t, hi: p[t], lo: p[t + 1] };
  }
  if (!best) return null;
  const name = inst.agents[best.i];
  return rel(
    [`p_${best.t + 1}(${name})`, best.hi],
    best.hi >= best.lo - 1e-15 ? '≥' : '<',
    [`p_${best.t + 2}(${name})`, best.lo],
    {
      agent: name,
      note: 'win probability by rank, the closest adjacent ranks (non-increasing within 1e-15: truthful ranking is BIC)',
    },
  );
}

/** The allocations a claim was checked on: the outcome's allocation, or every allocation of its support. */
function allocationsOf(outcome: Outcome | undefined, exPost: boolean): { a: Allocation; k?: number }[] {
  if (!outcome) return [];
  if (!exPost) return outcome.allocation ? [{ a: outcome.allocation }] : [];
  if (outcome.mixed) return [];
  return outcome.support().map((e, k) => ({ a: e.allocation, k }));
}

/** `support allocation 3 (p = 1/6)`. */
function supportEntry(outcome: Outcome, k: number): string {
  return `support allocation ${k + 1} (p = ${outcome.support()[k]?.p ?? '?'})`;
}

function supportNote(d: Detail, base: string): string {
  if (typeof d.supportIndex !== 'number') return base;
  const p = exactOf(d.probability);
  return `${base}, support allocation ${d.supportIndex + 1}${p ? ` (p = ${p})` : ''}`;
}

/** The share comparison `v_i(A_i) ≥ rho·SHARE_i` (PROP, MMS, TPS, MXS, RMMS), from the detail or its perAgent table. */
function shareRelations(d: Detail, inst: Instance, pass: boolean): ComparedRelation[] {
  const share = SHARE_NAMES[String(d.property)] ?? 'share';
  const agent = agentName(d.agent, inst);
  if (agent !== undefined && isR(d.value) && isR(d.needed)) {
    const r = rel(
      [`v_${agent}(A_${agent})`, d.value],
      atLeast(d.value, d.needed),
      [scaled(share, agent, d.rho), d.needed],
      {
        agent,
        note: supportNote(d, pass ? 'tightest agent' : 'violation'),
      },
    );
    return r ? [r] : [];
  }
  // perAgent: { name: { value, share } } or { name: { expected, needed } }: the least value / needed
  const per = d.perAgent;
  if (per === null || typeof per !== 'object') return [];
  let best: { name: string; value: Rational; needed: Rational } | null = null;
  for (const [key, row] of Object.entries(per as Record<string, unknown>)) {
    if (row === null || typeof row !== 'object') continue;
    const o = row as Record<string, unknown>;
    const value = o.value ?? o.expected;
    const needed = isR(o.needed) ? o.needed : isR(o.share) && isR(d.rho) ? d.rho.mul(o.share) : o.share;
    if (!isR(value) || !isR(needed) || needed.sign() <= 0) continue;
    const name = agentName(/^\d+$/.test(key) ? Number(key) : key, inst) ?? key;
    if (!best || value.mul(best.needed).lt(best.value.mul(needed))) best = { name, value, needed };
  }
  if (!best) return [];
  const expected = String(d.property).startsWith('ex-ante');
  const lhs = expected ? `E[v_${best.name}(A_${best.name})]` : `v_${best.name}(A_${best.name})`;
  const r = rel([lhs, best.value], atLeast(best.value, best.needed), [scaled(share, best.name, d.rho), best.needed], {
    agent: best.name,
    note: 'tightest agent',
  });
  return r ? [r] : [];
}

/** A relation's slack `left − right` (its values are exact strings). */
const slackOf = (r: ComparedRelation): Rational => Rational.from(r.left.value).sub(Rational.from(r.right.value));

/** Of one relation per allocation, the least slack, its note naming the support allocation when there is one. */
function tightestOver(
  outcome: Outcome | undefined,
  exPost: boolean,
  relate: (a: Allocation) => ComparedRelation | null,
): ComparedRelation | null {
  let best: { r: ComparedRelation; k?: number; slack: Rational } | null = null;
  for (const { a, k } of allocationsOf(outcome, exPost)) {
    const r = relate(a);
    if (!r) continue;
    const slack = slackOf(r);
    if (!best || slack.lt(best.slack)) best = { r, k, slack };
  }
  if (!best) return null;
  return best.k === undefined ? best.r : { ...best.r, note: `${best.r.note}, ${supportEntry(outcome!, best.k)}` };
}

/** The role triple's three comparisons on one allocation (src/checks/bobw-roles.ts): PROP, 9/10·α·MMS, α·MMS. */
function roleRelations(inst: Instance, a: Allocation, params: Claim['params']): ComparedRelation[] | null {
  const { theorem, eps } = roleParams(params);
  const r = checkRoleTriple(inst, a, theorem, eps);
  const roles = (r.witness as { roles?: { a: number; b: number; c: number } } | undefined)?.roles;
  if (!r.holds || !roles) return null;
  const alpha = theorem === '1.1' ? Rational.ONE : Rational.ONE.sub(eps);
  const nine = new Rational(9n, 10n).mul(alpha);
  const row = (i: number, role: string, need: Rational, share: string, label: string) => {
    const name = inst.agents[i];
    const own = inst.value(i, a.bundles[i]);
    return rel([`v_${name}(A_${name})`, own], atLeast(own, need), [label, need], {
      agent: name,
      note: `role (${role})${share}`,
    });
  };
  // the checker decides `v_i(A_i) ≥ r·MMS_i` against the MMS upper bound (the exact MMS when the solver finished)
  const mms = (i: number) => mmsShare(inst, i).upper;
  const [ia, ib, ic] = [roles.a, roles.b, roles.c];
  // Theorem 5.1's role (b) is [EFX-satisfied and ≥ 9/10·α·MMS] or ≥ α·MMS: the second when it holds
  const bPlain = theorem === '5.1' && inst.value(ib, a.bundles[ib]).ge(alpha.mul(mms(ib)));
  const bNeeded = bPlain ? alpha : nine;
  return [
    row(ia, 'a', inst.total(ia).div(inst.n), ': EFX-satisfied and at least PROP', `PROP_${inst.agents[ia]}`),
    row(ib, 'b', bNeeded.mul(mms(ib)), bPlain ? '' : ': EFX-satisfied', scaled('MMS', inst.agents[ib], bNeeded)),
    row(
      ic,
      'c',
      alpha.mul(mms(ic)),
      theorem === '5.1' ? '' : ': EEFX-satisfied',
      scaled('MMS', inst.agents[ic], alpha),
    ),
  ].filter((x): x is ComparedRelation => x !== null);
}

/**
 * Quota serial dictatorship (spec C3), passing: each agent in turn keeps goods no worse than any good still
 * left; the agent with the least v_i(worst kept) − v_i(best good left after earlier agents).
 */
function tightestQuotaPick(inst: Instance, a: Allocation, order: unknown): ComparedRelation | null {
  if (!Array.isArray(order) || order.length !== inst.n) return null;
  const taken = new Set<number>();
  let best: { i: number; kept: number; left: number; slack: Rational } | null = null;
  for (const i of order as number[]) {
    const mine = a.bundles[i] ?? [];
    const v = inst.values[i];
    const others = v.map((_, g) => g).filter((g) => !taken.has(g) && !mine.includes(g));
    if (mine.length && others.length) {
      const kept = mine.reduce((x, g) => (v[g].lt(v[x]) ? g : x));
      const left = others.reduce((x, g) => (v[g].gt(v[x]) ? g : x));
      const slack = v[kept].sub(v[left]);
      if (!best || slack.lt(best.slack)) best = { i, kept, left, slack };
    }
    mine.forEach((g) => taken.add(g));
  }
  if (!best) return null;
  const name = inst.agents[best.i];
  const [k, l] = [inst.goods[best.kept], inst.goods[best.left]];
  return rel(
    [`v_${name}(${k})`, inst.values[best.i][best.kept]],
    atLeast(inst.values[best.i][best.kept], inst.values[best.i][best.left]),
    [`v_${name}(${l})`, inst.values[best.i][best.left]],
    {
      agent: name,
      note: `tightest pick: ${name}'s worst kept good ${k} against the best good ${l} left at her turn`,
    },
  );
}

/** The (mixed) allocations a claim was checked on, with the support entry for the note (mixed lotteries too). */
function mixedAllocationsOf(inst: Instance, outcome: Outcome | undefined, exPost: boolean) {
  if (!outcome) return [];
  if (outcome.mixed && exPost)
    return outcome.mixed.entries.map((e, k) => ({
      a: e.allocation,
      raw: e.allocation as Allocation | MixedAllocation,
      where: `support allocation ${k + 1} (p = ${e.p})`,
    }));
  return allocationsOf(outcome, exPost).map(({ a, k }) => ({
    a: MixedAllocation.fromAllocation(a, inst.divisible),
    raw: a as Allocation | MixedAllocation,
    where: k === undefined ? undefined : supportEntry(outcome, k),
  }));
}

/**
 * EFM / EFXM (src/checks/mixed-envy.ts), passing: per pair, plain EF towards a bundle with a divisible part or no
 * indivisible good, else EF after removing i's most (EFM) or least (EFXM) valued indivisible good of M_j; the pair
 * with the least margin.
 */
function tightestMixedPair(inst: Instance, a: MixedAllocation, quantifier: 'some' | 'every'): ComparedRelation | null {
  let best: { i: number; j: number; own: Rational; right: Rational; removed?: number; slack: Rational } | null = null;
  for (let i = 0; i < inst.n; i++)
    for (let j = 0; j < inst.n; j++) {
      if (i === j) continue;
      const own = a.value(inst, i, i);
      const other = a.value(inst, i, j);
      const v = inst.values[i];
      const goods = a.bundles[j];
      let removed: number | undefined;
      if (!a.hasDivisiblePart(j) && goods.length > 0)
        removed = goods.reduce((x, g) => ((quantifier === 'some' ? v[g].gt(v[x]) : v[g].lt(v[x])) ? g : x));
      const right = removed === undefined ? other : other.sub(v[removed]);
      const slack = own.sub(right);
      if (!best || slack.lt(best.slack)) best = { i, j, own, right, removed, slack };
    }
  if (!best) return null;
  const [x, y] = [inst.agents[best.i], inst.agents[best.j]];
  const label = best.removed === undefined ? `u_${x}(A_${y})` : `u_${x}(A_${y} \\ {${inst.goods[best.removed]}})`;
  return rel([`u_${x}(A_${x})`, best.own], atLeast(best.own, best.right), [label, best.right], {
    agent: x,
    note:
      best.removed === undefined && a.hasDivisiblePart(best.j)
        ? `tightest pair (EF towards a bundle with a divisible part)`
        : 'tightest pair',
  });
}

/** fPO by stated prices on a fractional or mixed allocation: per agent, the least bang per buck she buys against α_i. */
function boughtRelations(inst: Instance, a: Allocation | MixedAllocation, params: Claim['params']): ComparedRelation[] {
  const r = checkStatedPricesOf(inst, a, params);
  const prices = (r.witness as { prices?: unknown } | undefined)?.prices;
  const alpha = (r.detail as Detail | undefined)?.alpha;
  if (!r.holds || !Array.isArray(prices) || !prices.every(isR) || !Array.isArray(alpha) || !alpha.every(isR)) return [];
  const shares = a.toFractional().shares;
  return inst.agents
    .map((name, i) => {
      let least: { g: number; ratio: Rational } | null = null;
      for (let g = 0; g < inst.m; g++) {
        if (shares[i][g].sign() <= 0 || prices[g].sign() <= 0) continue;
        const ratio = inst.values[i][g].div(prices[g]);
        if (!least || ratio.lt(least.ratio)) least = { g, ratio };
      }
      if (!least) return null;
      const good = inst.goods[least.g];
      return rel(
        [`v_${name}(${good})/p_${good}`, least.ratio],
        atLeast(least.ratio, alpha[i]),
        [`α_${name}`, alpha[i]],
        {
          agent: name,
          note: `least bang per buck bought, against the best (α_${name} = max_h v_${name}(h)/p_h)`,
        },
      );
    })
    .filter((x): x is ComparedRelation => x !== null);
}

/** Of the relations of each (mixed) allocation, the one with the least slack, its note naming the support entry. */
function tightestOverMixed(
  inst: Instance,
  outcome: Outcome | undefined,
  exPost: boolean,
  relate: (a: MixedAllocation, raw: Allocation | MixedAllocation) => (ComparedRelation | null)[],
): ComparedRelation | null {
  let best: { r: ComparedRelation; where?: string; slack: Rational } | null = null;
  for (const { a, raw, where } of mixedAllocationsOf(inst, outcome, exPost))
    for (const r of relate(a, raw)) {
      if (!r) continue;
      const slack = slackOf(r);
      if (!best || slack.lt(best.slack)) best = { r, where, slack };
    }
  if (!best) return null;
  return best.where === undefined ? best.r : { ...best.r, note: `${best.r.note}, ${best.where}` };
}

/**
 * The claims whose checker keeps no numbers on a pass, computed from the certified outcome with the checker's own
 * definitions (ex-post MXS, RMMS, EEFX and the role triple by re-running the checker on each support allocation),
 * and equal treatment and the two-agent cases from their detail. Null for any other claim.
 */
function recomputedRelations(
  c: ClaimResult,
  base: string,
  exPost: boolean,
  inst: Instance,
  outcome: Outcome | undefined,
): Extracted | null {
  const d: Detail = c.detail ?? {};
  const pass = c.status === 'pass';
  if (pass && exPost && (base === 'mxs' || base === 'rmms')) {
    const rho = c.rho ?? Rational.ONE;
    const check = base === 'mxs' ? checkMXS : checkRMMS;
    const r = tightestOver(
      outcome,
      true,
      (a) => shareRelations(check(inst, a, rho).detail ?? {}, inst, true)[0] ?? null,
    );
    return r ? { compared: [r], used: [] } : null;
  }
  if (pass && exPost && base === 'eefx') {
    const r = tightestOver(outcome, true, (a) =>
      tightestRepartitionBundle(inst, a, (checkEEFX(inst, a).witness as Detail)?.repartitions),
    );
    return r ? { compared: [r], used: [] } : null;
  }
  if (pass && base === 'role-triple') {
    const params = outcome?.claims.find((x) => x.id === c.id)?.params;
    // the support allocation whose least role margin is least
    let best: { rs: ComparedRelation[]; k?: number; slack: Rational } | null = null;
    for (const { a, k } of allocationsOf(outcome, exPost)) {
      const rs = roleRelations(inst, a, params);
      if (!rs?.length) continue;
      const slack = rs.map(slackOf).reduce((x, y) => (y.lt(x) ? y : x));
      if (!best || slack.lt(best.slack)) best = { rs, k, slack };
    }
    if (!best) return null;
    const k = best.k;
    return {
      compared:
        k === undefined
          ? best.rs
          : best.rs.map((r) => ({ ...r, note: `${r.note}, ${supportEntry(outcome!, k)}`.replace(/^, /, '') })),
      used: ['eps'],
    };
  }
  if (pass && (base === 'efm' || base === 'efxm')) {
    const r = tightestOverMixed(inst, outcome, exPost, (a) => [
      tightestMixedPair(inst, a, base === 'efm' ? 'some' : 'every'),
    ]);
    return r ? { compared: [r], used: [] } : null;
  }
  if (pass && exPost && base === 'fpo-prices') {
    const params = outcome?.claims.find((x) => x.id === c.id)?.params;
    const r = tightestOverMixed(inst, outcome, true, (_a, raw) => boughtRelations(inst, raw, params));
    return r ? { compared: [r], used: [] } : null;
  }
  if (base === 'quota-serial-dictatorship' && !pass && isR(d.keptValue) && isR(d.skippedValue)) {
    const agent = agentName(d.agent, inst) ?? '?';
    const [k, l] = [goodName(d.kept, inst) ?? '?', goodName(d.skipped, inst) ?? '?'];
    const r = rel([`v_${agent}(${k})`, d.keptValue], '<', [`v_${agent}(${l})`, d.skippedValue], {
      agent,
      note: supportNote(d, `violation: ${agent} kept ${k} while the better ${l} was left`),
    });
    return { compared: r ? [r] : [], used: ['agent', 'kept', 'keptValue', 'skipped', 'skippedValue'] };
  }
  if (base === 'quota-serial-dictatorship' && !pass && typeof d.size === 'number' && typeof d.quota === 'number') {
    const agent = agentName(d.agent, inst) ?? '?';
    const r = rel([`|A_${agent}|`, d.size], '≠', [`quota of ${agent}'s turn`, d.quota], {
      agent,
      note: supportNote(d, 'violation'),
    });
    return { compared: r ? [r] : [], used: ['agent', 'size', 'quota'] };
  }
  if (pass && base === 'quota-serial-dictatorship') {
    const r = tightestOver(outcome, exPost, (a) => tightestQuotaPick(inst, a, d.agentOrder));
    if (r) return { compared: [r], used: [] };
    // no agent kept a good while another was left (e.g. one agent takes every good): the bundle sizes it checked
    const turns = d.agentOrder;
    const quotas = d.quotas;
    const a = allocationsOf(outcome, exPost)[0]?.a;
    if (!a || !Array.isArray(turns) || !Array.isArray(quotas)) return null;
    const compared = (turns as number[]).map((i, t) => {
      const name = inst.agents[i];
      return rel(
        [`|A_${name}|`, a.bundles[i].length],
        order(a.bundles[i].length, quotas[t]),
        [`quota_${t + 1}`, quotas[t]],
        {
          agent: name,
          note: `${name} picks at turn ${t + 1}`,
        },
      );
    });
    return { compared: compared.filter((x): x is ComparedRelation => x !== null), used: [] };
  }
  if (base === 'equal-treatment') {
    const E = d.expected;
    if (!pass && Array.isArray(d.agents) && Array.isArray(E) && E.length === 2) {
      const [a, b] = d.agents.map(String);
      const r = rel([`E[v_${a}(A_${a})]`, E[0]], '≠', [`E[v_${b}(A_${b})]`, E[1]], {
        agent: a,
        note: `violation: ${a} and ${b} value every good alike`,
      });
      return { compared: r ? [r] : [], used: ['expected'] };
    }
    if (pass && Array.isArray(d.identicalPairs) && Array.isArray(E) && E.length === inst.n) {
      const compared = (d.identicalPairs as string[][]).map(([a, b]) => {
        const [i, j] = [inst.agents.indexOf(a), inst.agents.indexOf(b)];
        return rel([`E[v_${a}(A_${a})]`, E[i]], order(E[i], E[j]), [`E[v_${b}(A_${b})]`, E[j]], {
          agent: a,
          note: `${a} and ${b} value every good alike`,
        });
      });
      if (compared.length)
        return { compared: compared.filter((x): x is ComparedRelation => x !== null), used: ['expected'] };
      return null;
    }
  }
  if (base === 'two-agent-cases' && d.case === 'hard' && isR(d.vOA1) && isR(d.To)) {
    const o = agentName(d.o, inst) ?? '?';
    const need = new Rational(2n, 3n).mul(d.To);
    const r = rel([`v_${o}(A1)`, d.vOA1], atLeast(d.vOA1, need), [`2/3·TPS_${o}`, need], {
      agent: o,
      note: 'hard case: the other agent values the bundle A1 (with the contested good) at least 2/3 of her TPS',
    });
    return r ? { compared: [r], used: ['vOA1', 'To'] } : null;
  }
  return null;
}

/** What a comparison extractor returns: the relations, and the detail keys they consumed. */
interface Extracted {
  compared: ComparedRelation[];
  used: readonly string[];
}

/** The comparisons of one checked claim (empty when the checker compared no numbers, e.g. an audit by enumeration). */
export function comparedRelations(c: ClaimResult, inst: Instance, outcome?: Outcome): Extracted {
  const d: Detail = c.detail ?? {};
  const w = (c.witness ?? {}) as Record<string, unknown>;
  const exPost = c.id.startsWith('ex-post-');
  const base = exPost ? c.id.slice(8) : c.id;
  const pass = c.status === 'pass';
  // an ex-post claim's support index and probability are in the comparison's note
  const where = typeof d.supportIndex === 'number' ? ['supportIndex', 'probability'] : [];
  const out = (compared: (ComparedRelation | null)[], used: string[]): Extracted => ({
    compared: compared.filter((x): x is ComparedRelation => x !== null),
    used: [...used, ...where],
  });

  // a violating pair (EF, EF1, EFX, EFX0 and ex-ante EF fail with envious, envied, own, other)
  if (typeof d.envious === 'string' && isR(d.own) && isR(d.other)) {
    const i = inst.agents.indexOf(d.envious);
    const j = inst.agents.indexOf(String(d.envied));
    if (i >= 0 && j >= 0) {
      const after = isR(d.afterRemoval) ? d.afterRemoval : undefined;
      const removed = typeof w.removed === 'number' ? w.removed : undefined;
      const pair = { i, j, own: d.own, other: d.other, after, removed };
      return out(
        [envyRelation(pair, inst, supportNote(d, 'violation'), base === 'ex-ante-ef')],
        ['envious', 'envied', 'own', 'other', 'afterRemoval'],
      );
    }
  }
  // ex-ante EF passes with its closest pair
  if (base === 'ex-ante-ef' && typeof d.agent === 'string' && isR(d.own) && isR(d.otherValue)) {
    const i = inst.agents.indexOf(d.agent);
    const j = inst.agents.indexOf(String(d.other));
    if (i >= 0 && j >= 0)
      return out(
        [envyRelation({ i, j, own: d.own, other: d.otherValue }, inst, 'tightest pair', true)],
        ['agent', 'other', 'own', 'otherValue'],
      );
  }
  // the envy family on a passing allocation (or every allocation of a support): the checker's tightest pair, or
  // (a report from before the checkers kept it) the tightest pair computed from the outcome
  if (pass && Object.hasOwn(ENVY_REMOVAL, base)) {
    const fromDetail = detailPair(d.tightest, inst);
    if (fromDetail) return out([envyRelation(fromDetail, inst, supportNote(d, 'tightest pair'))], ['tightest']);
    let best: { p: EnvyPair; k?: number; slack: Rational } | null = null;
    for (const { a, k } of allocationsOf(outcome, exPost)) {
      const t = tightestEnvyPair(inst, a, ENVY_REMOVAL[base]);
      if (!t) continue;
      const p = { i: t.envious, j: t.envied, own: t.own, other: t.other, removed: t.removed, after: t.afterRemoval };
      const slack = p.own.sub(p.after ?? p.other);
      if (!best || slack.lt(best.slack)) best = { p, k, slack };
    }
    if (best) {
      const where = best.k !== undefined ? `tightest pair, ${supportEntry(outcome!, best.k)}` : 'tightest pair';
      return out([envyRelation(best.p, inst, where)], []);
    }
    return out([], []);
  }
  // PROP1
  if (base === 'prop1') {
    const agent = agentName(d.agent, inst);
    if (agent !== undefined && isR(d.value) && isR(d.bestOutside) && isR(d.share)) {
      const lhs = d.value.add(d.bestOutside);
      return out(
        [
          rel(
            [`v_${agent}(A_${agent}) + max_{g ∉ A_${agent}} v_${agent}(g)`, lhs],
            atLeast(lhs, d.share),
            [`PROP_${agent}`, d.share],
            {
              agent,
              note: supportNote(d, 'violation'),
            },
          ),
        ],
        ['agent', 'value', 'bestOutside', 'share'],
      );
    }
    if (pass) {
      let best: { r: ComparedRelation; k?: number; slack: Rational } | null = null;
      for (const { a, k } of allocationsOf(outcome, exPost)) {
        const t = tightestProp1(inst, a);
        if (!t) continue;
        const slack = Rational.from(t.r.left.value).sub(Rational.from(t.r.right.value));
        if (!best || slack.lt(best.slack)) best = { r: t.r, k, slack };
      }
      if (best) {
        const note = best.k !== undefined ? `tightest agent, ${supportEntry(outcome!, best.k)}` : 'tightest agent';
        return out([{ ...best.r, note }], []);
      }
    }
  }
  // the claims of the three-agent BoBW lotteries and of quota pickers, equal treatment and the two-agent cases
  const extra = recomputedRelations(c, base, exPost, inst, outcome);
  if (extra) return out(extra.compared, [...extra.used]);
  // EEFX passes with each agent's re-partition of the other goods: the bundle closest to not being EFX0-dominated
  if (base === 'eefx' && pass && !exPost && outcome?.allocation) {
    const r = tightestRepartitionBundle(inst, outcome.allocation, w.repartitions);
    if (r) return out([r], []);
  }
  // IMMX holds: each agent EFX0-satisfied or MMS-satisfied (over a support: each agent's least margin)
  if (base === 'immx' && pass) {
    const alpha = isR(d.alpha) ? d.alpha : (c.rho ?? Rational.ONE);
    const best = new Map<number, { r: ComparedRelation | null; margin: Rational; k?: number }>();
    for (const { a, k } of allocationsOf(outcome, exPost))
      for (const x of immxRelations(inst, a, alpha)) {
        const b = best.get(x.i);
        if (!b || x.margin.lt(b.margin)) best.set(x.i, { ...x, k });
      }
    if (best.size)
      return out(
        [...best.values()].map((b) =>
          b.r && b.k !== undefined ? { ...b.r, note: `${b.r.note}, ${supportEntry(outcome!, b.k)}` } : b.r,
        ),
        ['alpha'],
      );
  }
  // IMMX fails with an agent below her MMS who envies another
  if (base === 'immx' && isR(d.value) && isR(d.mms)) {
    const agent = agentName(d.agent, inst) ?? '?';
    return out(
      [
        rel([`v_${agent}(A_${agent})`, d.value], atLeast(d.value, d.mms), [scaled('MMS', agent, d.alpha), d.mms], {
          agent,
          note: supportNote(d, `violation: below MMS and envies ${String(d.envied ?? '')}`.trim()),
        }),
      ],
      ['agent', 'value', 'mms', 'envied'],
    );
  }
  // shares: PROP, (rho-)MMS, rho-TPS, MXS, RMMS, ex-ante rho-PROP (and their ex-post forms)
  if (d.property !== undefined && Object.hasOwn(SHARE_NAMES, String(d.property))) {
    const r = shareRelations(d, inst, pass);
    if (r.length) return out(r, ['agent', 'value', 'needed', 'share']);
  }
  if (exPost && isR(d.value) && isR(d.needed)) {
    const r = shareRelations(
      { ...d, property: base === 'rho-tps' ? 'rho-TPS' : base === 'prop' ? 'PROP' : 'rho-MMS' },
      inst,
      pass,
    );
    if (r.length) return out(r, ['agent', 'value', 'needed', 'share']);
  }
  // ex-ante PROP
  if (base === 'ex-ante-prop' && isR(d.expected) && isR(d.prop)) {
    const agent = agentName(d.agent, inst) ?? '?';
    return out(
      [
        rel([`E[v_${agent}(A_${agent})]`, d.expected], atLeast(d.expected, d.prop), [`PROP_${agent}`, d.prop], {
          agent,
          note: pass ? 'tightest agent' : 'violation',
        }),
      ],
      ['agent', 'expected', 'prop'],
    );
  }
  // implements: the lottery's marginals against the fractional allocation, entry by entry
  if (base.startsWith('implements')) {
    if (isR(d.marginal) && isR(d.target)) {
      const agent = agentName(d.agent, inst) ?? '?';
      const good = goodName(d.good, inst) ?? '?';
      return out(
        [
          rel([`P(${good} ∈ A_${agent})`, d.marginal], '≠', [`f_${agent}(${good})`, d.target], {
            agent,
            note: 'first differing entry',
          }),
        ],
        ['agent', 'good', 'marginal', 'target'],
      );
    }
    if (pass) {
      const entries = inst.n * inst.m;
      return out(
        [
          rel(['marginals equal to the target', entries], '=', ['agents × goods', entries], {
            note:
              typeof d.supportSize === 'number'
                ? `every P(g ∈ A_i) over the ${d.supportSize} support allocations`
                : 'every P(g ∈ A_i)',
          }),
        ],
        ['supportSize'],
      );
    }
  }
  if (base === 'support-size' && typeof d.size === 'number' && typeof d.bound === 'number')
    return out([rel(['support size', d.size], d.size <= d.bound ? '≤' : '>', ['bound', d.bound])], ['size', 'bound']);
  // fPO / PO: the certificate's weights (shown as numbers), the tightest good, or the cycle or dominating allocation
  if (base === 'fpo' || base === 'po') {
    if (isR(d.product))
      return out(
        [
          rel(['product of value ratios around the exchange cycle', d.product], order(d.product, 1), ['1', 1], {
            note: 'violation',
          }),
        ],
        ['product'],
      );
    const current = d.current;
    const dominating = d.dominating;
    if (Array.isArray(current) && Array.isArray(dominating) && current.length === inst.n) {
      return out(
        inst.agents.map((name, i) =>
          rel(
            [`v_${name}(B_${name})`, dominating[i]],
            order(dominating[i], current[i], false) === '>' ? '>' : '≥',
            [`v_${name}(A_${name})`, current[i]],
            {
              agent: name,
              note: supportNote(d, 'a dominating allocation B'),
            },
          ),
        ),
        ['current', 'dominating'],
      );
    }
    const weights = (Array.isArray(d.weights) ? d.weights : w.weights) as unknown;
    if (
      pass &&
      !exPost &&
      outcome?.allocation &&
      Array.isArray(weights) &&
      weights.length === inst.n &&
      weights.every(isR)
    )
      return out([tightestWeightedGood(inst, outcome.allocation, weights)], []);
  }
  // alpha-PO: weighted welfare against alpha times the weighted optimum
  if (base === 'alpha-po' && isR(d.weightedWelfare) && isR(d.weightedOptimum) && isR(d.alpha)) {
    const needed = d.alpha.mul(d.weightedOptimum);
    return out(
      [
        rel(['Σ_i w_i·v_i(A_i)', d.weightedWelfare], atLeast(d.weightedWelfare, needed), [
          `${d.alpha}·Σ_g max_i w_i·v_i(g)`,
          needed,
        ]),
      ],
      ['weightedWelfare', 'weightedOptimum'],
    );
  }
  if (base === 'ef-implies-half-welfare' && isR(d.sw) && isR(d.opt)) {
    const half = d.opt.div(2);
    return out(
      [
        rel(['SW(A)', d.sw], atLeast(d.sw, half), ['OPT/2', half], {
          note: d.ef === false ? 'A is not EF: nothing required' : undefined,
        }),
      ],
      ['sw', 'opt'],
    );
  }
  if (base === 'asymptotic-welfare-ratio' && typeof d.g === 'number' && typeof d.bound === 'number')
    return out([floatBound('min g(r)', d.g, d.bound, pass, 'worst case over D')], ['g', 'bound']);
  // PO decided by exhaustive search: no allocation Pareto-dominates A among all it enumerated
  if (base === 'po' && pass && d.via === 'exhaustive search' && typeof d.nodes === 'number')
    return out(
      [
        rel(['allocations Pareto-dominating A', 0], '=', ['0', 0], {
          note: `exhaustive search over ${d.nodes} nodes (A is PO but not fPO)`,
        }),
      ],
      ['nodes'],
    );
  // PO by prices (src/checks/po-prices.ts): the prices plus each agent's best surplus stay below B + 1
  if (base === 'po' && pass && isR(d.total) && isR(d.needed))
    return out(
      [
        rel(['Σ_g p_g + Σ_i π_i', d.total], order(d.total, d.needed), ['B + 1', d.needed], {
          note:
            'price certificate: a Pareto improvement would raise the total integer value B to B + 1' +
            (typeof d.rounds === 'number' ? ` (configuration LP dual, ${d.rounds} rounds)` : ''),
        }),
      ],
      ['total', 'needed', 'rounds'],
    );
  // fPO by stated prices: each agent's bought goods at her maximum bang per buck
  if (base === 'fpo-prices' && pass && !exPost && outcome?.allocation) {
    const prices = (w.prices ?? []) as unknown[];
    const alpha = d.alpha as unknown[];
    if (
      Array.isArray(alpha) &&
      alpha.length === inst.n &&
      alpha.every(isR) &&
      prices.length === inst.m &&
      prices.every(isR)
    )
      return out(pricesRelations(inst, outcome.allocation, alpha as Rational[], prices as Rational[]), ['alpha']);
  }
  if (base === 'bic-ranking' && pass) {
    const r = tightestRankingStep(inst);
    if (r) return out([r], []);
  }
  if (base === 'bic-weighted-ranking' && pass) {
    const r = tightestWeightedRankingStep(inst, outcome?.claims.find((x) => x.id === c.id)?.params);
    if (r) return out([r], []);
  }
  // a probability bound over the lottery's support, per agent: the violation, or the tightest agent
  if ((base === 'probability-below-mms' || base === 'probability-prop') && isR(d.bound)) {
    const below = base === 'probability-below-mms';
    const event = (a: string) => (below ? `Pr[v_${a}(A_${a}) < MMS_${a}]` : `Pr[v_${a}(A_${a}) ≥ PROP_${a}]`);
    let worst: { name: string; p: Rational } | null = null;
    if (typeof d.agent === 'string' && isR(d.probability)) worst = { name: d.agent, p: d.probability };
    else if (d.perAgent !== null && typeof d.perAgent === 'object')
      for (const [name, row] of Object.entries(d.perAgent as Record<string, Record<string, unknown>>)) {
        const p = row?.[below ? 'probabilityBelow' : 'probabilityProp'];
        if (isR(p) && (!worst || (below ? p.gt(worst.p) : p.lt(worst.p)))) worst = { name, p };
      }
    if (worst) {
      const ok = below ? worst.p.le(d.bound) : worst.p.ge(d.bound);
      const relation: Relation = below ? (ok ? '≤' : '>') : ok ? '≥' : '<';
      return out(
        [
          rel([event(worst.name), worst.p], relation, ['bound', d.bound], {
            agent: worst.name,
            note: pass ? 'tightest agent' : 'violation',
          }),
        ],
        ['agent', 'probability', 'bound'],
      );
    }
  }
  // an incentive audit: every misreport it enumerated, none gains
  if (base === 'truthful' && pass && typeof d.reports === 'number') {
    const eps = exactOf(d.eps);
    return out(
      [
        rel([eps ? `misreports gaining more than ${eps}` : 'misreports that gain', 0], '=', ['0', 0], {
          note: `${d.reports} reports audited${typeof d.space === 'string' ? ` (${d.space} space)` : ''}`,
        }),
      ],
      ['reports', 'eps'],
    );
  }
  if (base === 'asymptotic-welfare-ratio' && typeof d.alpha === 'number' && typeof d.bound === 'number')
    return out(
      [floatBound('α(r; D)', d.alpha, d.bound, pass, `distribution ${String(d.dist ?? 'D')}`)],
      ['alpha', 'bound'],
    );
  if (base === 'ef-whp' && typeof d.minNormalizedMargin === 'number')
    return out(
      [rel(['least normalized EF margin', d.minNormalizedMargin], d.minNormalizedMargin > 0 ? '>' : '≤', ['0', 0])],
      ['minNormalizedMargin'],
    );
  return out([], []);
}

/** A detail entry shown as numbers: an exact scalar (not a boolean), or a list of one per agent. */
export function isNumberEntry(v: unknown, n: number): boolean {
  if (typeof v !== 'boolean' && exactOf(v) !== null) return true;
  return Array.isArray(v) && v.length === n && n > 0 && v.every((e) => typeof e !== 'boolean' && exactOf(e) !== null);
}

/** The numbers of a detail no comparison consumed: its Rationals and finite numbers, and per-agent lists by agent. */
export function leftoverNumbers(d: Detail, used: readonly string[], inst: Instance): ComparedNumber[] {
  const skip = new Set([...used, 'rho', 'property', 'supportIndex']);
  const nums: ComparedNumber[] = [];
  const agent = agentName(d.agent, inst);
  for (const [k, v] of Object.entries(d)) {
    if (skip.has(k)) continue;
    if (!isNumberEntry(v, inst.n)) continue;
    if (!Array.isArray(v))
      nums.push({ label: k, value: exactOf(v)!, ...(agent !== undefined && k !== 'probability' ? { agent } : {}) });
    else v.forEach((e, i) => nums.push({ label: `${k}_${inst.agents[i]}`, value: exactOf(e)!, agent: inst.agents[i] }));
  }
  return nums;
}
