/**
 * Distribution specs as used by the CLI (`--dist`) and by mechanism options (`dist`):
 *   uniform:a,b   exp:lambda   beta:a,b   samples:<file>   (the four)
 *   samples-interp:<file> (empirical with interpolated quantile), hard:p,delta (D_{p,delta}),
 *   bernoulli-noise:q,delta, discrete:v1,v2,...;p1,p2,...  histogram:e0,...,ek;w1,...,wk
 * A sample file is a JSON array of numbers or numbers separated by whitespace/commas.
 */
import * as fs from 'node:fs';
import { InvalidInputError } from '../core/errors';
import { Beta, Exponential } from './continuous';
import type { Distribution } from './distribution';
import { bernoulliNoise, discrete, empirical, hardDistribution, histogram, uniform } from './piecewise';

function nums(s: string, where: string): number[] {
  if (s.trim() === '') return [];
  return s.split(',').map((t, k) => {
    const x = Number(t.trim());
    if (t.trim() === '' || !Number.isFinite(x))
      throw new InvalidInputError('bad-distribution', `${where}: parameter ${k + 1} "${t}" is not a finite number`);
    return x;
  });
}

function arity(xs: number[], k: number, spec: string, usage: string): void {
  if (xs.length !== k) throw new InvalidInputError('bad-distribution', `distribution "${spec}": expected ${usage}`);
}

/** Parses a sample file's text (JSON array or separated numbers). */
export function parseSamples(text: string, where = 'samples'): number[] {
  const t = text.trim();
  let xs: unknown[];
  if (t.startsWith('[')) {
    try {
      xs = JSON.parse(t);
    } catch (e) {
      throw new InvalidInputError('bad-samples', `${where}: not valid JSON (${(e as Error).message})`);
    }
  } else xs = t.split(/[\s,]+/).filter((s) => s !== '');
  const out = xs.map((x, k) => {
    const v = typeof x === 'number' ? x : Number(x);
    if (!Number.isFinite(v))
      throw new InvalidInputError('bad-samples', `${where}: entry ${k} (${JSON.stringify(x)}) is not a finite number`);
    if (v < 0)
      throw new InvalidInputError(
        'bad-samples',
        `${where}: entry ${k} = ${v} is negative (values of goods are non-negative)`,
      );
    return v;
  });
  if (out.length === 0) throw new InvalidInputError('bad-samples', `${where}: no samples`);
  return out;
}

/** Parses a distribution spec (see module header). `readFile` defaults to fs. */
export function parseDistribution(
  spec: string,
  readFile: (path: string) => string = (p) => fs.readFileSync(p, 'utf8'),
): Distribution {
  if (typeof spec !== 'string')
    throw new InvalidInputError(
      'bad-distribution',
      `distribution: expected a spec string such as "uniform:0,1", got ${typeof spec}`,
    );
  const colon = spec.indexOf(':');
  if (colon < 0)
    throw new InvalidInputError(
      'bad-distribution',
      `distribution "${spec}": expected <family>:<parameters>, e.g. uniform:0,1, exp:1, beta:2,3, samples:file.json`,
    );
  const family = spec.slice(0, colon).trim().toLowerCase();
  const rest = spec.slice(colon + 1);
  switch (family) {
    case 'uniform': {
      const p = nums(rest, spec);
      arity(p, 2, spec, 'uniform:a,b');
      if (p[0] < 0)
        throw new InvalidInputError(
          'bad-distribution',
          `distribution "${spec}": a = ${p[0]} is negative (values of goods are non-negative)`,
        );
      return uniform(p[0], p[1]);
    }
    case 'exp':
    case 'exponential': {
      const p = nums(rest, spec);
      arity(p, 1, spec, 'exp:lambda');
      return new Exponential(p[0]);
    }
    case 'beta': {
      const p = nums(rest, spec);
      arity(p, 2, spec, 'beta:a,b');
      return new Beta(p[0], p[1]);
    }
    case 'hard': {
      const p = nums(rest, spec);
      arity(p, 2, spec, 'hard:p,delta');
      return hardDistribution(p[0], p[1]);
    }
    case 'bernoulli-noise': {
      const p = nums(rest, spec);
      arity(p, 2, spec, 'bernoulli-noise:q,delta');
      return bernoulliNoise(p[0], p[1]);
    }
    case 'discrete':
    case 'histogram': {
      const [a, b] = rest.split(';');
      if (b === undefined)
        throw new InvalidInputError(
          'bad-distribution',
          `distribution "${spec}": expected ${family}:${family === 'discrete' ? 'v1,v2,...;p1,p2,...' : 'e0,...,ek;w1,...,wk'}`,
        );
      return family === 'discrete' ? discrete(nums(a, spec), nums(b, spec)) : histogram(nums(a, spec), nums(b, spec));
    }
    case 'samples':
    case 'samples-interp': {
      const path = rest.trim();
      if (!path) throw new InvalidInputError('bad-distribution', `distribution "${spec}": expected samples:<file>`);
      let text: string;
      try {
        text = readFile(path);
      } catch (e) {
        throw new InvalidInputError(
          'bad-distribution',
          `distribution "${spec}": cannot read ${path}: ${(e as Error).message}`,
        );
      }
      return empirical(parseSamples(text, path), {
        interpolate: family === 'samples-interp',
        name: `Empirical(${path})`,
      });
    }
    default:
      throw new InvalidInputError(
        'bad-distribution',
        `distribution "${spec}": unknown family "${family}" (known: uniform, exp, beta, samples, samples-interp, hard, bernoulli-noise, discrete, histogram)`,
      );
  }
}

/** A Distribution object passes through; a string is parsed. */
export function toDistribution(x: unknown, where = 'dist'): Distribution {
  if (typeof x === 'string') return parseDistribution(x);
  if (
    x &&
    typeof x === 'object' &&
    typeof (x as Distribution).quantile === 'function' &&
    typeof (x as Distribution).top === 'function'
  )
    return x as Distribution;
  throw new InvalidInputError(
    'bad-distribution',
    `${where}: expected a distribution spec string (e.g. "uniform:0,1") or a Distribution, got ${JSON.stringify(x)}`,
  );
}
