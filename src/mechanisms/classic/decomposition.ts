/**
 * Exact Birkhoff–von Neumann style decomposition of an n x m fractional allocation into a lottery over
 * integral allocations (the bihierarchy construction of Budish, Che, Kojima & Milgrom 2013 for one
 * agent-side level):
 *
 * 1. each agent's row is cut into unit "slots" following a good order (the agent's strict order by
 *    default): slot 1 takes the first unit of her shares, slot 2 the next, ... (a good may be split
 *    across two consecutive slots); agent i has ceil(sum_g f[i][g]) slots;
 * 2. dummy goods absorb the slots' missing mass, giving a square doubly stochastic matrix;
 * 3. classic Birkhoff–von Neumann: repeatedly find a perfect matching on the positive entries
 *    (augmenting paths), take p = its smallest entry, subtract; each round zeroes an entry.
 *
 * Guarantees: the marginals equal f exactly; every agent receives between floor and ceil of her expected
 * number of goods in every allocation; with the agents' eating order of probabilistic serial this is the
 * PS-lottery of Aziz, Freeman, Shah & Vaish (2023), ex-post EF1. Support at most S^2 - 2S + 2 for S slots.
 */
import { Allocation, FractionalAllocation, Lottery } from '../../core/allocation';
import type { GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';

function perfectMatching(pos: boolean[][]): number[] {
  const S = pos.length;
  const matchCol = new Array<number>(S).fill(-1);
  const matchRow = new Array<number>(S).fill(-1);
  for (let r = 0; r < S; r++) {
    const seen = new Array<boolean>(S).fill(false);
    const augment = (u: number): boolean => {
      for (let c = 0; c < S; c++) {
        if (!pos[u][c] || seen[c]) continue;
        seen[c] = true;
        if (matchCol[c] < 0 || augment(matchCol[c])) {
          matchCol[c] = u;
          matchRow[u] = c;
          return true;
        }
      }
      return false;
    };
    if (!augment(r)) throw new Error('decomposition: no perfect matching on a doubly stochastic support (internal error)');
  }
  return matchRow;
}

/** Decomposes f into a lottery whose marginals equal f exactly. `goodOrder[i]` orders agent i's slots. */
export function decompose(f: FractionalAllocation, goodOrder?: readonly (readonly GoodId[])[]): Lottery {
  const { n, m } = f;
  if (m === 0) return Lottery.point(new Allocation(Array.from({ length: n }, () => []), 0));
  const slotAgent: number[] = [];
  const rows: Rational[][] = [];
  for (let i = 0; i < n; i++) {
    const order = goodOrder?.[i] ?? f.shares[i].map((_, g) => g);
    let cur = new Array<Rational>(m).fill(Rational.ZERO);
    let fill = Rational.ZERO;
    let opened = false;
    for (const g of order) {
      let x = f.shares[i][g];
      while (x.sign() > 0) {
        opened = true;
        const room = Rational.ONE.sub(fill);
        const take = Rational.min(room, x);
        cur[g] = cur[g].add(take);
        fill = fill.add(take);
        x = x.sub(take);
        if (fill.eq(1)) {
          rows.push(cur);
          slotAgent.push(i);
          cur = new Array<Rational>(m).fill(Rational.ZERO);
          fill = Rational.ZERO;
          opened = false;
        }
      }
    }
    if (opened && fill.sign() > 0) {
      rows.push(cur);
      slotAgent.push(i);
    }
  }
  const S = rows.length;
  const dummies = S - m;
  // dummy columns absorb each slot's deficit, filled greedily so each dummy column sums to 1
  let d = 0;
  let dFill = Rational.ZERO;
  const M = rows.map((r) => [...r, ...new Array<Rational>(dummies).fill(Rational.ZERO)]);
  for (let s = 0; s < S; s++) {
    let deficit = Rational.ONE.sub(Rational.sum(rows[s]));
    while (deficit.sign() > 0) {
      const take = Rational.min(deficit, Rational.ONE.sub(dFill));
      M[s][m + d] = M[s][m + d].add(take);
      deficit = deficit.sub(take);
      dFill = dFill.add(take);
      if (dFill.eq(1)) {
        d++;
        dFill = Rational.ZERO;
      }
    }
  }
  const entries: { p: Rational; allocation: Allocation }[] = [];
  let mass = Rational.ONE;
  while (mass.sign() > 0) {
    const match = perfectMatching(M.map((r) => r.map((x) => x.sign() > 0)));
    let p = M[0][match[0]];
    for (let s = 1; s < S; s++) if (M[s][match[s]].lt(p)) p = M[s][match[s]];
    const bundles: GoodId[][] = Array.from({ length: n }, () => []);
    for (let s = 0; s < S; s++) {
      M[s][match[s]] = M[s][match[s]].sub(p);
      if (match[s] < m) bundles[slotAgent[s]].push(match[s]);
    }
    entries.push({ p, allocation: new Allocation(bundles, m) });
    mass = mass.sub(p);
  }
  return new Lottery(entries);
}
