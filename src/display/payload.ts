/**
 * The versioned plain-JSON payloads of fairdiv's rich outputs.
 *
 * Every rich output is one MIME bundle `[application/vnd.fairdiv.<kind>+json, text/html, text/plain]`.
 * The JSON item is one of the payloads below: plain data only (strings, numbers, booleans, arrays,
 * objects), so that `.ipynb` files store it verbatim. Exact numbers are strings in the library's
 * `Rational.toString()` form (`"7"`, `"5/2"`); where a chart needs a float, the payload carries it
 * next to the exact string (`approx`). Every payload has `schema: "fairdiv/<kind>@<version>"`.
 *
 * Compatibility: a renderer must accept every version it knows and show unknown fields as absent;
 * additions keep the version, incompatible changes bump it. (The certificate's `verdict` is such an
 * addition to version 1: payloads written before it lack the field, and readers derive it from the
 * counts, see src/display/verdict.ts.)
 */

/** The kinds of rich output. */
export type DisplayKind =
  | 'instance'
  | 'allocation'
  | 'fractional'
  | 'lottery'
  | 'mixed'
  | 'mms-histogram'
  | 'certificate'
  | 'mms'
  | 'trace'
  | 'simulation'
  | 'comparison';

/** Every kind once (a record keyed by the union, so a kind missing here is a compile error). */
const KIND_SET: { readonly [K in DisplayKind]: true } = {
  instance: true,
  allocation: true,
  fractional: true,
  lottery: true,
  mixed: true,
  'mms-histogram': true,
  certificate: true,
  mms: true,
  trace: true,
  simulation: true,
  comparison: true,
};

export const DISPLAY_KINDS: readonly DisplayKind[] = Object.keys(KIND_SET) as DisplayKind[];

/** Current payload version of every kind. */
export const PAYLOAD_VERSION = 1;

/** `application/vnd.fairdiv.<kind>+json`. */
export function mimeOf(kind: DisplayKind): string {
  return `application/vnd.fairdiv.${kind}+json`;
}

/** The kind of a fairdiv MIME type, or null. */
export function kindOfMime(mime: string): DisplayKind | null {
  const m = /^application\/vnd\.fairdiv\.([a-z-]+)\+json$/.exec(mime);
  return m && Object.hasOwn(KIND_SET, m[1]) ? (m[1] as DisplayKind) : null;
}

/** An exact rational as a string: `"3"`, `"-5/2"`. */
export type Exact = string;

/** Status of a share computation: the MMS solver may stop at a time limit with bounds only. */
export type ShareStatus = 'optimal' | 'timeout' | 'error' | 'skipped';

/** Agent i's shares, used for ratios in allocation and lottery payloads. */
export interface AgentShares {
  /** v_i(M). */
  total: Exact;
  /** PROP_i = v_i(M)/n. */
  prop: Exact;
  /** MMS_i^n (the solver's value; the lower bound when `mmsStatus` is 'timeout'); absent when not computed. */
  mms?: Exact;
  mmsUpper?: Exact;
  mmsStatus: ShareStatus;
}

/** The valuation table shared by allocation-like payloads. */
export interface InstanceTable {
  agents: string[];
  goods: string[];
  /** values[i][g], exact. */
  values: Exact[][];
}

interface Base<K extends DisplayKind> {
  schema: `fairdiv/${K}@${number}`;
  kind: K;
  /** Optional caption (e.g. the mechanism's name). */
  title?: string;
}

/** `instance`: the valuation table with totals and proportional shares. */
export interface InstancePayload extends Base<'instance'>, InstanceTable {
  /** Per agent: v_i(M) and PROP_i (and MMS_i when it was computed). */
  shares: AgentShares[];
  divisible: number[];
  /** The declared bi-valued domain of the indivisible goods, when the instance has one. */
  bivalued?: BivaluedPayload;
}

/** A declared bi-valued domain: each agent's pair (a_i, b_i), the same pair for all when `common`. */
export interface BivaluedPayload {
  common: boolean;
  /** pairs[i] = [a_i, b_i], exact. */
  pairs: [Exact, Exact][];
}

/** Per-agent numbers of one integral allocation. */
export interface AgentRow {
  /** v_i(A_i). */
  value: Exact;
  /** v_i(A_i) / PROP_i (absent when PROP_i = 0). */
  propRatio?: Exact;
  /** v_i(A_i) / MMS_i (absent when MMS_i = 0 or not computed). */
  mmsRatio?: Exact;
}

