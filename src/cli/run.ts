/**
 * `fairdiv run nb.ipynb [--out out.ipynb] [--html out.html] [--timeout SECONDS] [--continue] [--json]`:
 * executes a notebook with fairdiv's kernel (kernel/runner.ts) and writes its outputs in nbformat.
 * Exit 0 when every cell ran and every certificate passed, 1 otherwise, 2 on bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readNotebook, runNotebook, summaryTable, writeHtml, writeNotebook } from '../../kernel/runner';
import type { Command } from './commands';
import { MAX_TIME_LIMIT_MS } from '../core/time-budget';
import { parseArgs, toJson, UsageError, type Io } from './io';

const USAGE =
  'usage: fairdiv run <notebook.ipynb> [--out out.ipynb] [--html out.html] [--timeout SECONDS] [--continue] [--json]';

export const runCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, {
    flags: ['continue', 'json'],
    allowed: ['continue', 'json', 'out', 'html', 'timeout'],
  });
  if (positional.length !== 1) throw new UsageError(USAGE);
  const file = positional[0];
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such notebook\n${USAGE}`);
  let nb;
  try {
    nb = readNotebook(file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const timeoutMs = options.timeout !== undefined ? cellTimeoutArg(options.timeout, io) : undefined;
  // the outputs are checked before the notebook runs: a bad path must not cost the run and its outputs
  for (const flag of ['out', 'html'] as const) {
    const target = options[flag];
    if (target === true) throw new UsageError(`--${flag}: expected a file name\n${USAGE}`);
    if (target !== undefined) checkWritable(target, `--${flag}`);
  }
  const report = await runNotebook(
    file,
    { continueOnError: options.continue === true, ...(timeoutMs ? { cellTimeoutMs: timeoutMs } : {}) },
    nb,
  );
  if (typeof options.out === 'string') writeNotebook(options.out, report.output);
  if (typeof options.html === 'string') writeHtml(options.html, report.output, path.basename(file, '.ipynb'));
  if (options.json) {
    const { output: _output, ...rest } = report;
    io.out(toJson(rest));
  } else io.out(summaryTable([report]));
  for (const c of report.output.cells) {
    for (const o of c.outputs ?? [])
      if (o.output_type === 'error') io.err(`${path.basename(file)} [${c.execution_count}]: ${o.ename}: ${o.evalue}`);
  }
  return report.ok ? 0 : 1;
};

/**
 * `--timeout SECONDS` per cell: a positive number; above MAX_TIME_LIMIT_MS (24 days, the longest delay a Node
 * timer takes) it is clamped with a note, since a longer timer would fire at once and interrupt every cell.
 */
function cellTimeoutArg(raw: string | true, io: Io): number {
  const s = raw === true ? '' : raw.trim();
  const seconds = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
  if (!(seconds > 0)) throw new UsageError(`--timeout: expected seconds > 0, got ${JSON.stringify(s)}`);
  if (seconds * 1000 <= MAX_TIME_LIMIT_MS) return seconds * 1000;
  io.err(
    `fairdiv run: --timeout ${s} is beyond the largest cell timeout; using ${MAX_TIME_LIMIT_MS / 1000} s (24 days)`,
  );
  return MAX_TIME_LIMIT_MS;
}

/** An output path that can be written: not a directory, in an existing writable directory. */
function checkWritable(target: string, flag: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new UsageError(`${flag}: ${target} is a directory; give a file name`);
  try {
    fs.accessSync(stat ? target : path.dirname(path.resolve(target)), fs.constants.W_OK);
  } catch {
    throw new UsageError(
      `${flag}: cannot write ${target} (${stat ? 'the file is not writable' : 'its directory does not exist or is not writable'})`,
    );
  }
}
