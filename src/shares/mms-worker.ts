/**
 * The worker-thread entry of the MMS share pool (./mms-pool.ts): one method, `mmsShare`, the exact MMS of one
 * valuation searched until the shared deadline. Thin host: the work is in ./mms.
 */
import workerpool from 'workerpool';
import { MAX_TIME_LIMIT_MS } from '../core/time-budget';
import { mms } from './mms';
import { toWire, type MmsWire } from './mms-pool';

workerpool.worker({
  mmsShare(values: string[], n: number, deadline: number): MmsWire {
    // a search that starts at or past the deadline still gives the greedy bounds (a 1 ms budget)
    const timeLimitMs = Math.min(MAX_TIME_LIMIT_MS, Math.max(1, deadline - Date.now()));
    return toWire(mms(values, n, { timeLimitMs }));
  },
});