/** `allocation`: an integral allocation in the context of its instance. */
export interface AllocationPayload extends Base<'allocation'>, InstanceTable {
  mechanism?: string;
  /** owner[g] = the agent holding good g. */
  owner: number[];
  bundles: number[][];
  rows: AgentRow[];
  shares: AgentShares[];
  claims?: ClaimSummary[];
  trace?: TraceStepPayload[];
  /** Fisher-market prices stated by an `fpo-prices` claim (the fPO certificate). */
  prices?: FisherPricesPayload[];
}

/** Fisher-market prices a claim states for one allocation, with the budgets and MBB edges they imply. */
export interface FisherPricesPayload {
  /** held[i] = the goods agent i holds (any positive share). */
  held: number[][];
  /** p_g, exact. */
  prices: Exact[];
  /** e_i = sum_g p_g x_ig, exact. */
  budgets: Exact[];
  /** alpha_i = max_g v_i(g)/p_g, exact (absent when some price is not positive). */
  bangPerBuck?: Exact[];
  /** mbb[i] = the goods g with v_i(g)/p_g = alpha_i (absent with bangPerBuck). */
  mbb?: number[][];
}

/** `fractional`: a fractional allocation as a heatmap, with expected values when the instance is known. */
export interface FractionalPayload extends Base<'fractional'> {
  mechanism?: string;
  agents: string[];
  goods: string[];
  /** shares[i][g] in [0, 1], exact. */
  shares: Exact[][];
  values?: Exact[][];
  /** sum_g shares[i][g] v_i(g), exact, when values are known. */
  expected?: Exact[];
  claims?: ClaimSummary[];
  trace?: TraceStepPayload[];
}

/** One allocation of a lottery's support. */
export interface SupportEntry {
  p: Exact;
  owner: number[];
  bundles: number[][];
  rows: AgentRow[];
}

/** `lottery`: the support by decreasing probability, with per-agent values and ratios. */
export interface LotteryPayload extends Base<'lottery'>, InstanceTable {
  mechanism?: string;
  support: SupportEntry[];
  /** Expected values E[v_i(A_i)] and their ratios to PROP_i / MMS_i. */
  expected: AgentRow[];
  /** The marginals (fractional allocation implemented by the lottery). */
  marginals: Exact[][];
  shares: AgentShares[];
  claims?: ClaimSummary[];
  trace?: TraceStepPayload[];
  /** Number of support entries omitted from `support` (very large lotteries are truncated). */
  omitted?: number;
  /** Fisher-market prices stated by an `ex-post-fpo-prices` claim, one entry per priced allocation. */
  prices?: FisherPricesPayload[];
}

/** One mixed allocation of a mixed lottery's support: indivisible bundles plus exact fractions of divisible goods. */
export interface MixedSupportEntry {
  p: Exact;
  /** bundles[i] = agent i's indivisible goods. */
  bundles: number[][];
  /** fractions[i][k] = agent i's share of the divisible good `divisible[k]`, exact. */
  fractions: Exact[][];
  /** v_i(A_i) and its ratio to PROP_i (empty when the instance is unknown). */
  rows: AgentRow[];
}

/** One step of water-filling (seed-003 spec P7): bundles of `agents` grow by `each`, or a cycle rotates. */
export type WaterFillingStepPayload =
  | { kind: 'add'; agents: number[]; delta: Exact; each: Exact; remaining: Exact }
  | { kind: 'rotate'; cycle: number[]; envyEdge: [number, number] };

/** A water-filling run found in the trace: the step it came from and the agent order it ran for, if any. */
export interface WaterFillingPayload {
  step: string;
  order?: number[];
  steps: WaterFillingStepPayload[];
}

/**
 * `mixed`: a lottery over mixed allocations (one allocation: probability 1), with divisible goods shown as
 * exact fractions, never as bundle chips. MMS is not computed (the MMS solver is for indivisible goods).
 */
export interface MixedPayload extends Base<'mixed'>, InstanceTable {
  mechanism?: string;
  /** Indices of the divisible goods (the columns of `fractions`). */
  divisible: number[];
  bivalued?: BivaluedPayload;
  support: MixedSupportEntry[];
  /** E[v_i(A_i)] and its ratio to PROP_i (empty when the instance is unknown). */
  expected: AgentRow[];
  /** marginals[i][g] = expected share of good g held by agent i (n x m), exact. */
  marginals: Exact[][];
  shares: AgentShares[];
  claims?: ClaimSummary[];
  trace?: TraceStepPayload[];
  waterFilling?: WaterFillingPayload[];
  /** Number of support entries omitted from `support`. */
  omitted?: number;
}

/** A mechanism's claim, as listed under an outcome (unchecked: see the certificate kind). */
export interface ClaimSummary {
  id: string;
  text: string;
  rho?: Exact;
}

