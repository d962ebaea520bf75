/** The CLI's core commands: list, solve, certify, mms (run and simulate live in their own modules). */
import { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import { instance, type InstanceJSON } from '../core/instance';
import { Outcome, type Claim } from '../core/outcome';
import { Rational } from '../core/rational';
import { certify } from '../certify';
import { list, mechanism } from '../mechanisms/registry';
import { mms } from '../shares/mms';
import { parseArgs, readJson, toJson, UsageError, type Io } from './io';
import { simulateCommand } from './simulate';
import { runCommand } from './run';

export type Command = (argv: string[], io: Io) => number | Promise<number>;

const listCommand: Command = (argv, io) => {
  const rows = list().map((m) => ({ id: m.id, name: m.name, source: m.source, kind: m.kind, guarantees: m.guarantees, requirements: m.requirements }));
  if (parseArgs(argv, ['json']).options.json) io.out(toJson(rows));
  else for (const r of rows) io.out(`${r.id.padEnd(30)} ${r.source}\n${''.padEnd(30)} claims: ${r.guarantees.join('; ')}\n${''.padEnd(30)} requires: ${r.requirements}`);
  return 0;
};

const solveCommand: Command = (argv, io) => {
  const { positional, options } = parseArgs(argv);
  if (positional.length !== 2) throw new UsageError('usage: fairdiv solve <mechanism-id> <instance.json|-> [--seed S] [--options JSON]');
  const [id, file] = positional;
  const mech = mechanism(id);
  const inst = instance(readJson(file, io) as InstanceJSON);
  const opts: Record<string, unknown> = options.options ? JSON.parse(String(options.options)) : {};
  if (options.seed !== undefined) opts.seed = Number(options.seed);
  const outcome = mech.run(inst, opts);
  const report = certify(outcome);
  io.out(toJson({ ...outcome.toJSON(), certificate: report.toJSON() }));
  return report.ok ? 0 : 1;
};

/** Rebuilds an Outcome from its JSON (as printed by `solve`) for an instance. */
export function outcomeFromJson(j: Record<string, unknown>, inst: ReturnType<typeof instance>): Outcome {
  if (typeof j.mechanism !== 'string') throw new InvalidInputError('bad-outcome', 'outcome: missing "mechanism"');
  const claims: Claim[] = Array.isArray(j.claims)
    ? (j.claims as Record<string, unknown>[]).map((c, k) => {
        if (typeof c.id !== 'string') throw new InvalidInputError('bad-outcome', `outcome.claims[${k}]: missing id`);
        return { id: c.id, text: String(c.text ?? c.id), ...(c.rho !== undefined ? { rho: Rational.from(c.rho as string, `claims[${k}].rho`) } : {}), ...(c.params ? { params: c.params as Record<string, unknown> } : {}) };
      })
    : [];
  const lottery = Array.isArray(j.lottery)
    ? new Lottery((j.lottery as { p: string; allocation: number[][] }[]).map((e) => ({ p: e.p, allocation: new Allocation(e.allocation, inst.m) })))
    : undefined;
  const allocation = Array.isArray(j.allocation) ? new Allocation(j.allocation as number[][], inst.m) : undefined;
  const fractional = Array.isArray(j.fractional) ? new FractionalAllocation(j.fractional as string[][]) : undefined;
  if (!lottery && !allocation && !fractional) throw new InvalidInputError('bad-outcome', 'outcome: needs "allocation", "fractional" or "lottery"');
  return new Outcome({ mechanism: j.mechanism, instance: inst, allocation, lottery, fractional, claims, options: (j.options as Record<string, unknown>) ?? {} });
}

const certifyCommand: Command = (argv, io) => {
  const { positional } = parseArgs(argv);
  if (positional.length !== 2) throw new UsageError('usage: fairdiv certify <outcome.json> <instance.json>');
  const inst = instance(readJson(positional[1], io) as InstanceJSON);
  const outcome = outcomeFromJson(readJson(positional[0], io) as Record<string, unknown>, inst);
  const report = certify(outcome);
  io.out(toJson(report.toJSON()));
  return report.ok ? 0 : 1;
};

const mmsCommand: Command = (argv, io) => {
  const { options } = parseArgs(argv);
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
  run: runCommand,
  simulate: simulateCommand,
};
