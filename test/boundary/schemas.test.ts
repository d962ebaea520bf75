/**
 * The published JSON Schemas (schemas/*.schema.json) and the hand-written boundary (src/core/json-boundary.ts)
 * say the same thing: keys, enums and limits are compared here, so that one cannot change without the other.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allClaimIds } from '../../src/core/claims';
import {
  CERTIFICATE_KINDS,
  CLAIM_KEYS,
  DIVIDER_PAIR_CASES,
  DIVIDER_PAIR_KEYS,
  INSTANCE_KEYS,
  instanceFromJson,
  LIMITS,
  OUTCOME_KEYS,
  OUTCOME_KINDS,
  outcomeFromJson,
} from '../../src/core/json-boundary';
import { MAX_JSON_DEPTH } from '../../src/core/json-input';
import { instance, solve } from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');
type Schema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as Schema;

describe('JSON Schemas and the input boundary agree (issue 16)', () => {
  const inst = load('instance.schema.json');
  const out = load('outcome.schema.json');

  it('the instance schema lists exactly the keys the boundary accepts, with its limits', () => {
    assert.deepEqual(Object.keys(inst.properties).sort(), [...INSTANCE_KEYS].sort());
    assert.equal(inst.additionalProperties, false);
    assert.deepEqual(inst.required, ['values']);
    assert.equal(inst.properties.values.maxItems, LIMITS.agents);
    assert.equal(inst.properties.agents.maxItems, LIMITS.agents);
    assert.equal(inst.properties.goods.maxItems, LIMITS.goods);
    assert.equal((inst.properties.values.items as { maxItems: number }).maxItems, LIMITS.goods);
    assert.match(
      String(inst.description),
      new RegExp(`${LIMITS.cells} values, JSON nested at most ${MAX_JSON_DEPTH} levels`),
    );
  });

  it('the outcome schema lists exactly the keys, kinds and claim ids the boundary accepts', () => {
    assert.deepEqual(Object.keys(out.properties).sort(), [...OUTCOME_KEYS].sort());
    assert.equal(out.additionalProperties, false);
    assert.deepEqual(out.properties.kind.enum, [...OUTCOME_KINDS]);
    const claim = (out.properties.claims.items as { properties: Record<string, { enum?: string[] }> }).properties;
    assert.deepEqual(Object.keys(claim).sort(), [...CLAIM_KEYS].sort());
    assert.deepEqual(claim.id.enum, allClaimIds());
    assert.equal(out.properties.lottery.maxItems, LIMITS.support);
    assert.equal(out.properties.claims.maxItems, LIMITS.claims);
  });

  it('the outcome schema lists the certificate kinds and the divider-pair keys and cases the boundary accepts', () => {
    const certs = out.properties.certificates as Schema;
    assert.equal(certs.additionalProperties, false);
    assert.deepEqual(Object.keys(certs.properties), [...CERTIFICATE_KINDS]);
    const pair = (certs.properties['divider-pairs'] as { items: Schema }).items;
    assert.equal(pair.additionalProperties, false);
    assert.deepEqual(Object.keys(pair.properties).sort(), [...DIVIDER_PAIR_KEYS].sort());
    assert.deepEqual(pair.properties.case.enum, [...DIVIDER_PAIR_CASES]);
  });

  it('numbers in the schema stop at 2^53 - 1, as the JSON input parser does', () => {
    const value = (inst.$defs as Record<string, { oneOf: { type: string; maximum?: number }[] }>).value;
    assert.equal(value.oneOf.find((o) => o.type === 'number')!.maximum, Number.MAX_SAFE_INTEGER);
  });

  it('what solve prints is accepted back by the boundary (round trip of every outcome kind)', () => {
    const i = instance({
      agents: ['a', 'b'],
      goods: ['x', 'y', 'z'],
      values: [
        [3, 1, '5/2'],
        [1, 3, 2],
      ],
    });
    const three = instance([
      [4, 2, 5, 1, 0],
      [5, 4, 2, 3, 4],
      [6, 2, 5, 4, 1],
    ]);
    for (const [id, inst] of [
      ['round-robin', i],
      ['probabilistic-serial', i],
      ['random-serial-dictatorship', i],
      ['bobw-three-agents', three],
      ['bobw-three-agents-prop', three],
    ] as const) {
      const json = JSON.parse(JSON.stringify(solve(id, inst).toJSON()));
      const back = outcomeFromJson(json, instanceFromJson(json.instance));
      assert.equal(back.kind, json.kind, id);
      assert.deepEqual(JSON.parse(JSON.stringify(back.toJSON())).certificates, json.certificates, id);
      assert.deepEqual(
        Object.keys(json).filter((k) => !(OUTCOME_KEYS as readonly string[]).includes(k)),
        [],
        id,
      );
    }
  });
});
