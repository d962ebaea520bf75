/**
 * The MMS shares of an instance's agents computed in parallel on worker threads (workerpool) under one deadline
 * (issue 17, item 3), into the share cache (./share-cache.ts) that the claim checkers read: a certificate that needs
 * every agent's MMS (rho-MMS, IMMX, ...) then finds them there. Agents with the same valuation share one search;
 * shares already solved, trivial ones (one bundle, fewer goods than bundles) and the ones a short search in this
 * thread solves are not sent.
 *
 * [DECISION] One deadline for all: every search stops at it with its proven bounds (status 'timeout'), a search still
 * queued then starts with no time and reports the greedy bounds, and the pool is terminated a second after it, so the
 * whole computation ends at the limit and every unfinished share is bounded, never missing or guessed.
 *
 * The worker script (./mms-worker) is found beside this module: the TypeScript source through
 * scripts/register.cjs in a development checkout, mms-worker.js in the built package, and the bundled
 * dist/mms-worker.js beside dist/fairdiv.js in the VS Code extension (scripts/build-extension.mjs).
 */
import { requireInstance, requireList } from '../core/arguments';
import { InvalidInputError } from '../core/errors';
import type { AgentId, Instance } from '../core/instance';
import { defaultWorkers, requireWorkers, threadPool, workerScript } from '../core/thread-pool';
import { Rational } from '../core/rational';
import { mms, type MmsResult } from './mms';
import { cachedMmsShare, storeMmsShare } from './share-cache';

/** The short search each share gets in this thread before the pool is considered, and all of them together (ms). */
const QUICK_SHARE_MS = 10;
const QUICK_TOTAL_MS = 100;

/** How long past the deadline the pool waits for a search to return its bounds before terminating it (ms). */
const STOP_GRACE_MS = 1000;

/** An MMS result as it crosses the thread boundary (Rationals as exact strings). */
export interface MmsWire {
  readonly value: string;
  readonly lower: string;
  readonly upper: string;
  readonly partition: number[][];
  readonly bundleValues: string[];
  readonly status: 'optimal' | 'timeout';
  readonly stats: MmsResult['stats'];
}

export function toWire(r: MmsResult): MmsWire {
  return {
    value: r.value.toString(),
    lower: r.lower.toString(),
    upper: r.upper.toString(),
    partition: r.partition,
    bundleValues: r.bundleValues.map(String),
    status: r.status,
    stats: r.stats,
  };
}

function fromWire(w: MmsWire): MmsResult {
  return {
    value: Rational.from(w.value),
    lower: Rational.from(w.lower),
    upper: Rational.from(w.upper),
    partition: w.partition,
    bundleValues: w.bundleValues.map((x) => Rational.from(x)),
    status: w.status,
    stats: w.stats,
  };
}

export interface MmsSharesOptions {
  /** Worker threads (default: the machine's cores, at most 8; at most MAX_WORKERS of src/core/thread-pool.ts); 0 computes nothing here. */
  readonly workers?: number;
  /** The deadline, in ms since the epoch, at which every search stops with its bounds. */
  readonly deadline: number;
  /**
   * Until when (ms since the epoch; default `deadline`) the checkers read a bounded share as it is instead of
   * searching it again: the end of the caller's budget, whose rest after `deadline` is theirs.
   */
  readonly keepUntil?: number;
  /** The agents whose shares to compute (default every agent; `agentsNeedingMms` of src/checks/mms-claims.ts). */
  readonly agents?: readonly AgentId[];
}

export interface MmsSharesReport {
  /**
   * Distinct valuations searched on the pool (0 when fewer than two were left open by a short search here, or
   * workers is 0).
   */
  readonly searched: number;
  /** Of those, the ones solved to optimality before the deadline. */
  readonly optimal: number;
  /** Worker threads started. */
  readonly workers: number;
  readonly ms: number;
}

/** `agents` checked against the instance (every agent when omitted). */
function agentList(inst: Instance, agents: readonly AgentId[] | undefined): readonly AgentId[] {
  if (agents === undefined) return inst.agents.map((_, i) => i);
  requireList(agents, 'computeMmsShares', 'options.agents');
  agents.forEach((i, k) => {
    if (!Number.isInteger(i) || i < 0 || i >= inst.n)
      throw new InvalidInputError(
        'bad-option',
        `computeMmsShares options.agents[${k}]: ${String(i)} is not an agent index`,
      );
  });
  return agents;
}

/**
 * Computes the MMS of every agent (or of `agents`) for n = inst.n bundles on a pool of worker threads, all stopping at `deadline`, and
 * caches them for the checkers (module header). Does nothing when fewer than two distinct valuations need a search
 * (the checkers' own inline search is then as fast) or when `workers` is 0.
 */
export async function computeMmsShares(inst: Instance, opts: MmsSharesOptions): Promise<MmsSharesReport> {
  requireInstance(inst, 'computeMmsShares');
  const workers = requireWorkers(opts.workers ?? defaultWorkers(), 'computeMmsShares');
  const t0 = Date.now();
  const n = inst.n;
  const unsolved = new Map<string, readonly Rational[]>();
  if (n >= 2 && inst.m >= n)
    for (const i of agentList(inst, opts.agents)) {
      const values = inst.values[i];
      const cached = cachedMmsShare(values, n);
      if (!cached || cached.status !== 'optimal') unsolved.set(values.join(','), values);
    }
  if (workers === 0 || unsolved.size < 2 || Date.now() >= opts.deadline) return none(t0);
  // [DECISION] A worker thread costs 0.1 s (built) to 1 s (TypeScript sources) to start, far more than most shares
  // of small instances take: each share first gets a short search here, and only the ones it leaves open go to the
  // pool (and only when at least two do).
  const quickEnd = Math.min(opts.deadline, t0 + QUICK_TOTAL_MS);
  for (const [key, values] of unsolved) {
    const left = quickEnd - Date.now();
    if (left <= 0) break;
    const r = mms(values, n, { timeLimitMs: Math.min(QUICK_SHARE_MS, left) });
    if (r.status !== 'optimal') continue;
    storeMmsShare(values, n, r);
    unsolved.delete(key);
  }
  if (unsolved.size < 2 || Date.now() >= opts.deadline) return none(t0);
  const size = Math.min(workers, unsolved.size);
  const pool = threadPool(workerScript(__filename, 'mms-worker', 'mms-worker'), size);
  const keepUntil = opts.keepUntil ?? opts.deadline;
  let optimal = 0;
  const stop = setTimeout(() => void pool.terminate(true), Math.max(0, opts.deadline - Date.now()) + STOP_GRACE_MS);
  try {
    await Promise.all(
      [...unsolved.values()].map((values) =>
        pool.exec('mmsShare', [values.map(String), n, opts.deadline]).then(
          (w: MmsWire) => {
            if (storeMmsShare(values, n, fromWire(w), keepUntil).status === 'optimal') optimal++;
          },
          // terminated past the deadline: the checker's own search (on what is left of the budget) bounds it
          () => undefined,
        ),
      ),
    );
  } finally {
    clearTimeout(stop);
    await pool.terminate(true);
  }
  return { searched: unsolved.size, optimal, workers: size, ms: Date.now() - t0 };
}

function none(t0: number): MmsSharesReport {
  return { searched: 0, optimal: 0, workers: 0, ms: Date.now() - t0 };
}
