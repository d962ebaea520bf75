/**
 * An instance from CSV, the table people already keep in a spreadsheet: a header row naming the goods, then one row
 * per agent, the agent's name first and her value of each good after it.
 *
 * ```csv
 * agent,car,house,boat
 * alice,3,7,5/2
 * bob,4,4,1
 * ```
 *
 * [DECISION] The first column always holds the agents' names (the header's first cell is a label and is ignored):
 * guessing whether a first column of numbers is names or values would silently shift every column by one.
 * Values are exact: integers, decimals (`0.1` is exactly 1/10) or fractions (`5/2`). Fields may be quoted (RFC 4180,
 * `""` inside quotes is a quote); blank lines are skipped; the separator is `,`, or `;` or a tab when the header
 * uses that instead. Every error is a `ParseError` naming the line and column.
 */
import { Instance } from './instance';
import { ParseError } from './parse-error';
import { Rational } from './rational';

export interface CsvOptions {
  /** The file name used in error messages (default `csv`). */
  readonly source?: string;
  /** Field separator; default: the one the header row uses (`,`, `;` or tab), else `,`. */
  readonly delimiter?: ',' | ';' | '\t';
}

/** One field with the 1-based line and column where it starts. */
export interface CsvField {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator the first line uses most often outside quotes (`,` when it uses none). */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}

/** Splits CSV text into rows of fields with their positions; rows whose fields are all empty are dropped. */
export function parseCSV(text: string, options: CsvOptions = {}): CsvField[][] {
  const source = options.source ?? 'csv';
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = options.delimiter ?? detectDelimiter(src);
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let line = 1;
  let column = 1;
  let k = 0;
  const endRow = () => {
    if (row.some((f) => f.text.trim() !== '')) rows.push(row);
    row = [];
  };
  while (k <= src.length) {
    const start = { line, column };
    let value = '';
    if (src[k] === '"') {
      k++;
      column++;
      for (;;) {
        if (k >= src.length)
          throw new ParseError('bad-csv', source, start.line, start.column, 'a quoted field is never closed');
        const ch = src[k];
        if (ch === '"' && src[k + 1] === '"') {
          value += '"';
          k += 2;
          column += 2;
        } else if (ch === '"') {
          k++;
          column++;
          break;
        } else {
          value += ch;
          k++;
          if (ch === '\n') {
            line++;
            column = 1;
          } else column++;
        }
      }
      if (k < src.length && src[k] !== sep && src[k] !== '\n' && src[k] !== '\r')
        throw new ParseError(
          'bad-csv',
          source,
          line,
          column,
          `unexpected ${JSON.stringify(src[k])} after a closing quote`,
        );
    } else {
      while (k < src.length && src[k] !== sep && src[k] !== '\n' && src[k] !== '\r') {
        value += src[k];
        k++;
        column++;
      }
    }
    row.push({ text: value, ...start });
    if (k >= src.length) {
      endRow();
      break;
    }
    if (src[k] === sep) {
      k++;
      column++;
    } else {
      k += src[k] === '\r' && src[k + 1] === '\n' ? 2 : 1;
      line++;
      column = 1;
      endRow();
    }
  }
  return rows;
}

function checkName(f: CsvField, what: string, seen: Map<string, CsvField>, source: string): string {
  const name = f.text.trim();
  if (name === '') throw new ParseError('bad-name', source, f.line, f.column, `empty ${what} name`);
  const prev = seen.get(name);
  if (prev)
    throw new ParseError(
      'duplicate-name',
      source,
      f.line,
      f.column,
      `duplicate ${what} name "${name}" (also at line ${prev.line}, column ${prev.column})`,
    );
  seen.set(name, f);
  return name;
}

/**
 * Builds a validated Instance from CSV text: header row `label,good1,good2,...`, then `agent,v1,v2,...` per agent.
 * Throws `ParseError` (an `InvalidInputError`) naming the line and column of the first problem.
 */
export function instanceFromCSV(text: string, options: CsvOptions = {}): Instance {
  if (typeof text !== 'string')
    throw new ParseError('bad-csv', options.source ?? 'csv', 1, 1, `expected CSV text, got ${typeof text}`);
  const source = options.source ?? 'csv';
  const rows = parseCSV(text, options);
  if (rows.length === 0)
    throw new ParseError(
      'bad-csv',
      source,
      1,
      1,
      'empty: expected a header row naming the goods, then one row per agent',
    );
  const [header, ...body] = rows;
  if (header.length < 2)
    throw new ParseError(
      'bad-csv',
      source,
      header[0].line,
      header[0].column,
      'the header row names no goods (expected "agent,good1,good2,...")',
    );
  if (body.length === 0)
    throw new ParseError('no-agents', source, header[0].line, header[0].column, 'no agent rows after the header');
  const goodSeen = new Map<string, CsvField>();
  const goods = header.slice(1).map((f) => checkName(f, 'good', goodSeen, source));
  const agentSeen = new Map<string, CsvField>();
  const agents: string[] = [];
  const values = body.map((row) => {
    agents.push(checkName(row[0], 'agent', agentSeen, source));
    if (row.length !== header.length) {
      const at = row.length > header.length ? row[header.length] : row[row.length - 1];
      throw new ParseError(
        'non-rectangular',
        source,
        at.line,
        at.column,
        `agent "${agents[agents.length - 1]}" has ${row.length - 1} value(s), the header names ${goods.length} good(s)`,
      );
    }
    return row.slice(1).map((f, g) => {
      const where = `value of good "${goods[g]}" for agent "${agents[agents.length - 1]}"`;
      if (f.text.trim() === '') throw new ParseError('not-a-number', source, f.line, f.column, `${where} is empty`);
      let r: Rational;
      try {
        r = Rational.parse(f.text, where);
      } catch {
        throw new ParseError(
          'not-a-number',
          source,
          f.line,
          f.column,
          `${where}: "${f.text.trim()}" is not a number (integers, decimals such as 0.1, or fractions such as 5/2)`,
        );
      }
      if (r.sign() < 0)
        throw new ParseError('negative-value', source, f.line, f.column, `${where}: ${r} is negative (goods only)`);
      return r;
    });
  });
  return new Instance(values, { agents, goods });
}
