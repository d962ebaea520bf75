/**
 * `fairdiv experiment` (issue 15): runs the named protocols of Bai & Gölz (IJCAI 2022) on a worker pool.
 *   fairdiv experiment <name> [--m 10,20] [--trials T] [--workers W] [--shard i/k] [--out FILE] [--json] [--progress]
 *                      [--columns ef-multiplier,...] [--time-limit S]
 *   fairdiv experiment merge <shard.json...> [--json]
 *   fairdiv experiment retry <run.json> [--time-limit S] [--workers W] [--out FILE] [--json] [--progress]
 *   fairdiv experiment list
 * Without --shard it prints one row per m (with --json one JSON object per line: experiment, m, trials, counts,
 * intervals, seconds, ...). With --shard it writes the shard's unit results (to --out, else stdout) for `merge`,
 * which checks that the shards cover the run exactly once and prints the rows of the whole run. `retry` decides the
 * undecided trials of a run file (or shard file) again with a new time limit (default 600 s per integer program) and
 * prints (and with --out writes) the folded run. Ctrl-C cancels.
 */
import * as fs from 'node:fs';
import {
  mergeRuns,
  protocols,
  retryUndecided,
  runExperiment,
  runFromJson,
  summarize,
  type ExperimentRow,
  type Progress,
} from '../experiments';
import type { Command } from './commands';
import { parseArgs, readJson, toJson, UsageError, type Io } from './io';

const USAGE = `usage: fairdiv experiment <name> [--m 10,20] [--trials T] [--workers W] [--shard i/k] [--out FILE] [--json] [--progress] [--columns c1,c2] [--time-limit S]
       fairdiv experiment merge <shard.json...> [--json]
       fairdiv experiment retry <run.json> [--time-limit S] [--workers W] [--out FILE] [--json] [--progress]
       fairdiv experiment list`;

function nonNegativeInt(raw: string | true | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw === true || !Number.isInteger(x) || x < 0)
    throw new UsageError(`--${flag}: expected a non-negative integer, got ${raw === true ? '(nothing)' : raw}`);
  return x;
}

function printRows(rows: readonly ExperimentRow[], json: boolean, io: Io): void {
  if (json) {
    for (const r of rows) io.out(JSON.stringify(r));
    return;
  }
  for (const r of rows) {
    const cells = Object.entries(r.counts).map(([id, c]) => {
      const iv = r.intervals[id as keyof typeof r.intervals];
      const ref = r.reference?.[id as keyof typeof r.reference];
      const und = r.undecided[id as keyof typeof r.undecided];
      const which = r.undecidedTrials[id as keyof typeof r.undecidedTrials] ?? [];
      const listed = which.length
        ? `: trial${which.length > 1 ? 's' : ''} ${which.slice(0, 10).join(', ')}${which.length > 10 ? ', …' : ''}`
        : '';
      const unp = r.unproven[id as keyof typeof r.unproven];
      return `${id} ${c}/${r.trials}${iv ? ` [${iv[0].toFixed(3)}, ${iv[1].toFixed(3)}]` : ''}${und ? ` (${und} undecided${listed})` : ''}${unp ? ` (${unp} unproven)` : ''}${ref !== undefined ? ` ref ${ref}` : ''}`;
    });
    io.out(`m = ${r.m} (${r.seconds.toFixed(1)} s): ${cells.join('; ')}`);
  }
}

export const experimentCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, {
    flags: ['json', 'progress'],
    allowed: ['m', 'trials', 'workers', 'shard', 'out', 'json', 'progress', 'columns', 'time-limit'],
  });
  const json = options.json === true;
  const [name, ...rest] = positional;
  if (!name) throw new UsageError(USAGE);
  if (name === 'list') {
    for (const p of protocols()) io.out(`${p.name.padEnd(26)} ${p.description} (${p.source}); m = ${p.ms.join(', ')}`);
    return 0;
  }
  if (name === 'merge') {
    if (rest.length === 0) throw new UsageError(USAGE);
    const run = mergeRuns(rest.map((f) => runFromJson(readJson(f, io), f)));
    printRows(summarize(run), json, io);
    return 0;
  }
  const timeLimit = options['time-limit'] === undefined ? undefined : Number(options['time-limit']);
  if (timeLimit !== undefined && !(timeLimit > 0))
    throw new UsageError(`--time-limit: expected seconds per integer program, got ${options['time-limit']}`);
  const progress = options.progress
    ? (p: Progress) =>
        io.err(`m = ${p.unit.m}: trials ${p.unit.from}-${p.unit.to} done (${p.doneTrials}/${p.totalTrials})`)
    : undefined;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (name === 'retry') {
    if (rest.length !== 1) throw new UsageError(USAGE);
    const before = runFromJson(readJson(rest[0], io), rest[0]);
    process.once('SIGINT', onSigint);
    try {
      const run = await retryUndecided(before, {
        timeLimitMs: (timeLimit ?? 600) * 1000,
        workers: nonNegativeInt(options.workers, 'workers'),
        signal: controller.signal,
        onProgress: progress,
      });
      if (typeof options.out === 'string') fs.writeFileSync(options.out, toJson(run));
      const last = run.retries![run.retries!.length - 1];
      io.err(`retry: ${last.decided} of ${last.tried} undecided trials decided in ${last.wallSeconds.toFixed(1)} s`);
      printRows(summarize(run), json, io);
      return 0;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }
  if (rest.length) throw new UsageError(USAGE);
  const ms =
    options.m === undefined
      ? undefined
      : String(options.m)
          .split(',')
          .map((s) => {
            const m = Number(s.trim());
            if (!Number.isInteger(m) || m < 1)
              throw new UsageError(`--m: expected a comma-separated list of positive integers, got ${options.m}`);
            return m;
          });
  process.once('SIGINT', onSigint);
  try {
    const run = await runExperiment(name, {
      ms,
      trials: nonNegativeInt(options.trials, 'trials'),
      columns: typeof options.columns === 'string' ? options.columns.split(',').map((c) => c.trim()) : undefined,
      workers: nonNegativeInt(options.workers, 'workers'),
      shard: typeof options.shard === 'string' ? options.shard : options.shard === true ? '' : undefined,
      timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000,
      signal: controller.signal,
      onProgress: progress,
    });
    if (run.shard) {
      const text = toJson(run);
      if (typeof options.out === 'string') fs.writeFileSync(options.out, text);
      else io.out(text);
      return 0;
    }
    if (typeof options.out === 'string') fs.writeFileSync(options.out, toJson(run));
    printRows(summarize(run), json, io);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
};
