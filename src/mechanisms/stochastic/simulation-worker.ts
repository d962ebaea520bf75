/**
 * The worker-thread entry of `simulateMechanism` with `workers` > 0 (./simulation): one method, `runShard`, which runs
 * a shard of trials (./shard) and returns its per-trial statistics. Thin host: the work is in shard.ts.
 */
import workerpool from 'workerpool';
import { runShard, type ShardTask } from './shard';

workerpool.worker({
  runShard(task: ShardTask) {
    const r = runShard(task);
    return new workerpool.Transfer(r, [r.sw.buffer, r.opt.buffer, r.ef.buffer, r.sizes.buffer]);
  },
});
