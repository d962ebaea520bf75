/**
 * Benchmark of the exact MMS kernel (issue 3, item 4; issue 17, item 1): `npm run bench -- mms [options]`.
 *
 * Seeded bands of instances (20 per band by default, fewer in the hardest bands); on each instance our solver
 * (its own limit per band: 10 s, 20 s in the frontier bands), and with a 10 s limit each, in the same process:
 * a CP-SAT-style assignment model in HiGHS (`highs`, WASM: x_{g,b} binary, max z, z <= floor(v(M)/n), goods
 * sorted and good g only in bundles 0..g, the usual symmetry breaking) and the plain assignment model in
 * `javascript-lp-solver`.
 * Our times are CPU times of this process (`process.cpuUsage`: the machine is shared, and wall time counts
 * the other processes); wall times are listed too. Every answer is re-checked in exact arithmetic: a
 * baseline's value is the true minimum of the partition it returns (ILP values are never trusted), and any
 * disagreement with our optimum is reported with the side at fault. Writes `bench/results/mms.md`.
 *
 * Options: `--instances N` (per band, overrides the band's own count); `--baseline-cap N` (at most N instances per band go
 * through each baseline, default 10); `--baseline-stop K` (a baseline skips the rest of a band after K
 * timeouts in it, default 2; bounds the time spent on baselines); `--band SUBSTR` (only matching bands);
 * `--no-baselines`; `--out FILE`.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { rng, type Rng } from '../src/core/rng';
import { mmsOfIntegers } from '../src/shares/mms';

const LIMIT_MS = 10_000;

interface Band {
  name: string;
  n: number;
  m: number;
  make: (r: Rng, m: number) => bigint[];
  /** Instances (default 20) and our time limit (default LIMIT_MS) in this band. */
  count?: number;
  limitMs?: number;
}

const uniform = (lo: number, hi: number) => (r: Rng, m: number) =>
  Array.from({ length: m }, () => BigInt(r.int(lo, hi)));

/** Spliddit-like: m skewed point values (squared uniforms), rounded by largest remainder to sum to 1000. */
const budget1000 = (r: Rng, m: number): bigint[] => {
  const w = Array.from({ length: m }, () => r.float() ** 2 + 1e-9);
  const s = w.reduce((a, b) => a + b, 0);
  const raw = w.map((x) => (1000 * x) / s);
  const pts = raw.map(Math.floor);
  let left = 1000 - pts.reduce((a, b) => a + b, 0);
  const byRem = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRem) if (left-- > 0) pts[i]++;
  return pts.map(BigInt);
};

const BANDS: Band[] = [
  ...(
    [
      [3, 12],
      [5, 20],
      [8, 24],
      [10, 30],
      [10, 40],
      [15, 40],
      [20, 40],
      [20, 60],
    ] as const
  ).map(([n, m]) => ({
    name: `U[1,100] n=${n} m=${m}`,
    n,
    m,
    make: uniform(1, 100),
  })),
  ...[20, 30, 40].map((m) => ({ name: `1000-point n=10 m=${m}`, n: 10, m, make: budget1000 })),
  ...(
    [
      [3, 20],
      [3, 30],
      [3, 40],
      [5, 24],
      [5, 28],
      [5, 32],
    ] as const
  ).map(([n, m]) => ({
    name: `U[1,2^32) n=${n} m=${m}`,
    n,
    m,
    make: uniform(1, 2 ** 32 - 1),
  })),
  // issue 17: the frontier (dense many-agent, and wide numbers)
  ...[80, 100].map((m) => ({ name: `U[1,100] n=20 m=${m}`, n: 20, m, make: uniform(1, 100) })),
  { name: 'U[1,10^6] n=10 m=50', n: 10, m: 50, make: uniform(1, 10 ** 6), count: 7, limitMs: 20_000 },
  { name: 'U[1,2^48) n=3 m=40', n: 3, m: 40, make: uniform(1, 2 ** 48 - 1) },
  { name: 'U[1,2^48) n=3 m=50', n: 3, m: 50, make: uniform(1, 2 ** 48 - 1), count: 7, limitMs: 20_000 },
  { name: 'U[1,2^48) n=3 m=60', n: 3, m: 60, make: uniform(1, 2 ** 48 - 1), count: 5, limitMs: 20_000 },
];

interface Run {
  ms: number;
  /** Our runs: CPU milliseconds of this process, and the search that decided. */
  cpuMs?: number;
  method?: string;
  /** Exact minimum bundle value of the returned partition (null: no partition). */
  value: bigint | null;
  optimal: boolean;
}

