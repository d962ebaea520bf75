/**
 * `fairdiv certify <outcome.json> [instance.json] --as AGENT [--values v.json | --values v1,v2,...] [--json]`:
 * the agent-side verification of Babaioff & Frosh, Theorem 3.1 (`verifyAsAgent`). The agent checks a saved
 * three-agent outcome with nothing but its lottery, its `certificates` and her own values: the six recorded
 * allocations are the lottery, ex-ante PROP, EEFX through her certificates, and her value floor against her own
 * FPTAS estimate of her MMS. Exit 0 when every check passes, 1 when one fails, 2 on bad input (an unknown agent,
 * bad values, an outcome without certificates).
 */
import { verifyAsAgent, type AgentVerification } from '../checks/verify-as-agent';
import type { CheckResult } from '../checks/result';
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import { valuesRow } from '../core/json-boundary';
import type { Outcome } from '../core/outcome';
import type { Rational } from '../core/rational';
import { withTimeBudget } from '../core/time-budget';
import { readJson, toJson, UsageError, type Io } from './io';

/** The mechanisms whose outcomes carry the divider-pair certificates (`verifyAsAgent` says what each promises). */
const VERIFIABLE = ['bobw-three-agents', 'bobw-three-agents-fptas', 'bobw-three-agents-prop'];

/**
 * `--as AGENT`: an agent name, else a 0-based index. [DECISION] A name wins over an index, so that agents named
 * "1", "2", "3" are found by their names.
 */
export function agentArg(raw: string | true, inst: Instance): number {
  const s = raw === true ? '' : raw.trim();
  if (s === '') throw new UsageError('--as: expected an agent name or a 0-based agent index');
  const byName = inst.agents.indexOf(s);
  if (byName >= 0) return byName;
  if (/^\d{1,7}$/.test(s) && Number(s) < inst.n) return Number(s);
  throw new InvalidInputError(
    'unknown-agent',
    `--as: ${JSON.stringify(s)} is neither an agent name (${inst.agents.join(', ')}) nor an index in 0..${inst.n - 1}`,
  );
}

/**
 * `--values`: the agent's own values of the m goods. [DECISION] An argument ending in `.json` is a file holding a
 * JSON list of values; anything else is a comma-separated list (`1,2,5/2`), so a list is never mistaken for a path.
 */
export function agentValuesArg(raw: string | true, m: number, io: Io): Rational[] {
  const s = raw === true ? '' : raw.trim();
  if (s === '') throw new UsageError(`--values: expected ${m} values, e.g. --values 1,2,5/2 or --values v.json`);
  if (s.toLowerCase().endsWith('.json')) return valuesRow(readJson(s, io), m, `--values ${s}`);
  return valuesRow(
    s.split(',').map((x) => x.trim()),
    m,
    '--values',
  );
}

const CHECK_NAMES: Record<keyof AgentVerification['checks'], string> = {
  consistency: 'consistency',
  exAnteProp: 'ex-ante PROP',
  eefx: 'EEFX',
  valueFloor: 'value floor',
};

/** One line of numbers per check: what was compared, in exact rationals. */
function describeCheck(key: keyof AgentVerification['checks'], c: CheckResult): string {
  const d = c.detail as Record<string, unknown>;
  const s = (k: string) => String(d[k]);
  if (!c.holds && d.reason !== undefined) {
    const where = d.divider !== undefined ? ` (divider ${s('divider')}, allocation ${s('allocation')})` : '';
    return `${s('reason')}${where}`;
  }
  switch (key) {
    case 'consistency':
      return `the ${s('allocations')} recorded allocations, 1/6 each, are the lottery (${s('support')} distinct)`;
    case 'exAnteProp': {
      const factor = s('factor') === '1' ? '' : `(${s('factor')}) `;
      return `sum over the six allocations ${s('sumOverSix')} ${c.holds ? '>=' : '<'} 2 ${factor}v(M) = ${s('needed')}; expected value ${s('expected')}, PROP v(M)/3 = ${s('prop')}`;
    }
    case 'eefx':
      return d.note !== undefined
        ? String(d.note)
        : `EFX-satisfied in ${s('efxSatisfiedIn')} of 6 allocations; ${s('certificatesUsed')} certificate(s) checked`;
    case 'valueFloor':
      return c.holds
        ? `lowest value ${s('lowest')}; floor ${s('floor')} from her MMS estimate ${s('estimate')} (${s('estimateEps')}-FPTAS), or ${s('efxFloor')} where she is EFX-satisfied`
        : `allocation ${s('allocation')}: value ${s('value')} < floor ${s('floor')} (MMS estimate ${s('estimate')})${d.efxSatisfied ? '' : `, and not EFX-satisfied (${s('efxFloor')} would do then)`}`;
  }
}

/** The readable verdict: one line per check with its numbers, then the overall result. */
function report(o: Outcome, name: string, from: string, r: AgentVerification): string {
  const lines = [
    `agent ${name === String(r.agent) ? name : `${name} (${r.agent})`} verifies the ${o.mechanism} outcome (Babaioff & Frosh, Theorem 3.1) with ${from}`,
  ];
  for (const key of Object.keys(CHECK_NAMES) as (keyof AgentVerification['checks'])[]) {
    const c = r.checks[key];
    lines.push(`  ${c.holds ? 'pass' : 'FAIL'}  ${CHECK_NAMES[key].padEnd(13)} ${describeCheck(key, c)}`);
  }
  lines.push(r.ok ? 'verified: every check passes' : 'not verified: a check fails');
  return lines.join('\n');
}

/**
 * Runs the verification of `certify --as` on an outcome read from JSON; returns the exit code (0 verified,
 * 1 a check fails). `options` are certify's parsed flags.
 */
export function certifyAs(
  outcome: Outcome,
  options: Record<string, string | true>,
  io: Io,
  timeLimitMs: number,
  source: string,
): number {
  const inst = outcome.instance;
  if (!outcome.certificates?.['divider-pairs'])
    throw new InvalidInputError(
      'no-certificates',
      `${source}: the ${outcome.mechanism} outcome carries no divider-pair "certificates"; certify --as verifies outcomes of ${VERIFIABLE.join(', ')} as fairdiv solve saves them`,
    );
  const agent = agentArg(options.as, inst);
  const own = options.values !== undefined ? agentValuesArg(options.values, inst.m, io) : inst.values[agent];
  const from = options.values !== undefined ? 'her own values (--values)' : "her values from the outcome's instance";
  const r = withTimeBudget(timeLimitMs, () => verifyAsAgent(outcome, agent, own), 'certify --as');
  if (options.json)
    io.out(
      toJson({
        mechanism: outcome.mechanism,
        agent: inst.agents[agent],
        index: agent,
        values: own,
        valuesFrom: options.values !== undefined ? '--values' : 'instance',
        ok: r.ok,
        estimate: r.estimate,
        checks: r.checks,
      }),
    );
  else io.out(report(outcome, inst.agents[agent], from, r));
  return r.ok ? 0 : 1;
}
