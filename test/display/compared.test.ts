import { strict as assert } from 'node:assert';
import {
  Allocation,
  certify,
  instance,
  list,
  MixedAllocation,
  MixedLottery,
  Outcome,
  solve,
  type Instance,
} from '../../src/index';
import { Rational } from '../../src/core/rational';
import { toMimeBundle, type CertificatePayload } from '../../src/display';
import { comparedRelations } from '../../src/display/compared';
import { checkPO } from '../../src/checks/efficiency';
import { INSTANCE_JSON } from './fixtures';
import { bakery } from '../helpers/mixed-display';

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

  it('PO by a price certificate shows the priced total below B + 1, the bound a Pareto improvement would reach', () => {
    const inst2 = instance([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    const a = new Allocation([[1, 2], [0]], 3);
    const po = checkPO(inst2, a, 0, { exchanges: false });
    assert.match(String(po.detail.via), /price certificate/);
    const result = {
      id: 'po',
      text: 'PO',
      status: 'pass',
      holds: true,
      detail: po.detail,
      witness: po.witness,
    } as const;
    const [row] = comparedRelations(result, inst2).compared;
    assert.equal(row.relation, '<');
    assert.equal(row.left.label, 'Σ_g p_g + Σ_i π_i');
    assert.equal(row.right.value, String(po.detail.needed));
    assert.match(row.note!, /^price certificate: .* \(configuration LP dual, \d+ rounds\)$/);
    assert.equal(comparedRelations({ ...result, status: 'fail', holds: false }, inst2).compared.length, 0);
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
  const line = (c: CertificatePayload['claims'][number]) =>
    (c.compared ?? []).map(
      (r) => `${r.agent}: ${r.left.label} = ${r.left.value} ${r.relation} ${r.right.value} = ${r.right.label}`,
    );
  const row = (id: string, claim: string) => {
    const c = rows(id).find((x) => x.id === claim)!;
    assert.equal(c.status, 'pass');
    return c;
  };

  it('ex-post MXS and RMMS show the tightest agent against her share, with the support allocation', () => {
    const mxs = row('bobw-three-agents', 'ex-post-mxs');
    assert.deepEqual(line(mxs), ['2: v_2(A_2) = 6 ≥ 5 = MXS_2']);
    assert.equal(mxs.compared![0].note, 'tightest agent, support allocation 1 (p = 1/3)');
    assert.deepEqual(line(row('bobw-three-agents-fptas', 'ex-post-rmms')), ['2: v_2(A_2) = 6 ≥ 27/5 = 9/10·RMMS_2']);
  });

  it("ex-post EEFX shows the bundle of an agent's re-partition closest to not being EFX0-dominated", () => {
    const c = row('bobw-three-agents', 'ex-post-eefx');
    assert.deepEqual(line(c), ['2: v_2(A_2) = 6 ≥ 6 = v_2(Y \\ {e})']);
    assert.match(c.compared![0].note!, /^tightest bundle Y of 2's re-partition, support allocation 3 \(p = 1\/6\)$/);
  });

  it('the role triple shows each role against its bound: PROP, 9/10·MMS with EFX, MMS with EEFX (Theorem 1.1)', () => {
    assert.deepEqual(line(row('bobw-three-agents', 'ex-post-role-triple')), [
      '0: v_0(A_0) = 5 ≥ 4 = PROP_0',
      '1: v_1(A_1) = 7 ≥ 9/2 = 9/10·MMS_1',
      '2: v_2(A_2) = 6 ≥ 6 = MMS_2',
    ]);
    assert.deepEqual(line(row('bobw-three-agents-prop', 'ex-post-role-triple')).slice(1), [
      '1: v_1(A_1) = 6 ≥ 9/2 = 3/4·MMS_1',
      '2: v_2(A_2) = 6 ≥ 9/2 = 3/4·MMS_2',
    ]);
  });

  it('EFM and EFXM show the tightest pair of the mixed allocation, plain EF towards a bundle with cake (Def 2.2)', () => {
    const efm = row('prop-efm', 'ex-post-efm');
    assert.deepEqual(line(efm), ['0: u_0(A_0) = 40/9 ≥ 40/9 = u_0(A_2)']);
    assert.match(efm.compared![0].note!, /divisible part\), support allocation 1 \(p = 1\/3\)$/);
    assert.deepEqual(line(row('ef-efm-two-agents', 'ex-post-efxm')), ['0: u_0(A_0) = 4 ≥ 4 = u_0(A_1)']);
  });

  it("quota serial dictatorship shows the pick closest to a better good left at the agent's turn (spec C3)", () => {
    const c = row('pick-two-agents', 'quota-serial-dictatorship');
    assert.deepEqual(line(c), ['0: v_0(0) = 9/10 ≥ 4/5 = v_0(1)']);
    assert.equal(c.compared![0].note, "tightest pick: 0's worst kept good 0 against the best good 1 left at her turn");
    const forged = new Outcome({
      mechanism: 'given',
      instance: instance([
        [2, 1],
        [1, 2],
      ]),
      allocation: new Allocation([[1], [0]], 2),
      claims: [{ id: 'quota-serial-dictatorship', text: 't', params: { agentOrder: [0, 1], quotas: [1, 1] } }],
    });
    const [bad] = cert(toMimeBundle(certify(forged))).claims;
    assert.equal(bad.status, 'fail');
    assert.deepEqual(line(bad), ['0: v_0(1) = 1 < 2 = v_0(0)']);
    assert.deepEqual(line(rows('pick-correlated').find((x) => x.id === 'quota-serial-dictatorship')!), [
      '1: |A_1| = 0 = 0 = quota_1',
      '0: |A_0| = 4 = 4 = quota_2',
    ]);
  });

  it("the two-agent cases show the other agent's value of A1 against 2/3 of her TPS in the hard case", () => {
    assert.deepEqual(line(row('tie-mms-two-agents', 'two-agent-cases')), ['1: v_1(A1) = 1 ≥ 2/3 = 2/3·TPS_1']);
  });

  it('equal treatment shows each pair of identical agents with their equal expected values', () => {
    const inst3 = instance([
      [3, 1, 2],
      [3, 1, 2],
      [1, 2, 3],
    ]);
    const ps = solve('probabilistic-serial', inst3);
    const [c] = cert(toMimeBundle(certify(ps, { claims: ['equal-treatment'] }))).claims;
    assert.equal(c.status, 'pass');
    const e = ps.expectedValues()[0];
    assert.deepEqual(line(c), [`0: E[v_0(A_0)] = ${e} = ${e} = E[v_1(A_1)]`]);
  });

  it('ex-post fPO by prices shows the least bang per buck bought, on integral and on mixed supports', () => {
    const c = row('ef-efx-fpo-bivalued', 'ex-post-fpo-prices');
    assert.deepEqual(line(c), ['0: v_0(0)/p_0 = 1 ≥ 1 = α_0']);
    assert.match(c.compared![0].note!, /, support allocation 1 \(p = 1\/3\)$/);
    const inst2 = bakery();
    const a = new MixedAllocation([[], [0]], [['1'], ['0']], inst2);
    const o = new Outcome({
      mechanism: 'given',
      instance: inst2,
      mixed: new MixedLottery([{ p: 1, allocation: a }]),
      fractional: a.toFractional(),
      claims: [
        { id: 'ex-post-fpo-prices', text: 't', params: { prices: [{ allocation: a.toJSON(), prices: ['1', '6'] }] } },
      ],
    });
    const [m] = cert(toMimeBundle(certify(o))).claims;
    assert.equal(m.status, 'pass');
    assert.deepEqual(line(m), ['alice: v_alice(cake)/p_cake = 1 ≥ 1 = α_alice']);
  });
});
