/**
 * `compare(inst, ids?)`: every applicable mechanism (or the named ones) on one instance, with one fixed set of
 * properties certified on each outcome by the independent checkers (`certify(outcome, { claims })`), so the table
 * reads across mechanisms: EF, EF1, EFX, PROP, PROP1, the MMS and TPS fractions reached, PO, fPO, ex-ante PROP
 * and EF, the support size and the time. A mechanism outside its domain, or one that needs options the caller did
 * not give, is listed with the reason it was skipped.
 *
 * [DECISION] For a lottery the allocation properties are checked ex post (on every allocation of the support) and
 * the fractions are the worst over the support: what every draw guarantees. For a deterministic outcome ex ante
 * and ex post coincide, so its ex-ante columns repeat PROP and EF by design.
 * [DECISION] Each mechanism gets one time budget (default 10 s) for its run and its checks together; a property
 * the budget stops is `unchecked`, never `pass`. The MMS of each agent is solved once for the whole comparison.
 */
import { toClaimId, type ClaimId } from './core/claims';
import { DomainError, InvalidInputError, LimitError } from './core/errors';
import { instance as toInstance, type Instance, type InstanceInput } from './core/instance';
import type { Outcome } from './core/outcome';
import { Rational } from './core/rational';
import { remainingMs, timeLimitMs, withTimeBudget } from './core/time-budget';
import { certify } from './certify';
import { list, mechanism, type MechanismInfo } from './mechanisms/registry';
import { mmsShare } from './shares/share-cache';
import { tps } from './shares/tps';

/** The columns of a comparison, in order. */
export const COMPARE_PROPERTIES = [
  'ef',
  'ef1',
  'efx',
  'prop',
  'prop1',
  'mms-fraction',
  'tps-fraction',
  'po',
  'fpo',
  'ex-ante-prop',
  'ex-ante-ef',
  'support',
  'time',
] as const;
export type CompareProperty = (typeof COMPARE_PROPERTIES)[number];

/** Column headings. */
export const COMPARE_LABELS: Readonly<Record<CompareProperty, string>> = {
  ef: 'EF',
  ef1: 'EF1',
  efx: 'EFX',
  prop: 'PROP',
  prop1: 'PROP1',
  'mms-fraction': 'MMS fraction',
  'tps-fraction': 'TPS fraction',
  po: 'PO',
  fpo: 'fPO',
  'ex-ante-prop': 'ex-ante PROP',
  'ex-ante-ef': 'ex-ante EF',
  support: 'support',
  time: 'time (ms)',
};

/** Allocation properties, checked on the allocation or ex post on every allocation of the support. */
const ALLOCATION_PROPERTIES = ['ef', 'ef1', 'efx', 'prop', 'prop1', 'fpo', 'po'] as const;
/** Outcome properties, checked on the outcome as a whole. */
const OUTCOME_PROPERTIES = ['ex-ante-prop', 'ex-ante-ef'] as const;

/**
 * One cell: `pass` / `fail` / `unchecked` for a property, `value` for a number (fractions, support, time), `n/a`
 * when the property does not apply. `value` is exact for fractions and counts; `reason` says why a cell is not
 * `pass`/`fail`/`value` (or what it compared).
 */
export interface ComparisonCell {
  readonly status: 'pass' | 'fail' | 'unchecked' | 'value' | 'n/a';
  readonly value?: Rational;
  readonly reason?: string;
}

/**
 * How a mechanism fared: `ran`, or skipped because the instance is `outside-domain`, the mechanism `needs-options`
 * not given, its run hit the `time-limit`, or it raised an `error`.
 */
export type ComparisonStatus = 'ran' | 'outside-domain' | 'needs-options' | 'time-limit' | 'error';

export interface ComparisonRow {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly status: ComparisonStatus;
  /** Why the mechanism was skipped (the domain or option error's message). */
  readonly reason?: string;
  /** The outcome, when the mechanism ran. */
  readonly outcome?: Outcome;
  /** Milliseconds of the run and of the checks. */
  readonly runMs: number;
  readonly checkMs: number;
  readonly cells: Readonly<Record<CompareProperty, ComparisonCell>>;
}

export interface CompareOptions {
  /** Options per mechanism id (e.g. `{ 'pick-r': { r: '1/2' } }`); the others run with their defaults. */
  readonly options?: Readonly<Record<string, Record<string, unknown>>>;
  /** Budget per mechanism in ms, for its run and its checks together (default 10000). */
  readonly timeLimitMs?: number;
}

const COMPARE_OPTION_KEYS = ['options', 'timeLimitMs'];
const DEFAULT_COMPARE_MS = 10_000;

const NA = (reason: string): ComparisonCell => ({ status: 'n/a', reason });

/** The result of `compare`: one row per mechanism, ran ones first (registration order), then the skipped ones. */
export class Comparison {
  constructor(
    readonly instance: Instance,
    readonly rows: readonly ComparisonRow[],
  ) {}

  /** The rows of the mechanisms that ran. */
  get ran(): ComparisonRow[] {
    return this.rows.filter((r) => r.status === 'ran');
  }

