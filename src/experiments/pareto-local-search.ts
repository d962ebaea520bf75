/**
 * A tabu search for a Pareto improvement of an allocation (refutes PO; issue 15, seed-004 spec 3.12), run before the
 * integer programs of highs.ts. It only proposes: an allocation counts when `verify` (the caller's exact check)
 * accepts it, and finding none proves nothing.
 *
 * The state is an allocation y with deficits d_i = u_i(y_i) − u_i(A_i). Each step makes the best move (a good from
 * one agent to another, or a swap of two goods between two agents) by the weighted shortfall
 * F(y) = sum_i w_i max(0, −d_i), ties broken by the larger total gain; a good may not return to an agent that gave it
 * away for 3-7 steps (tabu) unless the move reaches an improvement. At a step where no move lowers F, the weight of
 * every agent in deficit grows by 1 (breakout), so that the search leaves the local minimum. Whenever the search sits
 * at the allocation itself, a random good moves to a random other agent. A state with every d_i ≥ 0 and a total gain
 * above `minimumGain` is proposed. A run is `STEPS` steps; runs restart from the allocation with the next seed of a
 * xorshift generator, so the search is deterministic.
 *
 * [DECISION] The tabu tenure and the length of a run, from development runs of 2026-12-06 (third session, Figure 3 at
 * m = 100, ten peak agents; not kept as tests). On 48 hard trials of 470-999 (37 have an improvement, which took
 * HiGHS's whole program 432 s), 10 runs found 30 with a tenure of 3-7 steps (this one), 29 with 2-5 and 4-8, 28 with
 * 3-5, 23 with 7-16, 21 with 1-3 and 2 with 15-29; most in under 0.2 s. 30 runs found 31. With a tenure of 7-16, runs
 * of 2,000 steps with restarts found more per second than runs of 5,000-50,000 steps, and a kick towards the agent who
 * values the good most, lighter weights (0.2) and a share of the total gain in F found as many or fewer; with 3-7,
 * two goods per kick and a decay of the weights found 28. How often it runs, and where: highs.ts, `LOCAL_SEARCH_RUNS`.
 */

/** Steps of one run. */
export const STEPS = 2000;

