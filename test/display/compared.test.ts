import { strict as assert } from 'node:assert';
import { Allocation, certify, instance, list, Outcome, solve, type Instance } from '../../src/index';
import { Rational } from '../../src/core/rational';
import { toMimeBundle, type CertificatePayload } from '../../src/display';
import { comparedRelations } from '../../src/display/compared';
import { INSTANCE_JSON } from './fixtures';

const cert = (b: ReturnType<typeof toMimeBundle>) =>
  b.data['application/vnd.fairdiv.certificate+json'] as CertificatePayload;
const ALLOCATION_CLAIMS = [
  'ef',
  'ef1',
  'efx',
  'efx0',
  'eefx',
  'prop',
  'prop1',
  'mms',
  { id: 'rho-mms', rho: '2/3' },
  { id: 'rho-tps', rho: '1/2' },
  'po',
  'fpo',
  'mxs',
  'rmms',
  'ex-ante-prop',
  'ex-ante-ef',
] as const;

/** min over i != j of v_i(A_i) - (v_i(A_j) - max_{g in A_j} v_i(g)): the EF1 margin of the tightest pair, by brute force. */
function ef1Margin(inst: Instance, bundles: readonly (readonly number[])[]): Rational {
  let best: Rational | null = null;
  for (let i = 0; i < inst.n; i++)
    for (let j = 0; j < inst.n; j++) {
      if (i === j || bundles[j].length === 0) continue;
      const top = bundles[j].map((g) => inst.values[i][g]).reduce((x, y) => (y.gt(x) ? y : x));
      const margin = inst.value(i, bundles[i]).sub(inst.value(i, bundles[j]).sub(top));
      if (!best || margin.lt(best)) best = margin;
    }
  return best!;
}

