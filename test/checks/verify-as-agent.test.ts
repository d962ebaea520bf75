import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { efxSatisfied } from '../../src/checks/envy';
import { FairDivError, InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { instanceFromJson, outcomeFromJson } from '../../src/core/json-boundary';
import { Outcome, type TraceStep } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';
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

/** The outcome as `fairdiv solve` saves it, parsed back (plain JSON). */
function saved(o: Outcome): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o.toJSON())) as Record<string, unknown>;
}

/** The outcome read back from its JSON at the input boundary. */
function readBack(json: unknown): Outcome {
  const j = json as { instance: unknown };
  return outcomeFromJson(json, instanceFromJson(j.instance));
}

/** Brute force: some partition of all goods contains agent i's bundle of `bundles` and she EFX-dominates it. */
function eefxByBruteForce(v: readonly Rational[], bundles: readonly (readonly number[])[], i: number): boolean {
  const rest = v.map((_, g) => g).filter((g) => !bundles[i].includes(g));
  for (let mask = 0; mask < 2 ** rest.length; mask++) {
    const a = rest.filter((_, k) => (mask >> k) & 1);
    const b = rest.filter((_, k) => !((mask >> k) & 1));
    if (efxSatisfied(v, [bundles[i], a, b], 0)) return true;
  }
  return false;
}

