/**
 * Builder of the `mixed` payload: a lottery over mixed allocations (indivisible bundles plus exact fractions
 * of divisible goods, seed-003 spec 0.2), from an Outcome with `mixed`, a MixedLottery, a MixedAllocation
 * (probability 1) or the MixedMarginals a mixed mechanism returns. Pure; exact numbers as strings.
 */
import type { Instance } from '../core/instance';
import { MixedAllocation, MixedLottery, MixedMarginals } from '../core/mixed-allocation';
import { Rational } from '../core/rational';
import {
  agentShares,
  bivaluedPayload,
  claimsAndTrace,
  names,
  row,
  type DisplayOptions,
  type OutcomeExtra,
} from './build';
import type { MixedPayload, MixedSupportEntry, WaterFillingPayload, WaterFillingStepPayload } from './payload';
import { payloadHeader } from './payload';
import { scalarString } from './plain';

/** A mixed value on its own: a lottery, one allocation, or the marginals carrying their lottery. */
export type MixedValue = MixedLottery | MixedAllocation | MixedMarginals;

/** True for a MixedLottery, a MixedAllocation or the MixedMarginals of a mixed mechanism. */
export function isMixedValue(x: unknown): x is MixedValue {
  return x instanceof MixedLottery || x instanceof MixedAllocation || x instanceof MixedMarginals;
}

/** The lottery of a mixed value (one allocation is the lottery putting probability 1 on it). */
export function mixedLotteryOf(x: MixedValue): MixedLottery {
  if (x instanceof MixedLottery) return x;
  if (x instanceof MixedMarginals) return x.lottery;
  return MixedLottery.point(x);
}

const ex = (r: Rational): string => r.toString();

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const isIndexList = (x: unknown): x is number[] => Array.isArray(x) && x.every((k) => Number.isInteger(k));

/** One step of a mechanism's water-filling trace as payload data, or null when it is not one. */
function waterFillingStep(x: unknown): WaterFillingStepPayload | null {
  if (!isObj(x)) return null;
  if (x.kind === 'add' && isIndexList(x.agents)) {
    const [delta, each, remaining] = [x.delta, x.each, x.remaining].map((v) => scalarString(v));
    if (delta === null || each === null || remaining === null) return null;
    return { kind: 'add', agents: [...x.agents], delta, each, remaining };
  }
  if (x.kind === 'rotate' && isIndexList(x.cycle) && isIndexList(x.envyEdge) && x.envyEdge.length === 2)
    return { kind: 'rotate', cycle: [...x.cycle], envyEdge: [x.envyEdge[0], x.envyEdge[1]] };
  return null;
}

/**
 * The water-filling runs of a trace: every step whose data holds a `waterFilling` list of `add` / `rotate`
 * steps (src/mechanisms/bobw-mixed/water-filling.ts), with the step's agent `order` when it has one.
 */
export function waterFillingRuns(trace: OutcomeExtra['trace']): WaterFillingPayload[] {
  const runs: WaterFillingPayload[] = [];
  for (const s of trace ?? []) {
    const data = s.data;
    if (!isObj(data) || !Array.isArray(data.waterFilling) || data.waterFilling.length === 0) continue;
    const steps = data.waterFilling.map(waterFillingStep);
    if (steps.some((x) => x === null)) continue;
    runs.push({
      step: String(s.id),
      ...(isIndexList(data.order) ? { order: [...data.order] } : {}),
      steps: steps as WaterFillingStepPayload[],
    });
  }
  return runs;
}

/**
 * The `mixed` payload of a mixed lottery in the context of its instance (when known): the support by
 * decreasing probability with each agent's indivisible bundle, her exact fraction of every divisible good and
 * her value; expected values; the marginals; and the outcome's claims, trace and water-filling runs.
 * [DECISION] Only v_i(M) and PROP_i are computed as shares: the MMS solver treats every good as indivisible,
 * which is not the share of an agent when some goods are divisible.
 */
export function mixedPayload(
  inst: Instance | undefined,
  l: MixedLottery,
  extra: OutcomeExtra = {},
  opts: DisplayOptions = {},
): MixedPayload {
  const s = inst ? agentShares(inst, { ...opts, mms: false }) : { shares: [], prop: [] as Rational[] };
  const max = opts.maxSupport ?? 200;
  const support = l.entries.slice(0, max).map((e): MixedSupportEntry => ({
    p: ex(e.p),
    bundles: e.allocation.bundles.map((b) => [...b]),
    fractions: e.allocation.fractions.map((r) => r.map(ex)),
    rows: inst ? e.allocation.bundles.map((_, i) => row(e.allocation.value(inst, i, i), s.prop[i], null)) : [],
  }));
  const expected = inst
    ? inst.agents.map((_, i) =>
        row(Rational.sum(l.entries.map((e) => e.p.mul(e.allocation.value(inst, i, i)))), s.prop[i], null),
      )
    : [];
  const bivalued = inst ? bivaluedPayload(inst) : undefined;
  const runs = waterFillingRuns(extra.trace);
  return {
    ...payloadHeader('mixed', opts.title, extra.mechanism),
    ...names(inst, l.n, l.m),
    divisible: [...l.divisible],
    ...(bivalued ? { bivalued } : {}),
    support,
    expected,
    marginals: l.marginals().shares.map((r) => r.map(ex)),
    shares: s.shares,
    ...claimsAndTrace(extra, inst),
    ...(runs.length ? { waterFilling: runs } : {}),
    ...(l.size > max ? { omitted: l.size - max } : {}),
  };
}
