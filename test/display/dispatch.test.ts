/** The display dispatch table (src/display/dispatch.ts): which values display as which kind. */
import { strict as assert } from 'node:assert';
import { Allocation, FractionalAllocation, Lottery, instance } from '../../src/index';
import { DISPLAY_KINDS, displayKind, mimeOf, recognise, toMimeBundle, toPayload } from '../../src/display';
import { InvalidInputError } from '../../src/core/errors';
import { matrixShape } from '../helpers/html-shape';
import { displayFixtures } from './fixtures';

describe('display: dispatch table', () => {
  const { inst, ps, fixtures } = displayFixtures();

  it('bare Allocation / FractionalAllocation / Lottery and a matrix instance display without names', () => {
    const a = new Allocation([[1], [0, 2]], 3);
    assert.equal(toMimeBundle(a).kind, 'allocation');
    assert.match(toMimeBundle(a).data['text/plain'] as string, /0: \{1\}; 1: \{0, 2\}/);
    assert.equal(
      toMimeBundle(
        new FractionalAllocation([
          ['1/2', 1],
          ['1/2', 0],
        ]),
      ).kind,
      'fractional',
    );
    assert.equal(toMimeBundle(Lottery.uniform([a, new Allocation([[0, 1], [2]], 3)])).kind, 'lottery');
    const b = toMimeBundle(
      instance([
        [1, 2],
        [3, 4],
      ]),
    );
    assert.deepEqual(matrixShape(b.data['text/html'] as string), { rows: 2, cols: 2 });
  });

  it('values without a rich display: text/plain only, kind null', () => {
    assert.equal(displayKind(42), null);
    assert.deepEqual(toMimeBundle({ a: 1 }), { data: { 'text/plain': '{\n  "a": 1\n}' }, kind: null });
  });

  it('recognises every display kind among the fixtures, and builds the payload toMimeBundle shows', () => {
    const kinds = new Set(fixtures.map((f) => recognise(f.value)?.kind));
    assert.deepEqual([...kinds].sort(), [...DISPLAY_KINDS].sort());
    for (const f of fixtures) assert.deepEqual(toPayload(f.value), f.bundle.data[mimeOf(f.bundle.kind!)], f.name);
  });

  it('a payload displays as itself', () => {
    for (const f of fixtures) {
      const p = f.bundle.data[mimeOf(f.bundle.kind!)];
      assert.equal(displayKind(p), f.bundle.kind, f.name);
      assert.equal(toPayload(p), p, f.name);
    }
  });

  it('a plain object holding a lottery and an allocation shows the lottery (table order)', () => {
    const value = {
      instance: inst,
      lottery: ps.lottery,
      allocation: ps.lottery!.entries[0].allocation,
      mechanism: 'x',
    };
    assert.equal(displayKind(value), 'lottery');
    assert.equal(displayKind({ instance: inst, allocation: ps.lottery!.entries[0].allocation }), 'allocation');
    assert.equal(displayKind({ instance: 'not an instance', allocation: ps.lottery!.entries[0].allocation }), null);
  });

  it('an Outcome shows as its own kind with its mechanism, claims and trace', () => {
    const p = toPayload(ps);
    assert.equal(p.kind, 'lottery');
    assert.ok(p.kind === 'lottery' && p.mechanism === 'probabilistic-serial' && p.trace!.length === ps.trace.length);
    assert.equal(displayKind(ps.fractional), 'fractional');
  });

  it('toPayload of a value without a rich display is a typed no-rich-display error', () => {
    assert.throws(
      () => toPayload({ a: 1 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'no-rich-display',
    );
  });
});
