/**
 * Benchmark of the notebook kernel (issue 17, item 5): `npm run bench -- kernel [options]`.
 *
 * Drives the built kernel (dist/kernel, as `fairdiv run` and the package use it; run `npm run build` first) with its
 * client and reports wall milliseconds, the median of `--reps` fresh kernels unless said otherwise:
 * * start: fork until `ready`, and the part of it spent preloading (library and cell compiler, kernel/preload.ts);
 * * the first cell of a session, `1+1`, and the first cell that imports fairdiv, each on a fresh kernel;
 * * a trivial cell on a running kernel: new sources (`1 + k`, transpiled) and one source run again (cached);
 * the same with the preload switched off (FAIRDIV_KERNEL_PRELOAD=0), which is the kernel as it was; and the floor of
 * fork + IPC + eval (a bare child that evaluates what it receives). Then notebook 20 through the headless runner,
 * with its slowest cell. Writes `bench/results/kernel.md`.
 *
 * Options: `--reps R` (5), `--notebook FILE` (notebooks/20-pick-r-and-prophets.ipynb), `--out FILE`.
 */
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KernelClient as Client, KernelClientOptions } from '../kernel/client';
import type { RunReport } from '../kernel/runner';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'kernel');

function arg(args: string[], name: string): string | undefined {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Wall and kernel CPU milliseconds. */
interface Cost {
  wall: number;
  cpu: number;
}

interface Session {
  start: Cost;
  preload: number;
  first: Cost;
}

const FAIRDIV_CELL =
  "import { instance, solve } from 'fairdiv';\nsolve('round-robin', instance([[1, 2], [2, 1]])).allocation.toString()";

/** Starts a kernel, runs `first`, then `after` (if given); returns the timings and the client. */
async function session(
  KernelClient: typeof Client,
  env: NodeJS.ProcessEnv,
  first: string,
): Promise<{ s: Session; k: Client }> {
  const k = new KernelClient({ cwd: path.join(ROOT, 'notebooks'), env } as KernelClientOptions);
  const t0 = performance.now();
  const ready = await k.start();
  const start = { wall: performance.now() - t0, cpu: ready.cpuMs ?? NaN };
  const t1 = performance.now();
  const r = await k.execute(first);
  if (r.status !== 'ok') throw new Error(`bench kernel: ${first} ended ${r.status}: ${JSON.stringify(r.outputs)}`);
  return {
    s: { start, preload: ready.preloadMs ?? 0, first: { wall: performance.now() - t1, cpu: r.cpuMs ?? NaN } },
    k,
  };
}

/** Median wall and CPU ms of running each source once on a running kernel. */
async function cells(k: Client, sources: string[]): Promise<Cost> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const src of sources) {
    const t = performance.now();
    const r = await k.execute(src);
    wall.push(performance.now() - t);
    cpu.push(r.cpuMs ?? NaN);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Medians of wall and CPU over sessions. */
function med(costs: Cost[]): string {
  return `${ms(median(costs.map((c) => c.wall)))} / ${ms(median(costs.map((c) => c.cpu)))}`;
}

/** Round trips to a bare child that evaluates what it receives: the floor under any kernel. */
async function floor(reps: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairdiv-bench-'));
  const file = path.join(dir, 'echo.js');
  writeFileSync(file, "process.on('message', (m) => process.send({ v: String((0, eval)(m)) }));\n");
  const child = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const once = (code: string) =>
    new Promise<number>((resolve) => {
      const t = performance.now();
      child.once('message', () => resolve(performance.now() - t));
      child.send(code);
    });
  await once('0');
  const times: number[] = [];
  for (let k = 0; k < 20 * reps; k++) times.push(await once(`1 + ${k}`));
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  return median(times);
}

/**
 * Runs a notebook with the built runner in a child process, which reports its report and the CPU seconds of itself
 * and its reaped children (the kernel) from /proc (null elsewhere).
 */
function notebookRun(notebook: string): { report: RunReport; cpuSeconds: number | null } {
  const script = [
    `const { runNotebook } = require(${JSON.stringify(path.join(DIST, 'runner.js'))});`,
    `runNotebook(${JSON.stringify(notebook)}).then((report) => {`,
    '  let cpuSeconds = null;',
    '  try {',
    "    const f = require('fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');",
    "    const tick = Number(require('child_process').execSync('getconf CLK_TCK').toString());",
    '    cpuSeconds = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;',
    '  } catch {}',
    '  delete report.output;',
    '  process.stdout.write(JSON.stringify({ report, cpuSeconds }));',
    '});',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench kernel: the notebook run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { report: RunReport; cpuSeconds: number | null };
}

export async function run(args: string[]): Promise<void> {
  if (!existsSync(path.join(DIST, 'client.js')))
    throw new Error('bench kernel: dist/kernel/client.js is missing; run `npm run build` first');
  const { KernelClient } = require(path.join(DIST, 'client.js')) as typeof import('../kernel/client');
  const reps = Number(arg(args, 'reps') ?? 5);
  const notebook = path.resolve(arg(args, 'notebook') ?? path.join(ROOT, 'notebooks', '20-pick-r-and-prophets.ipynb'));
  const variants = [
    { name: 'preloaded (now)', env: {} },
    { name: 'no preload (as before)', env: { FAIRDIV_KERNEL_PRELOAD: '0' } },
  ];
  const rows: string[] = [];
  for (const v of variants) {
    const trivial: Session[] = [];
    const fair: Session[] = [];
    const fresh: Cost[] = [];
    const rerun: Cost[] = [];
    for (let rep = 0; rep < reps; rep++) {
      process.stderr.write(`kernel ${v.name}: session ${rep + 1}/${reps}\n`);
      const a = await session(KernelClient, v.env, '1+1');
      trivial.push(a.s);
      fresh.push(
        await cells(
          a.k,
          Array.from({ length: 20 }, (_, k) => `${k + 2} + 1`),
        ),
      );
      rerun.push(
        await cells(
          a.k,
          Array.from({ length: 20 }, () => '1+1'),
        ),
      );
      await a.k.dispose();
      const b = await session(KernelClient, v.env, FAIRDIV_CELL);
      fair.push(b.s);
      await b.k.dispose();
    }
    rows.push(
      `| ${v.name} | ${med(trivial.map((s) => s.start))} | ${ms(median(trivial.map((s) => s.preload)))} | ` +
        `${med(trivial.map((s) => s.first))} | ${med(fresh)} | ${med(rerun)} | ${med(fair.map((s) => s.first))} | ` +
        `${med(fair.map((s) => ({ wall: s.start.wall + s.first.wall, cpu: s.start.cpu + s.first.cpu })))} |`,
    );
  }
  process.stderr.write('fork + IPC + eval floor\n');
  const floorMs = await floor(reps);
  process.stderr.write(`${path.basename(notebook)}\n`);
  const { report, cpuSeconds } = notebookRun(notebook);
  const slowest = [...report.cells].sort((a, b) => b.ms - a.ms)[0];
  const lines = [
    '# Notebook kernel: start-up and cell latency',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (the machine is shared with other work, so wall times include waiting for a core).`,
    'The built kernel (dist/kernel) driven by its client, wall milliseconds from the request to the answer; medians of',
    `${reps} fresh kernels (trivial cells: the median of 20 per kernel, then over kernels). "Preloaded" loads the library`,
    'and warms the cell compiler before `ready` (kernel/preload.ts) and keeps compiled cells by source',
    '(kernel/cell-cache.ts); "no preload" is the same kernel with FAIRDIV_KERNEL_PRELOAD=0, as kernels started before.',
    'Each entry is "wall / CPU": wall milliseconds at the client, then the CPU milliseconds the kernel process reported',
    'for the same span (all its threads; for start, from its launch to `ready`), which the machine load does not inflate.',
    '',
    '| kernel | start (ms) | of which preload (wall) | first cell `1+1` | trivial cell, new source | trivial cell, run again | first fairdiv cell | start + first fairdiv cell |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Floor: fork + IPC + eval round trip of a bare child, ${ms(floorMs)} ms.`,
    '',
    `## ${path.basename(notebook)}`,
    '',
    `Headless runner (\`fairdiv run\`), one run: **${report.seconds.toFixed(1)} s** wall for ${report.executed} code cells` +
      (cpuSeconds === null ? '' : ` (${cpuSeconds.toFixed(1)} s CPU, runner and kernel processes)`) +
      `; the slowest cell (index ${slowest.index}) ${(slowest.ms / 1000).toFixed(2)} s; ${report.errors} errors.`,
    '',
    '| cell | status | ms |',
    '|---:|---|---:|',
    ...report.cells.map((c) => `| ${c.index} | ${c.status} | ${c.ms} |`),
    '',
  ];
  const out = arg(args, 'out') ?? 'bench/results/kernel.md';
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
}
