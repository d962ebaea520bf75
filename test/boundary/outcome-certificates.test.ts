/**
 * The outcome JSON's `certificates` at the input boundary: every malformed divider-pair certificate is a typed
 * `InvalidInputError` whose message names the field, never a pass and never another exception.
 */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { instanceFromJson, outcomeFromJson } from '../../src/core/json-boundary';
import { instance, solve } from '../../src/index';
import { WORKED_INSTANCES } from '../../src/mechanisms/bobw-few-agents';

type Pair = Record<string, unknown>;
type Saved = Record<string, unknown> & { certificates: { 'divider-pairs': Pair[] } };

describe('outcome certificates at the input boundary (divider pairs of Babaioff & Frosh)', () => {
  const e5 = instance(WORKED_INSTANCES.E5.instance);
  const base = JSON.parse(JSON.stringify(solve('bobw-three-agents', e5).toJSON())) as Saved;
  const withPairs = (edit: (pairs: Pair[]) => unknown): unknown => {
    const j = structuredClone(base);
    return { ...j, certificates: { 'divider-pairs': edit(j.certificates['divider-pairs']) } };
  };
  const at = (k: number, key: string, value: unknown) =>
    withPairs((ps) => ps.map((p, j) => (j === k ? { ...p, [key]: value } : p)));

  const cases: [string, unknown, string, RegExp][] = [
    ['certificates that are a string', { ...base, certificates: 'x' }, 'bad-outcome', /^outcome\.certificates: /],
    [
      'an unknown certificate kind',
      { ...base, certificates: { 'divider-pair': [] } },
      'unknown-key',
      /outcome\.certificates: unknown key "divider-pair"; known: divider-pairs/,
    ],
    ['pairs that are an object', withPairs(() => ({})), 'bad-shape', /"divider-pairs"\]: expected three divider pairs/],
    ['two pairs', withPairs((ps) => ps.slice(1)), 'bad-outcome', /2 pairs, expected one per divider/],
    ['a pair that is null', withPairs((ps) => [null, ...ps.slice(1)]), 'bad-outcome', /\[0\]: expected \{ divider/],
    ['an unknown key in a pair', at(1, 'roles', []), 'unknown-key', /\["divider-pairs"\]\[1\]: unknown key "roles"/],
    ['divider 3', at(0, 'divider', 3), 'unknown-agent', /\[0\]\.divider: expected an agent index 0, 1 or 2/],
    ['divider "0" (a string)', at(0, 'divider', '0'), 'unknown-agent', /\[0\]\.divider/],
    ['one agent dividing two pairs', at(1, 'divider', 0), 'bad-outcome', /\[1\]\.divider: agent 0 divides two pairs/],
    ['an unknown case', at(2, 'case', '3'), 'bad-outcome', /\[2\]\.case: expected one of 1, 2A, 2B, stage-3, adopted/],
    ['one allocation', at(0, 'allocations', [[[0, 1, 2, 3, 4], [], []]]), 'bad-outcome', /expected two \(A and A'\)/],
    [
      'an allocation with a good twice',
      at(0, 'allocations', [
        [
          [0, 1],
          [1, 2],
          [3, 4],
        ],
        [[0, 1, 2], [3], [4]],
      ]),
      'bundle-overlap',
      /\[0\]\.allocations\[0\]: good 1 is in bundles 0 and 1/,
    ],
    [
      'an allocation missing a good',
      at(1, 'allocations', [
        [[0], [1, 2], [3]],
        [[0, 1, 2], [3], [4]],
      ]),
      'bundle-coverage',
      /\[1\]\.allocations\[0\]: good 4 is in no bundle/,
    ],
    [
      'two bundles for three agents',
      at(1, 'allocations', [
        [
          [0, 1, 2],
          [3, 4],
        ],
        [[0, 1, 2], [3], [4]],
      ]),
      'bad-outcome',
      /\[1\]\.allocations\[0\]: 2 bundles for an instance with 3 agents/,
    ],
    [
      'a certificate with a good out of range',
      at(2, 'certificates', [
        [[0], [1, 2], [3, 4, 9]],
        [[0], [1, 2], [3, 4]],
        [[0], [1, 2], [3, 4]],
      ]),
      'unknown-good',
      /\[2\]\.certificates\[0\]\[2\]\[2\]: 9 is not a good index in 0\.\.4/,
    ],
    [
      'certificates for two agents',
      at(2, 'certificates', [
        [[0], [1, 2], [3, 4]],
        [[0], [1, 2], [3, 4]],
      ]),
      'bad-outcome',
      /\[2\]\.certificates: 2 partitions for 3 agents/,
    ],
    ['candidates that are a number', at(0, 'candidates', 7), 'bad-shape', /\[0\]\.candidates: expected one partition/],
    [
      'a certificate bundle that is a string',
      at(0, 'certificates', ['x', [], []]),
      'bad-shape',
      /\[0\]\.certificates\[0\]: expected one bundle/,
    ],
  ];

  for (const [name, json, code, message] of cases)
    it(`refuses ${name} with [${code}] naming the field`, () => {
      assert.throws(
        () => outcomeFromJson(json, e5),
        (e: unknown) => e instanceof InvalidInputError && e.code === code && message.test(e.message),
      );
    });

  it('refuses divider pairs for an instance that does not have three agents', () => {
    const two = instanceFromJson({ values: [e5.values[0].map(String), e5.values[1].map(String)] });
    const json = {
      ...base,
      instance: undefined,
      fractional: undefined,
      lottery: [{ p: '1', allocation: [[0, 1, 2, 3, 4], []] }],
    };
    assert.throws(
      () => outcomeFromJson(json, two),
      (e: unknown) =>
        e instanceof InvalidInputError && /divider pairs are for 3 agents, the instance has 2/.test(e.message),
    );
  });

  it('restores the certificates as the outcome trace, marked as certificates (E5)', () => {
    const back = outcomeFromJson(base, e5);
    assert.deepEqual(
      back.trace.map((s) => [s.id, s.certificate]),
      [['divider-pairs', true]],
    );
    assert.deepEqual(back.certificates, base.certificates);
  });
});
