/**
 * JSON text as it enters fairdiv (instance, outcome and options files, `--options`): a strict RFC 8259 parser
 * that refuses what `JSON.parse` would silently accept wrongly.
 *
 * * A number beyond the safe integers (|x| >= 2^53) is refused, naming its path and saying to pass it as a
 *   string: `JSON.parse` rounds `9007199254740993` to `9007199254740992`, and an exact checker would then
 *   certify a statement about a value nobody gave.
 * * Nesting is bounded (MAX_JSON_DEPTH), so deep input is a typed error rather than a stack overflow later.
 * * A key `__proto__` is an ordinary own key (as with `JSON.parse`); it never changes an object's prototype.
 *
 * Errors are `InvalidInputError`s: `bad-json` (syntax, with line and column), `unsafe-integer`, `unsafe-number`
 * (a non-zero number that underflows to 0), `too-deep`.
 */
import { InvalidInputError } from './errors';

/** Deepest nesting of arrays and objects accepted in an input file. */
export const MAX_JSON_DEPTH = 64;

/** Options of `parseJsonInput`: `source` names the file or flag in error messages. */
export interface JsonInputOptions {
  readonly source?: string;
  /** Deepest nesting accepted (default MAX_JSON_DEPTH). */
  readonly maxDepth?: number;
  /**
   * Refuse numbers JSON would round (default true). A notebook's outputs are not values fairdiv computes with,
   * so the runner reads them with `false`.
   */
  readonly exactNumbers?: boolean;
}

/** A value path as error messages write it: `values[1][0]`, `claims[0].id`. */
function pathString(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  if (out.length > 80) out = `${out.slice(0, 40)}...${out.slice(-30)}`;
  return out || '(top level)';
}

/**
 * Parses JSON text strictly (see the module comment). Integers beyond 2^53 must be strings
 * (`"9007199254740993"`), which every fairdiv value field accepts as an exact rational.
 */
export function parseJsonInput(text: string, options: JsonInputOptions = {}): unknown {
  const source = options.source ?? 'input';
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const exact = options.exactNumbers ?? true;
  if (typeof text !== 'string') throw new InvalidInputError('bad-json', `${source}: expected JSON text`);
  let pos = 0;
  const path: (string | number)[] = [];

  const fail = (what: string): never => {
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new InvalidInputError('bad-json', `${source}: not valid JSON (${what} at line ${line} column ${column})`);
  };
  const ws = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };
  const literal = (word: string, value: unknown) => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail(`unexpected ${JSON.stringify(text[pos])}`);
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = (): number => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail('bad number');
    pos += m[0].length;
    const x = Number(m[0]);
    if (!exact) return x;
    if (!Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER)
      throw new InvalidInputError(
        'unsafe-integer',
        `${source}: ${pathString(path)}: ${m[0]} is 2^53 or more in magnitude, where JSON numbers are rounded; pass it as a string: "${m[0]}"`,
      );
    if (x === 0 && /[1-9]/.test(m[0].split(/[eE]/)[0]))
      throw new InvalidInputError(
        'unsafe-number',
        `${source}: ${pathString(path)}: ${m[0]} underflows to 0 as a JSON number; pass it as a string: "${m[0]}"`,
      );
    return x;
  };

  const string = (): string => {
    pos++; // opening quote
    let out = '';
    let start = pos;
    for (;;) {
      if (pos >= text.length) return fail('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) return fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
          out += simple[e];
          pos += 2;
        } else return fail('bad escape');
        start = pos;
      } else pos++;
    }
  };

  const value = (depth: number): unknown => {
    ws();
    if (depth > maxDepth)
      throw new InvalidInputError('too-deep', `${source}: ${pathString(path)}: nested deeper than ${maxDepth} levels`);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') return fail('expected a string key');
        const key = string();
        ws();
        if (text[pos] !== ':') return fail("expected ':'");
        pos++;
        path.push(key);
        const v = value(depth + 1);
        path.pop();
        // an own data property even for "__proto__" (plain assignment would set the prototype)
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return obj;
        } else return fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      ws();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        path.push(arr.length);
        arr.push(value(depth + 1));
        path.pop();
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return arr;
        } else return fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return fail(c === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(c)}`);
  };

  if (text.charCodeAt(0) === 0xfeff) pos = 1; // a byte-order mark, as editors write it
  const result = value(0);
  ws();
  if (pos < text.length) fail('unexpected text after the value');
  return result;
}
