/**
 * The claim checkers of paper 001 (Halpern, Psomas & Zhang): the quota-serial-dictatorship certificate and
 * its witness, the worst-case welfare guarantee, and typed errors for malformed claim parameters (an
 * outcome read from a file is untrusted input).
 */
import { strict as assert } from 'node:assert';
import { Allocation, certify, instance, Outcome, solve } from '../../src';
import type { Claim } from '../../src/core/outcome';
import { InvalidInputError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';
import { T17 } from '../../src/mechanisms/stochastic/worked';
import { C2 } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic claim checkers', () => {
  it('the quota-serial-dictatorship certificate passes on larger instances and catches a swapped allocation', () => {
    const r = rng(3);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 30 }, () => r.int(0, 20)));
    const out = solve('pick-prophet-optimal', v, { dist: 'exp:1' });
    const rep = certify(out);
    assert.equal(rep.claims.find((c) => c.id === 'quota-serial-dictatorship')!.status, 'pass');
    assert.equal(rep.claims.find((c) => c.id === 'truthful')!.status, 'unchecked'); // m > 4
    // a swapped allocation is caught
    const bad = new Outcome({
      mechanism: 'pick-r',
      instance: instance(T17),
      allocation: new Allocation(
        [
          [2, 3],
          [0, 1],
        ],
        4,
      ),
      claims: [{ id: 'quota-serial-dictatorship', text: '', params: { agentOrder: [0, 1], quotas: [2, 2] } }],
    });
    assert.equal(certify(bad).ok, false);
  });
  it('the worst-case guarantee claimed by pick-two-agents is (2+√2)/4', () => {
    const c = certify(solve('pick-two-agents', T17)).claims.find((x) => x.id === 'asymptotic-welfare-ratio')!;
    close((c.detail as { g: number }).g, C2, 1e-9, 'g(r0)');
  });
});

describe('stochastic claim checkers: untrusted parameters', () => {
  const inst = instance(T17);
  const outcome = (
    claim: Claim,
    allocation = new Allocation(
      [
        [0, 1],
        [2, 3],
      ],
      4,
    ),
  ) => new Outcome({ mechanism: 'from-a-file', instance: inst, allocation, claims: [claim] });
  const badParams = (claim: Claim) =>
    assert.throws(
      () => certify(outcome(claim)),
      (e: Error) => e instanceof InvalidInputError && e.code === 'bad-claim-params' && e.message.includes(claim.id),
      JSON.stringify(claim),
    );

  it('rejects malformed quota-serial-dictatorship params with bad-claim-params', () => {
    for (const params of [
      undefined,
      {},
      { agentOrder: [0, 1] },
      { agentOrder: [0, 0], quotas: [2, 2] },
      { agentOrder: [0, 1], quotas: [2, 1] },
      { agentOrder: '01', quotas: [2, 2] },
      { order: [0, 1], quotas: [2, 2] },
    ])
      badParams({ id: 'quota-serial-dictatorship', text: '', params: params as Record<string, unknown> });
  });
  it('rejects malformed asymptotic-welfare-ratio and ef-whp params with bad-claim-params', () => {
    for (const params of [
      undefined,
      { shares: 'half', bound: 0.5 },
      { shares: [0.5, 0.6], bound: 0.5 },
      { shares: [0.5, 0.5] },
      { shares: [0.5, 0.5], bound: '1/2' },
      { shares: [0.5, 0.5], bound: 0.5, dist: 7 },
      { shares: [0.5, 0.5], bound: 0.5, dist: 'gauss:0,1' },
    ])
      badParams({ id: 'asymptotic-welfare-ratio', text: '', params: params as Record<string, unknown> });
    for (const params of [
      undefined,
      { shares: [0.5, 0.5] },
      { shares: [null, 1], dist: 'uniform:0,1' },
      { shares: [0.5, 0.5], dist: { quantile: 1 } },
    ])
      badParams({ id: 'ef-whp', text: '', params: params as Record<string, unknown> });
  });
  it('rejects malformed bic-weighted-ranking params with bad-claim-params', () => {
    const dists = ['uniform:0,1', 'uniform:0,0.5'];
    for (const params of [
      undefined,
      { dists },
      { dists, weights: [1] },
      { dists, weights: [1, -2] },
      { dists, weights: [1, '2'] },
      { dists: ['uniform:0,1'], weights: [1, 2] },
      { dists: ['uniform:0,1', 'nope'], weights: [1, 2] },
    ])
      badParams({ id: 'bic-weighted-ranking', text: '', params: params as Record<string, unknown> });
  });
  it('rejects malformed alpha-po params with bad-claim-params', () => {
    for (const params of [
      { alpha: {} },
      { alpha: '3/2' },
      { alpha: 0 },
      { alpha: 'abc' },
      { alpha: '1', weights: 'w' },
      { alpha: '1', weights: [1] },
      { alpha: '1', weights: [{}, 1] },
      { alpha: '1', weights: [-1, 1] },
    ])
      badParams({ id: 'alpha-po', text: '', params: params as Record<string, unknown> });
    assert.throws(
      () => certify(outcome({ id: 'alpha-po', text: '', params: 'all' as never })),
      (e: Error) => e instanceof InvalidInputError && e.code === 'bad-claim-params',
    );
    assert.equal(
      certify(outcome({ id: 'alpha-po', text: '', params: { alpha: '1/2', weights: ['1', 1] } })).claims[0].status,
      'pass',
    );
  });
  it('accepts well-formed params from JSON (the outcome of solve, round-tripped)', () => {
    const o = solve('pick-ef-selector', T17, { dist: 'exp:1' });
    const claims = JSON.parse(JSON.stringify(o.claims)) as Claim[];
    const again = certify(
      new Outcome({ mechanism: o.mechanism, instance: o.instance, allocation: o.allocation, claims }),
      { skip: ['truthful'] },
    );
    assert.equal(again.failed, 0);
    assert.ok(
      again.claims.every((c) => c.status === 'pass'),
      JSON.stringify(again.toJSON()),
    );
  });
});