  /** Plain JSON: exact strings for fractions, the skip reasons, no outcomes. */
  toJSON(): Record<string, unknown> {
    return {
      instance: this.instance.toJSON(),
      properties: [...COMPARE_PROPERTIES],
      rows: this.rows.map((r) => ({
        mechanism: r.id,
        name: r.name,
        source: r.source,
        status: r.status,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.outcome ? { kind: r.outcome.kind } : {}),
        runMs: r.runMs,
        checkMs: r.checkMs,
        cells: Object.fromEntries(
          COMPARE_PROPERTIES.map((p) => {
            const c = r.cells[p];
            return [
              p,
              {
                status: c.status,
                ...(c.value ? { value: c.value.toString() } : {}),
                ...(c.reason ? { reason: c.reason } : {}),
              },
            ];
          }),
        ),
      })),
    };
  }

  /** A text table: ✓ / ✗ / ? per property, fractions as decimals, the skipped mechanisms with their reasons. */
  toString(): string {
    const head = ['mechanism', ...COMPARE_PROPERTIES.map((p) => COMPARE_LABELS[p])];
    const body = this.ran.map((r) => [r.id, ...COMPARE_PROPERTIES.map((p) => cellText(r.cells[p]))]);
    const widths = head.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
    const line = (row: string[]) =>
      row
        .map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k])))
        .join('  ')
        .trimEnd();
    const skipped = this.rows
      .filter((r) => r.status !== 'ran')
      .map((r) => `  ${r.id}: ${r.status} (${r.reason ?? ''})`);
    const title = `Comparison of ${this.ran.length} mechanisms on ${this.instance.n} agents × ${this.instance.m} goods`;
    return [title, line(head), ...body.map(line), ...(skipped.length ? ['skipped:', ...skipped] : [])].join('\n');
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** A cell as text: ✓, ✗, ?, – or a short decimal. */
export function cellText(c: ComparisonCell): string {
  switch (c.status) {
    case 'pass':
      return '✓';
    case 'fail':
      return '✗';
    case 'unchecked':
      return '?';
    case 'n/a':
      return '–';
    case 'value': {
      const v = c.value!;
      return v.isInteger() ? v.toString() : String(Number(v.toNumber().toPrecision(3)));
    }
  }
}

/** The MMS of every agent (solved once, cached by valuation), or why it is not available. */
function mmsOf(inst: Instance, limitMs: number): (Rational | string)[] {
  return withTimeBudget(limitMs, () =>
    inst.values.map((_, i) => {
      const r = mmsShare(inst, i, inst.n, Math.max(1, Math.min(limitMs, remainingMs())));
      return r.status === 'optimal'
        ? r.value
        : `MMS of ${inst.agents[i]} not solved within the time limit (in [${r.lower}, ${r.upper}])`;
    }),
  );
}

/**
 * The worst share fraction over the support: min over allocations and agents with a positive share of
 * v_i(A_i) / share_i. Agents whose share is 0 are satisfied by any bundle and leave the minimum alone.
 */
function worstFraction(o: Outcome, shares: readonly (Rational | string)[]): ComparisonCell {
  if (o.mixed) return NA('mixed goods: MMS of the indivisible goods does not measure a bundle with cake');
  const support = o.support();
  if (!support.length) return NA('a fractional outcome without a lottery has no allocations');
  const missing = shares.find((s): s is string => typeof s === 'string');
  if (missing) return { status: 'unchecked', reason: missing };
  let worst: Rational | undefined;
  let at = '';
  for (const { allocation } of support)
    allocation.bundles.forEach((b, i) => {
      const share = shares[i] as Rational;
      if (share.isZero()) return;
      const f = o.instance.value(i, b).div(share);
      if (!worst || f.lt(worst)) {
        worst = f;
        at = o.instance.agents[i];
      }
    });
  return worst
    ? { status: 'value', value: worst, reason: `worst agent: ${at}` }
    : { status: 'value', value: Rational.ONE, reason: 'every share is 0' };
}

/** The claim id of an allocation property for this outcome: itself, or `ex-post-<id>` for a lottery. */
function propertyClaim(o: Outcome, p: (typeof ALLOCATION_PROPERTIES)[number]): ClaimId {
  return toClaimId(o.allocation ? p : `ex-post-${p}`, 'compare');
}

function supportCell(o: Outcome): ComparisonCell {
  if (o.lottery) return { status: 'value', value: Rational.from(o.lottery.size) };
  if (o.mixed) return { status: 'value', value: Rational.from(o.mixed.size) };
  if (o.allocation) return { status: 'value', value: Rational.ONE };
  return NA('a fractional allocation (no lottery given)');
}