/** One bar of a histogram: the exact MMS fraction and its probability. */
export interface HistogramBar {
  /** v_i(A_i) / MMS_i, exact. */
  x: Exact;
  approx: number;
  /** Probability of the allocations giving this fraction. */
  p: Exact;
  pApprox: number;
}

/** `mms-histogram`: each agent's distribution of v_i(A_i)/MMS_i over the lottery's support. */
export interface MmsHistogramPayload extends Base<'mms-histogram'> {
  mechanism?: string;
  agents: string[];
  /** series[i]: agent i's bars by increasing x; empty when MMS_i is 0 or could not be computed. */
  series: HistogramBar[][];
  shares: AgentShares[];
  /** P(v_i(A_i) >= MMS_i) per agent, exact. */
  pAtLeastMms: (Exact | null)[];
  /** min over the support of v_i(A_i)/MMS_i (the ex-post guarantee achieved), exact. */
  worst: (Exact | null)[];
}

/** A number the checker compared, with its label (e.g. `v_bob(A_bob)`, `needed`) and the agent it belongs to. */
export interface ComparedNumber {
  label: string;
  value: Exact;
  /** The agent (by name) the number belongs to, when it belongs to one. */
  agent?: string;
}

/**
 * One comparison behind a claim's status, `left relation right` (`v_bob(A_bob) = 8 ≥ 7 = MMS_bob`): the violation a
 * failing checker found, or the tightest comparison of a claim that holds (the pair, agent or good closest to
 * violating it).
 */
export interface ComparedRelation {
  /** The agent (by name) whose values are compared, when there is one. */
  agent?: string;
  left: ComparedNumber;
  relation: '≥' | '>' | '≤' | '<' | '=' | '≠';
  right: ComparedNumber;
  /** Which comparison this is (`tightest pair`, `violation, support allocation 2 (p = 1/3)`). */
  note?: string;
}

/** One checked claim. */
export interface ClaimPayload {
  id: string;
  text: string;
  rho?: Exact;
  status: 'pass' | 'fail' | 'unchecked';
  /** The comparisons behind the status (absent in payloads written before the field). */
  compared?: ComparedRelation[];
  /** The other exact numbers at the top level of the checker's detail (per-agent lists by agent). */
  numbers: ComparedNumber[];
  /** The checker's explanation, when it gave one (`detail.reason`). */
  reason?: string;
  /** The rest of the detail, as plain data. */
  detail: PlainNode;
  witness?: PlainNode;
}

/**
 * A certificate's verdict (src/certify.ts `Verdict`): `certified` (every claim checked and holds), `failed`
 * (some claim fails), `partly-checked` (none fails, some undecided), `nothing-checked` (every claim
 * undecided), `nothing-claimed` (no claims).
 */
export type CertificateVerdict = 'certified' | 'failed' | 'partly-checked' | 'nothing-checked' | 'nothing-claimed';

/** `certificate`: a CertificateReport. */
export interface CertificatePayload extends Base<'certificate'> {
  mechanism: string;
  /** Absent in version-1 payloads written before it was added: read it with `certificateVerdict(p)`. */
  verdict?: CertificateVerdict;
  /** The report's `ok`: no claim fails and at least one was checked and holds. */
  ok: boolean;
  passed: number;
  failed: number;
  unchecked: number;
  agents: string[];
  goods: string[];
  claims: ClaimPayload[];
}

/** `mms`: an MMS result and its witness partition. */
export interface MmsPayload extends Base<'mms'> {
  /** Agent name, when known. */
  agent?: string;
  /** Good names (indices of the partition refer to these), when known. */
  goods?: string[];
  /** The valuation the MMS was computed for, when known. */
  values?: Exact[];
  n: number;
  value: Exact;
  lower: Exact;
  upper: Exact;
  status: 'optimal' | 'timeout';
  partition: number[][];
  /** Value of each bundle of the partition (when the valuation is known). */
  bundleValues?: Exact[];
  stats?: { nodes?: number; ms?: number; method?: string };
}

/** One step of a construction trace, the data as plain nodes. */
export interface TraceStepPayload {
  id: string;
  title: string;
  text?: string;
  data: PlainNode;
}

/** `trace`: an Outcome's construction trace (or any list of steps). */
export interface TracePayload extends Base<'trace'> {
  mechanism?: string;
  steps: TraceStepPayload[];
}

/**
 * Generic plain data, normalised for display:
 * * `text`: a string, number, boolean, null, or an exact rational;
 * * `matrix`: a rectangular array of scalars (rows labelled with agents / columns with goods when the
 *   sizes match the instance);
 * * `table`: an array of objects with the same scalar keys;
 * * `list`: any other array;
 * * `kv`: an object.
 */
