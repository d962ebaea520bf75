/**
 * Benchmark of the claim checkers at scale (issue 17, item 3): `npm run bench -- certify [options]`.
 *
 * For (n, m) = (10, 50), (20, 100), (50, 200), (100, 500), one seeded uniform instance (values 1..100) and
 * three allocations of it: round robin, envy-cycle elimination and a maximum-welfare allocation (fPO by
 * construction). Each claim is certified alone, `certify(outcome, { claims: [claim] })`, in the order
 * rho-MMS (2/3), IMMX, EF1, EFX, fPO, PO, and timed in CPU milliseconds of this process (the machine is
 * shared; wall times would count the other processes). MMS shares are cached by valuation across claims
 * and allocations (`mmsShare`): the round-robin rho-MMS row pays for them ("cold"), later rows reuse them.
 *
 * In-process baselines, the checkers as they were before this issue: fPO by exact rational Bellman–Ford
 * (products of Rationals, normalised at every step), and PO without the exchange and price stages (fPO, then the
 * exact branch and bound, then the HiGHS integer program). Each gets the same certify-style budget and is run up
 * to `--baseline-max` goods. Writes `bench/results/certify.md`.
 *
 * A second table (`bench/results/certify-workers.md`): the rho-MMS (2/3) claim of the round-robin allocation with a
 * cold share cache, checked inline by `certify` (the baseline) and by `certifyAsync` with the shares on 1 and 2
 * worker threads, in wall time (the point of the threads) and CPU time of all threads.
 *
 * A third table (`--tables lottery`, appended to `bench/results/certify.md`): the lottery of `tie-mms-ordinal` on the
 * seeded uniform instances of the tie-mms bench (`uniformInstance`, seed `tie-mms-<n>x<m>`, default options) at
 * (20, 200) and (50, 500), certified whole with the default budget (60 s), then each claim alone, every time with
 * cold caches (support scans and MMS shares), in CPU time.
 *
 * Options: `--sizes 10x50,20x100` ; `--limit-ms N` (budget per certify call, default 30000) ;
 * `--baseline-max M` (largest m for the baselines, default 200) ; `--out FILE` ; `--tables claims,workers,lottery`
 * (default all three) ; `--worker-sizes 50x200,100x500` ; `--repeat K` (runs of each row, interleaved; the fastest
 * is shown, default 3) ; `--workers-out FILE` ; `--lottery-sizes 20x200,50x500`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { certify, certifyAsync, solve } from '../src';
import type { ClaimChoice } from '../src/certify';
import type { Claim } from '../src/core/outcome';
import { clearSupportScans } from '../src/checks/support-scan';
import type { Allocation } from '../src/core/allocation';
import { LimitError } from '../src/core/errors';
import type { Instance } from '../src/core/instance';
import { Rational } from '../src/core/rational';
import { withTimeBudget } from '../src/core/time-budget';
import { checkPO } from '../src/checks/efficiency';
import type { CheckResult } from '../src/checks/result';
import { uniformInstance } from '../src/generators';
import { cachedMmsShare, clearMmsShares } from '../src/shares/share-cache';

const CLAIMS = [{ id: 'rho-mms', rho: '2/3' }, 'immx', 'ef1', 'efx', 'fpo', 'po'] as const;
const MECHANISMS = ['round-robin', 'envy-cycle', 'max-welfare'] as const;

function option(args: string[], name: string, dflt: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
}

/**
 * CPU milliseconds of the child processes this process has waited for (HiGHS runs in one per call: checkPO's price
 * search and integer program), from /proc/self/stat (cutime + cstime in clock ticks, 100 per second on Linux); 0
 * where /proc is missing.
 */
function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3): cutime and cstime are fields 16 and 17
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/** CPU (this process and its child processes) and wall milliseconds of `fn`. */
function timed<T>(fn: () => T): { value: T; cpu: number; wall: number } {
  const c = process.cpuUsage();
  const k = childCpuMs();
  const t = performance.now();
  const value = fn();
  const u = process.cpuUsage(c);
  return { value, cpu: (u.user + u.system) / 1000 + childCpuMs() - k, wall: performance.now() - t };
}

const fmt = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;