/** Certifies the fixed properties of one outcome within the running budget. */
function propertyCells(
  o: Outcome,
  mms: readonly (Rational | string)[],
  tpsShares: readonly Rational[],
): Partial<Record<CompareProperty, ComparisonCell>> {
  const cells: Partial<Record<CompareProperty, ComparisonCell>> = {};
  const claims: [CompareProperty, ClaimId][] = [];
  if (o.allocation || o.lottery || o.mixed)
    for (const p of ALLOCATION_PROPERTIES) claims.push([p, propertyClaim(o, p)]);
  else
    for (const p of ALLOCATION_PROPERTIES) cells[p] = NA('a fractional allocation has no integral allocation to check');
  for (const p of OUTCOME_PROPERTIES) claims.push([p, p]);
  const report = certify(o, { claims: claims.map(([, id]) => id), timeLimitMs: Math.max(1, remainingMs()) });
  claims.forEach(([p, id], k) => {
    const r = report.claims[k];
    const reason = typeof r.detail.reason === 'string' ? r.detail.reason : undefined;
    cells[p] = { status: r.status, reason: reason ?? (r.status === 'pass' ? undefined : `${id} fails`) };
  });
  cells['mms-fraction'] = worstFraction(o, mms);
  cells['tps-fraction'] = worstFraction(o, tpsShares);
  cells.support = supportCell(o);
  return cells;
}

function skippedRow(m: MechanismInfo, status: ComparisonStatus, reason: string, runMs: number): ComparisonRow {
  const cells = Object.fromEntries(COMPARE_PROPERTIES.map((p) => [p, NA(reason)])) as Record<
    CompareProperty,
    ComparisonCell
  >;
  return { id: m.id, name: m.name, source: m.source, status, reason, runMs, checkMs: 0, cells };
}

/** The status of a run that threw: outside the domain, missing options, out of time, or an error. */
function failedRun(m: MechanismInfo, e: unknown, ms: number): ComparisonRow {
  if (e instanceof DomainError) return skippedRow(m, 'outside-domain', e.message, ms);
  if (e instanceof LimitError) return skippedRow(m, 'time-limit', e.message, ms);
  if (e instanceof InvalidInputError) return skippedRow(m, 'needs-options', e.message, ms);
  return skippedRow(m, 'error', e instanceof Error ? e.message : String(e), ms);
}

function checkOptions(options: unknown): CompareOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidInputError(
      'bad-compare-options',
      `compare: options must be an object { options?, timeLimitMs? }, got ${JSON.stringify(options)}`,
    );
  for (const key of Object.keys(options))
    if (!COMPARE_OPTION_KEYS.includes(key))
      throw new InvalidInputError(
        'unknown-option',
        `unknown option ${key} for compare; known: ${COMPARE_OPTION_KEYS.join(', ')}`,
      );
  const o = options as CompareOptions;
  if (o.options !== undefined && (o.options === null || typeof o.options !== 'object' || Array.isArray(o.options)))
    throw new InvalidInputError(
      'bad-compare-options',
      `compare options.options: expected { <mechanism id>: { ...options } }, got ${JSON.stringify(o.options)}`,
    );
  for (const id of Object.keys(o.options ?? {})) mechanism(id);
  return o;
}

/**
 * Runs every registered mechanism (or the ones named in `ids`) on the instance and certifies the fixed properties
 * of COMPARE_PROPERTIES on each outcome; see the module comment. Unknown ids are a typed `unknown-mechanism` error.
 */
export function compare(inst: InstanceInput, ids?: readonly string[], options?: CompareOptions): Comparison {
  const instance = toInstance(inst);
  if (ids !== undefined && !Array.isArray(ids))
    throw new InvalidInputError(
      'bad-argument',
      `compare: ids must be a list of mechanism ids, got ${JSON.stringify(ids)}`,
    );
  const opts = checkOptions(options);
  const limitMs = timeLimitMs(opts.timeLimitMs, 'compare options.timeLimitMs', DEFAULT_COMPARE_MS);
  const mechanisms = ids === undefined ? list() : ids.map((id) => mechanism(id));
  const mms = mmsOf(instance, limitMs);
  const tpsShares = instance.values.map((row) => tps(row, instance.n));
  const rows = mechanisms.map((m): ComparisonRow => {
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      outcome = withTimeBudget(limitMs, () => m.run(instance, opts.options?.[m.id] ?? {}));
    } catch (e) {
      return failedRun(m, e, performance.now() - t0);
    }
    const runMs = performance.now() - t0;
    const t1 = performance.now();
    let cells: Partial<Record<CompareProperty, ComparisonCell>>;
    try {
      cells = withTimeBudget(Math.max(1, limitMs - runMs), () => propertyCells(outcome, mms, tpsShares));
    } catch (e) {
      // a checker that cannot take this outcome leaves its properties unchecked; the row still shows the run
      const reason = `checks stopped: ${e instanceof Error ? e.message : String(e)}`;
      cells = Object.fromEntries(COMPARE_PROPERTIES.map((p) => [p, { status: 'unchecked', reason }]));
      cells.support = supportCell(outcome);
    }
    const checkMs = performance.now() - t1;
    const time: ComparisonCell = { status: 'value', value: Rational.parse(runMs.toFixed(1)) };
    const all = { ...cells, time } as Record<CompareProperty, ComparisonCell>;
    return { id: m.id, name: m.name, source: m.source, status: 'ran', outcome, runMs, checkMs, cells: all };
  });
  return new Comparison(instance, [
    ...rows.filter((r) => r.status === 'ran'),
    ...rows.filter((r) => r.status !== 'ran'),
  ]);
}
