/**
 * The `fairdiv` command line (architecture section 6): list, solve, certify, mms, notebooks, compare, run, simulate,
 * experiment (the table in ./commands.ts).
 * Exit codes: 0 certified (every claim checked holds), 1 not certified (a claim fails, or nothing was claimed or
 * checked), 2 bad input or a computation stopped by its time limit (message on stderr, ending with the error code
 * in brackets), 3 an internal error (one line; FAIRDIV_DEBUG=1 prints the stack).
 */
import '../mechanisms';
import { FairDivError, LimitError } from '../core/errors';
import { commands } from './commands';
import { processIo, type Io } from './io';

const HELP = `usage: fairdiv <command> [args]
  list                                   every registered mechanism
  solve <mechanism-id> <instance.json|-> [--seed S] [--options JSON] [--workers N]   (also .csv, PrefLib .soc/.soi/.toc)
  certify <outcome.json> [instance.json] [--claims id,id] [--workers N]   re-check an outcome, or chosen properties
  certify <outcome.json> --as AGENT [--values v1,v2,...|v.json] [--json]   an agent checks a three-agent lottery (paper 002)
  mms --n K --values v1,v2,... [--time-limit S]
  run <nb.ipynb> [--out o.ipynb] [--html o.html]  execute a notebook with fairdiv's kernel
  notebooks <dir> [--force]              copy the bundled notebooks into <dir>
  compare <instance> [--mechanisms id,id] [--json] [--html o.html]   every applicable mechanism, certified properties
  simulate <mechanism-id> --dist <spec> --n N --m M --trials T --seed S [--workers N]   Monte Carlo welfare ratio and EF rate (paper 001)
  experiment <name> [--m 10,20] [--trials T] [--workers W] [--shard i/k] [--json]   paper 004's protocols; experiment merge <files...>`;

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const cmd = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    io.err(`fairdiv: unknown command "${name}"\n${HELP}`);
    return 2;
  }
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof LimitError) {
      io.err(
        withCode(`fairdiv ${name}: stopped by the time limit (--time-limit SECONDS raises it): ${e.message}`, e.code),
      );
      return 2;
    }
    if (e instanceof FairDivError) {
      io.err(withCode(`fairdiv ${name}: ${e.message}`, e.code));
      return 2;
    }
    if (e instanceof SyntaxError) {
      io.err(`fairdiv ${name}: ${e.message}`);
      return 2;
    }
    // a bug, not bad input: one line (the stack with FAIRDIV_DEBUG=1), exit 3
    io.err(`fairdiv ${name}: internal error: ${describeError(e)} (please report it; FAIRDIV_DEBUG=1 prints the stack)`);
    if (process.env.FAIRDIV_DEBUG) io.err(String((e as Error)?.stack ?? e));
    return 3;
  }
}

/** The message with the error's stable code at the end of its first line: `... [unsafe-integer]`. */
function withCode(message: string, code: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? `${message} [${code}]` : `${message.slice(0, nl)} [${code}]${message.slice(nl)}`;
}

function describeError(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    return 'an error that cannot be shown';
  }
}
