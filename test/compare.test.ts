import { strict as assert } from 'node:assert';
import { compare, COMPARE_PROPERTIES, InvalidInputError, type ComparisonRow } from '../src/index';

const README_INSTANCE = { alice: { car: 3, house: 7, boat: '5/2' }, bob: { car: 4, house: 4, boat: 1 } };

function row(rows: readonly ComparisonRow[], id: string): ComparisonRow {
  const r = rows.find((x) => x.id === id);
  assert.ok(r, `no row for ${id}`);
  return r;
}

describe('compare', () => {
  it('certifies the fixed properties of every mechanism that applies, with exact fractions', () => {
    const c = compare(README_INSTANCE);
    const rr = row(c.rows, 'round-robin');
    assert.equal(rr.status, 'ran');
    assert.deepEqual(
      ['ef', 'ef1', 'efx', 'prop', 'prop1', 'po', 'fpo', 'ex-ante-prop', 'ex-ante-ef'].map(
        (p) => rr.cells[p as 'ef'].status,
      ),
      ['fail', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'fail', 'fail'],
    );
    assert.equal(rr.cells['mms-fraction'].value!.toString(), '1');
    assert.equal(rr.cells['tps-fraction'].value!.toString(), '8/9');
    assert.equal(rr.cells.support.value!.toString(), '1');
    const cc = row(c.rows, 'cut-and-choose');
    assert.equal(cc.cells.ef.status, 'pass');
    assert.equal(cc.cells['mms-fraction'].value!.toString(), '5/4');
    for (const r of c.ran) assert.deepEqual(Object.keys(r.cells).sort(), [...COMPARE_PROPERTIES].sort(), r.id);
  });

  it('checks a lottery ex post and ex ante, with its support size', () => {
    const ps = row(compare(README_INSTANCE, ['probabilistic-serial']).rows, 'probabilistic-serial');
    assert.equal(ps.outcome!.kind, 'lottery');
    assert.equal(ps.cells.support.value!.toString(), String(ps.outcome!.lottery!.size));
    assert.equal(ps.cells.ef1.status, 'pass');
    assert.equal(ps.cells['ex-ante-ef'].status, 'pass');
    assert.equal(ps.cells['ex-ante-prop'].status, 'pass');
  });

  it('lists mechanisms outside their domain or missing options last, with the reason', () => {
    const c = compare(README_INSTANCE);
    const firstSkipped = c.rows.findIndex((r) => r.status !== 'ran');
    assert.ok(firstSkipped > 0 && c.rows.slice(firstSkipped).every((r) => r.status !== 'ran'));
    const three = row(c.rows, 'bobw-three-agents');
    assert.equal(three.status, 'outside-domain');
    assert.match(three.reason!, /needs exactly 3 agents, got n = 2/);
    assert.equal(three.cells.ef.status, 'n/a');
    const pickR = row(c.rows, 'pick-r');
    assert.equal(pickR.status, 'needs-options');
    assert.match(pickR.reason!, /options\.r is required/);
  });

  it('runs only the named mechanisms, with the options given per mechanism', () => {
    const c = compare(README_INSTANCE, ['pick-r', 'round-robin'], { options: { 'pick-r': { r: ['1/3', '2/3'] } } });
    assert.deepEqual(
      c.rows.map((r) => [r.id, r.status]),
      [
        ['pick-r', 'ran'],
        ['round-robin', 'ran'],
      ],
    );
    assert.equal(String(row(c.rows, 'pick-r').outcome!.options.r), String(['1/3', '2/3']));
  });

  it('refuses unknown mechanism ids, unknown options and a bad time limit with typed errors', () => {
    assert.throws(
      () => compare(README_INSTANCE, ['nope']),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'unknown-mechanism',
    );
    assert.throws(() => compare(README_INSTANCE, undefined, { budget: 1 } as never), { code: 'unknown-option' });
    assert.throws(() => compare(README_INSTANCE, undefined, { options: { nope: {} } }), { code: 'unknown-mechanism' });
    assert.throws(() => compare(README_INSTANCE, undefined, { timeLimitMs: -1 }), { code: 'bad-time-limit' });
    assert.throws(() => compare(README_INSTANCE, 'round-robin' as never), { code: 'bad-argument' });
  });

  it('prints a text table, and JSON with exact strings', () => {
    const c = compare(README_INSTANCE, ['round-robin', 'bobw-three-agents']);
    assert.match(String(c), /^round-robin\s+✗\s+✓\s+✓\s+✗\s+✓\s+1\s+0\.889\s+✓\s+✓\s+✗\s+✗\s+1\s/m);
    assert.match(String(c), /bobw-three-agents: outside-domain \(bobw-three-agents: needs exactly 3 agents/);
    const j = c.toJSON() as {
      rows: { mechanism: string; cells: Record<string, { status: string; value?: string }> }[];
    };
    assert.deepEqual(j.rows[0].cells['tps-fraction'], { status: 'value', value: '8/9', reason: 'worst agent: bob' });
  });
});