/** A xorshift32 generator of numbers in [0, 1). */
function xorshift(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Steps a good is tabu for its former owner: `TABU_MIN` plus up to `TABU_SPREAD` − 1 more, at random. */
const TABU_MIN = 3;
const TABU_SPREAD = 5;

/**
 * One run of the search (module header) from `owner` with seed `seed`, on the utilities of n agents row by row in `u`
 * (u[i * m + g]): the owners of a proposed improvement that `verify` accepted, or null.
 */
function run(
  u: Float64Array,
  n: number,
  owner: ArrayLike<number>,
  minimumGain: number,
  seed: number,
  verify: (next: Int32Array) => boolean,
): Int32Array | null {
  const m = owner.length;
  const rand = xorshift(seed);
  const y = Int32Array.from(owner);
  const d = new Float64Array(n);
  const w = new Float64Array(n).fill(1);
  const tabu = new Int32Array(n * m);
  // bundles[i * m + k], k < size[i]; at[g] is g's place in its owner's bundle
  const bundles = new Int32Array(n * m);
  const size = new Int32Array(n);
  const at = new Int32Array(m);
  for (let g = 0; g < m; g++) {
    const i = y[g];
    at[g] = size[i];
    bundles[i * m + size[i]++] = g;
  }
  let gain = 0;
  let moved = 0;
  const transfer = (g: number, j: number, step: number) => {
    const i = y[g];
    d[i] -= u[i * m + g];
    d[j] += u[j * m + g];
    gain += u[j * m + g] - u[i * m + g];
    tabu[i * m + g] = step + TABU_MIN + Math.floor(rand() * TABU_SPREAD);
    if (i === owner[g]) moved++;
    if (j === owner[g]) moved--;
    const last = bundles[i * m + --size[i]];
    bundles[i * m + at[g]] = last;
    at[last] = at[g];
    at[g] = size[j];
    bundles[j * m + size[j]++] = g;
    y[g] = j;
  };
  for (let step = 0; step < STEPS; step++) {
    if (moved === 0) {
      const g = Math.floor(rand() * m);
      let j = Math.floor(rand() * (n - 1));
      if (j >= y[g]) j++;
      transfer(g, j, step);
      continue;
    }
    let F = 0;
    for (let i = 0; i < n; i++) if (d[i] < 0) F -= w[i] * d[i];
    // a move reaches an improvement when it leaves no shortfall and gains enough
    const reaches = (dF: number, dS: number) => F + dF <= 0 && gain + dS > minimumGain;
    let best = Infinity,
      bestGain = -Infinity,
      bg = -1,
      bj = -1,
      bh = -1;
    for (let g = 0; g < m; g++) {
      const i = y[g];
      const ui = u[i * m + g];
      const di = d[i];
      const before = di < 0 ? -w[i] * di : 0;
      const after = di - ui < 0 ? -w[i] * (di - ui) : 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const uj = u[j * m + g];
        const dj = d[j];
        const dF = after - before + (dj + uj < 0 ? -w[j] * (dj + uj) : 0) - (dj < 0 ? -w[j] * dj : 0);
        const dS = uj - ui;
        if (dF > best || (dF === best && dS <= bestGain)) continue;
        if (tabu[j * m + g] > step && !reaches(dF, dS)) continue;
        best = dF;
        bestGain = dS;
        bg = g;
        bj = j;
        bh = -1;
      }
    }
    for (let i = 0; i < n; i++) {
      const di = d[i],
        wi = w[i];
      const pi = di < 0 ? -wi * di : 0;
      for (let j = i + 1; j < n; j++) {
        const dj = d[j],
          wj = w[j];
        const pj = dj < 0 ? -wj * dj : 0;
        for (let a = 0; a < size[i]; a++) {
          const g = bundles[i * m + a];
          const giveI = di - u[i * m + g],
            getJ = dj + u[j * m + g];
          const gTabu = tabu[j * m + g] > step;
          for (let b = 0; b < size[j]; b++) {
            const h = bundles[j * m + b];
            const x = giveI + u[i * m + h],
              z = getJ - u[j * m + h];
            const dF = (x < 0 ? -wi * x : 0) - pi + (z < 0 ? -wj * z : 0) - pj;
            const dS = x - di + z - dj;
            if (dF > best || (dF === best && dS <= bestGain)) continue;
            if ((gTabu || tabu[i * m + h] > step) && !reaches(dF, dS)) continue;
            best = dF;
            bestGain = dS;
            bg = g;
            bj = j;
            bh = h;
          }
        }
      }
    }
    if (bg < 0) continue;
    if (best >= 0 && !reaches(best, bestGain)) for (let i = 0; i < n; i++) if (d[i] < 0) w[i] += 1;
    const from = y[bg];
    transfer(bg, bj, step);
    if (bh >= 0) transfer(bh, from, step);
    if (moved > 0 && gain > minimumGain && d.every((x) => x >= 0)) {
      const next = Int32Array.from(y);
      if (verify(next)) return next;
    }
  }
  return null;
}

/**
 * Up to `runs` runs of the tabu search (module header) for an allocation that keeps every agent at her value under
 * `owner` and gains more than `minimumGain` in total, stopping at `deadline` (performance.now() milliseconds) between
 * runs: the owners of the first one `verify` accepts, or null (which proves nothing).
 */
export function searchImprovement(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  minimumGain: number,
  runs: number,
  deadline: number,
  verify: (next: Int32Array) => boolean,
): Int32Array | null {
  const n = U.length,
    m = owner.length;
  if (n < 2 || m === 0) return null;
  const u = new Float64Array(n * m);
  for (let i = 0; i < n; i++) u.set(U[i].subarray(0, m), i * m);
  for (let k = 0; k < runs && performance.now() < deadline; k++) {
    const found = run(u, n, owner, minimumGain, k + 1, verify);
    if (found) return found;
  }
  return null;
}
