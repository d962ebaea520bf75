import { strict as assert } from 'node:assert';
import { instance } from '../../src/core/instance';
import {
  agentOrderOption,
  booleanOption,
  choiceOption,
  describeOptions,
  integerOption,
  parseOptions,
  rationalOption,
  seedOption,
} from '../../src/mechanisms/options';
import '../../src/mechanisms/classic';
import { mechanism } from '../../src/mechanisms/registry';

const inst = instance({
  values: [
    [1, 2, 3],
    [3, 2, 1],
    [1, 1, 1],
  ],
});
const code = (c: string, msg?: RegExp) => (e: Error & { code?: string }) =>
  e.code === c && (!msg || msg.test(e.message));

describe('mechanism options', () => {
  it('names an unknown option and lists the known ones', () => {
    assert.throws(
      () => mechanism('round-robin').run(inst, { ordr: [0, 1, 2] }),
      code('unknown-option', /^unknown option ordr for round-robin; known: agentOrder$/),
    );
    assert.throws(() => mechanism('envy-cycle').run(inst, { seed: 1 }), code('unknown-option', /known: \(none\)/));
  });

  it('rejects options that are not an object', () => {
    assert.throws(() => mechanism('round-robin').run(inst, [0, 1, 2]), code('bad-options'));
    assert.throws(() => mechanism('round-robin').run(inst, 'agentOrder'), code('bad-options'));
  });

  it('parses an agent order or rejects a non-permutation with bad-agent-order', () => {
    const schema = { agentOrder: agentOrderOption() };
    assert.deepEqual(parseOptions('m', schema, { agentOrder: [2, 0, 1] }, inst).parsed.agentOrder, [2, 0, 1]);
    assert.deepEqual(parseOptions('m', schema, {}, inst).parsed.agentOrder, [0, 1, 2]);
    for (const bad of [[0, 1], [0, 0, 1], [0, 1, 3], [0, 1, 1.5], 'abc', null])
      assert.throws(
        () => parseOptions('m', schema, { agentOrder: bad }, inst),
        code('bad-agent-order', /m: options.agentOrder/),
      );
  });

  it('accepts only integer seeds in 0..2^32-1 (bad-seed otherwise)', () => {
    const schema = { seed: seedOption() };
    assert.equal(parseOptions('m', schema, {}, inst).parsed.seed, 0);
    assert.equal(parseOptions('m', schema, { seed: 4294967295 }, inst).parsed.seed, 4294967295);
    for (const bad of ['abc', '7', 1.5, -1, 2 ** 32, NaN, true])
      assert.throws(() => parseOptions('m', schema, { seed: bad }, inst), code('bad-seed'));
  });

  it('parses exact rationals within bounds and records them as strings', () => {
    const schema = {
      alpha: rationalOption('alpha in (0, 1/4]', {
        default: '1/4',
        min: { value: 0, exclusive: true },
        max: { value: '1/4' },
      }),
    };
    const r = parseOptions('m', schema, { alpha: '1/5' }, inst);
    assert.equal(r.parsed.alpha.toString(), '1/5');
    assert.deepEqual(r.used, { alpha: '1/5' });
    assert.deepEqual(parseOptions('m', schema, {}, inst).used, { alpha: '1/4' });
    assert.throws(() => parseOptions('m', schema, { alpha: 0 }, inst), code('bad-rational', /outside \(0, 1\/4\]/));
    assert.throws(() => parseOptions('m', schema, { alpha: '1/3' }, inst), code('bad-rational'));
    assert.throws(() => parseOptions('m', schema, { alpha: [1] }, inst), code('bad-rational'));
    assert.throws(() => parseOptions('m', schema, { alpha: 'x' }, inst), code('bad-rational'));
  });

  it('checks integers, choices and flags by type', () => {
    const schema = {
      k: integerOption('k', { min: 1, max: 5, default: 2 }),
      mode: choiceOption('mode', ['a', 'b'] as const),
      flag: booleanOption('flag'),
    };
    assert.deepEqual(parseOptions('m', schema, {}, inst).parsed, { k: 2, mode: 'a', flag: false });
    assert.throws(() => parseOptions('m', schema, { k: 6 }, inst), code('bad-integer'));
    assert.throws(() => parseOptions('m', schema, { k: '3' }, inst), code('bad-integer'));
    assert.throws(() => parseOptions('m', schema, { mode: 'c' }, inst), code('bad-option', /"a" or "b"/));
    assert.throws(() => parseOptions('m', schema, { flag: 'yes' }, inst), code('bad-option'));
    assert.deepEqual(
      describeOptions(schema).map((d) => d.split(' ')[0]),
      ['k', 'mode', 'flag'],
    );
  });

  it('does not mistake prototype keys for options', () => {
    assert.throws(
      () => mechanism('round-robin').run(inst, JSON.parse('{"__proto__": {"x": 1}}')),
      code('unknown-option'),
    );
    assert.throws(() => mechanism('round-robin').run(inst, { valueOf: 1 }), code('unknown-option'));
  });
});
