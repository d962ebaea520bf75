/**
 * The registry entries of Babaioff, Feige & Manaker Morag (src/mechanisms/tie-mms/index.ts): strict option schemas,
 * domain checks, worked examples and reproduction from an Outcome's recorded options.
 */
import { strict as assert } from 'node:assert';
import { certify, generators, solve } from '../../../src';
import { FairDivError, LimitError } from '../../../src/core/errors';
import { Instance } from '../../../src/core/instance';
import { mechanism } from '../../../src/mechanisms/registry';
import { FIGURE_1 } from '../../../src/mechanisms/tie-mms/worked-instances';
import { assertCertified, bundlesOf } from '../../helpers/tie-mms';

const IDS = [
  'tie-mms-ordinal',
  'tie-mms-public-deficiency',
  'tie-mms-loglog',
  'tie-mms-two-agents',
  'uniform-faithful',
  'cuq-lottery',
];

const code = (want: string) => (e: unknown) => e instanceof FairDivError && e.code === want;

/** The lottery as exact JSON (probabilities and bundles). */
const lotteryJSON = (o: ReturnType<typeof solve>) => JSON.stringify(o.toJSON().lottery);

describe('tie-mms registry entries', () => {
  it('solves m = 0 and n = 1', () => {
    assertCertified(solve('tie-mms-ordinal', new Instance([[], []])));
    const one = solve('tie-mms-ordinal', new Instance([[1, 2, 3]]));
    assert.deepEqual(bundlesOf(one), [{ p: '1', bundles: [[0, 1, 2]] }]);
    assertCertified(one);
    assertCertified(solve('uniform-faithful', new Instance([[], [], []])));
  });

  it('rejects bad options with typed errors and instances beyond the exact-mode limits with a DomainError', () => {
    const inst = new Instance([
      [1, 2],
      [2, 1],
    ]);
    assert.throws(
      () => solve('tie-mms-ordinal', inst, { agentOrder: [0, 0] }),
      (e: Error) => e.name === 'InvalidInputError',
    );
    assert.throws(
      () => solve('tie-mms-ordinal', inst, { reduce: 'sometimes' }),
      (e: Error) => e.name === 'InvalidInputError',
    );
    assert.throws(
      () => solve('tie-mms-loglog', inst, { threshold: 2 }),
      (e: Error) => e.name === 'InvalidInputError',
    );
    assert.throws(
      () => solve('tie-mms-public-deficiency', inst, { deficiencies: [3, 0] }),
      (e: Error) => e.name === 'InvalidInputError',
    );
    const big = new Instance(Array.from({ length: 101 }, () => [1]));
    assert.throws(
      () => solve('tie-mms-ordinal', big),
      (e: Error) => e.name === 'DomainError',
    );
  });

  it('lifts the exact-mode limit with allowLarge', () => {
    const big = new Instance(Array.from({ length: 101 }, () => [1]));
    assert.throws(() => solve('cuq-lottery', big), code('too-many-agents'));
    // each of the 101 shifts gives the one good to its first agent
    assert.equal(solve('cuq-lottery', big, { allowLarge: true }).lottery!.size, 101);
  });

  for (const id of IDS)
    it(`rejects an unknown option of ${id}, listing the known ones`, () => {
      const known = mechanism(id).optionKeys;
      assert.ok(known.length > 0);
      assert.throws(
        () =>
          solve(
            id,
            new Instance([
              [1, 2, 3],
              [3, 2, 1],
            ]),
            { ordering: [1, 0] },
          ),
        (e: unknown) =>
          code('unknown-option')(e) &&
          (e as Error).message === `unknown option ordering for ${id}; known: ${known.join(', ')}`,
      );
    });

  it('rejects a bad agentOrder with bad-agent-order', () => {
    const inst = new Instance([
      [1, 2, 3],
      [3, 2, 1],
      [2, 2, 2],
    ]);
    for (const id of ['tie-mms-ordinal', 'tie-mms-loglog', 'cuq-lottery'])
      for (const agentOrder of [[0, 0, 1], [0, 1], [0, 1, 3], 'identity'])
        assert.throws(
          () => solve(id, inst, { agentOrder }),
          code('bad-agent-order'),
          `${id} ${JSON.stringify(agentOrder)}`,
        );
  });

  it("reproduces the run from the Outcome's options (through JSON), the sampled agent order of tie-mms-loglog included", () => {
    const inst = new Instance([
      [5, 1, 2, 7, 3],
      [1, 2, 3, 4, 5],
      [4, 4, 1, 1, 9],
    ]);
    const runs: [string, Instance, Record<string, unknown>][] = [
      ['tie-mms-ordinal', inst, {}],
      ['tie-mms-ordinal', inst, { agentOrder: [2, 0, 1], matching: 'incremental', reduce: 'never' }],
      ['tie-mms-public-deficiency', inst, { alpha: '1/5' }],
      ['tie-mms-loglog', inst, { seed: 12345 }],
      ['tie-mms-loglog', inst, { seed: 7, threshold: '7/3', deficiencies: [3, 2, 1] }],
      ['tie-mms-loglog', inst, { exactMixture: true }],
      [
        'tie-mms-two-agents',
        new Instance([
          [100, 9, 8, 7, 6, 5, 4, 3, 2],
          [1, 1, 1, 1, 1, 1, 1, 1, 1],
        ]),
        { protocol: 'two-round' },
      ],
      ['uniform-faithful', inst, { matching: 'incremental' }],
      ['cuq-lottery', inst, { agentOrder: [1, 2, 0] }],
    ];
    for (const [id, instance, options] of runs) {
      const o = solve(id, instance, options);
      const again = solve(id, instance, JSON.parse(JSON.stringify(o.options)));
      assert.equal(lotteryJSON(again), lotteryJSON(o), `${id} ${JSON.stringify(options)}`);
      assert.deepEqual(again.options, o.options);
    }
    const sampled = solve('tie-mms-loglog', inst, { seed: 12345 });
    assert.deepEqual(sampled.options.agentOrder, (sampled.trace[0].data as { agentOrder: number[] }).agentOrder);
    assert.deepEqual(
      solve('tie-mms-loglog', inst, { agentOrder: sampled.options.agentOrder }).toJSON().lottery,
      sampled.toJSON().lottery,
    );
  });

  for (const id of IDS)
    it(`gives the expected outcome on its worked example, with no failed claim (${id})`, () => {
      const { example } = mechanism(id);
      const o = solve(id, example.instance, example.options);
      assert.deepEqual(o.toJSON().lottery, example.expect.lottery);
      assert.ok(certify(o).claims.every((c) => c.status !== 'fail'));
    });

  it('uses the Figure 1 instance of the paper for the ordinal, loglog and CUQ-lottery examples (T1)', () => {
    for (const id of ['tie-mms-ordinal', 'tie-mms-loglog', 'cuq-lottery'])
      assert.deepEqual(mechanism(id).example.instance, FIGURE_1);
  });

  it('solves (20, 200) with the default options well within the default budget, exactly (issue 17)', function () {
    this.timeout(60_000);
    const inst = generators.uniformInstance({ n: 20, m: 200, seed: 'tie-mms-20x200' });
    const t0 = Date.now();
    const o = solve('tie-mms-ordinal', inst, { trace: 'summary' });
    assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
    assert.equal(o.options.matching, 'bottleneck');
    assert.ok(o.lottery!.size < 10_000, `${o.lottery!.size} allocations`);
    const sum = o.lottery!.entries.reduce((a, e) => a.add(e.p), o.lottery!.entries[0].p.sub(o.lottery!.entries[0].p));
    assert.ok(sum.eq(1));
    const rep = certify(o, { skip: ['ex-post-rho-tps', 'ex-post-rho-mms', 'truthful'] });
    assert.equal(rep.failed, 0);
    assert.ok(rep.claims.some((c) => c.id === 'implements-cuq' && c.status === 'pass'));
  });

  it('stops tie-mms-ordinal at (20, 200) promptly at a tiny time budget, from its own loops (issue 16)', function () {
    this.timeout(30_000);
    const inst = generators.uniformInstance({ n: 20, m: 200, seed: 'tie-mms-20x200' });
    for (const options of [{}, { matching: 'canonical' }, { reduce: 'always' }]) {
      const t0 = Date.now();
      assert.throws(
        () => solve('tie-mms-ordinal', inst, options, { timeLimitMs: 100 }),
        // the hard stop's message says "terminated after"; the loops' own checks do not
        (e: unknown) => e instanceof LimitError && e.code === 'time-limit' && !/terminated/.test(e.message),
        JSON.stringify(options),
      );
      assert.ok(Date.now() - t0 < 3000, `${JSON.stringify(options)}: stopped after ${Date.now() - t0} ms`);
    }
  });
});
