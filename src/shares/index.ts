/** Shares: PROP, TPS and the exact maximin share with its witness partition. */
export { prop } from './prop';
export { tps } from './tps';
export { mms, mmsOfIntegers, mmsPartition, mmsEfxPartition, realloc, approxMmsPartition } from './mms';
export type { MmsResult, MmsOptions, MmsIntegerResult, MmsStats } from './mms';
export { mmsShare } from './share-cache';
export { computeMmsShares, type MmsSharesOptions, type MmsSharesReport } from './mms-pool';