const minOf = (values: readonly bigint[], bin: readonly number[], n: number): bigint => {
  const load = new Array<bigint>(n).fill(0n);
  values.forEach((v, g) => (load[bin[g]] += v));
  return load.reduce((a, b) => (b < a ? b : a));
};

function runOurs(values: readonly bigint[], n: number, limitMs = LIMIT_MS): Run {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = mmsOfIntegers(values, n, { timeLimitMs: limitMs });
  const used = process.cpuUsage(c);
  const ms = performance.now() - t;
  const bin = new Array<number>(values.length);
  r.partition.forEach((b, k) => b.forEach((g) => (bin[g] = k)));
  if (minOf(values, bin, n) < r.value) throw new Error('our witness does not reach our value');
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    method: r.stats.method,
    value: r.value,
    optimal: r.status === 'optimal',
  };
}

/**
 * The CP-SAT-style assignment model (LP format): max z s.t. sum_g v_g x_{g,b} >= z for every b,
 * sum_b x_{g,b} = 1, x binary; z <= floor(v(M) / n); symmetry breaking: goods sorted non-increasingly, good g
 * only in bundles 0..g (label bundles by their largest good). [DECISION] Not also bundle values in
 * non-increasing order: the two symmetry breaks together cut off optimal partitions (measured: HiGHS then
 * reported optimal values below the MMS).
 */
function lpModel(values: readonly bigint[], n: number): string {
  const rank = new Array<number>(values.length);
  values
    .map((_, g) => g)
    .sort((a, b) => (values[b] > values[a] ? 1 : values[b] < values[a] ? -1 : a - b))
    .forEach((g, r) => (rank[g] = r));
  const allowed = (g: number, b: number) => b <= rank[g];
  const m = values.length;
  const rows: string[] = [];
  for (let b = 0; b < n; b++) {
    const load = values.flatMap((v, g) => (allowed(g, b) ? [`${v} x${g}_${b}`] : [])).join(' + ');
    rows.push(` c${b}: ${load ? `${load} - z` : '- z'} >= 0`);
  }
  for (let g = 0; g < m; g++) {
    const terms = Array.from({ length: n }, (_, b) => b).filter((b) => allowed(g, b));
    rows.push(` a${g}: ${terms.map((b) => `x${g}_${b}`).join(' + ')} = 1`);
  }
  const bins = [];
  for (let g = 0; g < m; g++) for (let b = 0; b < n; b++) if (allowed(g, b)) bins.push(`x${g}_${b}`);
  const cap = values.reduce((a, b) => a + b, 0n) / BigInt(n);
  return [
    'Maximize',
    ' obj: z',
    'Subject To',
    ...rows,
    'Bounds',
    ` 0 <= z <= ${cap}`,
    'Binary',
    ' ' + bins.join(' '),
    'End',
  ].join('\n');
}

