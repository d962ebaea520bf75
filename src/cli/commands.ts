/** The CLI's core commands: list, solve, certify, mms (run and simulate live in their own modules). */
import { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import { instance, type InstanceJSON } from '../core/instance';
import { Outcome, type Claim } from '../core/outcome';
import { Rational } from '../core/rational';
import { certify, type ClaimChoice } from '../certify';
import { toClaimId } from '../core/claims';
import { list, mechanism } from '../mechanisms/registry';
import { mms } from '../shares/mms';
import { parseArgs, readInstance, readJson, seedArg, toJson, UsageError, type Io } from './io';
import { notebooksCommand } from './notebooks';

export type Command = (argv: string[], io: Io) => number | Promise<number>;

const listCommand: Command = (argv, io) => {
  const rows = list().map((m) => ({
    id: m.id, name: m.name, source: m.source, citation: m.citation, kind: m.kind, claimIds: m.claimIds,
    guarantees: m.guarantees, requirements: m.requirements, options: m.options,
  }));
  if (parseArgs(argv, { flags: ['json'], allowed: ['json'] }).options.json) io.out(toJson(rows));
  else
    for (const r of rows) {
      const pad = ''.padEnd(30);
      const opts = r.options.length ? `\n${pad} options: ${r.options.join('; ')}` : '';
      io.out(`${r.id.padEnd(30)} ${r.source}\n${pad} claims: ${r.guarantees.join('; ')}\n${pad} requires: ${r.requirements}${opts}`);
    }
  return 0;
};

/** `--options JSON`: a JSON object (exit 2 otherwise, naming the flag). */
function optionsArg(raw: string | true | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch (e) {
    throw new UsageError(`--options: not valid JSON (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--options: expected a JSON object, got ${String(raw)}`);
  return parsed as Record<string, unknown>;
}

/** `--claims ef1,prop,rho-mms:2/3`: claim ids, each optionally with its factor after a colon. */
function claimsArg(raw: string | true): ClaimChoice[] {
  if (raw === true || raw.trim() === '') throw new UsageError('--claims: expected a comma-separated list of claim ids, e.g. ef1,prop,rho-mms:2/3');
  return raw.split(',').map((part, k) => {
    const [id, rho] = part.trim().split(':');
    const claimId = toClaimId(id, `--claims[${k}]`);
    return rho === undefined ? claimId : { id: claimId, rho };
  });
}

const solveCommand: Command = (argv, io) => {
  const { positional, options } = parseArgs(argv, { allowed: ['seed', 'options'] });
  if (positional.length !== 2) throw new UsageError('usage: fairdiv solve <mechanism-id> <instance.json|.csv|.soc|.soi|.toc|-> [--seed S] [--options JSON]');
  const [id, file] = positional;
  const mech = mechanism(id);
  const opts = optionsArg(options.options);
  if (options.seed !== undefined) opts.seed = seedArg(options.seed);
  const inst = readInstance(file, io);
  const outcome = mech.run(inst, opts);
  const report = certify(outcome);
  io.out(toJson({ ...outcome.toJSON(), certificate: report.toJSON() }));
  return report.ok ? 0 : 1;
};

/** Rebuilds an Outcome from its JSON (as printed by `solve`) for an instance. */
export function outcomeFromJson(j: Record<string, unknown>, inst: ReturnType<typeof instance>): Outcome {
  if (typeof j.mechanism !== 'string') throw new InvalidInputError('bad-outcome', 'outcome: missing "mechanism"');
  if (j.claims !== undefined && !Array.isArray(j.claims)) throw new InvalidInputError('bad-outcome', `outcome.claims: expected a list of claims, got ${JSON.stringify(j.claims)}`);
  const claims: Claim[] = ((j.claims as unknown[] | undefined) ?? []).map((raw, k) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidInputError('bad-outcome', `outcome.claims[${k}]: expected an object { id, text, rho?, params? }`);
    const c = raw as Record<string, unknown>;
    const id = toClaimId(c.id, `outcome.claims[${k}].id`);
    if (c.params !== undefined && (c.params === null || typeof c.params !== 'object' || Array.isArray(c.params)))
      throw new InvalidInputError('bad-outcome', `outcome.claims[${k}].params: expected an object`);
    return {
      id,
      text: typeof c.text === 'string' ? c.text : id,
      ...(c.rho !== undefined ? { rho: Rational.from(c.rho as string, `outcome.claims[${k}].rho`) } : {}),
      ...(c.params !== undefined ? { params: c.params as Record<string, unknown> } : {}),
    };
  });
  const lottery = Array.isArray(j.lottery)
    ? new Lottery((j.lottery as { p: string; allocation: number[][] }[]).map((e) => ({ p: e.p, allocation: new Allocation(e.allocation, inst.m) })))
    : undefined;
  const allocation = Array.isArray(j.allocation) ? new Allocation(j.allocation as number[][], inst.m) : undefined;
  const fractional = Array.isArray(j.fractional) ? new FractionalAllocation(j.fractional as string[][]) : undefined;
  if (!lottery && !allocation && !fractional) throw new InvalidInputError('bad-outcome', 'outcome: needs "allocation", "fractional" or "lottery"');
  if (j.options !== undefined && (j.options === null || typeof j.options !== 'object' || Array.isArray(j.options)))
    throw new InvalidInputError('bad-outcome', `outcome.options: expected an object, got ${JSON.stringify(j.options)}`);
  const options = (j.options as Record<string, unknown> | undefined) ?? {};
  return new Outcome({ mechanism: j.mechanism, instance: inst, allocation, lottery, fractional, claims, options });
}

const certifyCommand: Command = (argv, io) => {
  const { positional, options } = parseArgs(argv, { allowed: ['claims'] });
  const usage = 'usage: fairdiv certify <outcome.json> [instance.json] [--claims id,id,...] (the instance defaults to the outcome\'s own "instance")';
  if (positional.length !== 1 && positional.length !== 2) throw new UsageError(usage);
  const chosen = options.claims !== undefined ? claimsArg(options.claims) : undefined;
  const json = readJson(positional[0], io);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InvalidInputError('bad-outcome', `${positional[0]}: expected an outcome object`);
  const j = json as Record<string, unknown>;
  if (positional.length === 1 && j.instance === undefined) throw new UsageError(`${positional[0]} has no "instance": give the instance file too\n${usage}`);
  const inst = positional.length === 2 ? readInstance(positional[1], io) : instance(j.instance as InstanceJSON);
  const outcome = outcomeFromJson(j, inst);
  const report = certify(outcome, chosen ? { claims: chosen } : undefined);
  io.out(toJson(report.toJSON()));
  return report.ok ? 0 : 1;
};

const mmsCommand: Command = (argv, io) => {
  const { options } = parseArgs(argv, { allowed: ['n', 'values', 'time-limit'] });
  if (options.n === undefined || options.values === undefined || options.values === true)
    throw new UsageError('usage: fairdiv mms --n K --values v1,v2,... [--time-limit SECONDS]');
  const n = Number(options.n);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--n: expected a positive integer, got ${options.n}`);
  const values = String(options.values).split(',').filter((s) => s.trim() !== '').map((s, k) => {
    const r = Rational.from(s, `values[${k}]`);
    if (r.sign() < 0) throw new InvalidInputError('negative-value', `values[${k}]: ${r} is negative`);
    return r;
  });
  const limit = options['time-limit'] !== undefined ? Number(options['time-limit']) * 1000 : undefined;
  const r = mms(values, n, { timeLimitMs: limit });
  io.out(toJson({ value: r.value, partition: r.partition, status: r.status, lower: r.lower, upper: r.upper }));
  return 0;
};

export const commands: Record<string, Command> = {
  list: listCommand,
  solve: solveCommand,
  certify: certifyCommand,
  mms: mmsCommand,
  notebooks: notebooksCommand,
  // loaded on first use (a plain require, so the TypeScript sources load the same way in development): the kernel
  // client and the simulation layer are not needed by the other commands
  run: (argv, io) => (require('./run') as typeof import('./run')).runCommand(argv, io),
  simulate: (argv, io) => (require('./simulate') as typeof import('./simulate')).simulateCommand(argv, io),
};