/** The fPO checker before issue 17: exact max-product Bellman–Ford over Rationals (normalised each step). */
function fpoRationalBellmanFord(inst: Instance, a: Allocation): boolean {
  const n = inst.n;
  const v = inst.values;
  const edge: (Rational | null)[][] = Array.from({ length: n }, () => new Array<Rational | null>(n).fill(null));
  for (let i = 0; i < n; i++)
    for (const g of a.bundles[i])
      for (let k = 0; k < n; k++) {
        if (k === i || v[k][g].isZero()) continue;
        if (v[i][g].isZero()) return false;
        const ratio = v[k][g].div(v[i][g]);
        if (!edge[i][k] || ratio.gt(edge[i][k] as Rational)) edge[i][k] = ratio;
      }
  const beta: Rational[] = new Array(n).fill(Rational.ONE);
  for (let round = 0; round < n + 1; round++) {
    let changed = false;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++) {
        const e = edge[i][k];
        if (!e) continue;
        const cand = beta[k].mul(e);
        if (cand.gt(beta[i])) {
          beta[i] = cand;
          changed = true;
        }
      }
    if (!changed) return true;
  }
  return false;
}

/** Runs a baseline under a certify-style budget: its verdict, or 'timeout'. */
function baseline(limitMs: number, fn: () => boolean | CheckResult): { verdict: string; cpu: number } {
  const c = process.cpuUsage();
  const k = childCpuMs();
  const cpu = () => {
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000 + childCpuMs() - k;
  };
  try {
    const v = withTimeBudget(limitMs, fn, 'baseline');
    const verdict =
      typeof v === 'boolean' ? (v ? 'pass' : 'fail') : v.unchecked ? 'unchecked' : v.holds ? 'pass' : 'fail';
    return { verdict, cpu: cpu() };
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    return { verdict: 'stopped by the budget', cpu: cpu() };
  }
}

/** `10x50,20x100` as [n, m] pairs. */
function sizesOption(args: string[], name: string, dflt: string): [number, number][] {
  return option(args, name, dflt)
    .split(',')
    .map((s) => s.split('x').map(Number) as [number, number]);
}

/** The wall and CPU time (all threads) of an async `fn`. */
async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: number; wall: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const u = process.cpuUsage(c);
  return { value, cpu: (u.user + u.system) / 1000, wall: performance.now() - t };
}

/** Runs the certify benchmark and writes bench/results/certify.md and certify-workers.md (or `--out`, `--workers-out`). */
export async function run(args: string[]): Promise<void> {
  const tables = option(args, '--tables', 'claims,workers,lottery').split(',');
  if (tables.includes('claims')) await claimsTable(args);
  if (tables.includes('workers')) await workersTable(args);
  if (tables.includes('lottery')) lotteryTable(args);
}

/** A claim of an outcome as `certify` takes it when chosen: its id with its factor and parameters. */
function choiceOf(c: Claim): ClaimChoice {
  return { id: c.id, ...(c.rho ? { rho: c.rho } : {}), ...(c.params ? { params: c.params } : {}) };
}

/** The first words of a claim's detail: how it was decided, or why not. */
function howDecided(detail: Readonly<Record<string, unknown>>): string {
  const d = detail as { via?: unknown; reason?: unknown };
  return String(d.via ?? d.reason ?? '').slice(0, 90);
}

/**
 * The lottery of `tie-mms-ordinal` certified (issue 17, item 3): the whole outcome with the default budget, then each
 * claim alone, with cold caches every time; appended to bench/results/certify.md as its own section.
 */
function lotteryTable(args: string[]): void {
  const sizes = sizesOption(args, '--lottery-sizes', '20x200,50x500');
  const out = option(args, '--out', 'bench/results/certify.md');
  const cold = () => {
    clearSupportScans();
    clearMmsShares();
  };
  const lines = [
    '## The lottery of tie-mms-ordinal',
    '',
    `Run by \`npm run bench -- certify --tables lottery\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load`,
    `average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} at the start (2 shared cores). The instance of the tie-mms bench (\`uniformInstance\`, U{1..100}, seed`,
    '`tie-mms-<n>x<m>`) solved by `solve` with default options (a budget of 600 s instead of 60 s: the solve is not what',
    'is measured, and a loaded machine cuts it short at (50, 500)); its outcome certified whole with the default budget',
    '(60 s), then each claim alone; every certify call starts with cold caches (support scan, MMS shares). CPU time of',
    'this process; the first claim that reads the support pays for the scan. Before the support scans (bench/results/tie-mms.md,',
    'same instances and calls): certify took 7.4 s CPU at (20, 200) and 68 s CPU at (50, 500), where it checked nothing.',
    '',
    '| n | m | allocations | solve CPU | claim | status | CPU | wall | how decided |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [n, m] of sizes) {
    const inst = uniformInstance({ n, m, seed: `tie-mms-${n}x${m}` });
    // the solve is not what is measured here: a budget that a loaded machine does not cut short
    const solved = timed(() => solve('tie-mms-ordinal', inst, {}, { timeLimitMs: 600_000 }));
    const outcome = solved.value;
    const size = outcome.lottery?.size ?? 1;
    const head = [n, m, size, fmt(solved.cpu)];
    cold();
    const whole = timed(() => certify(outcome));
    const row = (cells: unknown[]) => {
      lines.push(`| ${cells.join(' | ')} |`);
      console.log(lines[lines.length - 1]);
    };
    const counts = `${whole.value.passed} pass, ${whole.value.failed} fail, ${whole.value.unchecked} unchecked`;
    row([...head, 'all claims, one call', `${whole.value.verdict} (${counts})`, fmt(whole.cpu), fmt(whole.wall), '']);
    for (const c of outcome.claims) {
      cold();
      const r = timed(() => certify(outcome, { claims: [choiceOf(c)] }));
      const res = r.value.claims[0];
      const label = c.rho ? `${c.id} (${c.rho.toDisplay()})` : c.id;
      row([...head, label, res.status, fmt(r.cpu), fmt(r.wall), howDecided(res.detail)]);
    }
  }
  const before = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const at = before.indexOf(LOTTERY_HEADING);
  writeFileSync(out, (at < 0 ? `${before}\n` : before.slice(0, at + 1)) + lines.join('\n') + '\n');
  console.log(`appended to ${out}`);
}

