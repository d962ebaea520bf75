/** Shared CLI plumbing: argument parsing, JSON input, exit codes (0 ok, 1 a claim failed, 2 bad input). */
import * as fs from 'node:fs';
import { FairDivError } from '../core/errors';
import { instance, type Instance, type InstanceJSON } from '../core/instance';
import { instanceFromText, textFormatOf } from '../core/instance-readers';
import { MAX_SEED } from '../mechanisms/options';

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
      if (!spec.allowed.includes(key)) throw new UsageError(`unknown option --${key}; known: ${spec.allowed.map((k) => `--${k}`).join(', ') || '(none)'}`);
  return { positional, options };
}

/** Reads a file as text (or stdin for `-`), naming the file in errors. */
function readText(path: string, io: Io): string {
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
  return instance(readJson(path, io) as InstanceJSON);
}

/** Reads and parses a JSON file (or stdin for `-`), naming the file in errors. */
export function readJson(path: string, io: Io): unknown {
  const text = readText(path, io);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

/** JSON with bigint-safe, Rational-as-string output. */
export function toJson(x: unknown): string {
  return JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

/** `--seed S`: an integer in 0..2^32-1 (exit 2 otherwise). */
export function seedArg(raw: string | true): number {
  const s = String(raw);
  if (!/^\d{1,10}$/.test(s) || Number(s) > MAX_SEED) throw new UsageError(`--seed: expected an integer in 0..${MAX_SEED}, got ${JSON.stringify(raw === true ? '' : raw)}`);
  return Number(s);
}
