/**
 * The validation boundary for instance and outcome JSON (issue 16): every file the CLI reads passes here after
 * `parseJsonInput`, and the shapes follow `schemas/instance.schema.json` and `schemas/outcome.schema.json`.
 *
 * [DECISION] The boundary is written by hand, with the JSON Schemas as the published documentation that editors
 * use, and a test (test/boundary/schemas.test.ts) that keeps the key lists, enums and limits of both in sync:
 * a schema validator would be a runtime dependency for what is a few dozen lines, and could not give the
 * messages that name the field and say what to do.
 *
 * Shapes must fit the instance (one bundle per agent, goods in range, well-formed lottery entries), claims are
 * a list of known ids with typed parameters, and sizes are bounded so that what is accepted fits in memory and
 * in time. Bad input is an `InvalidInputError` naming the field, never a pass.
 */
import { Allocation, FractionalAllocation, Lottery } from './allocation';
import { toClaimId } from './claims';
import { InvalidInputError } from './errors';
import { instance as buildInstance, Instance, type InstanceInput } from './instance';
import { MixedLottery } from './mixed-allocation';
import { Outcome, type Claim, type TraceStep } from './outcome';
import { lcm, Rational, type RationalLike } from './rational';

/** Size limits of accepted input (also stated in the schemas). */
export const LIMITS = {
  /** Agents of an instance. */
  agents: 10_000,
  /** Goods of an instance. */
  goods: 100_000,
  /** Cells of the valuation matrix (agents x goods). */
  cells: 1_000_000,
  /** Characters of an agent or good name. */
  nameLength: 1_000,
  /** Allocations in a lottery. */
  support: 100_000,
  /** Claims of an outcome. */
  claims: 1_000,
  /** Bits of the common denominator of one agent's values, or of a lottery's probabilities. */
  denominatorBits: 65_536,
} as const;

/** The keys of the instance JSON (schemas/instance.schema.json). */
export const INSTANCE_KEYS = ['$schema', 'agents', 'goods', 'values', 'orders', 'divisible', 'bivalued'] as const;
/** The keys of the outcome JSON (schemas/outcome.schema.json); `certificate` is output and ignored on input. */
export const OUTCOME_KEYS = [
  '$schema',
  'mechanism',
  'kind',
  'options',
  'instance',
  'allocation',
  'fractional',
  'lottery',
  'mixed',
  'claims',
  'certificate',
  'certificates',
] as const;
/** The keys of one claim of the outcome JSON. */
export const CLAIM_KEYS = ['id', 'text', 'rho', 'params'] as const;
/** The outcome kinds. */
export const OUTCOME_KINDS = ['allocation', 'fractional', 'lottery'] as const;
/** The kinds of mechanism certificate under the outcome JSON's `certificates` (certificate trace steps by id). */
export const CERTIFICATE_KINDS = ['divider-pairs'] as const;
/** The keys of one pair of `certificates["divider-pairs"]` (Babaioff & Frosh, three agents). */
export const DIVIDER_PAIR_KEYS = ['divider', 'case', 'allocations', 'certificates', 'candidates'] as const;
/** The cases of a divider pair: Algorithm 1's '1', '2A', '2B', and Theorem 5.1's 'stage-3' and 'adopted'. */
export const DIVIDER_PAIR_CASES = ['1', '2A', '2B', 'stage-3', 'adopted'] as const;

function bad(code: string, message: string): never {
  throw new InvalidInputError(code, message);
}

/** A short JSON rendering of a value for messages. */
function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  try {
    const j = JSON.stringify(x);
    return j.length > 60 ? `${j.slice(0, 57)}...` : j;
  } catch {
    return typeof x;
  }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function checkKeys(obj: Record<string, unknown>, known: readonly string[], where: string): void {
  const unknown = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknown.length)
    bad(
      'unknown-key',
      `${where}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}; known: ${known.join(', ')}`,
    );
}

function list(x: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(x)) bad('bad-shape', `${where}: expected ${what}, got ${show(x)}`);
  return x;
}

function indexList(x: unknown, where: string, size: number, what: string): number[] {
  return list(x, where, `a list of ${what} indices`).map((k, j) => {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= size)
      bad(
        what === 'good' ? 'unknown-good' : 'unknown-agent',
        `${where}[${j}]: ${show(k)} is not a ${what} index in 0..${size - 1}`,
      );
    return k;
  });
}

