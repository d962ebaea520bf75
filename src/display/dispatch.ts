/**
 * The one display dispatch table: for each display kind, which values display as that kind and how their
 * payload is built. `displayKind`, `toPayload` and `toMimeBundle` all read it, so a value's type is
 * inspected in one place, once per display, and a kind without an entry is a compile error.
 *
 * [DECISION] A value that fits several kinds takes the first in table order: histogram, instance,
 * certificate, then mixed goods (an Outcome with `mixed`, a MixedLottery, MixedAllocation or MixedMarginals, or
 * `{instance, mixed}`: before fractional, since a mixed Outcome's kind is `fractional` and its support is the
 * richer view), then the outcome kinds lottery, allocation, fractional (an Outcome by its own `kind`; a plain
 * `{instance, lottery, allocation}` object is shown as its lottery, the richer view), then MMS results,
 * traces, and simulation results, which are recognised by shape only and so come last.
 */
import { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import { Instance } from '../core/instance';
import { Outcome, type TraceStep } from '../core/outcome';
import { Rational, type RationalLike } from '../core/rational';
import { CertificateReport } from '../certify';
import { Comparison } from '../compare';
import type { MmsResult } from '../shares/mms/types';
import {
  allocationPayload,
  certificatePayload,
  fractionalPayload,
  instancePayload,
  lotteryPayload,
  mmsPayload,
  outcomeExtra,
  tracePayload,
  type DisplayOptions,
  type OutcomeExtra,
} from './build';
import { isSimulationLike, MmsHistogram, simulationPayload } from './charts';
import { isMixedValue, mixedLotteryOf, mixedPayload } from './mixed';
import { comparisonPayload } from './comparison';
import { DISPLAY_KINDS, type DisplayKind, type Payload, type PayloadOf } from './payload';

/** A value recognised as one display kind: the kind and the builder of its payload. */
export interface Displayable<K extends DisplayKind = DisplayKind> {
  readonly kind: K;
  payload(opts?: DisplayOptions): PayloadOf<K>;
}

/** The payload builder of a value of the kind, or null when the value is not of the kind. */
type Recognise<K extends DisplayKind> = (x: unknown) => ((opts: DisplayOptions) => PayloadOf<K>) | null;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object';

function isPayload(x: unknown): x is Payload {
  return (
    isObj(x) &&
    typeof x.schema === 'string' &&
    x.schema.startsWith('fairdiv/') &&
    (DISPLAY_KINDS as readonly unknown[]).includes(x.kind)
  );
}

function isMmsResult(x: unknown): x is MmsResult {
  return (
    isObj(x) &&
    Array.isArray(x.partition) &&
    (x.status === 'optimal' || x.status === 'timeout') &&
    'value' in x &&
    'lower' in x &&
    'upper' in x
  );
}

function isTrace(x: unknown): x is TraceStep[] {
  return (
    Array.isArray(x) &&
    x.length > 0 &&
    x.every((s) => isObj(s) && typeof s.id === 'string' && 'data' in s && 'title' in s)
  );
}

/** A plain `{instance?, mechanism?, ...}` object (not an Outcome), with its instance and mechanism. */
interface Holder {
  readonly fields: Obj;
  readonly instance: Instance | undefined;
  readonly mechanism: string | undefined;
}

function holder(x: unknown): Holder | null {
  if (!isObj(x) || Array.isArray(x) || x instanceof Outcome) return null;
  if (!(x.instance instanceof Instance || x.instance === undefined)) return null;
  return { fields: x, instance: x.instance, mechanism: typeof x.mechanism === 'string' ? x.mechanism : undefined };
}

/** The value an outcome kind shows. */
interface OutcomeValue {
  allocation: Allocation;
  fractional: FractionalAllocation;
  lottery: Lottery;
}
type OutcomeKind = keyof OutcomeValue;

/**
 * An outcome kind is shown for an Outcome of that kind (with its mechanism, claims and trace), for the bare
 * value (Allocation, FractionalAllocation, Lottery), and for `{instance?, mechanism?, <kind>: value}`.
 */
function outcomeKind<K extends OutcomeKind>(
  kind: K,
  isValue: (v: unknown) => v is OutcomeValue[K],
  build: (inst: Instance | undefined, v: OutcomeValue[K], extra: OutcomeExtra, opts: DisplayOptions) => PayloadOf<K>,
): Recognise<K> {
  return (x) => {
    if (x instanceof Outcome) {
      const v = x[kind];
      return x.kind === kind && isValue(v) ? (opts) => build(x.instance, v, outcomeExtra(x), opts) : null;
    }
    if (isValue(x)) return (opts) => build(undefined, x, {}, opts);
    const h = holder(x);
    const v = h?.fields[kind];
    return h && isValue(v) ? (opts) => build(h.instance, v, { mechanism: h.mechanism }, opts) : null;
  };
}

/** The agent index of `{instance, agent, mms}` (a number, or an agent name resolved in the instance). */
function agentOf(h: Holder): number | undefined {
  const a = h.fields.agent;
  if (typeof a === 'number') return a;
  return h.instance && typeof a === 'string' ? h.instance.agentIndex(a) : undefined;
}

/**
 * The valuation of `{values, mms}` (the list `mms(values, n)` was computed from), so that each bundle of the
 * partition shows its value; undefined when it is absent or does not cover the partition's goods.
 */
function valuesOf(values: unknown, r: MmsResult): Rational[] | undefined {
  if (!Array.isArray(values)) return undefined;
  try {
    const v = values.map((x, g) => Rational.from(x as RationalLike, `values[${g}]`));
    return r.partition.every((b) => b.every((g) => Number.isInteger(g) && g >= 0 && g < v.length)) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The display table, in precedence order (see the module comment). */
const DISPLAYS: { readonly [K in DisplayKind]: Recognise<K> } = {
  'mms-histogram': (x) =>
    x instanceof MmsHistogram ? (opts) => (opts.title ? { ...x.payload, title: opts.title } : x.payload) : null,
  instance: (x) => (x instanceof Instance ? (opts) => instancePayload(x, opts) : null),
  certificate: (x) => (x instanceof CertificateReport ? (opts) => certificatePayload(x, opts) : null),
  mixed: (x) => {
    if (x instanceof Outcome) {
      const l = x.mixed;
      return l ? (opts) => mixedPayload(x.instance, l, outcomeExtra(x), opts) : null;
    }
    if (isMixedValue(x)) return (opts) => mixedPayload(undefined, mixedLotteryOf(x), {}, opts);
    const h = holder(x);
    const v = h?.fields.mixed;
    return h && isMixedValue(v)
      ? (opts) => mixedPayload(h.instance, mixedLotteryOf(v), { mechanism: h.mechanism }, opts)
      : null;
  },
  lottery: outcomeKind('lottery', (v): v is Lottery => v instanceof Lottery, lotteryPayload),
  allocation: outcomeKind('allocation', (v): v is Allocation => v instanceof Allocation, allocationPayload),
  fractional: outcomeKind(
    'fractional',
    (v): v is FractionalAllocation => v instanceof FractionalAllocation,
    fractionalPayload,
  ),
  mms: (x) => {
    const h = holder(x);
    if (h && isMmsResult(h.fields.mms)) {
      const r = h.fields.mms;
      const values = valuesOf(h.fields.values, r);
      return (opts) => mmsPayload(r, { instance: h.instance, agent: agentOf(h), ...(values ? { values } : {}) }, opts);
    }
    return isMmsResult(x) ? (opts) => mmsPayload(x, {}, opts) : null;
  },
  trace: (x) => {
    const h = holder(x);
    if (h && isTrace(h.fields.trace)) {
      const steps = h.fields.trace;
      return (opts) => tracePayload(steps, h.instance, h.mechanism, opts);
    }
    return isTrace(x) ? (opts) => tracePayload(x, undefined, undefined, opts) : null;
  },
  simulation: (x) => (isSimulationLike(x) ? (opts) => simulationPayload(x, opts) : null),
  comparison: (x) => (x instanceof Comparison ? (opts) => comparisonPayload(x, opts) : null),
};

const ORDER = Object.keys(DISPLAYS) as DisplayKind[];

/** How a value displays, or null when it has no rich display. A payload displays as itself. */
export function recognise(x: unknown): Displayable | null {
  if (isPayload(x)) return { kind: x.kind, payload: () => x };
  for (const kind of ORDER) {
    const build = (DISPLAYS[kind] as Recognise<DisplayKind>)(x);
    if (build) return { kind, payload: (opts = {}) => build(opts) };
  }
  return null;
}

/** The display kind of a value, or null when it has no rich display. */
export function displayKind(x: unknown): DisplayKind | null {
  return recognise(x)?.kind ?? null;
}

/** The payload of a displayable value (a typed `no-rich-display` error for a value without one). */
export function toPayload(x: unknown, opts: DisplayOptions = {}): Payload {
  const d = recognise(x);
  if (!d)
    throw new InvalidInputError(
      'no-rich-display',
      `toPayload: no rich display for ${Object.prototype.toString.call(x)}`,
    );
  return d.payload(opts);
}
