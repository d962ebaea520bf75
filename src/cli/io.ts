/** Shared CLI plumbing: argument parsing, JSON input, exit codes (0 ok, 1 a claim failed, 2 bad input). */
import * as fs from 'node:fs';
import { FairDivError, InvalidInputError } from '../core/errors';
import { parseJsonInput } from '../core/json-input';
import { DEFAULT_TIME_LIMIT_MS, MAX_TIME_LIMIT_MS } from '../core/time-budget';
import type { Instance } from '../core/instance';
import { instanceFromJson } from '../core/json-boundary';
import { instanceFromText, textFormatOf } from '../core/instance-readers';
import { MAX_SEED } from '../mechanisms/options';
import { defaultWorkers, MAX_WORKERS } from '../core/thread-pool';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readStdin(): string;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  readStdin: () => fs.readFileSync(0, 'utf8'),
};

/** Bad command-line usage; reported with exit code 2. */
export class UsageError extends FairDivError {
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * Splits `--key value` / `--flag` options from positional arguments. `flags` take no value; `allowed`, when
 * given, lists every option the command knows: any other is a usage error (exit 2) naming it.
 */
export function parseArgs(
  argv: readonly string[],
  spec: { readonly flags?: readonly string[]; readonly allowed?: readonly string[] } = {},
): { positional: string[]; options: Record<string, string | true> } {
  const flags = spec.flags ?? [];
  const positional: string[] = [];
  const options: Record<string, string | true> = Object.create(null);
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options[a.slice(2, eq)] = a.slice(eq + 1);
      else if (flags.includes(a.slice(2)) || k + 1 >= argv.length) options[a.slice(2)] = true;
      else options[a.slice(2)] = argv[++k];
    } else positional.push(a);
  }
  if (spec.allowed)
    for (const key of Object.keys(options))
      if (!spec.allowed.includes(key))
        throw new UsageError(
          `unknown option --${key}; known: ${spec.allowed.map((k) => `--${k}`).join(', ') || '(none)'}`,
        );
  return { positional, options };
}

/** Largest input file read, in bytes (128 MiB): far above any instance within the limits of schemas/. */
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;

/** Reads a file as text (or stdin for `-`), naming the file in errors; a file beyond MAX_INPUT_BYTES is refused. */
function readText(path: string, io: Io): string {
  let size = 0;
  try {
    if (path !== '-') size = fs.statSync(path).size;
  } catch {
    // reported by the read below
  }
  if (size > MAX_INPUT_BYTES)
    throw new InvalidInputError('too-large', `${path}: ${size} bytes; at most ${MAX_INPUT_BYTES} are read`);
  try {
    return path === '-' ? io.readStdin() : fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/**
 * Reads an instance file: `.csv` (agents as rows, goods as columns) and PrefLib `.soc`/`.soi`/`.toc` by their
 * readers (errors name line and column), anything else (and stdin) as instance JSON.
 */
export function readInstance(path: string, io: Io): Instance {
  if (textFormatOf(path)) return instanceFromText(readText(path, io), path);
  return instanceFromJson(readJson(path, io), path === '-' ? 'stdin' : path);
}

/**
 * Reads and parses a JSON file (or stdin for `-`) at the input boundary (`parseJsonInput`: integers beyond
 * 2^53 must be strings, nesting is bounded), naming the file in errors.
 */
export function readJson(path: string, io: Io): unknown {
  const text = readText(path, io);
  return parseJsonInput(text, { source: path === '-' ? 'stdin' : path });
}

/**
 * `--options JSON` of solve and simulate: a JSON object read at the input boundary (`parseJsonInput`), {} when
 * absent (exit 2 otherwise, naming the flag).
 */
export function optionsArg(raw: string | true | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  const parsed = parseJsonInput(String(raw), { source: '--options' });
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`--options: expected a JSON object, got ${String(raw)}`);
  return parsed as Record<string, unknown>;
}

/**
 * `--time-limit SECONDS` of solve, certify and mms: one budget for the whole command, DEFAULT_TIME_LIMIT_MS when
 * absent; anything but a positive number of seconds up to 24 days is a usage error (exit 2). Returns ms.
 */
export function timeLimitArg(raw: string | true | undefined, flag = '--time-limit'): number {
  if (raw === undefined) return DEFAULT_TIME_LIMIT_MS;
  const s = raw === true ? '' : raw.trim();
  const seconds = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
  if (!(seconds > 0) || seconds * 1000 > MAX_TIME_LIMIT_MS)
    throw new UsageError(
      `${flag}: expected seconds, a number in (0, ${MAX_TIME_LIMIT_MS / 1000}], got ${JSON.stringify(raw === true ? '' : raw)}`,
    );
  return seconds * 1000;
}

/** JSON with bigint-safe, Rational-as-string output. */
export function toJson(x: unknown): string {
  return JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

/** `--seed S`: an integer in 0..2^32-1 (exit 2 otherwise). */
export function seedArg(raw: string | true): number {
  const s = String(raw);
  if (!/^\d{1,10}$/.test(s) || Number(s) > MAX_SEED)
    throw new UsageError(
      `--seed: expected an integer in 0..${MAX_SEED}, got ${JSON.stringify(raw === true ? '' : raw)}`,
    );
  return Number(s);
}

/**
 * `--workers N`: worker threads (0: in this thread), an integer in 0..64; absent, the machine's cores, at most 8.
 * A usage error otherwise.
 */
export function workersArg(raw: string | true | undefined): number {
  if (raw === undefined) return defaultWorkers();
  const s = raw === true ? '' : raw.trim();
  if (!/^\d{1,3}$/.test(s) || Number(s) > MAX_WORKERS)
    throw new UsageError(`--workers: expected an integer in 0..${MAX_WORKERS}, got ${JSON.stringify(s)}`);
  return Number(s);
}
