import { strict as assert } from 'node:assert';
import { rng } from '../../../src/core/rng';
import {
  augmentFrom,
  Matching,
  maxMatching,
  minimalUnmatchableGroup,
} from '../../../src/mechanisms/bobw-mixed/matching';

describe('b-graph matchings', () => {
  it('matches agents in id order, displacing by augmenting paths (spec P3, E2E-B3 round 1: 0-g2, 1-g1, 2-g0)', () => {
    const adj: Record<number, number[]> = { 0: [0, 2, 5], 1: [1, 2, 3, 5], 2: [0, 3] };
    const m = maxMatching({ left: [0, 1, 2], neighbours: (x) => adj[x] });
    assert.deepEqual([...m.ofLeft.entries()].sort(), [
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
  });
  it('augments breadth first to the nearest free good and flips the path (spec P4)', () => {
    const m = new Matching();
    m.match(0, 10);
    const adj: Record<number, number[]> = { 0: [10, 11], 1: [10] };
    assert.equal(
      augmentFrom(1, (x) => adj[x], m, new Set([10, 11])),
      true,
    );
    assert.deepEqual([...m.ofLeft.entries()].sort(), [
      [0, 11],
      [1, 10],
    ]);
    assert.equal(
      augmentFrom(2, () => [10], m, new Set([10, 11])),
      false,
    );
  });
  it('finds Z = {1, 2} with Γ(Z) = {g3} and matches agent 0 to g2 (A2-FREEZE round 1, Algorithm 4)', () => {
    const large = (i: number, g: number) => [[2, 3], [3], [3]][i].includes(g);
    const { group, neighbourhood, matching } = minimalUnmatchableGroup([0, 1, 2], [0, 1, 2, 3, 4, 5], large);
    assert.deepEqual(group, [1, 2]);
    assert.deepEqual(neighbourhood, [3]);
    assert.equal(matching.ofLeft.get(0), 2);
  });
  it('satisfies Z1-Z4 and does not depend on the maximum matching (Z5; 500 random b-graphs)', () => {
    const r = rng(5);
    for (let t = 0; t < 500; t++) {
      const n = r.int(1, 6);
      const m = r.int(0, 8);
      const p = r.float();
      const edges = Array.from({ length: n }, () => Array.from({ length: m }, () => r.float() < p));
      const large = (i: number, g: number) => edges[i][g];
      const agents = Array.from({ length: n }, (_, i) => i);
      const pool = Array.from({ length: m }, (_, g) => g);
      const { group, neighbourhood, matching } = minimalUnmatchableGroup(agents, pool, large);
      const inZ = new Set(group);
      if (group.length) assert.ok(neighbourhood.length < group.length, 'Z2');
      for (const g of neighbourhood) assert.ok(inZ.has(matching.ofGood.get(g)!), 'Z1');
      for (const i of agents)
        if (!inZ.has(i)) assert.ok(!neighbourhood.includes(matching.ofLeft.get(i)!) && matching.ofLeft.has(i), 'Z3');
      for (const i of group) for (const g of pool) if (!neighbourhood.includes(g)) assert.ok(!large(i, g), 'Z4');
      // Z5: relabelling the agents in reverse changes Kuhn's matching but not the group
      const other = maxMatching({
        left: [...agents].reverse(),
        neighbours: (i) => pool.filter((g) => large(i, g)).reverse(),
      });
      assert.equal(other.size, matching.size);
      const mirrored = minimalUnmatchableGroup(agents, pool, (i, g) => large(n - 1 - i, g));
      assert.deepEqual(
        mirrored.group.map((i) => n - 1 - i).sort((x, y) => x - y),
        group,
      );
    }
  });
});