describe('display compared: the numbers behind every certificate row', () => {
  const inst = instance(INSTANCE_JSON);

  it('an EF1 claim that holds shows its tightest pair: v_i(A_i) against v_i(A_j \\ g) with the agent', () => {
    const rr = solve('round-robin', inst);
    const [ef1] = cert(toMimeBundle(certify(rr, { claims: ['ef1'] }))).claims;
    assert.equal(ef1.status, 'pass');
    assert.deepEqual(ef1.compared, [
      {
        agent: 'bob',
        left: { label: 'v_bob(A_bob)', value: '8' },
        relation: '≥',
        right: { label: 'v_bob(A_alice \\ {house})', value: '2' },
        note: 'tightest pair',
      },
    ]);
    const margin = ef1Margin(inst, rr.allocation!.bundles);
    assert.ok(Rational.from(8).sub(2).eq(margin), `the brute-force margin is ${margin}`);
  });

  it('a failing claim shows the violation the checker found, a share claim the agent against rho times her share', () => {
    const p = cert(
      toMimeBundle(certify(solve('max-welfare', inst), { claims: ['ef1', { id: 'rho-mms', rho: '2/3' }] })),
    );
    assert.deepEqual(
      p.claims.map((c) =>
        c.compared?.map((r) => `${r.left.label} = ${r.left.value} ${r.relation} ${r.right.value} = ${r.right.label}`),
      ),
      [['v_bob(A_bob) = 3 < 7 = v_bob(A_alice \\ {house})'], ['v_bob(A_bob) = 3 < 14/3 = 2/3·MMS_bob']],
    );
  });

  it('every claim kind of a deterministic outcome and of a lottery shows compared numbers (EF1, EFX, PO, fPO, implements, support size)', () => {
    const reports = [
      certify(solve('round-robin', inst), { claims: [...ALLOCATION_CLAIMS] }),
      certify(solve('max-welfare', inst), { claims: [...ALLOCATION_CLAIMS] }),
      certify(solve('probabilistic-serial', inst), {
        claims: [
          'ex-post-ef',
          'ex-post-ef1',
          'ex-post-efx',
          'ex-post-prop1',
          'ex-post-mms',
          'ex-post-po',
          'ex-ante-ef',
          'ex-ante-prop',
          'implements',
          { id: 'support-size', params: { bound: 3 } },
        ],
      }),
    ];
    for (const r of reports)
      for (const c of cert(toMimeBundle(r)).claims)
        assert.ok(
          (c.compared?.length ?? 0) + c.numbers.length > 0,
          `${r.mechanism} ${c.id} (${c.status}) shows no numbers`,
        );
  });

  it('an ex-post claim names the support allocation (and its probability) the tightest comparison comes from', () => {
    const ps = solve('probabilistic-serial', inst);
    const [c] = cert(toMimeBundle(certify(ps, { claims: ['ex-post-ef1'] }))).claims;
    assert.match(c.compared![0].note!, /^tightest pair, support allocation \d+ \(p = \d+\/\d+\)$/);
  });

  it('fPO and PO show the tightest good of the weights certificate, with the weights by agent', () => {
    const [fpo] = cert(toMimeBundle(certify(solve('max-welfare', inst), { claims: ['fpo'] }))).claims;
    assert.equal(fpo.compared![0].note, 'tightest good (lamp held by bob)');
    assert.deepEqual(
      fpo.numbers.map((n) => [n.label, n.agent]),
      [
        ['weights_alice', 'alice'],
        ['weights_bob', 'bob'],
        ['weights_carol', 'carol'],
      ],
    );
  });

  it('an MMS share witness shows each bundle of the partition with its value to the agent', () => {
    const [mms] = cert(toMimeBundle(certify(solve('max-welfare', inst), { claims: ['mms'] }))).claims;
    const w = mms.witness!;
    assert.equal(w.t, 'kv');
    const partition = w.t === 'kv' ? w.entries.find(([k]) => k === 'sharePartition')?.[1] : undefined;
    assert.deepEqual(partition, {
      t: 'table',
      columns: ['bundle', 'value'],
      rows: [
        ['house', '8'],
        ['car, bike, piano', '8'],
        ['boat, lamp', '7'],
      ],
    });
  });

  const rows = (id: string) => {
    const ex = list().find((m) => m.id === id)!.example;
    const o = solve(id, instance(ex.instance as never), (ex.options ?? {}) as never);
    return cert(toMimeBundle(certify(o))).claims;
  };
  const show = (c: CertificatePayload['claims'][number]) =>
    (c.compared ?? []).map((r) => `${r.agent ?? ''}: ${r.left.label} = ${r.left.value} ${r.relation} ${r.right.value}`);

  it('IMMX that holds shows each agent EFX0-satisfied or MMS-satisfied, with the support allocation', () => {
    const immx = rows('bobw-three-agents').find((c) => c.id === 'ex-post-immx')!;
    assert.equal(immx.status, 'pass');
    assert.equal(immx.compared!.length, 3);
    for (const r of immx.compared!) {
      assert.ok(r.agent !== undefined);
      assert.match(r.note!, /^(EFX0|MMS)-satisfied.*, support allocation \d+ \(p = /);
      assert.ok(Rational.from(r.left.value).ge(Rational.from(r.right.value)));
    }
  });

  it('PO decided by exhaustive search shows that no allocation dominates, with the nodes searched', () => {
    const inst2 = instance([
      [3, 2, 3],
      [2, 1, 0],
    ]);
    const o = new Outcome({
      mechanism: 'given',
      instance: inst2,
      allocation: new Allocation([[0, 2], [1]], 3),
      claims: [{ id: 'po', text: 'PO' }],
    });
    const [po] = cert(toMimeBundle(certify(o))).claims;
    assert.equal(po.status, 'pass');
    assert.equal(po.compared![0].left.label, 'allocations Pareto-dominating A');
    assert.match(po.compared![0].note!, /^exhaustive search over \d+ nodes/);
  });

  it("fPO by prices shows each agent's least bang per buck bought against her best, budgets by agent", () => {
    const c = rows('normalizing-multipliers').find((x) => x.id === 'fpo-prices')!;
    assert.deepEqual(show(c).slice(0, 1), ['0: v_0(1)/p_1 = 27/10 ≥ 27/10']);
    assert.deepEqual(
      c.numbers.map((n) => n.label),
      ['budgets_0', 'budgets_1', 'budgets_2'],
    );
  });

  it('BIC of Ranking shows the closest adjacent win probabilities, an audit the misreports that gain', () => {
    assert.deepEqual(show(rows('ranking').find((x) => x.id === 'bic-ranking')!), ['0: p_1(0) = 1 ≥ 3/4']);
    const [truthful] = rows('serial-dictatorship');
    assert.deepEqual(show(truthful), [': misreports that gain = 0 = 0']);
    assert.equal(truthful.compared![0].note, '360 reports audited (ordinal space)');
  });

  it("a double that passes within the checker's tolerance reads ≥, with the tolerance in the note", () => {
    const c = rows('pick-two-agents').find((x) => x.id === 'asymptotic-welfare-ratio')!;
    assert.equal(c.compared![0].relation, '≥');
    assert.match(c.compared![0].note!, /within the checker's 1e-9/);
  });

  it('a report built without its outcome shows the tightest pair the checker kept, for EF1 and ex-post EF1 alike', () => {
    const r = certify(solve('round-robin', inst), { claims: ['ef1', 'prop'] });
    const [ef1, prop] = r.claims.map((c) => comparedRelations(c, inst));
    assert.equal(ef1.compared[0].left.label, 'v_bob(A_bob)');
    assert.equal(ef1.compared[0].right.label, 'v_bob(A_alice \\ {house})');
    assert.equal(prop.compared[0].right.label, 'PROP_bob');
    const ps = certify(solve('probabilistic-serial', inst), { claims: ['ex-post-ef1'] });
    const [post] = ps.claims.map((c) => comparedRelations(c, inst));
    assert.match(post.compared[0].note!, /^tightest pair, support allocation \d+ \(p = \d+\/\d+\)$/);
  });
});
