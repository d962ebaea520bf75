/**
 * The shared state of the searches that run side by side on one MMS instance: the best partition found
 * (a witness of `lower`) and the proven upper bound. Every search reads both and may raise `lower` (with a
 * witness) or lower `upper` (with a proof of its own); the instance is solved when they meet.
 */
import { minBundle } from './greedy';

export class Incumbent {
  lower = 0n;
  upper = 0n;
  /** The bundle (0..n-1) of every sorted position: a partition worth `lower`. */
  best: Int32Array;

  /** `desc`: the values sorted non-increasingly; `onChange`: called whenever the interval narrows. */
  constructor(
    readonly desc: readonly bigint[],
    readonly n: number,
    private readonly onChange: () => void,
  ) {
    this.best = new Int32Array(desc.length);
  }

  /** Adopts a partition (bundle of every sorted position) when its smallest bundle beats `lower`. */
  adopt(bin: Int32Array): void {
    const v = minBundle(this.desc, bin, this.n);
    if (v > this.lower) {
      this.lower = v;
      this.best = bin;
      this.onChange();
    }
  }

  /** Records a proof that no partition reaches `T + 1`. */
  atMost(T: bigint): void {
    if (T < this.lower)
      throw new Error(`mms: an upper bound ${T} below the witness ${this.lower} (a search is unsound)`);
    if (T < this.upper) {
      this.upper = T;
      this.onChange();
    }
  }

  /**
   * The next threshold a threshold search probes once it has probed the upper bound: the midpoint of
   * (lower, upper], so that a success (lower rises to at least T) and a failure (upper drops to T - 1) each at
   * least halve the interval. [DECISION] The upper bound is probed once per search, not at every turn: near the
   * optimum a refutation costs far more than a success (every bundle of the window must be ruled out), and
   * measured on U[1,10^6] (10, 50) re-probing the falling upper bound at each turn spent about a third of the run
   * refuting thresholds that bisection never needed.
   */
  nextProbe(): bigint {
    return this.lower + (this.upper - this.lower + 1n) / 2n;
  }

  get solved(): boolean {
    return this.lower >= this.upper;
  }
}
