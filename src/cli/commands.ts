/** The CLI's core commands: list, solve, certify, mms (run and simulate live in their own modules). */
import { InvalidInputError } from '../core/errors';
import { Rational } from '../core/rational';
import { certifyAsync, type ClaimChoice } from '../certify';
import { toClaimId } from '../core/claims';
import { list, mechanism } from '../mechanisms/registry';
import { MAX_MMS_BUNDLES, mms } from '../shares/mms';
import { instanceFromJson, outcomeFromJson } from '../core/json-boundary';
import { withTimeBudget } from '../core/time-budget';
import {
  optionsArg,
  parseArgs,
  readInstance,
  readJson,
  seedArg,
  timeLimitArg,
  toJson,
  UsageError,
  type Io,
  workersArg,
} from './io';
import { certifyAs } from './certify-as';
import { notebooksCommand } from './notebooks';

export type Command = (argv: string[], io: Io) => number | Promise<number>;

const listCommand: Command = (argv, io) => {
  const rows = list().map((m) => ({
    id: m.id,
    name: m.name,
    source: m.source,
    citation: m.citation,
    kind: m.kind,
    claimIds: m.claimIds,
    guarantees: m.guarantees,
    requirements: m.requirements,
    options: m.options,
  }));
  if (parseArgs(argv, { flags: ['json'], allowed: ['json'] }).options.json) io.out(toJson(rows));
  else
    for (const r of rows) {
      const pad = ''.padEnd(30);
      const opts = r.options.length ? `\n${pad} options: ${r.options.join('; ')}` : '';
      io.out(
        `${r.id.padEnd(30)} ${r.source}\n${pad} claims: ${r.guarantees.join('; ')}\n${pad} requires: ${r.requirements}${opts}`,
      );
    }
  return 0;
};

/** `--claims ef1,prop,rho-mms:2/3`: claim ids, each optionally with its factor after a colon. */
function claimsArg(raw: string | true): ClaimChoice[] {
  if (raw === true || raw.trim() === '')
    throw new UsageError('--claims: expected a comma-separated list of claim ids, e.g. ef1,prop,rho-mms:2/3');
  return raw.split(',').map((part, k) => {
    const [id, rho] = part.trim().split(':');
    const claimId = toClaimId(id, `--claims[${k}]`);
    return rho === undefined ? claimId : { id: claimId, rho };
  });
}

const solveCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, { allowed: ['seed', 'options', 'time-limit', 'workers'] });
  if (positional.length !== 2)
    throw new UsageError(
      'usage: fairdiv solve <mechanism-id> <instance.json|.csv|.soc|.soi|.toc|-> [--seed S] [--options JSON] [--time-limit S] [--workers N]',
    );
  const [id, file] = positional;
  const mech = mechanism(id);
  const opts = optionsArg(options.options);
  if (options.seed !== undefined) opts.seed = seedArg(options.seed);
  const limitMs = timeLimitArg(options['time-limit']);
  const workers = workersArg(options.workers);
  const inst = readInstance(file, io);
  // one budget for the run and its certificate (the certificate gets what the run left)
  const start = Date.now();
  const outcome = withTimeBudget(limitMs, () => mech.run(inst, opts), `solve ${id}`);
  const report = await certifyAsync(outcome, { timeLimitMs: Math.max(1, limitMs - (Date.now() - start)), workers });
  io.out(toJson({ ...outcome.toJSON(), certificate: report.toJSON() }));
  return report.ok ? 0 : 1;
};

const certifyCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, {
    flags: ['json'],
    allowed: ['claims', 'time-limit', 'workers', 'as', 'values', 'json'],
  });
  const usage =
    'usage: fairdiv certify <outcome.json> [instance.json] [--claims id,id,...] [--time-limit S] [--workers N] (the instance defaults to the outcome\'s own "instance")\n' +
    '       fairdiv certify <outcome.json> [instance.json] --as AGENT [--values v.json | --values v1,v2,...] [--json]   (an agent checks a three-agent lottery with her own values, Babaioff & Frosh Theorem 3.1)';
  if (positional.length !== 1 && positional.length !== 2) throw new UsageError(usage);
  if (options.as !== undefined && options.claims !== undefined)
    throw new UsageError(
      `--as and --claims: an agent verifies what the lottery promises her, not chosen claims\n${usage}`,
    );
  if (options.as === undefined && options.values !== undefined)
    throw new UsageError(`--values: goes with --as AGENT (the agent's own values)\n${usage}`);
  const chosen = options.claims !== undefined ? claimsArg(options.claims) : undefined;
  const workers = workersArg(options.workers);
  const json = readJson(positional[0], io);
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new InvalidInputError('bad-outcome', `${positional[0]}: expected an outcome object`);
  const j = json as Record<string, unknown>;
  if (positional.length === 1 && j.instance === undefined)
    throw new UsageError(`${positional[0]} has no "instance": give the instance file too\n${usage}`);
  const timeLimitMs = timeLimitArg(options['time-limit']);
  const inst =
    positional.length === 2
      ? readInstance(positional[1], io)
      : instanceFromJson(j.instance, `${positional[0]}: instance`);
  const outcome = outcomeFromJson(j, inst, positional[0]);
  if (options.as !== undefined) return certifyAs(outcome, options, io, timeLimitMs, positional[0]);
  const report = await certifyAsync(outcome, { ...(chosen ? { claims: chosen } : {}), timeLimitMs, workers });
  io.out(toJson(report.toJSON()));
  return report.ok ? 0 : 1;
};

const mmsCommand: Command = (argv, io) => {
  const { options } = parseArgs(argv, { allowed: ['n', 'values', 'time-limit'] });
  if (options.n === undefined || options.values === undefined || options.values === true)
    throw new UsageError('usage: fairdiv mms --n K --values v1,v2,... [--time-limit SECONDS]');
  const n = /^\d{1,7}$/.test(String(options.n)) ? Number(options.n) : NaN;
  // the library's bound on n (src/shares/mms/limits.ts), as a usage error
  if (!(n >= 1 && n <= MAX_MMS_BUNDLES))
    throw new UsageError(`--n: expected an integer in 1..${MAX_MMS_BUNDLES}, got ${JSON.stringify(options.n)}`);
  const values = String(options.values)
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s, k) => {
      const r = Rational.from(s, `values[${k}]`);
      if (r.sign() < 0) throw new InvalidInputError('negative-value', `values[${k}]: ${r} is negative`);
      return r;
    });
  const limitMs = timeLimitArg(options['time-limit']);
  const r = withTimeBudget(limitMs, () => mms(values, n, { timeLimitMs: limitMs }), 'mms');
  io.out(toJson({ value: r.value, partition: r.partition, status: r.status, lower: r.lower, upper: r.upper }));
  return 0;
};

export const commands: Record<string, Command> = {
  list: listCommand,
  solve: solveCommand,
  certify: certifyCommand,
  mms: mmsCommand,
  notebooks: notebooksCommand,
  compare: (argv, io) => (require('./compare') as typeof import('./compare')).compareCommand(argv, io),
  // loaded on first use (a plain require, so the TypeScript sources load the same way in development): the kernel
  // client and the simulation layer are not needed by the other commands
  run: (argv, io) => (require('./run') as typeof import('./run')).runCommand(argv, io),
  simulate: (argv, io) => (require('./simulate') as typeof import('./simulate')).simulateCommand(argv, io),
  experiment: (argv, io) => (require('./experiment') as typeof import('./experiment')).experimentCommand(argv, io),
};
