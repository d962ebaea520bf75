/**
 * Ordinal preferences from PrefLib (Mattei & Walsh, PrefLib: A Library for Preferences, ADT 2013; file format of
 * preflib.org since 2022): `.soc` (strict orders, complete), `.soi` (strict orders, incomplete) and `.toc` (orders
 * with ties, complete). Alternatives become goods, voters agents (an order with multiplicity k gives k agents).
 *
 * ```
 * # DATA TYPE: soc
 * # NUMBER ALTERNATIVES: 3
 * # NUMBER VOTERS: 3
 * # ALTERNATIVE NAME 1: car
 * 2: 1,2,3
 * 1: 3,{1,2}          (toc only: a tie)
 * ```
 *
 * [DECISION] The instance's strict `orders` are the reported orders, ties broken by the smaller alternative number
 * and unranked alternatives (soi) appended in number order, the project's tie-break (seed-000 spec 0.3). Its values
 * are Borda scores, so they agree with the orders: an alternative is worth one plus the number of alternatives the
 * voter ranks strictly below it, an unranked one (soi) 0. Ordinal mechanisms read only the orders; cardinal ones get
 * a documented stand-in rather than an error. Goods are named by the file's `ALTERNATIVE NAME` lines, else by their
 * PrefLib number, so names match the file. Every error is a `ParseError` naming the line and column.
 */
import { Instance } from './instance';
import { ParseError } from './parse-error';

export type PrefLibType = 'soc' | 'soi' | 'toc';

export interface PrefLibOptions {
  /** The file name used in error messages; its extension gives the type when the file has no `DATA TYPE` line. */
  readonly source?: string;
  /** The data type when neither the file nor the source name says it. */
  readonly type?: PrefLibType;
}

/** The orders as read: per voter, the tie classes best first (alternative indices, 0-based). */
export interface PrefLibProfile {
  readonly type: PrefLibType;
  readonly alternatives: readonly string[];
  readonly orders: readonly (readonly (readonly number[])[])[];
}

const TYPES: readonly PrefLibType[] = ['soc', 'soi', 'toc'];

function isType(x: string): x is PrefLibType {
  return (TYPES as readonly string[]).includes(x);
}

/** Reads the metadata and the orders of a PrefLib ordinal file (see the module comment). */
export function parsePrefLib(text: string, options: PrefLibOptions = {}): PrefLibProfile {
  const source = options.source ?? 'preflib';
  if (typeof text !== 'string')
    throw new ParseError('bad-preflib', source, 1, 1, `expected PrefLib text, got ${typeof text}`);
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const meta = new Map<string, { value: string; line: number; column: number }>();
  const names = new Map<number, string>();
  const body: { text: string; line: number }[] = [];
  lines.forEach((raw, k) => {
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const m = /^#\s*([^:]+?)\s*:\s?(.*)$/.exec(raw);
      if (!m) return;
      const key = m[1].toUpperCase();
      const alt = /^ALTERNATIVE NAME (\d+)$/.exec(key);
      if (alt) names.set(Number(alt[1]), m[2].trim());
      else meta.set(key, { value: m[2].trim(), line: k + 1, column: raw.indexOf(m[2]) + 1 });
      return;
    }
    body.push({ text: raw, line: k + 1 });
  });
  const declared = meta.get('DATA TYPE')?.value.toLowerCase();
  const fromName = /\.([a-z]+)$/i.exec(source)?.[1].toLowerCase();
  const type = declared ?? (fromName && isType(fromName) ? fromName : options.type);
  if (type === undefined)
    throw new ParseError(
      'bad-preflib',
      source,
      1,
      1,
      'unknown data type: no "# DATA TYPE:" line, no .soc/.soi/.toc extension and no type option',
    );
  if (!isType(type)) {
    const at = meta.get('DATA TYPE');
    throw new ParseError(
      'bad-preflib',
      source,
      at?.line ?? 1,
      at?.column ?? 1,
      `data type "${type}" is not an ordinal type fairdiv reads (soc, soi, toc)`,
    );
  }
  const mEntry = meta.get('NUMBER ALTERNATIVES');
  if (!mEntry) {
    const first = body[0];
    if (first && /^\s*\d+\s*$/.test(first.text))
      throw new ParseError(
        'bad-preflib',
        source,
        first.line,
        1,
        'this looks like the PrefLib format before 2022 (a bare count on the first line); convert it to the current format (metadata lines "# NUMBER ALTERNATIVES: m", ...)',
      );
    throw new ParseError('bad-preflib', source, 1, 1, 'missing "# NUMBER ALTERNATIVES: m" line');
  }
  if (!/^\d+$/.test(mEntry.value) || Number(mEntry.value) < 1)
    throw new ParseError(
      'bad-preflib',
      source,
      mEntry.line,
      mEntry.column,
      `NUMBER ALTERNATIVES: expected a positive integer, got "${mEntry.value}"`,
    );
  const m = Number(mEntry.value);
  for (const k of names.keys())
    if (k < 1 || k > m)
      throw new ParseError('bad-preflib', source, 1, 1, `ALTERNATIVE NAME ${k}: not an alternative in 1..${m}`);
  const alternatives = Array.from({ length: m }, (_, g) => names.get(g + 1) || String(g + 1));
  const orders: number[][][] = [];
  for (const { text: raw, line } of body) {
    const colon = raw.indexOf(':');
    if (colon < 0) throw new ParseError('bad-preflib', source, line, 1, 'expected "count: order" (e.g. "2: 1,3,2")');
    const countText = raw.slice(0, colon).trim();
    if (!/^\d+$/.test(countText) || Number(countText) < 1)
      throw new ParseError(
        'bad-preflib',
        source,
        line,
        1,
        `the multiplicity before ":" must be a positive integer, got "${countText}"`,
      );
    const classes = parseOrder(raw, colon + 1, line, m, type, source);
    for (let c = 0; c < Number(countText); c++) orders.push(classes);
  }
  if (orders.length === 0) throw new ParseError('no-agents', source, lines.length, 1, 'no orders in the file');
  const nEntry = meta.get('NUMBER VOTERS');
  if (nEntry && Number(nEntry.value) !== orders.length)
    throw new ParseError(
      'bad-preflib',
      source,
      nEntry.line,
      nEntry.column,
      `NUMBER VOTERS says ${nEntry.value}, the multiplicities add up to ${orders.length}`,
    );
  return { type, alternatives, orders };
}