function names(x: unknown, where: string, count: number): string[] {
  const xs = list(x, where, 'a list of names');
  if (xs.length > count) bad('too-large', `${where}: ${xs.length} names, at most ${count} are accepted`);
  xs.forEach((s, k) => {
    if (typeof s !== 'string') bad('bad-name', `${where}[${k}]: a name must be a string, got ${show(s)}`);
    if (s.length > LIMITS.nameLength)
      bad('bad-name', `${where}[${k}]: a name of ${s.length} characters; at most ${LIMITS.nameLength}`);
  });
  return xs as string[];
}

/** A value cell: a number or a rational string (an exact rational afterwards; Rational.from bounds digits). */
function cell(x: unknown, where: string): Rational {
  if (typeof x !== 'number' && typeof x !== 'string')
    bad('not-a-number', `${where}: ${show(x)} is not a number or rational string`);
  return Rational.from(x, where);
}

/** The common denominator of `xs` stays within LIMITS.denominatorBits (sums of such values stay fast). */
function boundedDenominators(xs: readonly Rational[], where: string): void {
  let d = 1n;
  for (const x of xs) {
    d = lcm(d, x.den);
    if (d.toString(16).length * 4 > LIMITS.denominatorBits)
      bad('too-fine', `${where}: the common denominator exceeds 2^${LIMITS.denominatorBits}; give coarser values`);
  }
}

function checkSize(n: number, m: number, where: string): void {
  if (n > LIMITS.agents) bad('too-large', `${where}: ${n} agents, at most ${LIMITS.agents} are accepted`);
  if (m > LIMITS.goods) bad('too-large', `${where}: ${m} goods, at most ${LIMITS.goods} are accepted`);
  if (n * m > LIMITS.cells) bad('too-large', `${where}: ${n} x ${m} values, at most ${LIMITS.cells} are accepted`);
}

/** The valuation matrix: a non-empty list of rows of value cells, within the size limits. */
function valuesMatrix(x: unknown, where: string): Rational[][] {
  const rows = list(x, where, 'a matrix of values (one row per agent)');
  const m = Array.isArray(rows[0]) ? rows[0].length : 0;
  checkSize(rows.length, m, where);
  let cells = 0;
  return rows.map((row, i) => {
    const r = list(row, `${where}[${i}]`, "a list of goods' values");
    if (r.length > LIMITS.goods)
      bad('too-large', `${where}[${i}]: ${r.length} goods, at most ${LIMITS.goods} are accepted`);
    cells += r.length;
    if (cells > LIMITS.cells) bad('too-large', `${where}: more than ${LIMITS.cells} values`);
    const parsed = r.map((v, g) => cell(v, `${where}[${i}][${g}]`));
    boundedDenominators(parsed, `${where}[${i}]`);
    return parsed;
  });
}

/**
 * One agent's values of `m` goods (e.g. `fairdiv certify --as AGENT --values`): a list of number or rational
 * string cells, non-negative, with a bounded common denominator, like one row of the instance JSON's `values`.
 */
export function valuesRow(x: unknown, m: number, where: string): Rational[] {
  const r = list(x, where, `a list of ${m} values (one per good)`);
  if (r.length !== m) bad('bad-values', `${where}: ${r.length} values for an instance with ${m} goods`);
  const parsed = r.map((v, g) => {
    const q = cell(v, `${where}[${g}]`);
    if (q.sign() < 0) bad('negative-value', `${where}[${g}]: ${q} is negative (goods only)`);
    return q;
  });
  boundedDenominators(parsed, where);
  return parsed;
}

/**
 * An Instance from parsed JSON (instance JSON, a matrix, or an object of objects), checked against
 * schemas/instance.schema.json first; `source` names the file in messages.
 */
