/**
 * Exact maximin share (MMS) kernel: the MMS value with a witness partition and anytime bounds, and the
 * partition helpers the mechanisms need (MMS partition, MMS-EFX partition by REALLOC, (1 - eps)-MMS
 * partitions for two and three bundles in polynomial time).
 */
export { mmsOfIntegers } from './solver';
export { mms } from './scaled';
export type { MmsOptions, MmsResult, MmsIntegerResult, MmsStats } from './types';
export { mmsPartition, mmsEfxPartition, realloc } from './partitions';
export { approxMmsPartition } from './fptas';
export { MAX_MMS_BUNDLES } from './limits';
