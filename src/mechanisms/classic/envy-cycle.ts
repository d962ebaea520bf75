/**
 * Envy-cycle elimination (Lipton, Markakis, Mossel, Saberi 2004): goods in decreasing order of total
 * value; each goes to an agent nobody envies; when every agent is envied, a cycle of the envy graph is
 * rotated first. Guarantee: EF1 for additive valuations.
 */
import { Allocation } from '../../core/allocation';
import type { GoodId, Instance } from '../../core/instance';
import { Rational } from '../../core/rational';

export function envyCycle(inst: Instance): { allocation: Allocation; rotations: number[][] } {
  const n = inst.n;
  let bundles: GoodId[][] = inst.agents.map(() => []);
  const rotations: number[][] = [];
  const goods = inst.goods
    .map((_, g) => g)
    .sort(
      (x, y) => Rational.sum(inst.values.map((r) => r[y])).cmp(Rational.sum(inst.values.map((r) => r[x]))) || x - y,
    );
  const envies = (i: number, j: number) => inst.value(i, bundles[j]).gt(inst.value(i, bundles[i]));
  for (const g of goods) {
    for (;;) {
      const unenvied = inst.agents.findIndex((_, j) => !inst.agents.some((__, i) => i !== j && envies(i, j)));
      if (unenvied >= 0) {
        bundles[unenvied].push(g);
        break;
      }
      // every agent is envied: follow "i is envied by someone"-edges backwards to find a cycle
      const next = inst.agents.map((_, j) => inst.agents.findIndex((__, i) => i !== j && envies(i, j)));
      const seen = new Map<number, number>();
      let x = 0;
      while (!seen.has(x)) {
        seen.set(x, seen.size);
        x = next[x];
      }
      const cycle: number[] = [];
      let y = x;
      do {
        cycle.push(y);
        y = next[y];
      } while (y !== x);
      // next[j] envies j: give j's bundle to next[j]
      const nb = bundles.map((b) => b);
      for (const j of cycle) nb[next[j]] = bundles[j];
      bundles = nb;
      rotations.push(cycle);
    }
  }
  return { allocation: new Allocation(bundles.slice(0, n), inst.m), rotations };
}
