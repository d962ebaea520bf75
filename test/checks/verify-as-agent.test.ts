import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { Outcome, type TraceStep } from '../../src/core/outcome';
import { verifyAsAgent } from '../../src/checks/verify-as-agent';
import { WORKED_INSTANCES, type DividerPairRecord } from '../../src/mechanisms/bobw-few-agents';
import { mechanism } from '../../src/mechanisms/registry';

/** The outcome with its divider-pairs trace step replaced. */
function withPairs(o: Outcome, edit: (pairs: DividerPairRecord[]) => DividerPairRecord[]): Outcome {
  const trace: TraceStep[] = o.trace.map((s) =>
    s.id === 'divider-pairs' ? { ...s, data: edit(structuredClone(s.data) as DividerPairRecord[]) } : s,
  );
  return new Outcome({
    mechanism: o.mechanism,
    instance: o.instance,
    lottery: o.lottery,
    claims: o.claims,
    trace,
    options: o.options,
  });
}

describe('verifyAsAgent: the agent-side verification of Theorem 3.1', () => {
  const inst = instance(WORKED_INSTANCES.E6.instance);
  const o = mechanism('bobw-three-agents').run(inst);

  it('lets each agent of E6 verify ex-ante PROP, her certificates and her value floor with her own values (E6)', () => {
    for (const a of [0, 1, 2]) {
      const r = verifyAsAgent(o, a, inst.values[a]);
      assert.equal(r.ok, true, JSON.stringify(r.checks));
    }
    const estimate = verifyAsAgent(o, 2, inst.values[2]).estimate;
    assert.ok(estimate.le(33) && estimate.ge('297/10'), `her FPTAS estimate ${estimate} lies in [(1 - 1/10) 33, 33]`);
  });

  it("uses a certificate where the agent is not EFX-satisfied (E5's FPTAS outcome, agent 0)", () => {
    const e5 = instance(WORKED_INSTANCES.E5.instance);
    const r = verifyAsAgent(mechanism('bobw-three-agents-fptas').run(e5, { eps: '1/10' }), 0, e5.values[0]);
    assert.equal(r.ok, true);
    assert.equal(r.checks.eefx.detail.certificatesUsed, 1);
  });

  it('rejects a forged certificate (negative control)', () => {
    const e5 = instance(WORKED_INSTANCES.E5.instance);
    const fo = mechanism('bobw-three-agents-fptas').run(e5, { eps: '1/10' });
    const forged = withPairs(fo, (pairs) =>
      pairs.map((p) => ({ ...p, certificates: p.certificates?.map(() => [[0, 1, 2, 3, 4], [], []]) })),
    );
    const r = verifyAsAgent(forged, 0, e5.values[0]);
    assert.equal(r.ok, false);
    assert.equal(r.checks.eefx.holds, false);
  });

  it('rejects recorded allocations that do not reproduce the lottery (negative control)', () => {
    const swapped = withPairs(o, (pairs) =>
      pairs.map((p) =>
        p.divider === 0 ? { ...p, allocations: [pairs[1].allocations[0], pairs[1].allocations[1]] } : p,
      ),
    );
    assert.equal(verifyAsAgent(swapped, 1, inst.values[1]).checks.consistency.holds, false);
  });

  it('fails ex-ante PROP for an agent whose true values differ from what the lottery was built for', () => {
    const truth = [0, 0, 0, 0, 0, 0, 1, 0, 0];
    const r = verifyAsAgent(o, 1, truth);
    assert.equal(r.checks.exAnteProp.holds, false, 'good 6 goes to agent 1 in one draw of six');
  });

  it('refuses outcomes of other mechanisms and bad values with typed errors', () => {
    const two = mechanism('bobw-two-agents').run(
      instance([
        [1, 2],
        [2, 1],
      ]),
    );
    assert.throws(
      () => verifyAsAgent(two, 0, [1, 2]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'unsupported-outcome',
    );
    assert.throws(
      () => verifyAsAgent(o, 0, [1, 2]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-argument',
    );
  });
});