export type PlainNode =
  | { t: 'text'; value: string; exact?: boolean }
  | { t: 'matrix'; rows: string[][]; rowLabels?: string[]; colLabels?: string[] }
  | { t: 'table'; columns: string[]; rows: string[][] }
  | { t: 'list'; items: PlainNode[]; omitted?: number }
  | { t: 'kv'; entries: [string, PlainNode][] };

/** A curve with its interval (a band or error bars). */
export interface CurveSeries {
  name: string;
  /** Points by increasing x; `lo`/`hi` bound the interval (absent: none). */
  points: { x: number; y: number; lo?: number; hi?: number }[];
  /** Dashed (analytic curves). */
  dashed?: boolean;
  /** Line style (overlaid series of one panel take solid, dot, dash, dashdot in turn); wins over `dashed`. */
  dash?: 'solid' | 'dot' | 'dash' | 'dashdot';
  /** How the interval is drawn: a shaded band (default) or error bars at each point. */
  interval?: 'band' | 'bars';
}

/** One panel of a simulation figure (shared x axis). */
export interface CurvePanel {
  title: string;
  yLabel: string;
  /** [min, max] of the y axis when fixed (probabilities: [0, 1]). */
  yRange?: [number, number];
  series: CurveSeries[];
}

/**
 * `simulation`: curves with intervals (paper 001 simulation results, the figures of paper 004's experiments). One
 * panel per metric, or several series overlaid in one panel.
 */
export interface SimulationPayload extends Base<'simulation'> {
  xLabel: string;
  /** The x axis' scale shared by every panel (absent: linear); `log` needs positive x. */
  xScale?: 'linear' | 'log';
  panels: CurvePanel[];
  /** Parameters of the run, as key/values. */
  params?: [string, string][];
}

/** One cell of a comparison: a certified property (`pass`/`fail`/`unchecked`), a number (`value`), or `n/a`. */
export interface ComparisonCellPayload {
  status: 'pass' | 'fail' | 'unchecked' | 'value' | 'n/a';
  /** The exact number of a `value` cell (fraction, support size, milliseconds). */
  value?: Exact;
  approx?: number;
  /** Why the cell is not pass/fail, or what it compared (e.g. the worst agent of a fraction). */
  reason?: string;
}

/** A column of a comparison: a certified property, a share fraction, a count or a time. */
export interface ComparisonColumn {
  id: string;
  label: string;
  type: 'property' | 'fraction' | 'count' | 'time';
}

/** `comparison`: mechanisms x certified properties on one instance (`compare(inst)`), drawn as a heatmap. */
export interface ComparisonPayload extends Base<'comparison'> {
  agents: string[];
  goods: string[];
  columns: ComparisonColumn[];
  /** The mechanisms that ran, one cell per column. */
  rows: { mechanism: string; name: string; source: string; outcomeKind: string; cells: ComparisonCellPayload[] }[];
  /** The mechanisms that did not run, with the reason (outside the domain, options needed, time limit, error). */
  skipped: { mechanism: string; name: string; status: string; reason: string }[];
}

export type Payload =
  | InstancePayload
  | AllocationPayload
  | FractionalPayload
  | LotteryPayload
  | MixedPayload
  | MmsHistogramPayload
  | CertificatePayload
  | MmsPayload
  | TracePayload
  | SimulationPayload
  | ComparisonPayload;

/** The payload type of one kind. */
export type PayloadOf<K extends DisplayKind> = Extract<Payload, { kind: K }>;

/** `fairdiv/<kind>@<version>`. */
export function schemaOf<K extends DisplayKind>(kind: K, version = PAYLOAD_VERSION): `fairdiv/${K}@${number}` {
  return `fairdiv/${kind}@${version}`;
}

/** The fields a payload opens with: schema, kind, and the caption and mechanism when given. */
export function payloadHeader<K extends DisplayKind>(
  kind: K,
  title?: string,
  mechanism?: string,
): { schema: `fairdiv/${K}@${number}`; kind: K; title?: string; mechanism?: string } {
  return { schema: schemaOf(kind), kind, ...(title ? { title } : {}), ...(mechanism ? { mechanism } : {}) };
}

/** Float approximation of an exact string (`"5/2"` -> 2.5), for charts only. */
export function approx(x: Exact): number {
  const k = x.indexOf('/');
  if (k < 0) return Number(x);
  return Number(x.slice(0, k)) / Number(x.slice(k + 1));
}
