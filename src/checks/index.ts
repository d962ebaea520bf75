/** Independent property checkers; each returns { holds, detail (exact numbers), witness }. */
export { checkEF, checkEF1, checkEFX, checkEFX0, checkEEFX, efxDominates, valueMatrix } from './envy';
export { checkPROP, checkPROP1, checkRhoMMS, checkRhoTPS, checkIMMX } from './share';
export {
  checkExAnteEF,
  checkExAntePROP,
  checkImplements,
  checkSupportSize,
  expectedValueMatrix,
  lotteryExpectedValue,
  lotteryExpectedValues,
} from './ex-ante';
export { checkFPO, checkPO } from './efficiency';
export { checkEFM, checkEFXM, checkMixedEF, checkMixedEFX, checkMixedPROP, mixedValueMatrix } from './mixed-envy';
export {
  checkExchangeCycleFPO,
  checkMarketEquilibrium,
  marketSummary,
  type ExchangeStep,
  type MarketSummary,
} from './fisher-prices';
export { auditTruthfulness, cardinalGrid, valueOf, type AuditOptions, type MisreportSpace } from './incentives';
export type { CheckResult } from './result';
export { checkAlphaPO, type AlphaPOOptions, type AlphaPOMethod } from './alpha-po';
export { checkMXS, mxsShare } from './mxs';
export { checkRMMS, rmmsShare } from './rmms';
export { checkRoleTriple, eefxCertificate, type RoleTheorem } from './bobw-roles';
export {
  checkEqualTreatment,
  checkExAnteRhoProp,
  checkProbabilityBelowMms,
  checkProbabilityProp,
} from './lottery-bounds';
export { checkDividerPairs, readDividerPairs, type DividerPairData } from './divider-pairs';
export { verifyAsAgent, type AgentVerification, type VerifyAsAgentOptions } from './verify-as-agent';
