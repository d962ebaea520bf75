/**
 * `fairdiv simulate <mechanism-id> --dist <spec> --n N --m M --trials T --seed S` (paper 001, issue 5):
 * prints JSON with the analytic welfare ratio (where one exists) and, per m, the simulated welfare ratio
 * (sum SW / sum OPT) and EF frequency, each with a 95% interval.
 * `--dist`: uniform:a,b | exp:lambda | beta:a,b | samples:<file> (also samples-interp:, hard:p,delta, ...).
 * `--m` accepts a comma list (an EF curve over m). Other options: `--r 0.3,0.7` (pick-r shares),
 * `--options JSON` (mechanism options), `--rho x` (Gaussian-copula correlation, two agents),
 * `--interval wilson|jeffreys`, `--progress` (progress lines on stderr), `--workers N` (worker threads, 0..64; default
 * the cores, at most 8; 0 runs in this thread; every count gives the same numbers).
 */
import { describe as describeDist } from '../stochastic/distribution';
import { parseDistribution } from '../stochastic/parse';
import { SIMULATED_MECHANISM_IDS, simulateMechanism } from '../mechanisms/stochastic';
import type { Command } from './commands';
import { optionsArg, parseArgs, seedArg, toJson, UsageError, workersArg } from './io';

const USAGE =
  'usage: fairdiv simulate <mechanism-id> --dist <uniform:a,b|exp:lambda|beta:a,b|samples:FILE> --n N --m M[,M2,...] --trials T [--seed S] [--r r1,r2,...] [--options JSON] [--rho x] [--interval wilson|jeffreys] [--workers N] [--progress]';

function posInt(v: string | true | undefined, name: string, def?: number): number {
  if (v === undefined) {
    if (def !== undefined) return def;
    throw new UsageError(`--${name} is required\n${USAGE}`);
  }
  const x = Number(v);
  if (v === true || !Number.isInteger(x) || x < 1)
    throw new UsageError(`--${name}: expected a positive integer, got ${v === true ? '(nothing)' : v}`);
  return x;
}

export const simulateCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, {
    flags: ['progress'],
    allowed: ['progress', 'dist', 'n', 'm', 'trials', 'seed', 'options', 'r', 'rho', 'interval', 'workers'],
  });
  if (positional.length !== 1) throw new UsageError(USAGE);
  const id = positional[0];
  if (!SIMULATED_MECHANISM_IDS.includes(id))
    throw new UsageError(
      `simulate: "${id}" is not a paper-001 mechanism (known: ${SIMULATED_MECHANISM_IDS.join(', ')})`,
    );
  if (options.dist === undefined || options.dist === true) throw new UsageError(`--dist is required\n${USAGE}`);
  const dist = parseDistribution(String(options.dist));
  const n = posInt(options.n, 'n', 2);
  if (options.m === undefined || options.m === true) throw new UsageError(`--m is required\n${USAGE}`);
  const ms = String(options.m)
    .split(',')
    .map((s) => posInt(s.trim(), 'm'));
  const trials = posInt(options.trials, 'trials', 100);
  if (trials < 2) throw new UsageError('--trials: at least 2 trials are needed for an interval');
  const seed = options.seed === undefined ? 0 : seedArg(options.seed);
  const mechOptions = optionsArg(options.options);
  if (options.r !== undefined && options.r !== true)
    mechOptions.r = String(options.r)
      .split(',')
      .map((s) => s.trim());
  const rho = options.rho === undefined || options.rho === true ? undefined : Number(options.rho);
  if (rho !== undefined && !(rho >= -1 && rho <= 1))
    throw new UsageError(`--rho: expected a correlation in [-1, 1], got ${options.rho}`);
  const interval = options.interval === undefined ? 'wilson' : String(options.interval);
  if (interval !== 'wilson' && interval !== 'jeffreys')
    throw new UsageError(`--interval: expected wilson or jeffreys, got ${interval}`);
  const workers = workersArg(options.workers);
  const result = await simulateMechanism({
    workers,
    mechanism: id,
    dist,
    n,
    ms,
    trials,
    seed,
    options: mechOptions,
    rho,
    efInterval: interval,
    onProgress: options.progress
      ? (p) => {
          if (p.trial === trials - 1) io.err(`m = ${p.m}: ${p.done}/${p.total} trials`);
        }
      : undefined,
  });
  io.out(toJson({ ...result, distributionInfo: describeDist(dist) }));
  return 0;
};
