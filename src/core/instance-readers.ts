/**
 * `instance(x)` with its readers for inputs people already have: `instance.fromCSV(text)` (src/core/csv.ts) and
 * `instance.fromPrefLib(text)` (src/core/preflib.ts); `instanceFromText` picks the reader by file extension.
 */
import { instanceFromCSV, type CsvOptions } from './csv';
import { InvalidInputError } from './errors';
import { instance as fromValues, type Instance, type InstanceInput } from './instance';
import { instanceFromJson } from './json-boundary';
import { parseJsonInput } from './json-input';
import { ParseError } from './parse-error';
import { instanceFromPrefLib, type PrefLibOptions } from './preflib';

/** The text formats `instanceFromText` reads besides JSON, by file extension. */
const TEXT_FORMATS: Readonly<Record<string, 'csv' | 'preflib'>> = {
  '.csv': 'csv',
  '.soc': 'preflib',
  '.soi': 'preflib',
  '.toc': 'preflib',
};

/** The text format a file name says (`csv` or `preflib`), or undefined for JSON and anything else. */
export function textFormatOf(source: string): 'csv' | 'preflib' | undefined {
  const ext = /\.[a-z]+$/i.exec(source)?.[0].toLowerCase();
  return ext !== undefined && Object.prototype.hasOwnProperty.call(TEXT_FORMATS, ext) ? TEXT_FORMATS[ext] : undefined;
}

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Parses instance JSON text at the input boundary (`parseJsonInput`: integers beyond 2^53 must be strings, nesting
 * is bounded; `instanceFromJson`: the schema's shapes and limits); a syntax error is a ParseError when Node
 * reports its position.
 */
function instanceFromJsonText(text: string, source: string): Instance {
  try {
    return instanceFromJson(parseJsonInput(text, { source }), source);
  } catch (e) {
    if (!(e instanceof InvalidInputError) || e.code !== 'bad-json') throw e;
  }
  try {
    JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) throw new InvalidInputError('bad-json', `${source}: not valid JSON (${message})`);
    const { line, column } = position(text, Number(at[1]));
    throw new ParseError('bad-json', source, line, column, `not valid JSON (${message})`);
  }
  throw new InvalidInputError('bad-json', `${source}: not valid JSON`);
}

/**
 * An instance from the text of a file, by its name's extension: `.csv` (agents as rows, goods as columns),
 * `.soc`/`.soi`/`.toc` (PrefLib ordinal preferences), anything else instance JSON.
 */
export function instanceFromText(text: string, source: string): Instance {
  const format = textFormatOf(source);
  if (format === 'csv') return instanceFromCSV(text, { source });
  if (format === 'preflib') return instanceFromPrefLib(text, { source });
  if (typeof text !== 'string') throw new InvalidInputError('bad-shape', `${source}: expected text`);
  return instanceFromJsonText(text, source);
}

/**
 * Builds a validated Instance from a matrix (`[[3, 7], [4, 4]]`), an object of objects
 * (`{alice: {car: 3, house: 7}, bob: {car: 4, house: 4}}`) or the instance JSON; `instance.fromCSV(text)` and
 * `instance.fromPrefLib(text)` read the text formats. Throws `InvalidInputError` naming the first problem.
 */
export const instance: ((x: InstanceInput) => Instance) & {
  /** Agents as rows, goods as columns, a header row naming the goods (src/core/csv.ts). */
  readonly fromCSV: (text: string, options?: CsvOptions) => Instance;
  /** PrefLib `.soc`, `.soi`, `.toc` ordinal preferences (src/core/preflib.ts). */
  readonly fromPrefLib: (text: string, options?: PrefLibOptions) => Instance;
} = Object.assign((x: InstanceInput): Instance => fromValues(x), {
  fromCSV: instanceFromCSV,
  fromPrefLib: instanceFromPrefLib,
});