/** Parses `1,{2,3},4` from column `from` of a line into tie classes, checking the type's rules. */
function parseOrder(raw: string, from: number, line: number, m: number, type: PrefLibType, source: string): number[][] {
  const classes: number[][] = [];
  const seen = new Map<number, number>();
  let k = from;
  const fail = (at: number, reason: string): never => {
    throw new ParseError('bad-preflib', source, line, at + 1, reason);
  };
  const skipSpace = () => {
    while (k < raw.length && /\s/.test(raw[k])) k++;
  };
  const item = (): number => {
    skipSpace();
    const start = k;
    while (k < raw.length && /\d/.test(raw[k])) k++;
    if (k === start)
      fail(
        start,
        `expected an alternative number, got ${k < raw.length ? JSON.stringify(raw[k]) : 'the end of the line'}`,
      );
    const a = Number(raw.slice(start, k));
    if (a < 1 || a > m) fail(start, `alternative ${a} is not in 1..${m}`);
    const prev = seen.get(a);
    if (prev !== undefined) fail(start, `alternative ${a} appears twice in this order (also at column ${prev + 1})`);
    seen.set(a, start);
    skipSpace();
    return a - 1;
  };
  for (;;) {
    skipSpace();
    if (raw[k] === '{') {
      if (type !== 'toc') fail(k, `a tie "{...}" in a strict-order file (${type}); ties belong in .toc files`);
      k++;
      const tie = [item()];
      while (raw[k] === ',') {
        k++;
        tie.push(item());
      }
      if (raw[k] !== '}') fail(k, 'expected "," or "}" inside a tie');
      k++;
      skipSpace();
      classes.push(tie);
    } else classes.push([item()]);
    if (k >= raw.length) break;
    if (raw[k] !== ',') fail(k, `expected "," between alternatives, got ${JSON.stringify(raw[k])}`);
    k++;
  }
  if (type !== 'soi' && seen.size !== m) {
    const missing = Array.from({ length: m }, (_, g) => g + 1).filter((a) => !seen.has(a));
    fail(raw.length, `a complete order (${type}) must rank all ${m} alternatives; missing ${missing.join(', ')}`);
  }
  return classes;
}

/**
 * Builds an Instance from a PrefLib ordinal file: one agent per voter, strict orders (ties broken by alternative
 * number) and Borda values (see the module comment for the decisions).
 */
export function instanceFromPrefLib(text: string, options: PrefLibOptions = {}): Instance {
  const { alternatives, orders } = parsePrefLib(text, options);
  const m = alternatives.length;
  const strict = orders.map((classes) => {
    const ranked = classes.flatMap((c) => [...c].sort((a, b) => a - b));
    const rankedSet = new Set(ranked);
    return [...ranked, ...Array.from({ length: m }, (_, g) => g).filter((g) => !rankedSet.has(g))];
  });
  const values = orders.map((classes) => {
    const row = new Array<number>(m).fill(0);
    let below = classes.reduce((s, c) => s + c.length, 0);
    for (const c of classes) {
      below -= c.length;
      for (const g of c) row[g] = below + 1;
    }
    return row;
  });
  return new Instance(values, { goods: alternatives, orders: strict });
}
