/**
 * Reference numbers of Bai & Gölz's paper and code (seed-004 spec 3.3, 3.4, 5.1–5.4), used by the tests, the
 * experiment protocols and the notebook: the authors' multipliers (their refinement schedule, delta = 1e-5), the
 * high-precision equalizers (unique by Appendix D.4), the exact rationals of their Mathematica check, and p(1, ..., 1).
 */

/** The authors' multipliers for the ten peak agents (refinement schedule, q = 1.9, delta = 1e-5; spec 3.4). */
export const AUTHORS_PEAK_MULTIPLIERS: readonly number[] = [
  1.2726175697325768, 1.2509468869501263, 1.2280259678835055, 1.2035666405375438, 1.1771171046501063,
  1.1480599113933088, 1.1157162129209264, 1.0797915094362665, 1.0408065736421024, 1.0,
];

/** The authors' multipliers for the five Beta agents (q = 5, delta = 1e-5; spec 3.4). */
export const AUTHORS_BETA_MULTIPLIERS: readonly number[] = [
  1.1990644744222754, 1.0, 2.4986438213281543, 1.4507196221065506, 2.443122773874758,
];

/** The exact equalizer of the peak agents, normalised to beta_10 = 1, to twelve decimals (spec 5.1). */
export const PEAK_EQUALIZER: readonly number[] = [
  1.272645291548, 1.250954048982, 1.228034482606, 1.203574049391, 1.17712492988, 1.148066325503, 1.115723454884,
  1.079798020882, 1.040811791024, 1,
];

/** The exact equalizer of the Beta agents, normalised to beta_2 = 1, to ten decimals (spec 5.3). */
export const BETA_EQUALIZER: readonly number[] = [1.1990739701, 1, 2.4987026893, 1.4507295449, 2.4431413504];

/** The rationals of the authors' Mathematica check of the peak multipliers (spec 5.1); max |p_i - 0.1| = 7.223699877911867e-6. */
export const MATHEMATICA_PEAK_MULTIPLIERS: readonly string[] = [
  '68598405/53903393',
  '95502438/76344119',
  '156153509/127158149',
  '51296476/42620387',
  '75773015/64371688',
  '78196411/68111786',
  '84795761/76001191',
  '69406857/64278017',
  '280983549/269967116',
  '1',
];

/** p(1, ..., 1) of the peak agents (welfare maximization; spec 5.1), eight decimals. */
export const PEAK_WELFARE_PROBABILITIES: readonly number[] = [
  0.04668977, 0.05035434, 0.05498351, 0.06101794, 0.06921551, 0.08097119, 0.09891076, 0.1275333, 0.17266364, 0.23766005,
];

/** p(1, ..., 1) of the Beta agents (spec 5.3), eight decimals. */
export const BETA_WELFARE_PROBABILITIES: readonly number[] = [0.23435181, 0.6805713, 0.0080626, 0.07264053, 0.00437376];

/** The two-agent multiplier of Appendix B: beta_A / beta_B = 2√6 - 3, the root of r^2 + 6r - 15 (spec 5.4). */
export const APPENDIX_B_RATIO = 2 * Math.sqrt(6) - 3;