describe('verifyAsAgent on saved outcomes: the certificates travel in the Outcome JSON', () => {
  const e5 = instance(WORKED_INSTANCES.E5.instance);
  const outcomes = ['bobw-three-agents', 'bobw-three-agents-fptas', 'bobw-three-agents-prop'].map((id) =>
    mechanism(id).run(e5),
  );

  it('lets every agent verify each three-agent outcome of E5 read back from its JSON, with the same verdict (E5)', () => {
    for (const o of outcomes) {
      const json = saved(o);
      assert.ok(json.certificates, `${o.mechanism} saves its certificates`);
      const back = readBack(json);
      for (const a of [0, 1, 2]) {
        const fromJson = verifyAsAgent(back, a, e5.values[a]);
        assert.equal(fromJson.ok, true, `${o.mechanism}, agent ${a}: ${JSON.stringify(fromJson.checks)}`);
        assert.deepEqual(
          JSON.parse(JSON.stringify(fromJson)),
          JSON.parse(JSON.stringify(verifyAsAgent(o, a, e5.values[a]))),
        );
      }
    }
  });

  it('saves exactly the certificate: per divider its case, A and A\u2032, and one partition per agent (E5)', () => {
    const pairs = (saved(outcomes[0]).certificates as Record<string, { divider: number; case: string }[]>)[
      'divider-pairs'
    ];
    assert.deepEqual(
      pairs.map((p) => [p.divider, p.case]),
      [
        [0, '2B'],
        [1, '2B'],
        [2, '1'],
      ],
    );
    for (const p of pairs) assert.deepEqual(Object.keys(p).sort(), ['allocations', 'case', 'certificates', 'divider']);
    const prop = (saved(outcomes[2]).certificates as Record<string, Record<string, unknown>[]>)['divider-pairs'];
    for (const p of prop) assert.ok(Array.isArray(p.candidates) && p.certificates === undefined);
  });

  it('fails a saved outcome whose lottery was changed: an allocation, or the probabilities (negative controls)', () => {
    const json = saved(outcomes[0]) as { lottery: { p: string; allocation: number[][] }[] };
    const moved = structuredClone(json);
    // good 0 moves from one agent to the next in the first allocation of the lottery
    const first = moved.lottery[0].allocation;
    const from = first.findIndex((b) => b.includes(0));
    first[from] = first[from].filter((g) => g !== 0);
    first[(from + 1) % 3].push(0);
    assert.equal(verifyAsAgent(readBack(moved), 0, e5.values[0]).checks.consistency.holds, false);
    const reweighted = structuredClone(json);
    assert.deepEqual(
      reweighted.lottery.map((e) => e.p),
      ['1/3', '1/6', '1/6', '1/6', '1/6'],
    );
    reweighted.lottery[0].p = '1/6';
    reweighted.lottery[1].p = '1/3';
    const r = verifyAsAgent(readBack(reweighted), 1, e5.values[1]);
    assert.equal(r.ok, false);
    assert.equal(r.checks.consistency.holds, false);
  });

  it("fails a saved outcome whose certificate was changed to another partition containing the agent's bundle (negative control)", () => {
    const fptas = outcomes[1];
    const r0 = verifyAsAgent(fptas, 0, e5.values[0]);
    assert.equal(r0.checks.eefx.detail.certificatesUsed, 1, 'agent 0 relies on one certificate');
    const json = saved(fptas) as {
      certificates: { 'divider-pairs': { allocations: number[][][]; certificates: number[][][] }[] };
    };
    let forged = 0;
    for (const p of json.certificates['divider-pairs']) {
      // her own bundle stays, the other two are merged into one: still a partition, no longer EFX-dominated
      const cert = p.certificates[0];
      const k = cert.findIndex((b) => p.allocations.some((a) => a[0].join() === b.join()));
      if (k < 0) continue;
      p.certificates[0] = [cert[k], cert.filter((_, j) => j !== k).flat(), []];
      forged++;
    }
    assert.ok(forged > 0);
    const r = verifyAsAgent(readBack(json), 0, e5.values[0]);
    assert.equal(r.ok, false);
    assert.equal(r.checks.eefx.holds, false);
  });

  it('rejects a malformed certificate at the JSON boundary with a typed error naming the field', () => {
    const json = saved(outcomes[1]) as { certificates: { 'divider-pairs': { certificates: unknown[] }[] } };
    json.certificates['divider-pairs'][1].certificates[2] = [[0, 1], [1], [2, 3, 4]];
    assert.throws(
      () => readBack(json),
      (e: unknown) =>
        e instanceof InvalidInputError &&
        e.code === 'bundle-overlap' &&
        e.message.includes('outcome.certificates["divider-pairs"][1].certificates[2]'),
    );
  });

  it('refuses a saved outcome of another mechanism, or an eps outside (0, 1), with typed errors', () => {
    const json = saved(outcomes[1]) as { options: Record<string, unknown> };
    json.options.eps = '1';
    assert.throws(
      () => verifyAsAgent(readBack(json), 0, e5.values[0]),
      (e: unknown) =>
        e instanceof InvalidInputError && e.code === 'bad-outcome' && /outcome\.options\.eps/.test(e.message),
    );
    const rr = saved(mechanism('identical-cyclic-shift').run(instance(WORKED_INSTANCES.E11.instance)));
    assert.equal(rr.certificates, undefined);
    assert.throws(
      () => verifyAsAgent(readBack(rr), 0, e5.values[0]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'unsupported-outcome',
    );
  });

  it('never passes a tampered saved outcome unless its lottery really is ex-ante (1 - eps)-PROP and EEFX for her (800 tamperings)', () => {
    const base = saved(outcomes[1]);
    const junk = fc.oneof(
      fc.constantFrom(null, 0, -1, 1.5, 3, 7, '1/6', '1/3', '0', 'x', [], {}, [[]], [0], [1, 2], [[0], [1], [2]]),
      fc.integer({ min: -1, max: 6 }),
    );
    const tampering = fc.record({
      kind: fc.constantFrom('junk', 'move', 'move-consistently', 'swap-probabilities'),
      path: fc.array(fc.nat(), { maxLength: 6 }),
      junk,
      pick: fc.nat(),
      good: fc.nat({ max: 4 }),
      to: fc.nat({ max: 2 }),
      agent: fc.nat({ max: 2 }),
    });
    const counts = { passed: 0, failed: 0, typed: 0 };
    fc.assert(
      fc.property(tampering, (t) => {
        const json = tamper(structuredClone(base) as SavedOutcome, t);
        let o: Outcome;
        let ok: boolean;
        try {
          o = readBack(json);
          ok = verifyAsAgent(o, t.agent, e5.values[t.agent]).ok;
        } catch (e) {
          if (!(e instanceof FairDivError)) throw e;
          counts.typed++;
          return;
        }
        if (!ok) {
          counts.failed++;
          return;
        }
        counts.passed++;
        const v = e5.values[t.agent];
        const expected = Rational.sum(
          o.lottery!.entries.map((e) => e.p.mul(e5.value(t.agent, e.allocation.bundles[t.agent]))),
        );
        assert.ok(expected.ge(e5.total(t.agent).mul('9/10').div(3)), 'ex-ante (1 - eps)-PROP');
        for (const e of o.lottery!.entries) assert.ok(eefxByBruteForce(v, e.allocation.bundles, t.agent), 'EEFX');
      }),
      { seed: 13, numRuns: 800 },
    );
    assert.ok(
      counts.passed > 50 && counts.failed > 50 && counts.typed > 50,
      `${JSON.stringify(counts)}: the tamperings test too little`,
    );
  });
});

interface SavedOutcome {
  lottery: { p: string; allocation: number[][] }[];
  certificates: { 'divider-pairs': { allocations: number[][][]; certificates: number[][][] }[] };
  [key: string]: unknown;
}

/** Good `g` moves to bundle `to` of a partition (in place). */
function move(partition: number[][], g: number, to: number): void {
  for (const b of partition) if (b.includes(g)) b.splice(b.indexOf(g), 1);
  partition[to].push(g);
}

/**
 * One tampering of a saved E5 outcome: junk at a path of the lottery or certificates, a good moved in one
 * partition (a lottery allocation, a pair's allocation or a certificate), a good moved in a lottery allocation
 * and in every recorded allocation equal to it (the lottery changes, the records still match it), or two
 * probabilities swapped.
 */
function tamper(
  json: SavedOutcome,
  t: { kind: string; path: number[]; junk: unknown; pick: number; good: number; to: number },
): unknown {
  const pairs = json.certificates['divider-pairs'];
  const lottery = json.lottery;
  switch (t.kind) {
    case 'junk':
      return t.pick % 2
        ? { ...json, lottery: mutate(lottery, t.path, t.junk) }
        : { ...json, certificates: mutate(json.certificates, t.path, t.junk) };
    case 'move': {
      const all = [...lottery.map((e) => e.allocation), ...pairs.flatMap((p) => [...p.allocations, ...p.certificates])];
      move(all[t.pick % all.length], t.good, t.to);
      return json;
    }
    case 'move-consistently': {
      const chosen = lottery[t.pick % lottery.length].allocation;
      const key = chosen.join('|');
      for (const p of pairs) for (const a of p.allocations) if (a.join('|') === key) move(a, t.good, t.to);
      move(chosen, t.good, t.to);
      return json;
    }
    default: {
      const i = t.pick % lottery.length;
      const j = (i + 1 + (t.good % (lottery.length - 1))) % lottery.length;
      [lottery[i].p, lottery[j].p] = [lottery[j].p, lottery[i].p];
      return json;
    }
  }
}

/** Replaces the node at a path of a JSON value (indices taken modulo the sizes) by `replacement`. */
function mutate(x: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || x === null || typeof x !== 'object') return replacement;
  const [k, ...rest] = path;
  if (Array.isArray(x)) {
    if (x.length === 0) return replacement;
    return x.map((v, j) => (j === k % x.length ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(x);
  if (keys.length === 0) return replacement;
  const key = keys[k % keys.length];
  return { ...(x as object), [key]: mutate((x as Record<string, unknown>)[key], rest, replacement) };
}
