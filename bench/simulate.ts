/**
 * Benchmark of paper 001's Monte Carlo (issue 17, item 4): `npm run bench -- simulate [options]`.
 *
 * Trials per second of `simulateMechanism` at n = 10, m = 1000 on Uniform[0, 1] for pick-r (equal shares) and
 * Ranking, against two baselines:
 * * plain JS: the generic harness (`simulate` of src/stochastic/simulate.ts) with the mechanism's allocator, which is
 *   how every simulation ran before: the closure RNG of src/core/rng.ts, comparator sorts, fresh arrays per trial;
 * * NumPy: the same trial vectorized (bench/simulate-numpy.py), when python3 with numpy is installed.
 * The baselines and fairdiv in this thread (`workers: 0`) are timed in CPU seconds of this process; the worker pool
 * (1 and 2 workers) in wall seconds, pool start-up included. Every run must give the same result as the baseline
 * (same seeds, so the same numbers; the "same result" column). Each figure is the best of `--reps` runs, because the
 * machine is shared. Writes `bench/results/simulate.md`.
 *
 * Options: `--n N` (10), `--m M` (1000), `--trials T` (2000; the plain-JS baseline runs T / 5), `--reps R` (3),
 * `--out FILE`.
 */
import { spawnSync } from 'node:child_process';
import { deepStrictEqual } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  simulateMechanism,
  simulateMechanismSync,
  simulationOptions,
  type StochasticSimulationRequest,
} from '../src/mechanisms/stochastic/simulation';
import { simulateSync, type SimulationResult } from '../src/stochastic/simulate';

function arg(args: string[], name: string): string | undefined {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
}

/** CPU seconds of this process (all threads) spent in `f`. */
function cpuSeconds<T>(f: () => T): { value: T; seconds: number } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, seconds: (c.user + c.system) / 1e6 };
}

/** Wall seconds of `f`, and the CPU seconds of this process's threads (workers included) meanwhile. */
async function wallSeconds<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** The best (smallest) time of `reps` runs, and the last run's value. */
async function best<R extends { seconds: number }>(reps: number, f: () => Promise<R>): Promise<R> {
  let out: R | null = null;
  for (let k = 0; k < reps; k++) {
    const r = await f();
    if (!out || r.seconds < out.seconds) out = r;
  }
  return out!;
}

/** The NumPy baseline's CPU seconds per mechanism, or null when python3 or numpy is missing. */
function numpyBaseline(
  n: number,
  m: number,
  trials: number,
): { version: string; seconds: Record<string, number> } | null {
  const r = spawnSync('python3', [path.join(__dirname, 'simulate-numpy.py'), String(n), String(m), String(trials)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const out = JSON.parse(r.stdout) as { numpy: string; cpuSeconds: Record<string, number> };
  return { version: out.numpy, seconds: out.cpuSeconds };
}

const rate = (trials: number, seconds: number) => Math.round(trials / seconds).toString();

export async function run(args: string[]): Promise<void> {
  const n = Number(arg(args, 'n') ?? 10);
  const m = Number(arg(args, 'm') ?? 1000);
  const trials = Number(arg(args, 'trials') ?? 2000);
  const baselineTrials = Math.max(2, Math.round(trials / 5));
  const reps = Number(arg(args, 'reps') ?? 3);
  const mechanisms: { id: string; options: Record<string, unknown> }[] = [
    { id: 'pick-r', options: { r: Array.from({ length: n }, () => `1/${n}`) } },
    { id: 'ranking', options: {} },
  ];
  const numpyTrials = Math.max(50, Math.round(trials / 4));
  const numpy = numpyBaseline(n, m, numpyTrials);
  const rows: string[] = [];
  for (const mech of mechanisms) {
    const req = (t: number): StochasticSimulationRequest => ({
      mechanism: mech.id,
      dist: 'uniform:0,1',
      n,
      ms: [m],
      trials: t,
      seed: 1,
      options: mech.options,
    });
    process.stderr.write(`${mech.id}: plain JS ...\n`);
    const baseline = await best(reps, async () =>
      cpuSeconds(() => simulateSync(simulationOptions(req(baselineTrials)))),
    );
    process.stderr.write(`${mech.id}: fairdiv in this thread ...\n`);
    const inline = await best(reps, async () => cpuSeconds(() => simulateMechanismSync(req(trials))));
    const pooled: { value: SimulationResult; seconds: number; cpu: number }[] = [];
    for (const workers of [1, 2]) {
      process.stderr.write(`${mech.id}: ${workers} worker(s) ...\n`);
      pooled.push(await best(reps, () => wallSeconds(() => simulateMechanism({ ...req(trials), workers }))));
    }
    let same = 'yes';
    try {
      deepStrictEqual(simulateMechanismSync(req(baselineTrials)), baseline.value);
      for (const p of pooled) deepStrictEqual(p.value, inline.value);
    } catch {
      same = 'NO';
    }
    const npSeconds = numpy?.seconds[mech.id];
    rows.push(
      `| ${mech.id} | ${rate(baselineTrials, baseline.seconds)} | ${npSeconds ? rate(numpyTrials, npSeconds) : 'n/a'} | ` +
        `${rate(trials, inline.seconds)} | ${pooled.map((p) => `${rate(trials, p.seconds)} (${rate(trials, p.cpu)})`).join(' | ')} | ` +
        `${(pooled[0].seconds / pooled[1].seconds).toFixed(2)} | ${same} |`,
    );
  }
  const lines = [
    '# Paper 001 Monte Carlo: trials per second',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (the machine is shared with other work).`,
    `n = ${n} agents, m = ${m} items, values i.i.d. Uniform[0, 1], seed 1; pick-r with equal shares (agent order`,
    `0..n-1), Ranking with its default random tie keys. fairdiv runs ${trials} trials, the plain-JS baseline ${baselineTrials},`,
    `NumPy ${numpy ? `${numpyTrials} (numpy ${numpy.version}, bench/simulate-numpy.py)` : '(not available: python3 with numpy not found)'}.`,
    'Plain JS, NumPy and "1 thread" are trials per CPU-second of one thread. The worker columns are trials per wall',
    'second, pool start-up (threads loading the simulation code) included, and in parentheses per CPU-second of all',
    'the process\'s threads (equal to the 1-thread figure when the pool costs nothing); "2 / 1" is the wall speed-up.',
    `Best of ${reps} runs each. "same result": every fairdiv run equals the plain-JS baseline's numbers.`,
    '',
    '| mechanism | plain JS | NumPy | fairdiv, 1 thread | 1 worker | 2 workers | 2 / 1 | same result |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ];
  const out = arg(args, 'out') ?? 'bench/results/simulate.md';
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
}
