/**
 * Theorem 3 of Babaioff, Feige & Manaker Morag (mechanism M5, `tie-mms-two-agents`): for n = 2, CUQ (Observation 7.2) implemented on at
 * most two allocations that are 2/3-TPS (hence 2/3-MMS), using one bit per agent and, in the hard case, agent o's
 * halting point (Definition 7.3, Lemma 7.5; spec M5, P7-P9).
 */
import { Allocation, Lottery } from '../../core/allocation';
import type { AgentId, GoodId, Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { tps } from '../../shares/tps';
import { faithfulLottery } from './faithful';

export type TwoAgentCase = 'case-1' | 'case-2' | 'case-3' | 'hard';

/** Definition 7.3's classification: both agents' tops and T_i = TPS_2(v_i); in the hard case also h and o. */
export type TwoAgentClass =
  | {
      readonly kase: Exclude<TwoAgentCase, 'hard'>;
      readonly tops: GoodId[];
      readonly T: Rational[];
      readonly h?: undefined;
      readonly o?: undefined;
    }
  | {
      readonly kase: 'hard';
      readonly tops: GoodId[];
      readonly T: Rational[];
      /** The agent with v_h(y) > (2/3) T_h: her order supplies the triples. */
      readonly h: AgentId;
      /** The other agent (v_o(y) < (2/3) T_o): she picks within each triple and decides when to halt. */
      readonly o: AgentId;
    };

const TWO_THIRDS = new Rational(2n, 3n);

/**
 * Two-agent CUQ (Observation 7.2): with tops y_1 != y_2 agent i gets y_i and half of every other good; with a common
 * top every good is split 1/2, 1/2. Independent of pi.
 */
export function twoAgentCuq(inst: Instance): Rational[][] {
  const y = [inst.order(0)[0], inst.order(1)[0]];
  const half = new Rational(1n, 2n);
  return [0, 1].map((i) =>
    Array.from({ length: inst.m }, (_, x) =>
      y[0] !== y[1] && x === y[i] ? Rational.ONE : y[0] !== y[1] && x === y[1 - i] ? Rational.ZERO : half,
    ),
  );
}

/**
 * Definition 7.3, evaluated as case 1, case 2, case 3, else hard: cases 2 and 3 overlap when v_i(y) = (2/3) T_i, both
 * are valid there, and a fixed order makes the classification deterministic (spec P7).
 */
export function classifyTwoAgents(inst: Instance): TwoAgentClass {
  const tops = [inst.order(0)[0], inst.order(1)[0]];
  const T = [0, 1].map((i) => tps(inst.values[i], 2));
  if (tops[0] !== tops[1]) return { kase: 'case-1', tops, T };
  const y = tops[0];
  const v = [0, 1].map((i) => inst.values[i][y]);
  const lim = T.map((t) => TWO_THIRDS.mul(t));
  if (v[0].le(lim[0]) && v[1].le(lim[1])) return { kase: 'case-2', tops, T };
  if (v[0].ge(lim[0]) && v[1].ge(lim[1])) return { kase: 'case-3', tops, T };
  const h = v[0].gt(lim[0]) ? 0 : 1;
  return { kase: 'hard', tops, T, h, o: 1 - h };
}

/**
 * HARD(h, o) (Lemma 7.5; spec M5): triples of agent h's order (padded with zero dummies to a multiple of 3); A1 starts
 * as {x_1}, A2 as {x_2, x_3}; each later triple gives o's favourite to A1 and the rest to A2 until v_o(A1) >= 2/3 T_o;
 * the remaining goods go to A2 (`To` = TPS_2(v_o), passed in when the caller has it). Returns the bundles and the triple
 * index where it halted.
 */
export function hardCase(
  inst: Instance,
  h: AgentId,
  o: AgentId,
  To: Rational = tps(inst.values[o], 2),
): { A1: GoodId[]; A2: GoodId[]; haltedAt: number; triples: GoodId[][] } {
  const m = inst.m;
  const xs: number[] = inst.order(h);
  while (xs.length % 3 !== 0) xs.push(-1 - (xs.length - m)); // dummies: -1, -2 (value 0, ranked last by both)
  const oRank = new Map<number, number>();
  inst.order(o).forEach((x, k) => oRank.set(x, k));
  const rankO = (x: number) => (x >= 0 ? oRank.get(x)! : m - 1 - x);
  const val = (x: number) => (x >= 0 ? inst.values[o][x] : Rational.ZERO);
  const limit = TWO_THIRDS.mul(To);
  const A1 = [xs[0]];
  const A2 = [xs[1], xs[2]];
  let vA1 = val(xs[0]);
  const triples: GoodId[][] = [[xs[0], xs[1], xs[2]]];
  let haltedAt = -1;
  let s = 1;
  for (; s < xs.length / 3; s++) {
    const tr = [xs[3 * s], xs[3 * s + 1], xs[3 * s + 2]];
    triples.push(tr);
    const b = tr.reduce((best, x) => (rankO(x) < rankO(best) ? x : best));
    A1.push(b);
    for (const x of tr) if (x !== b) A2.push(x);
    vA1 = vA1.add(val(b));
    if (vA1.ge(limit)) {
      haltedAt = s;
      s++;
      break;
    }
  }
  for (let k = 3 * s; k < xs.length; k++) A2.push(xs[k]);
  const real = (b: number[]) => b.filter((x) => x >= 0).sort((a, c) => a - c);
  return { A1: real(A1), A2: real(A2), haltedAt, triples: triples.map((t) => t.map((x) => (x >= 0 ? x : -1))) };
}

/** Agent o's favourite good of each consecutive triple of agent h's order (padded with dummies), sigma_1 = y. */
function triplesFavourites(inst: Instance, h: AgentId, o: AgentId): GoodId[] {
  const xs = inst.order(h);
  const oRank = new Map<number, number>();
  inst.order(o).forEach((x, k) => oRank.set(x, k));
  const sigma: GoodId[] = [];
  for (let s = 0; s < xs.length; s += 3) {
    const tr = xs.slice(s, s + 3); // a short last triple is padded with dummies, ranked last by o
    sigma.push(tr.reduce((best, x) => (oRank.get(x)! < oRank.get(best)! ? x : best)));
  }
  return sigma;
}

/**
 * Appendix C.1 of Babaioff, Feige & Manaker Morag (spec M5b, P28): the public auxiliary valuation v' of agent o, scaled so v_o(M) = 2:
 * v'(e^(o)_1) = v'(e^(o)_2) = 2/3 and v'(e^(o)_k) = 2/k for k >= 3. In the hard case it dominates v_o pointwise (the
 * k-th best good is worth at most 2/k, and every good less than 2/3). It depends only on o's reported order.
 */
export function auxiliaryValuation(order: readonly GoodId[], m: number): Rational[] {
  const v = Array.from({ length: m }, () => Rational.ZERO);
  order.forEach((x, k) => (v[x] = k < 2 ? TWO_THIRDS : new Rational(2n, BigInt(k + 1))));
  return v;
}

/** The two-round protocol's record: what is public after round 1 and what agent o says in round 2. */
export interface TwoRoundHardCase {
  A1: GoodId[];
  A2: GoodId[];
  /** o's favourite of each consecutive triple of h's order (sigma_1 = y). */
  sigma: GoodId[];
  /** Greedy blocks of sigma with v'-value <= 2/3, as 1-based [first, last] indices into sigma. */
  blocks: [number, number][];
  /** The hitting set: the 1-based indices of sigma where a block ends. */
  hittingSet: number[];
  /** o's round-2 report: the first hitting-set index s with v_o(sigma_1..sigma_s) >= v_o(M)/3, and its position in the hitting set. */
  s: number;
  position: number;
  /** Round-2 message length: ceil(log2 |hitting set|) bits. */
  bits: number;
}

/**
 * Communication-efficient two-round hard case (Babaioff, Feige & Manaker Morag, Appendix C.1; spec M5b). Round 1: both orders are public;
 * the blocks of sigma under the public v' and their ends (the hitting set, O(log m) indices) follow from them. Round
 * 2: agent o names the first block end s with v_o(sigma_1..sigma_s) >= v_o(M)/3 (= 2/3 T_o, as T_o = v_o(M)/2 in the
 * hard case); then v_o(sigma_1..sigma_s) < 2 v_o(M)/3, because the last block adds at most 2/3 in v' >= v_o (scaled).
 * A1 = {sigma_1..sigma_s}, A2 = the rest; Lemma 7.5's guarantees hold as for HARD, with log log m + O(1) bits.
 */
export function twoRoundHardCase(inst: Instance, h: AgentId, o: AgentId): TwoRoundHardCase {
  const sigma = triplesFavourites(inst, h, o);
  const vAux = auxiliaryValuation(inst.order(o), inst.m);
  const blocks: [number, number][] = [];
  let start = 1;
  let acc = Rational.ZERO;
  sigma.forEach((x, k) => {
    const next = acc.add(vAux[x]);
    if (k + 1 > start && next.gt(TWO_THIRDS)) {
      blocks.push([start, k]);
      start = k + 1;
      acc = vAux[x];
    } else acc = next;
  });
  blocks.push([start, sigma.length]);
  const hittingSet = blocks.map((b) => b[1]);
  const third = inst.total(o).div(3);
  let prefix = Rational.ZERO;
  let done = 0;
  let position = -1;
  for (let j = 0; j < hittingSet.length && position < 0; j++) {
    for (; done < hittingSet[j]; done++) prefix = prefix.add(inst.values[o][sigma[done]]);
    if (prefix.ge(third)) position = j;
  }
  const s = hittingSet[position];
  const inA1 = new Set(sigma.slice(0, s));
  const A1 = [...inA1].sort((a, b) => a - b);
  const A2 = Array.from({ length: inst.m }, (_, x) => x).filter((x) => !inA1.has(x));
  return { A1, A2, sigma, blocks, hittingSet, s, position, bits: Math.ceil(Math.log2(hittingSet.length)) };
}

/** The lottery {(1/2, (S, T)), (1/2, (T, S))} (merged to one allocation if S = T is impossible; kept general). */
function swapPair(S: GoodId[], T: GoodId[], m: number): Lottery {
  const half = new Rational(1n, 2n);
  return new Lottery([
    { p: half, allocation: new Allocation([S, T], m) },
    { p: half, allocation: new Allocation([T, S], m) },
  ]);
}

/** How the hard case is run: the paper's one-round HARD (Lemma 7.5) or the two-round protocol of Appendix C.1. */
export type TwoAgentProtocol = 'one-round' | 'two-round';

/**
 * The two-agent lottery of Theorem 3 (M5): TIE, ex-ante PROP (hence ex-ante EF), 2/3-TPS ex-post, support <= 2. Cases 1 and 2 use the faithful
 * implementation of CUQ, case 3 the cyclic-unit-quota lottery, the hard case Lemma 7.5 (or, with protocol
 * 'two-round', its communication-efficient variant of Appendix C.1).
 */
export function twoAgentLottery(
  inst: Instance,
  protocol: TwoAgentProtocol = 'one-round',
): { lottery: Lottery; kase: TwoAgentCase; cuq: Rational[][]; details: Record<string, unknown> } {
  const c = classifyTwoAgents(inst);
  const cuq = twoAgentCuq(inst);
  const orders = [inst.order(0), inst.order(1)];
  const m = inst.m;
  const details: Record<string, unknown> = { case: c.kase, tops: c.tops, tps: c.T };
  if (c.kase !== 'hard') {
    if (c.kase === 'case-3') {
      const y = c.tops[0];
      const rest = Array.from({ length: m }, (_, x) => x).filter((x) => x !== y);
      return { lottery: swapPair([y], rest, m), kase: c.kase, cuq, details };
    }
    const { lottery, slots } = faithfulLottery(cuq, orders);
    return { lottery, kase: c.kase, cuq, details: { ...details, slots } };
  }
  if (protocol === 'two-round') {
    const tr = twoRoundHardCase(inst, c.h, c.o);
    return {
      lottery: swapPair(tr.A1, tr.A2, m),
      kase: 'hard',
      cuq,
      details: { ...details, h: c.h, o: c.o, protocol, ...tr },
    };
  }
  const hc = hardCase(inst, c.h, c.o, c.T[c.o]);
  return { lottery: swapPair(hc.A1, hc.A2, m), kase: 'hard', cuq, details: { ...details, h: c.h, o: c.o, ...hc } };
}
