/**
 * `fairdiv run nb.ipynb [--out out.ipynb] [--html out.html] [--timeout SECONDS] [--continue] [--json]`:
 * executes a notebook with fairdiv's kernel (kernel/runner.ts) and writes its outputs in nbformat.
 * Exit 0 when every cell ran and every certificate passed, 1 otherwise, 2 on bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readNotebook, runNotebook, summaryTable, writeHtml, writeNotebook } from '../../kernel/runner';
import type { Command } from './commands';
import { parseArgs, toJson, UsageError } from './io';

const USAGE = 'usage: fairdiv run <notebook.ipynb> [--out out.ipynb] [--html out.html] [--timeout SECONDS] [--continue] [--json]';

export const runCommand: Command = async (argv, io) => {
  const { positional, options } = parseArgs(argv, { flags: ['continue', 'json'], allowed: ['continue', 'json', 'out', 'html', 'timeout'] });
  if (positional.length !== 1) throw new UsageError(USAGE);
  const file = positional[0];
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such notebook\n${USAGE}`);
  let nb;
  try {
    nb = readNotebook(file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const timeout = options.timeout !== undefined ? Number(options.timeout) : undefined;
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout: expected seconds > 0, got ${options.timeout}`);
  const report = await runNotebook(file, { continueOnError: options.continue === true, ...(timeout ? { cellTimeoutMs: timeout * 1000 } : {}) }, nb);
  if (typeof options.out === 'string') writeNotebook(options.out, report.output);
  if (typeof options.html === 'string') writeHtml(options.html, report.output, path.basename(file, '.ipynb'));
  if (options.json) {
    const { output: _output, ...rest } = report;
    io.out(toJson(rest));
  } else io.out(summaryTable([report]));
  for (const c of report.output.cells) {
    for (const o of c.outputs ?? []) if (o.output_type === 'error') io.err(`${path.basename(file)} [${c.execution_count}]: ${o.ename}: ${o.evalue}`);
  }
  return report.ok ? 0 : 1;
};