export function instanceFromJson(x: unknown, source = 'instance'): Instance {
  if (Array.isArray(x)) {
    valuesMatrix(x, source);
    return buildInstance(x as RationalLike[][]);
  }
  if (!isPlainObject(x))
    bad('bad-shape', `${source}: expected instance JSON { "values": [[...], ...] }, got ${show(x)}`);
  // an object of row objects, unless it has the instance JSON's "values" key (then `values` must be a matrix)
  const rowsAreObjects =
    !Object.prototype.hasOwnProperty.call(x, 'values') &&
    Object.keys(x).length > 0 &&
    Object.values(x).every(isPlainObject);
  if (rowsAreObjects) {
    // an object of objects: { agent: { good: value } }
    const agents = Object.keys(x);
    const goods = new Set<string>();
    for (const a of agents) for (const g of Object.keys(x[a] as object)) goods.add(g);
    checkSize(agents.length, goods.size, source);
    for (const a of agents)
      for (const [g, v] of Object.entries(x[a] as Record<string, unknown>)) cell(v, `${source}.${a}.${g}`);
    return buildInstance(x as InstanceInput);
  }
  checkKeys(x, INSTANCE_KEYS, source);
  if (x.values === undefined) bad('bad-shape', `${source}: missing "values" (a matrix, one row per agent)`);
  const values = valuesMatrix(x.values, 'values');
  const n = values.length;
  const m = x.goods !== undefined ? names(x.goods, 'goods', LIMITS.goods).length : (values[0]?.length ?? 0);
  if (x.agents !== undefined) names(x.agents, 'agents', LIMITS.agents);
  if (x.orders !== undefined)
    list(x.orders, 'orders', 'one strict order per agent').forEach((o, i) => indexList(o, `orders[${i}]`, m, 'good'));
  if (x.divisible !== undefined) indexList(x.divisible, 'divisible', m, 'good');
  if (x.bivalued !== undefined) list(x.bivalued, 'bivalued', 'a pair [a, b] or one pair per agent');
  if (n === 0) bad('no-agents', 'values: an instance needs at least one agent');
  return buildInstance(x as InstanceInput);
}

function bundles(x: unknown, where: string, inst: Instance): Allocation {
  const bs = list(x, where, `one bundle (a list of good indices) per agent`);
  if (bs.length !== inst.n) bad('bad-outcome', `${where}: ${bs.length} bundles for an instance with ${inst.n} agents`);
  bs.forEach((b, i) => indexList(b, `${where}[${i}]`, inst.m, 'good'));
  return new Allocation(bs as number[][], inst.m);
}

/** A partition of all goods into one bundle per agent, as plain lists; overlaps and missing goods name `where`. */
function partitionOf(x: unknown, where: string, inst: Instance): number[][] {
  const bs = list(x, where, 'one bundle (a list of good indices) per agent');
  if (bs.length !== inst.n) bad('bad-outcome', `${where}: ${bs.length} bundles for an instance with ${inst.n} agents`);
  const owner = new Array<number>(inst.m).fill(-1);
  const out = bs.map((b, i) =>
    indexList(b, `${where}[${i}]`, inst.m, 'good').map((g) => {
      if (owner[g] !== -1) bad('bundle-overlap', `${where}: good ${g} is in bundles ${owner[g]} and ${i}`);
      owner[g] = i;
      return g;
    }),
  );
  const missing = owner.indexOf(-1);
  if (missing >= 0) bad('bundle-coverage', `${where}: good ${missing} is in no bundle`);
  return out;
}

/** One partition per agent (EEFX certificates or candidate partitions of a divider pair). */
function perAgentPartitions(x: unknown, where: string, inst: Instance): number[][][] {
  const ps = list(x, where, 'one partition of the goods per agent');
  if (ps.length !== inst.n) bad('bad-outcome', `${where}: ${ps.length} partitions for ${inst.n} agents`);
  return ps.map((p, i) => partitionOf(p, `${where}[${i}]`, inst));
}

/**
 * `certificates["divider-pairs"]`: the three divider pairs of Babaioff & Frosh (one per divider 0, 1, 2), each
 * with its case, two allocations, and per agent an EEFX certificate or a candidate partition. Only the shape is
 * checked here: whether the pairs reproduce the lottery and what the certificates prove is the verifier's job
 * (src/checks/verify-as-agent.ts), so a forged but well-formed certificate fails verification.
 */