/**
 * A baseline solver in a worker thread, so that a solver ignoring its own time limit (a simplex cycling on
 * 32-bit coefficients, say) is terminated after the limit plus a grace period, and counted as a timeout.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
let highs;
parentPort.on('message', async (model) => {
  const t = performance.now();
  let status = 'error';
  let columns = {};
  try {
    if (workerData.kind === 'highs') {
      highs ??= await require(workerData.path)();
      const sol = highs.solve(model, workerData.options);
      status = sol.Status;
      for (const [k, c] of Object.entries(sol.Columns)) columns[k] = c.Primal;
    } else {
      const lp = require(workerData.path);
      const sol = lp.Solve(model);
      status = sol.feasible ? 'feasible' : 'infeasible';
      columns = sol;
    }
  } catch {
    highs = undefined;
  }
  parentPort.postMessage({ ms: performance.now() - t, status, columns });
});`;

interface WorkerAnswer {
  ms: number;
  status: string;
  columns: Record<string, unknown>;
}

class Baseline {
  private worker: Worker;

  constructor(private readonly data: { kind: 'highs' | 'jslp'; path: string; options?: unknown }) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: this.data });
    w.unref();
    return w;
  }

  /** Solves in the worker; past the limit plus 5 s the worker is replaced and the run is a timeout. */
  solve(model: unknown): Promise<WorkerAnswer> {
    const t = performance.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners('message');
        void this.worker.terminate();
        this.worker = this.spawn();
        resolve({ ms: performance.now() - t, status: 'killed', columns: {} });
      }, LIMIT_MS + 5000);
      this.worker.once('message', (a: WorkerAnswer) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.worker.postMessage(model);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Reads the assignment back from the x_{g,b} columns; the exact minimum of that partition, or null. */
function readPartition(values: readonly bigint[], n: number, columns: Record<string, unknown>): bigint | null {
  const bin = new Array<number>(values.length).fill(-1);
  for (let g = 0; g < values.length; g++)
    for (let b = 0; b < n; b++) if (Number(columns[`x${g}_${b}`] ?? 0) > 0.5) bin[g] = b;
  return bin.every((b) => b >= 0) ? minOf(values, bin, n) : null;
}

async function runHighs(highs: Baseline, values: readonly bigint[], n: number): Promise<Run> {
  const a = await highs.solve(lpModel(values, n));
  return { ms: a.ms, value: readPartition(values, n, a.columns), optimal: a.status === 'Optimal' };
}

/** The same ILP as a javascript-lp-solver JSON model. */
function jsLpModel(values: readonly bigint[], n: number): unknown {
  const m = values.length;
  const variables: Record<string, Record<string, number>> = { z: { obj: 1 } };
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const ints: Record<string, 1> = {};
  for (let b = 0; b < n; b++) {
    constraints[`c${b}`] = { min: 0 };
    variables.z[`c${b}`] = -1;
  }
  for (let g = 0; g < m; g++) {
    constraints[`a${g}`] = { equal: 1 };
    for (let b = 0; b < n; b++) {
      const x = `x${g}_${b}`;
      variables[x] = { [`c${b}`]: Number(values[g]), [`a${g}`]: 1, [`u${x}`]: 1 };
      constraints[`u${x}`] = { max: 1 };
      ints[x] = 1;
    }
  }
  constraints.fix = { equal: 1 };
  variables['x0_0'].fix = 1;
  return { optimize: 'obj', opType: 'max', constraints, variables, ints, options: { timeout: LIMIT_MS } };
}

async function runJsLp(jslp: Baseline, values: readonly bigint[], n: number): Promise<Run> {
  const a = await jslp.solve(jsLpModel(values, n));
  const value = a.status === 'feasible' ? readPartition(values, n, a.columns) : null;
  return { ms: a.ms, value, optimal: value !== null && a.ms < LIMIT_MS };
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

const fmtMs = (x: number): string =>
  Number.isNaN(x)
    ? '–'
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : x >= 10
        ? `${x.toFixed(0)} ms`
        : `${x.toFixed(2)} ms`;

function option(args: string[], name: string, dflt: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
}

interface Column {
  times: number[];
  timeouts: number;
  run: number;
  ratios: number[];
  /** Optimal claims whose exact partition value equals our optimum. */
  equal: number;
  /** Optimal claims whose exact partition value is below our optimum (the baseline is wrong). */
  wrongBaseline: number;
  /** Partitions whose exact value exceeds our optimum (we are wrong). */
  wrongOurs: number;
}

const newColumn = (): Column => ({
  times: [],
  timeouts: 0,
  run: 0,
  ratios: [],
  equal: 0,
  wrongBaseline: 0,
  wrongOurs: 0,
});

/** Runs the MMS benchmark and writes the table to bench/results/mms.md (or `--out`). */
export async function run(args: string[]): Promise<void> {
  const perBand = Number(option(args, '--instances', '20'));
  const cap = Number(option(args, '--baseline-cap', '10'));
  const stopAfter = Number(option(args, '--baseline-stop', '2'));
  const only = option(args, '--band', '');
  const out = option(args, '--out', 'bench/results/mms.md');
  const baselines = !args.includes('--no-baselines');
  const highs = baselines
    ? new Baseline({
        kind: 'highs',
        path: require.resolve('highs'),
        options: { time_limit: LIMIT_MS / 1000, mip_rel_gap: 0, mip_abs_gap: 0.5, output_flag: false, threads: 1 },
      })
    : undefined;
  const jslp = baselines ? new Baseline({ kind: 'jslp', path: require.resolve('javascript-lp-solver') }) : undefined;

  // JIT warm-up of every search: dense (covering, recursive splitting) and wide (cached windows)
  for (let i = 0; i < 3; i++) runOurs(uniform(1, 100)(rng(`warmup-${i}`), 30), 8);
  for (let i = 0; i < 3; i++) runOurs(uniform(1, 2 ** 48 - 1)(rng(`warmup-wide-${i}`), 34), 3);
  for (let i = 0; i < 2; i++) runOurs(uniform(1, 10 ** 6)(rng(`warmup-cover-${i}`), 24), 6);

  const lines = [
    '# MMS kernel benchmark',
    '',
    `Generated by \`npm run bench -- mms\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, one thread each,`,
    `on a shared 2-core machine (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the start): our times are CPU`,
    'times of the process (process.cpuUsage), wall times next to them. Limit 10 s per solver and instance (ours: 20 s in',
    'the bands of 5-7 instances). Baselines: a CP-SAT-style assignment model (x_{g,b} binary, max z, z <= floor(v(M)/n),',
    'goods sorted and good g only in bundles 0..g) in HiGHS (`highs` WASM; mip_rel_gap 0), and the plain assignment',
    'model (x_{0,0} = 1) in `javascript-lp-solver`.',
    `Each baseline runs in a worker thread (terminated 5 s past the limit), sees at most ${cap} instances per band and`,
    `skips the rest of a band after ${stopAfter} timeouts ("run" column); its value is the exact minimum of the partition`,
    'it returns. Ratio = median over the instances both ran of baseline time / our time (a baseline timeout counts as',
    `${LIMIT_MS / 1000} s, so such ratios are lower bounds: ">="; a terminated worker shows as about ${LIMIT_MS / 1000 + 5} s in the max column).`,
    'Agreement: baseline optimal answers equal to our optimum; "wrong" counts name the side at fault.',
    '',
    'Ratios compare wall times (baselines measure wall time in their worker).',
    '',
    '| band | ours median CPU | ours max CPU | ours median wall | ours optimal | MMS = floor(sum/n) | method (most often) | HiGHS median | HiGHS max | HiGHS run / timeouts | ratio HiGHS/ours | jsLP median | jsLP max | jsLP run / timeouts | ratio jsLP/ours | agreement |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const band of BANDS) {
    if (only && !band.name.includes(only)) continue;
    const r = rng(`mms-bench ${band.name}`);
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const methods = new Map<string, number>();
    const count = args.includes('--instances') ? perBand : (band.count ?? 20);
    let optimal = 0;
    let perfect = 0;
    const cols = { highs: newColumn(), jslp: newColumn() };
    for (let k = 0; k < count; k++) {
      const values = band.make(r, band.m);
      const mine = runOurs(values, band.n, band.limitMs);
      ours.push(mine.ms);
      oursCpu.push(mine.cpuMs as number);
      methods.set(mine.method as string, (methods.get(mine.method as string) ?? 0) + 1);
      if (mine.optimal) optimal++;
      if (mine.value === values.reduce((a, b) => a + b, 0n) / BigInt(band.n)) perfect++;
      const check = async (col: Column, go: () => Promise<Run> | Run) => {
        if (!baselines || col.run >= cap || col.timeouts >= stopAfter) return;
        const res = await go();
        col.run++;
        col.times.push(res.ms);
        const timedOut = !res.optimal;
        if (timedOut) col.timeouts++;
        col.ratios.push((timedOut ? LIMIT_MS : res.ms) / Math.max(mine.ms, 1e-3));
        if (res.value !== null && mine.optimal && mine.value !== null) {
          if (res.value > mine.value) col.wrongOurs++;
          else if (res.optimal && res.value < mine.value) col.wrongBaseline++;
          else if (res.optimal) col.equal++;
        }
      };
      await check(cols.highs, () => runHighs(highs as Baseline, values, band.n));
      await check(cols.jslp, () => runJsLp(jslp as Baseline, values, band.n));
    }
    const ratio = (c: Column) =>
      c.run === 0 ? '–' : `${c.timeouts > 0 ? '>= ' : ''}${median(c.ratios).toFixed(median(c.ratios) >= 100 ? 0 : 1)}x`;
    const agreement = [cols.highs, cols.jslp]
      .map((c, i) => {
        const name = i === 0 ? 'HiGHS' : 'jsLP';
        if (c.run === 0) return `${name}: not run`;
        const parts = [`${name} ${c.equal}/${c.run - c.timeouts} equal`];
        if (c.wrongBaseline) parts.push(`${c.wrongBaseline} baseline wrong`);
        if (c.wrongOurs) parts.push(`**${c.wrongOurs} ours wrong**`);
        return parts.join(', ');
      })
      .join('; ');
    const row = [
      band.name,
      fmtMs(median(oursCpu)),
      fmtMs(Math.max(...oursCpu)),
      fmtMs(median(ours)),
      `${optimal}/${count}`,
      `${perfect}/${count}`,
      [...methods].sort((a, b) => b[1] - a[1])[0][0],
      fmtMs(median(cols.highs.times)),
      fmtMs(cols.highs.times.length ? Math.max(...cols.highs.times) : NaN),
      `${cols.highs.run} / ${cols.highs.timeouts}`,
      ratio(cols.highs),
      fmtMs(median(cols.jslp.times)),
      fmtMs(cols.jslp.times.length ? Math.max(...cols.jslp.times) : NaN),
      `${cols.jslp.run} / ${cols.jslp.timeouts}`,
      ratio(cols.jslp),
      agreement,
    ];
    lines.push(`| ${row.join(' | ')} |`);
    console.log(lines[lines.length - 1]);
  }
  await highs?.close();
  await jslp?.close();
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${out}`);
}
