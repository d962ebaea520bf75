import { strict as assert } from 'node:assert';
import { allClaimIds, certify, instance, list, solve } from '../../src/index';

describe('mechanism registry', () => {
  it('runs every registered worked example and matches its exact expected outcome', () => {
    assert.ok(list().length >= 20, `only ${list().length} mechanisms registered`);
    for (const m of list()) {
      const outcome = solve(m.id, m.example.instance, m.example.options);
      const json = outcome.toJSON() as { allocation?: unknown; fractional?: unknown; lottery?: unknown[] };
      const expect = m.example.expect;
      assert.ok(Object.keys(expect).length > 0, `${m.id}: the example expects nothing`);
      if (expect.allocation) assert.deepEqual(json.allocation, expect.allocation, `${m.id}: allocation`);
      if (expect.fractional) assert.deepEqual(json.fractional, expect.fractional, `${m.id}: fractional`);
      if (expect.lottery) assert.deepEqual(json.lottery, expect.lottery, `${m.id}: lottery`);
      if (expect.supportSize !== undefined)
        assert.equal(outcome.support().length, expect.supportSize, `${m.id}: support size`);
    }
  });

  it('certifies every worked example (every claim checked passes; nothing fails)', () => {
    for (const m of list()) {
      const outcome = solve(m.id, m.example.instance, m.example.options);
      const report = certify(outcome);
      assert.equal(report.failed, 0, `${m.id}: ${JSON.stringify(report.toJSON())}`);
      if (outcome.claims.length) assert.ok(report.ok, `${m.id}: verdict ${report.verdict}`);
    }
  });

  it('reproduces every worked example from the options recorded on its Outcome', () => {
    for (const m of list()) {
      const first = solve(m.id, m.example.instance, m.example.options);
      const again = solve(m.id, m.example.instance, JSON.parse(JSON.stringify(first.options)));
      assert.deepEqual(again.toJSON(), first.toJSON(), m.id);
    }
  });

  it('declares for every mechanism a full citation, known claim ids and described options', () => {
    const known = new Set<string>(allClaimIds());
    for (const m of list()) {
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${m.id}: kebab-case`);
      assert.ok(m.citation.authors && m.citation.title && m.citation.theorem, `${m.id}: citation`);
      for (const c of m.claimIds) assert.ok(known.has(c), `${m.id}: unknown claim ${c}`);
      assert.equal(m.options.length, m.optionKeys.length, m.id);
    }
  });

  it('records the options actually used, defaults included', () => {
    const outcome = solve('round-robin', {
      values: [
        [1, 2],
        [2, 1],
        [3, 3],
      ],
    });
    assert.deepEqual(outcome.options, { agentOrder: [0, 1, 2] });
  });

  it('rejects a claim its definition does not declare (a mechanism cannot make up claims)', () => {
    const m = list().find((x) => x.id === 'round-robin')!;
    assert.ok(!m.claimIds.includes('ef' as never));
    assert.deepEqual([...m.claimIds], ['ef1']);
  });

  it('names the unknown mechanism and lists the known ones', () => {
    assert.throws(
      () => solve('round-robbin', instance({ values: [[1]] })),
      (e: Error & { code?: string }) => e.code === 'unknown-mechanism' && /round-robin/.test(e.message),
    );
    assert.throws(
      () => solve(3 as unknown as string, { values: [[1]] }),
      (e: Error & { code?: string }) => e.code === 'bad-argument',
    );
  });
});