function dividerPairsOf(x: unknown, inst: Instance): Record<string, unknown>[] {
  const where = 'outcome.certificates["divider-pairs"]';
  if (inst.n !== 3) bad('bad-outcome', `${where}: divider pairs are for 3 agents, the instance has ${inst.n}`);
  const pairs = list(x, where, 'three divider pairs');
  if (pairs.length !== 3) bad('bad-outcome', `${where}: ${pairs.length} pairs, expected one per divider (3)`);
  const seen = new Set<number>();
  return pairs.map((raw, k) => {
    const at = `${where}[${k}]`;
    if (!isPlainObject(raw))
      bad('bad-outcome', `${at}: expected { divider, case, allocations, ... }, got ${show(raw)}`);
    checkKeys(raw, DIVIDER_PAIR_KEYS, at);
    const d = raw.divider;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 2)
      bad('unknown-agent', `${at}.divider: expected an agent index 0, 1 or 2, got ${show(d)}`);
    if (seen.has(d)) bad('bad-outcome', `${at}.divider: agent ${d} divides two pairs; each agent divides one`);
    seen.add(d);
    if (!(DIVIDER_PAIR_CASES as readonly unknown[]).includes(raw.case))
      bad('bad-outcome', `${at}.case: expected one of ${DIVIDER_PAIR_CASES.join(', ')}, got ${show(raw.case)}`);
    const allocations = list(raw.allocations, `${at}.allocations`, "two allocations (A and A')");
    if (allocations.length !== 2)
      bad('bad-outcome', `${at}.allocations: ${allocations.length} allocations, expected two (A and A')`);
    return {
      divider: d,
      case: raw.case,
      allocations: allocations.map((a, j) => partitionOf(a, `${at}.allocations[${j}]`, inst)),
      ...(raw.certificates !== undefined
        ? { certificates: perAgentPartitions(raw.certificates, `${at}.certificates`, inst) }
        : {}),
      ...(raw.candidates !== undefined
        ? { candidates: perAgentPartitions(raw.candidates, `${at}.candidates`, inst) }
        : {}),
    };
  });
}

/** The outcome JSON's `certificates` as certificate trace steps (TraceStep.certificate), one per known kind. */
function certificatesOf(x: unknown, inst: Instance): TraceStep[] {
  if (!isPlainObject(x))
    bad('bad-outcome', `outcome.certificates: expected an object keyed by certificate kind, got ${show(x)}`);
  checkKeys(x, CERTIFICATE_KINDS, 'outcome.certificates');
  return Object.keys(x).map((id) => ({
    id,
    title: 'The six allocations (A, A\u2032 per divider) with their certificates, as read from the outcome JSON',
    data: dividerPairsOf(x[id], inst),
    certificate: true,
  }));
}

function probability(x: unknown, where: string): Rational {
  const p = cell(x, where);
  if (p.sign() <= 0 || p.gt(1)) bad('bad-probability', `${where}: ${p} is not a probability in (0, 1]`);
  return p;
}

function lotteryOf(x: unknown, inst: Instance): Lottery {
  const entries = list(x, 'outcome.lottery', 'a list of { p, allocation } entries');
  if (entries.length === 0) bad('empty-lottery', 'outcome.lottery: needs at least one allocation');
  if (entries.length > LIMITS.support)
    bad('too-large', `outcome.lottery: ${entries.length} allocations, at most ${LIMITS.support} are accepted`);
  const parsed = entries.map((e, k) => {
    const where = `outcome.lottery[${k}]`;
    if (!isPlainObject(e)) bad('bad-outcome', `${where}: expected { p, allocation }, got ${show(e)}`);
    checkKeys(e, ['p', 'allocation'], where);
    return { p: probability(e.p, `${where}.p`), allocation: bundles(e.allocation, `${where}.allocation`, inst) };
  });
  boundedDenominators(
    parsed.map((e) => e.p),
    'outcome.lottery',
  );
  return new Lottery(parsed);
}

function fractionalOf(x: unknown, inst: Instance): FractionalAllocation {
  const rows = list(x, 'outcome.fractional', 'an agents x goods matrix of shares');
  if (rows.length !== inst.n)
    bad('bad-outcome', `outcome.fractional: ${rows.length} rows for an instance with ${inst.n} agents`);
  const shares = rows.map((row, i) => {
    const r = list(row, `outcome.fractional[${i}]`, 'a list of shares, one per good');
    if (r.length !== inst.m)
      bad('bad-outcome', `outcome.fractional[${i}]: ${r.length} shares for an instance with ${inst.m} goods`);
    return r.map((v, g) => cell(v, `outcome.fractional[${i}][${g}]`));
  });
  for (let g = 0; g < inst.m; g++)
    boundedDenominators(
      shares.map((r) => r[g]),
      `outcome.fractional (good ${g})`,
    );
  return new FractionalAllocation(shares);
}

