/**
 * The stochastic layer of fairdiv (paper 001, Halpern–Psomas–Zhang, "Truthful Fair Division under
 * Stochastic Valuations"; seed-001 spec): distributions in quantile space, quadrature, the paper's
 * constants, Pick-r analytics, BIC analysis of Ranking, Bai–Gölz weights, correlated values and the Monte
 * Carlo harness. Floats throughout; claims are statistical (confidence intervals) or analytic.
 */
export { integrate, bisect, type QuadResult, type QuadOptions } from './quadrature';
export { QuantileDistribution, describe, type Distribution, type DistributionKind } from './distribution';
export {
  PiecewiseQuantile,
  uniform,
  histogram,
  discrete,
  empirical,
  hardDistribution,
  bernoulliNoise,
  withLongShot,
  type QuantilePiece,
} from './piecewise';
export { Exponential, Beta, QuantileFunctionDistribution, fromQuantile, LongShotLimit } from './continuous';
export { C2, R0, Q_STAR, hillKertz, kertzGamma, kertzBeta, prophetRatioTable, type HillKertz } from './constants';
export { exactShares, pickCounts, rToS, sToR, floatShares } from './shares';
export {
  welfareRatio,
  qtpRatio,
  efMargins,
  worstCaseGuarantee,
  halfValueShare,
  halfValueQuantile,
  efSelectorShare,
  dpThresholds,
  nearEqualShares,
  chooseNearEqualEps,
  type EfMargins,
  type EfSelectorChoice,
  type EfSelectorVariant,
  type DpThresholds,
} from './analytics';
export { wilson, jeffreys, ratioOfMeans, type Interval } from './intervals';
export {
  simulate,
  simulateSync,
  iidSampler,
  evaluateAllocation,
  type SimulationResult,
  type SimulationPoint,
  type SimulationOptions,
  type SimulationProgress,
  type Allocator,
  type ValueSampler,
} from './simulate';
export { parseDistribution, parseSamples, toDistribution } from './parse';
export { baiGolzWeights, winProbabilities, type BaiGolzWeights } from './bai-golz';
export {
  rankingWinProbabilities,
  rankingWinProbabilitiesExact,
  weightedRankingWinProbabilities,
  isNonIncreasing,
} from './bic';
export {
  gaussianCopula,
  correlatedPickChoice,
  correlatedShares,
  type JointDistribution,
  type CorrelatedPickChoice,
} from './correlated';
export { logGamma, incompleteBeta, inverseIncompleteBeta, normalCdf, normalQuantile, harmonic } from './special';
export { hillKertzWorstCase, simulateWorstCase, type WorstCase, type WorstCaseSimulation } from './worst-case';
export {
  theorem31Bounds,
  exchangeBoundPerItem,
  pickingComponentWelfare,
  oneForOneExchange,
  simulateExchange,
  simulatePickingExchange,
  type Theorem31Bounds,
  type HardnessInput,
  type PickingComponentWelfare,
  type OneForOneExchange,
  type Component,
  type MonteCarloOptions,
  type Estimate,
  type ExchangeEstimate,
  type MechanismEstimate,
} from './hardness';