/** Each claim's time per size and allocation, against the old fPO and PO checkers (bench/results/certify.md). */
async function claimsTable(args: string[]): Promise<void> {
  const sizes = sizesOption(args, '--sizes', '10x50,20x100,50x200,100x500');
  const limitMs = Number(option(args, '--limit-ms', '30000'));
  const baselineMax = Number(option(args, '--baseline-max', '200'));
  const out = option(args, '--out', 'bench/results/certify.md');

  // JIT warm-up on a small instance
  const warm = uniformInstance({ n: 5, m: 20, seed: 1 });
  for (const mech of MECHANISMS) certify(solve(mech, warm), { claims: [...CLAIMS] });

  const lines = [
    '# Claim checkers at scale',
    '',
    `Generated by \`npm run bench -- certify\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, one thread, on a`,
    `shared 2-core machine (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the start). Times are CPU time of this process and of its HiGHS child processes.`,
    `One seeded uniform instance (values 1..100) per size; each claim certified alone with a ${limitMs / 1000} s budget.`,
    'MMS shares are cached by valuation across claims and allocations: the first rho-MMS row of a size pays for',
    'all n shares ("cold"), the rows after it reuse them. Status: pass / fail / unchecked (budget or search limit).',
    'Baselines (same process, same budget): fPO by exact rational Bellman–Ford and PO without the exchange and price stages,',
    `the checkers before issue 17, run up to m = ${baselineMax}.`,
    '',
    '| n | m | allocation | claim | status | CPU | wall | how decided | baseline | baseline CPU |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [n, m] of sizes) {
    const inst = uniformInstance({ n, m, seed: 17_000 + n * 1000 + m });
    let cold = true;
    for (const mech of MECHANISMS) {
      const outcome = solve(mech, inst);
      const alloc = outcome.allocation as Allocation;
      for (const claim of CLAIMS) {
        const id = typeof claim === 'string' ? claim : claim.id;
        const r = timed(() => certify(outcome, { claims: [claim], timeLimitMs: limitMs }));
        const c = r.value.claims[0];
        const detail = c.detail as { via?: string; reason?: string };
        const how = detail.via ?? (c.status === 'unchecked' ? String(detail.reason ?? '').slice(0, 60) : '');
        let base = { verdict: '–', cpu: NaN };
        if (m <= baselineMax && id === 'fpo') base = baseline(limitMs, () => fpoRationalBellmanFord(inst, alloc));
        if (m <= baselineMax && id === 'po')
          base = baseline(limitMs, () => checkPO(inst, alloc, 5_000_000, { exchanges: false, prices: false }));
        const label = id === 'rho-mms' ? `rho-MMS (2/3)${cold ? ', cold' : ', cached'}` : id;
        if (id === 'rho-mms') cold = false;
        const row = [
          n,
          m,
          mech,
          label,
          c.status,
          fmt(r.cpu),
          fmt(r.wall),
          how,
          base.verdict,
          Number.isNaN(base.cpu) ? '–' : fmt(base.cpu),
        ];
        lines.push(`| ${row.join(' | ')} |`);
        console.log(lines[lines.length - 1]);
      }
    }
  }
  writeFileSync(out, lines.join('\n') + '\n' + lotterySection(out));
  console.log(`wrote ${out}`);
}

const LOTTERY_HEADING = '\n## The lottery of tie-mms-ordinal\n';

/** The lottery section of an existing results file (kept when only the claim table is re-run), or ''. */
function lotterySection(file: string): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(LOTTERY_HEADING);
  return at < 0 ? '' : text.slice(at);
}

