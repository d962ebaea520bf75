/**
 * Probabilistic serial (Bogomolnaia & Moulin 2001), exact: every agent eats her best remaining good at
 * speed 1; event times are rationals. Guarantee: SD-envy-free, hence ex-ante EF for every additive
 * valuation consistent with the orders (and ex-ante PROP).
 */
import { FractionalAllocation } from '../../core/allocation';
import type { GoodId, Instance } from '../../core/instance';
import { Rational } from '../../core/rational';

export interface EatingEvent {
  time: Rational;
  finished: GoodId;
}

export function probabilisticSerial(inst: Instance): { fractional: FractionalAllocation; events: EatingEvent[] } {
  const { n, m } = inst;
  const orders = inst.agents.map((_, i) => inst.order(i));
  const left = new Array<Rational>(m).fill(Rational.ONE);
  const f = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
  const events: EatingEvent[] = [];
  let time = Rational.ZERO;
  let remaining = m;
  while (remaining > 0) {
    const eating = orders.map((o) => o.find((g) => left[g].sign() > 0)!);
    const eaters = new Array<number>(m).fill(0);
    eating.forEach((g) => eaters[g]++);
    let dt: Rational | null = null;
    eating.forEach((g) => {
      const t = left[g].div(eaters[g]);
      if (dt === null || t.lt(dt)) dt = t;
    });
    const step = dt as unknown as Rational;
    time = time.add(step);
    eating.forEach((g, i) => {
      f[i][g] = f[i][g].add(step);
    });
    const done = new Set<GoodId>();
    eating.forEach((g) => {
      if (done.has(g)) return;
      done.add(g);
      left[g] = left[g].sub(step.mul(eaters[g]));
      if (left[g].isZero()) {
        remaining--;
        events.push({ time, finished: g });
      }
    });
  }
  return { fractional: new FractionalAllocation(f), events };
}
