/**
 * Property suites for the input boundary (issue 16), with fixed seeds: malformed instances and outcomes are a
 * typed error or a correct verdict (checked against a brute-force checker written here), never another
 * exception and never a false `certified`.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify } from '../../src/certify';
import { FairDivError } from '../../src/core/errors';
import { instanceFromJson, outcomeFromJson } from '../../src/core/json-boundary';
import { parseJsonInput } from '../../src/core/json-input';
import { Rational } from '../../src/core/rational';

const SEED = 16;

/** `f()` either returns or throws a FairDivError; anything else fails the property. */
function typedOrValue<T>(f: () => T): { value?: T; error?: FairDivError } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof FairDivError) return { error: e };
    throw new Error(`untyped ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
  }
}

/** Replaces the node at a random path of a JSON value by `replacement`. */
function mutate(x: unknown, choose: number[], replacement: unknown): unknown {
  if (choose.length === 0 || x === null || typeof x !== 'object') return replacement;
  const [k, ...rest] = choose;
  if (Array.isArray(x)) {
    if (x.length === 0) return replacement;
    const i = k % x.length;
    return x.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(x);
  if (keys.length === 0) return replacement;
  const key = keys[k % keys.length];
  return { ...(x as object), [key]: mutate((x as Record<string, unknown>)[key], rest, replacement) };
}

const junk = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 60,
    '',
    'x',
    '1/0',
    '-1',
    '1e99999',
    '__proto__',
    'valueOf',
    [],
    {},
    [[]],
    [null],
    { id: 'ef' },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Small valid instances: n agents, m goods, values 0..9. */
const instanceArb = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, m]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
  )
  .map((values) => ({ values }));

/** An allocation of m goods to n agents as owners. */
function bundlesOf(owners: number[], n: number): number[][] {
  const b: number[][] = Array.from({ length: n }, () => []);
  owners.forEach((i, g) => b[i % n].push(g));
  return b;
}

/** Brute-force EF, EF1 and PROP on integer values (independent of src/checks). */
function holds(id: string, values: number[][], bundles: number[][]): boolean {
  const v = (i: number, b: number[]) => b.reduce((s, g) => s + values[i][g], 0);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const own = v(i, bundles[i]);
    if (id === 'prop' && own * n < values[i].reduce((s, x) => s + x, 0)) return false;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const other = v(i, bundles[j]);
      if (id === 'ef' && own < other) return false;
      if (id === 'ef1' && own < other && !bundles[j].some((g) => own >= other - values[i][g])) return false;
    }
  }
  return true;
}

describe('input boundary properties (issue 16)', () => {
  it('a mutated instance is a typed error or a valid instance', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(fc.nat(), { maxLength: 4 }), junk, (inst, path, replacement) => {
        typedOrValue(() => instanceFromJson(mutate(inst, path, replacement)));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('a mutated outcome is a typed error or a verdict that agrees with a brute-force checker', () => {
    const case_ = instanceArb.chain((inst) =>
      fc.record({
        inst: fc.constant(inst),
        owners: fc.array(fc.nat({ max: inst.values.length - 1 }), {
          minLength: inst.values[0].length,
          maxLength: inst.values[0].length,
        }),
        claims: fc.subarray(['ef', 'ef1', 'prop'], { minLength: 1 }),
        path: fc.array(fc.nat(), { maxLength: 4 }),
        replacement: junk,
        mutateIt: fc.boolean(),
      }),
    );
    let certified = 0;
    fc.assert(
      fc.property(case_, ({ inst, owners, claims, path, replacement, mutateIt }) => {
        const n = inst.values.length;
        const json = {
          mechanism: 'test',
          kind: 'allocation',
          allocation: bundlesOf(owners, n),
          claims: claims.map((id) => ({ id, text: id })),
        };
        const given = mutateIt ? mutate(json, path, replacement) : json;
        const r = typedOrValue(() => certify(outcomeFromJson(given, instanceFromJson(inst))));
        if (!r.value) return;
        const g = given as { allocation: number[][]; claims: { id: string }[] };
        const truth = g.claims.every((c) => holds(c.id, inst.values, g.allocation));
        if (r.value.verdict === 'certified') certified++;
        assert.equal(r.value.verdict === 'certified', truth, JSON.stringify({ inst, given, verdict: r.value.verdict }));
      }),
      { seed: SEED, numRuns: 1500 },
    );
    assert.ok(certified > 100, `only ${certified} certified verdicts: the property tests too little`);
  });

  it('any string is a typed error or an exact rational, at once', () => {
    const numberish = fc.stringMatching(
      /^[+-]?[0-9]{0,30}(\.[0-9]{0,30})?([eE][+-]?[0-9]{0,12})?(\/[+-]?[0-9]{0,30})?$/,
    );
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string(), fc.string({ unit: 'grapheme', maxLength: 20 })), (s) => {
        const start = Date.now();
        const r = typedOrValue(() => Rational.from(s as string, 'value'));
        assert.ok(Date.now() - start < 50, `${JSON.stringify(s)} took ${Date.now() - start} ms`);
        if (r.value) assert.ok(r.value.den > 0n);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('parses what JSON.parse parses the same way, and refuses only numbers it would round', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), (text) => {
        const r = typedOrValue(() => parseJsonInput(text));
        if (r.error) {
          assert.ok(['unsafe-integer', 'unsafe-number'].includes(r.error.code), `${r.error.code}: ${text}`);
          return;
        }
        assert.deepEqual(r.value, JSON.parse(text));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