/** Rounds of a fixed integer loop that `threads` worker threads complete together in one second. */
async function spinRounds(threads: number): Promise<number> {
  const code =
    "const { parentPort } = require('node:worker_threads'); let x = 0, n = 0; const t = Date.now();" +
    'while (Date.now() - t < 1000) { for (let i = 0; i < 1e5; i++) x = (x * 1103515245 + 12345) % 2147483648; n++; }' +
    'parentPort.postMessage(n);';
  const counts = await Promise.all(
    Array.from(
      { length: threads },
      () => new Promise<number>((resolve) => new Worker(code, { eval: true }).once('message', resolve)),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The rho-MMS (2/3) claim of round robin with a cold share cache: inline `certify` against `certifyAsync` with the
 * shares on 1 and 2 worker threads, same budget (bench/results/certify-workers.md).
 */
async function workersTable(args: string[]): Promise<void> {
  const sizes = sizesOption(args, '--worker-sizes', '50x200,100x500');
  const limitMs = Number(option(args, '--limit-ms', '30000'));
  const out = option(args, '--workers-out', 'bench/results/certify-workers.md');
  const repeat = Number(option(args, '--repeat', '3'));
  const before = (await spinRounds(2)) / (await spinRounds(1));
  const claims = [{ id: 'rho-mms', rho: '2/3' }] as const;
  const lines = [
    '# MMS shares on worker threads',
    '',
    `Generated by \`npm run bench -- certify\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, on a shared`,
    `2-core machine (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} at the start: other processes compete for both cores, so the speed-up of 2 threads is a lower bound).`,
    'The rho-MMS (2/3) claim of the round-robin allocation of the seeded uniform instance of the claim table, with a cold',
    `share cache each time and a ${limitMs / 1000} s budget: \`certify\` computes the n shares one after another in this thread`,
    '(the baseline); `certifyAsync` with `workers: 1` and `2` computes them on worker threads first (each share gets a',
    'try of at most 10 ms in this thread, 100 ms in all, then the open ones go to the pool; the thread start-up counts),',
    'then checks the claim on the cache.',
    `Wall time is the point of the threads; CPU is of all threads of the process. Each row ran ${repeat} times, the three`,
    'settings interleaved; shown is the run with the least wall time. "Optimal" counts the shares solved.',
    '',
    'The last line calibrates the machine at the time: how much more a fixed integer loop gets done on two threads than on',
    'one in the same second (2.00x on two idle cores): the ceiling of any speed-up from the threads here.',
    '',
    '| n | m | how | workers | status | wall | CPU (all threads) | optimal shares | wall speed-up |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [n, m] of sizes) {
    const inst = uniformInstance({ n, m, seed: 17_000 + n * 1000 + m });
    const outcome = solve('round-robin', inst);
    const best = new Map<number, { status: string; wall: number; cpu: number; optimal: number }>();
    for (let k = 0; k < repeat; k++)
      for (const workers of [0, 1, 2]) {
        clearMmsShares();
        const r =
          workers === 0
            ? await timedAsync(async () => certify(outcome, { claims: [...claims], timeLimitMs: limitMs }))
            : await timedAsync(() => certifyAsync(outcome, { claims: [...claims], timeLimitMs: limitMs, workers }));
        const optimal = inst.values.filter((v) => cachedMmsShare(v, n)?.status === 'optimal').length;
        console.log(`  (${n}, ${m}) workers ${workers} run ${k + 1}: ${fmt(r.wall)} wall, ${fmt(r.cpu)} CPU`);
        if (!best.has(workers) || r.wall < best.get(workers)!.wall)
          best.set(workers, { status: r.value.claims[0].status, wall: r.wall, cpu: r.cpu, optimal });
      }
    const base = best.get(0)!.wall;
    for (const [workers, b] of best) {
      const row = [
        n,
        m,
        workers === 0 ? 'certify (inline)' : 'certifyAsync',
        workers,
        b.status,
        fmt(b.wall),
        fmt(b.cpu),
        `${b.optimal} / ${n}`,
        workers === 0 ? '1' : `${(base / b.wall).toFixed(2)}x`,
      ];
      lines.push(`| ${row.join(' | ')} |`);
      console.log(lines[lines.length - 1]);
    }
  }
  const after = (await spinRounds(2)) / (await spinRounds(1));
  lines.push(
    '',
    `Calibration: a fixed loop on 2 threads got ${before.toFixed(2)}x (before the rows) and ${after.toFixed(2)}x (after)`,
    'the work of 1 thread in one second.',
  );
  console.log(lines.slice(-2).join(' '));
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${out}`);
}
