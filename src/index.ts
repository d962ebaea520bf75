/**
 * fairdiv: exact fair-division mechanisms, lotteries and certificates.
 *
 * Entry points (architecture section 6): `instance`, `solve`, `certify`, `mms`, `tps`, `prop`, `list`,
 * `display`, and the types `Rational`, `Instance`, `Allocation`, `FractionalAllocation`, `Lottery`, `Outcome`.
 */
import './mechanisms';
import { instance as toInstance, type InstanceInput } from './core/instance';
import type { Outcome } from './core/outcome';
import { mechanism } from './mechanisms/registry';
import { InvalidInputError } from './core/errors';
import { timeLimitMs, withTimeBudget } from './core/time-budget';

export { Rational, q, type RationalLike } from './core/rational';
export {
  Instance,
  strictOrder,
  type AgentId,
  type GoodId,
  type Bundle,
  type InstanceJSON,
  type InstanceInput,
} from './core/instance';
export { instance, instanceFromText } from './core/instance-readers';
export { instanceFromCSV, parseCSV, type CsvOptions, type CsvField } from './core/csv';
export {
  instanceFromPrefLib,
  parsePrefLib,
  type PrefLibOptions,
  type PrefLibProfile,
  type PrefLibType,
} from './core/preflib';
export { ParseError } from './core/parse-error';
export { Allocation, FractionalAllocation, Lottery, type LotteryEntry } from './core/allocation';
export {
  MixedAllocation,
  MixedLottery,
  MixedMarginals,
  type MixedAllocationJSON,
  type MixedGoods,
  type MixedLotteryEntry,
} from './core/mixed-allocation';
export type { BivaluedDomain, BivaluedInput, BivaluedPair } from './core/instance';
export { Outcome, type Claim, type TraceStep, type OutcomeKind } from './core/outcome';
export { FairDivError, InvalidInputError, DomainError, LimitError } from './core/errors';
export { parseJsonInput, MAX_JSON_DEPTH } from './core/json-input';
export { instanceFromJson, outcomeFromJson, LIMITS as INPUT_LIMITS } from './core/json-boundary';
export { DEFAULT_TIME_LIMIT_MS, MAX_TIME_LIMIT_MS } from './core/time-budget';
export { rng, type Rng } from './core/rng';
export {
  prop,
  tps,
  mms,
  mmsShare,
  mmsPartition,
  mmsEfxPartition,
  realloc,
  approxMmsPartition,
  type MmsResult,
  type MmsOptions,
} from './shares';
export {
  compare,
  Comparison,
  COMPARE_PROPERTIES,
  type CompareOptions,
  type CompareProperty,
  type ComparisonRow,
  type ComparisonCell,
  type ComparisonStatus,
} from './compare';
export {
  certify,
  certifyAsync,
  CertificateReport,
  type CertifyOptions,
  type CertifyAsyncOptions,
  type ClaimChoice,
  type ClaimResult,
  type ClaimStatus,
  type Verdict,
} from './certify';
export {
  allClaimIds,
  isClaimId,
  type ClaimId,
  type AllocationClaimId,
  type OutcomeClaimId,
  type ExPostClaimId,
} from './core/claims';
export {
  list,
  mechanism,
  defineMechanism,
  type MechanismInfo,
  type MechanismDefinition,
  type MechanismExample,
  type Citation,
} from './mechanisms/registry';
export {
  checkEF,
  checkEF1,
  checkEFX,
  checkEFX0,
  checkEEFX,
  efxDominates,
  valueMatrix,
  checkPROP,
  checkPROP1,
  checkRhoMMS,
  checkRhoTPS,
  checkIMMX,
  checkExAnteEF,
  checkExAntePROP,
  checkImplements,
  checkSupportSize,
  expectedValueMatrix,
  lotteryExpectedValue,
  lotteryExpectedValues,
  checkFPO,
  checkPO,
  auditTruthfulness,
  cardinalGrid,
  valueOf,
  checkAlphaPO,
  checkEFM,
  checkEFXM,
  checkMixedEF,
  checkMixedEFX,
  checkMixedPROP,
  checkExchangeCycleFPO,
  checkMarketEquilibrium,
  verifyAsAgent,
  checkMXS,
  checkRMMS,
  checkRoleTriple,
  checkDividerPairs,
  readDividerPairs,
  type AuditOptions,
  type MisreportSpace,
  type CheckResult,
  type AlphaPOOptions,
  type AlphaPOMethod,
  type AgentVerification,
  type VerifyAsAgentOptions,
  type RoleTheorem,
} from './checks';
export * as generators from './generators';
export { decompose, pickingSequence, probabilisticSerial } from './mechanisms/classic';
export { toMimeBundle, mmsHistogram, displayKind, MmsHistogram, type MimeBundle, type DisplayOptions } from './display';
export { display, show } from './display/show';
export { progress, type ProgressReporter, type ProgressCount } from './display/progress';
export * as stochastic from './stochastic';
export { simulateMechanism, simulateMechanismSync, type StochasticSimulationRequest } from './mechanisms/stochastic';
export * as tieMms from './mechanisms/tie-mms';
export * as bobwFewAgents from './mechanisms/bobw-few-agents';
export * as bobwMixed from './mechanisms/bobw-mixed';
export * as multipliers from './mechanisms/multipliers';
export * as experiments from './experiments';
export { mxs } from './shares/mxs';
export { rmms } from './shares/rmms';

/**
 * Runs the registered mechanism `id` on an instance (matrix, object of objects or instance JSON) and
 * returns its Outcome with claims; `certify(outcome)` checks them. The run has one time budget
 * (`limits.timeLimitMs`, default 60 s): a search inside it that runs out throws a `LimitError`.
 */
export function solve(
  id: string,
  inst: InstanceInput,
  options?: Record<string, unknown>,
  limits: { readonly timeLimitMs?: number } = {},
): Outcome {
  if (limits === null || typeof limits !== 'object')
    throw new InvalidInputError(
      'bad-argument',
      `solve: limits must be an object { timeLimitMs? }, got ${String(limits)}`,
    );
  const limitMs = timeLimitMs(limits.timeLimitMs, 'solve limits.timeLimitMs');
  return withTimeBudget(limitMs, () => mechanism(id).run(toInstance(inst), options), `solve ${id}`);
}
