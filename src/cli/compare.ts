/**
 * `fairdiv compare <instance> [--mechanisms id,id] [--options JSON] [--time-limit S] [--json] [--html out.html]`:
 * every applicable mechanism (or the named ones) on one instance, one table of certified properties
 * (src/compare.ts). Prints the table (or its JSON); `--html` also writes a self-contained page with the heatmap.
 * Exit 0 when every mechanism that was tried ran or was skipped for a stated reason, 1 when one raised an error,
 * 2 on bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compare } from '../compare';
import { parseJsonInput } from '../core/json-input';
import { payloadHtml, toPayload } from '../display';
import { esc } from '../display/html/common';
import type { Command } from './commands';
import { parseArgs, readInstance, timeLimitArg, toJson, UsageError } from './io';

const USAGE =
  'usage: fairdiv compare <instance.json|.csv|.soc|.soi|.toc|-> [--mechanisms id,id] [--options JSON] [--time-limit SECONDS] [--json] [--html out.html]';

/** `--options '{"pick-r": {"r": "1/2"}}'`: options per mechanism id. */
function perMechanismOptions(raw: string | true | undefined): Record<string, Record<string, unknown>> | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseJsonInput(String(raw), { source: '--options' });
  const isObject = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!isObject(parsed) || !Object.values(parsed as object).every(isObject))
    throw new UsageError(`--options: expected {"<mechanism id>": {...options}}, got ${String(raw)}`);
  return parsed as Record<string, Record<string, unknown>>;
}

/**
 * `--time-limit S`: seconds per mechanism (run and checks), read like the `--time-limit` of solve, certify and mms
 * (`timeLimitArg`: a positive number up to 24 days, the longest delay a Node timer takes, else a usage error);
 * absent, compare's own default applies.
 */
function secondsArg(raw: string | true | undefined): number | undefined {
  return raw === undefined ? undefined : timeLimitArg(raw);
}

export const compareCommand: Command = (argv, io) => {
  const { positional, options } = parseArgs(argv, {
    flags: ['json'],
    allowed: ['mechanisms', 'options', 'time-limit', 'json', 'html'],
  });
  if (positional.length !== 1) throw new UsageError(USAGE);
  if (options.mechanisms === true)
    throw new UsageError('--mechanisms: expected a comma-separated list of mechanism ids');
  const ids = options.mechanisms
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const timeLimitMs = secondsArg(options['time-limit']);
  const inst = readInstance(positional[0], io);
  const result = compare(inst, ids, {
    ...(options.options !== undefined ? { options: perMechanismOptions(options.options) } : {}),
    ...(timeLimitMs ? { timeLimitMs } : {}),
  });
  if (options.json) io.out(toJson(result.toJSON()));
  else io.out(result.toString());
  if (typeof options.html === 'string') {
    const title = `fairdiv compare ${path.basename(positional[0])}`;
    fs.mkdirSync(path.dirname(path.resolve(options.html)), { recursive: true });
    fs.writeFileSync(
      options.html,
      `<!doctype html>\n<html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${payloadHtml(toPayload(result, { title }))}</body></html>\n`,
    );
  }
  return result.rows.some((r) => r.status === 'error') ? 1 : 0;
};
