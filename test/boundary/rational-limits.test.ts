import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { MAX_DIGITS, MAX_EXPONENT, Rational } from '../../src/core/rational';

function refusedWith(x: unknown, code: string, where = 'values[0][1]'): void {
  const start = Date.now();
  assert.throws(
    () => Rational.from(x as string, where),
    (e: unknown) => e instanceof InvalidInputError && e.code === code && e.message.startsWith(where),
  );
  assert.ok(Date.now() - start < 100, `took ${Date.now() - start} ms`);
}

describe('rational parsing bounds (issue 16)', () => {
  it('refuses "1e999999999" and "1e-999999999" at once with exponent-too-large', () => {
    refusedWith('1e999999999', 'exponent-too-large');
    refusedWith('1e-999999999', 'exponent-too-large');
    refusedWith(`1e${'9'.repeat(400)}`, 'exponent-too-large');
  });

  it('accepts exponents up to the bound and refuses one beyond it', () => {
    assert.equal(Rational.from(`1e${MAX_EXPONENT}`).num, 10n ** BigInt(MAX_EXPONENT));
    assert.equal(Rational.from(`1e-${MAX_EXPONENT}`).den, 10n ** BigInt(MAX_EXPONENT));
    refusedWith(`1e${MAX_EXPONENT + 1}`, 'exponent-too-large');
  });

  it('refuses integers, fractions and decimals written with more digits than the bound', () => {
    refusedWith('7'.repeat(MAX_DIGITS + 1), 'too-many-digits');
    refusedWith(`1/${'3'.repeat(MAX_DIGITS + 1)}`, 'too-many-digits');
    refusedWith(`0.${'0'.repeat(MAX_DIGITS)}1`, 'too-many-digits');
    assert.equal(Rational.from('7'.repeat(MAX_DIGITS)).num.toString().length, MAX_DIGITS);
  });

  it('types the parts of { num, den }: null, text and objects are not-a-number, never a TypeError', () => {
    refusedWith({ num: null, den: 1 }, 'not-a-number', 'values[0][1]');
    refusedWith({ num: 'abc', den: 1 }, 'not-a-number');
    refusedWith({ num: 1, den: { x: 1 } }, 'not-a-number');
    assert.equal(Rational.from({ num: '12', den: '8' } as never).toString(), '3/2');
  });

  it('names a value that cannot be printed as JSON without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    refusedWith(cyclic, 'not-a-number');
    refusedWith(Symbol('x'), 'not-a-number');
  });
});
