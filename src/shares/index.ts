/** Shares: PROP, TPS and the exact maximin share with its witness partition. */
export { prop } from './prop';
export { tps } from './tps';
export { mms, mmsEfxPartition } from './mms';
export type { MmsResult, MmsOptions } from './mms';
export { mmsShare } from './share-cache';
