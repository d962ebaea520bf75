"""NumPy baseline of `npm run bench -- simulate` (bench/simulate.ts): the same Monte Carlo trial, vectorized.

Per trial: an n x m matrix of Uniform[0, 1) values, each agent's items ordered by value (argsort), the mechanism
(pick-r with equal quotas in agent order 0..n-1, or Ranking: each item to the agent ranking it best), then welfare,
OPT and weak envy-freeness, as fairdiv computes them. Prints JSON with the CPU seconds per mechanism.

Usage: python3 bench/simulate-numpy.py N M TRIALS
"""
import json
import sys
import time

import numpy as np


def trial(rng, n, m, mechanism, quotas):
    v = rng.random((n, m))
    order = np.argsort(-v, axis=1, kind="stable")
    if mechanism == "pick-r":
        owner = np.full(m, -1, dtype=np.int64)
        for i in range(n):
            o = order[i]
            free = o[owner[o] < 0]
            owner[free[: quotas[i]]] = i
    else:
        rank = np.empty_like(order)
        rank[np.arange(n)[:, None], order] = np.arange(m)[None, :]
        owner = np.argmin(rank, axis=0)
    sw = v[owner, np.arange(m)].sum()
    opt = np.maximum(v.max(axis=0), 0).sum()
    bundles = np.stack([np.bincount(owner, weights=v[i], minlength=n) for i in range(n)])
    tol = 1e-12 * np.maximum(1, bundles.sum(axis=1))
    ef = bool(np.all(bundles <= (np.diag(bundles) + tol)[:, None]))
    return sw, opt, ef


def main():
    n, m, trials = (int(x) for x in sys.argv[1:4])
    results = {}
    for mechanism in ("pick-r", "ranking"):
        rng = np.random.default_rng(1)
        quotas = [m // n] * n
        quotas[-1] += m - sum(quotas)
        t0 = time.process_time()
        for _ in range(trials):
            trial(rng, n, m, mechanism, quotas)
        results[mechanism] = time.process_time() - t0
    print(json.dumps({"numpy": np.__version__, "trials": trials, "cpuSeconds": results}))


main()