function claimOf(raw: unknown, k: number): Claim {
  const where = `outcome.claims[${k}]`;
  if (!isPlainObject(raw))
    bad('bad-outcome', `${where}: expected an object { id, text, rho?, params? }, got ${show(raw)}`);
  checkKeys(raw, CLAIM_KEYS, where);
  const id = toClaimId(raw.id, `${where}.id`);
  if (raw.text !== undefined && typeof raw.text !== 'string')
    bad('bad-outcome', `${where}.text: expected a string, got ${show(raw.text)}`);
  if (raw.params !== undefined && !isPlainObject(raw.params))
    bad('bad-outcome', `${where}.params: expected an object, got ${show(raw.params)}`);
  let rho: Rational | undefined;
  if (raw.rho !== undefined) {
    rho = cell(raw.rho, `${where}.rho`);
    if (rho.sign() <= 0) bad('bad-outcome', `${where}.rho: must be positive, got ${rho}`);
  }
  return {
    id,
    text: typeof raw.text === 'string' ? raw.text : id,
    ...(rho ? { rho } : {}),
    ...(raw.params !== undefined ? { params: raw.params as Record<string, unknown> } : {}),
  };
}

/**
 * An Outcome from parsed outcome JSON (as `solve` prints it) for an instance, checked against
 * schemas/outcome.schema.json: `kind` matches the data given, bundles fit the instance, lottery entries are
 * well formed, claims are known ids, and the mechanism's `certificates` are well-formed partitions (they become
 * the outcome's trace, as certificate steps).
 */
export function outcomeFromJson(x: unknown, inst: Instance, source = 'outcome'): Outcome {
  if (!isPlainObject(x)) bad('bad-outcome', `${source}: expected an outcome object, got ${show(x)}`);
  checkKeys(x, OUTCOME_KEYS, 'outcome');
  if (typeof x.mechanism !== 'string' || x.mechanism.length === 0 || x.mechanism.length > 200)
    bad('bad-outcome', `outcome.mechanism: expected a mechanism id, got ${show(x.mechanism)}`);
  if (x.kind !== undefined && !(OUTCOME_KINDS as readonly unknown[]).includes(x.kind))
    bad('bad-outcome', `outcome.kind: expected one of ${OUTCOME_KINDS.join(', ')}, got ${show(x.kind)}`);
  if (x.claims !== undefined && !Array.isArray(x.claims))
    bad('bad-outcome', `outcome.claims: expected a list of claims, got ${show(x.claims)}`);
  const rawClaims = (x.claims as unknown[] | undefined) ?? [];
  if (rawClaims.length > LIMITS.claims)
    bad('too-large', `outcome.claims: ${rawClaims.length} claims, at most ${LIMITS.claims} are accepted`);
  const claims = rawClaims.map(claimOf);
  if (x.options !== undefined && !isPlainObject(x.options))
    bad('bad-outcome', `outcome.options: expected an object, got ${show(x.options)}`);
  if (x.certificate !== undefined && !isPlainObject(x.certificate))
    bad('bad-outcome', `outcome.certificate: expected an object, got ${show(x.certificate)}`);
  const allocation = x.allocation !== undefined ? bundles(x.allocation, 'outcome.allocation', inst) : undefined;
  const lottery = x.lottery !== undefined ? lotteryOf(x.lottery, inst) : undefined;
  // a mixed outcome's fractional allocation is recomputed from its mixed support, never taken from the file
  const mixed = x.mixed !== undefined ? MixedLottery.fromJSON(x.mixed, inst) : undefined;
  const fractional = x.fractional !== undefined && !mixed ? fractionalOf(x.fractional, inst) : undefined;
  if (!allocation && !lottery && !fractional && !mixed)
    bad('bad-outcome', 'outcome: needs "allocation", "fractional", "lottery" or "mixed"');
  const certificates = x.certificates !== undefined ? certificatesOf(x.certificates, inst) : undefined;
  const kind = lottery ? 'lottery' : allocation ? 'allocation' : 'fractional';
  if (x.kind !== undefined && x.kind !== kind)
    bad(
      'bad-outcome',
      `outcome.kind: says ${show(x.kind)} but the outcome gives ${lottery ? 'a lottery' : allocation ? 'an allocation' : 'only a fractional allocation'}`,
    );
  return new Outcome({
    mechanism: x.mechanism,
    instance: inst,
    allocation,
    lottery,
    fractional,
    mixed,
    claims,
    ...(certificates ? { trace: certificates } : {}),
    options: (x.options as Record<string, unknown>) ?? {},
  });
}
