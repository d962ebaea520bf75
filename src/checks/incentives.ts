/**
 * Incentive audits: run a mechanism on every misreport of every agent on a small instance and report the
 * most profitable one. Deterministic outcomes are compared on value (DSIC); lotteries and fractional
 * outcomes on expected value (TIE, paper 000 Def 2.7; (1 - eps)-TIE with `eps`, Def 2.8).
 *
 * Misreport spaces:
 * * `ordinal`: every strict order of the goods (m! orders). The misreported valuation row is the Borda
 *   row consistent with the order (m - position), and the order is passed as the agent's reported order.
 * * `cardinal`: the documented grid `cardinalGrid(v_i)`: every vector in {0, 1, ..., K}^m with K = m
 *   (normalised rows of small integers, which contains every strict and weak order), plus every
 *   permutation of the agent's true values. For m <= 4 this is at most 625 + 24 reports per agent.
 */
import type { GoodId, Instance } from '../core/instance';
import { Rational } from '../core/rational';
import type { Outcome } from '../core/outcome';
import { permutations } from '../core/permutations';
import { lotteryExpectedValue } from './ex-ante';
import type { CheckResult } from './result';
import { budgetExpired, remainingMs } from '../core/time-budget';

function factorial(k: number): number {
  let f = 1;
  for (let j = 2; j <= k; j++) f *= j;
  return f;
}

export type MisreportSpace = 'ordinal' | 'cardinal';

/** The documented cardinal misreport grid for a valuation row (see module header). */
export function cardinalGrid(values: readonly Rational[]): Rational[][] {
  const m = values.length;
  const K = Math.max(1, m);
  const out: Rational[][] = [];
  const seen = new Set<string>();
  const push = (row: Rational[]) => {
    const k = row.join(',');
    if (!seen.has(k)) {
      seen.add(k);
      out.push(row);
    }
  };
  const rec = (row: Rational[]) => {
    if (row.length === m) return push([...row]);
    for (let x = 0; x <= K; x++) rec([...row, new Rational(BigInt(x))]);
  };
  rec([]);
  for (const p of permutations(m)) push(p.map((g) => values[g]));
  return out;
}

/** Agent i's (expected) value of an outcome under her true valuation. */
export function valueOf(trueInst: Instance, i: number, o: Outcome): Rational {
  const row = trueInst.values[i];
  if (o.lottery) return lotteryExpectedValue(trueInst, i, o.lottery);
  if (o.allocation) return trueInst.value(i, o.allocation.bundles[i]);
  const f = o.fractional!;
  return Rational.sum(row.map((v, g) => v.mul(f.shares[i][g])));
}

export interface AuditOptions {
  space: MisreportSpace;
  /** (1 - eps)-TIE: a misreport is profitable only if truthful < (1 - eps) * misreport value. */
  eps?: Rational;
  /** Agents to audit (default all). */
  agents?: number[];
  /** Largest m for which an audit is attempted (default 5 ordinal, 4 cardinal). */
  maxGoods?: number;
}

/**
 * Audits truthfulness of `run` on `inst`. Holds when no misreport of any audited agent gives her strictly
 * more (expected) value than truth-telling (scaled by 1 - eps). Witness: the most profitable misreport,
 * with both values. `unchecked` when the instance is beyond the audit's size, or when the running time budget
 * (src/core/time-budget.ts) cannot fit the audit or runs out before a profitable misreport is found.
 */
export function auditTruthfulness(run: (inst: Instance) => Outcome, inst: Instance, opts: AuditOptions): CheckResult {
  const m = inst.m;
  const maxGoods = opts.maxGoods ?? (opts.space === 'ordinal' ? 5 : 4);
  if (m > maxGoods)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'truthfulness audit', reason: `m = ${m} > ${maxGoods}: exhaustive audit skipped` },
    };
  const factor = Rational.ONE.sub(opts.eps ?? Rational.ZERO);
  const agents = opts.agents ?? inst.agents.map((_, i) => i);
  const started = Date.now();
  const truthful = run(inst);
  const perRun = Date.now() - started;
  const planned = agents.length * (opts.space === 'ordinal' ? factorial(m) : cardinalGrid(inst.values[0] ?? []).length);
  // [DECISION] an audit that would outlast the call's time budget (planned reports x the truthful run's time) is
  // not started: `unchecked` at once rather than at the deadline, with the estimate (issue 16)
  if (perRun * planned > remainingMs())
    return {
      holds: false,
      unchecked: true,
      detail: {
        property: 'truthfulness audit',
        space: opts.space,
        planned,
        reason: `${planned} re-runs of about ${perRun} ms each exceed the time left (${Math.round(remainingMs())} ms)`,
      },
    };
  let best: { agent: number; report: string; truthful: Rational; misreport: Rational; gain: Rational } | null = null;
  let reports = 0;
  audit: for (const i of agents) {
    const truth = valueOf(inst, i, truthful);
    const candidates: Instance[] =
      opts.space === 'ordinal'
        ? permutations(m).map((p) => {
            const borda = new Array<Rational>(m);
            p.forEach((g, pos) => (borda[g] = new Rational(BigInt(m - pos))));
            return inst.withReport(i, borda, p);
          })
        : cardinalGrid(inst.values[i]).map((row) => inst.withReport(i, row));
    for (const lie of candidates) {
      if (budgetExpired()) {
        // a profitable misreport already found is reported below; without one the audit is undecided
        if (best) break audit;
        return {
          holds: false,
          unchecked: true,
          detail: {
            property: 'truthfulness audit',
            space: opts.space,
            reports,
            planned,
            reason: `time limit: no profitable misreport among the first ${reports} of ${planned} reports`,
          },
        };
      }
      reports++;
      const got = valueOf(inst, i, run(lie));
      const gain = got.mul(factor).sub(truth);
      if (gain.sign() > 0 && (!best || gain.gt(best.gain))) {
        const report =
          opts.space === 'ordinal' ? `order ${lie.order(i).join('>')}` : `values [${lie.values[i].join(', ')}]`;
        best = { agent: i, report, truthful: truth, misreport: got, gain };
      }
    }
  }
  const property = truthful.kind === 'allocation' ? 'DSIC audit' : 'TIE audit';
  // a profitable misreport found before the deadline is a witness whatever the rest of the audit would find
  if (best)
    return {
      holds: false,
      detail: {
        property,
        space: opts.space,
        reports,
        agent: inst.agents[best.agent],
        truthful: best.truthful,
        misreport: best.misreport,
        eps: opts.eps,
      },
      witness: { agent: best.agent, report: best.report },
    };
  return { holds: true, detail: { property, space: opts.space, reports, eps: opts.eps } };
}
