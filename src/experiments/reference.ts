/**
 * The authors' reference counts (github.com/pgoelz/asymmetric, main_experiments/fig3.csv, fig5.csv, fig6.csv and
 * reference.txt; 1000 trials per m), keyed by our column ids. Seed-004 spec 5.9 says which of them a port with the
 * NumPy MT19937 stream reproduces exactly: multiplier EF and round-robin EF of Figures 3 and 5 (round robin at
 * m ≤ 100 and at the offset m ≤ 203 verified by the spec's authors), round-robin PO at m = 20, and the symmetric peak
 * control. The Beta experiments replay too, through NumPy's legacy `beta` (src/stochastic/numpy-random-state.ts):
 * multiplier and round-robin EF and EF1 of Figure 6 and the symmetric Beta control are exact columns. The rounded-MNW
 * counts come from MOSEK, the integral-MNW counts from BARON and the PO counts from Gurobi: they are compared through
 * intervals. bench/results/multipliers.md records our full-size counts against these.
 */
import type { ColumnId } from './protocols';

export type ReferenceCounts = Readonly<Record<number, Readonly<Partial<Record<ColumnId, number>>>>>;

export const FIG3_REFERENCE: ReferenceCounts = {
  10: { 'ef-multiplier': 0, 'ef-round-robin': 1, 'ef-rounded-mnw': 1, 'po-round-robin': 1000 },
  20: { 'ef-multiplier': 0, 'ef-round-robin': 76, 'ef-rounded-mnw': 198, 'po-round-robin': 994 },
  50: { 'ef-multiplier': 2, 'ef-round-robin': 925, 'ef-rounded-mnw': 866, 'po-round-robin': 548 },
  100: { 'ef-multiplier': 16, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000, 'po-round-robin': 103 },
  200: { 'ef-multiplier': 166, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000, 'po-round-robin': 0 },
  500: { 'ef-multiplier': 668, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000, 'po-round-robin': 0 },
  1000: { 'ef-multiplier': 946, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000 },
  2000: { 'ef-multiplier': 999, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000 },
  5000: { 'ef-multiplier': 1000, 'ef-round-robin': 1000 },
  10000: { 'ef-multiplier': 1000, 'ef-round-robin': 1000 },
};

export const FIG5_REFERENCE: ReferenceCounts = {
  13: { 'ef-multiplier': 0, 'ef-round-robin': 0, 'ef-rounded-mnw': 0, 'po-round-robin': 995 },
  23: { 'ef-multiplier': 0, 'ef-round-robin': 0, 'ef-rounded-mnw': 7, 'po-round-robin': 902 },
  53: { 'ef-multiplier': 0, 'ef-round-robin': 772, 'ef-rounded-mnw': 881, 'po-round-robin': 447 },
  103: { 'ef-multiplier': 18, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000, 'po-round-robin': 49 },
  203: { 'ef-multiplier': 165, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000, 'po-round-robin': 0 },
  503: { 'ef-multiplier': 686, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000 },
  1003: { 'ef-multiplier': 952, 'ef-round-robin': 1000, 'ef-rounded-mnw': 1000 },
};

export const FIG6_REFERENCE: ReferenceCounts = {
  5: {
    'ef-multiplier': 5,
    'ef-round-robin': 37,
    'ef-rounded-mnw': 37,
    'ef-integral-mnw': 37,
    'ef1-multiplier': 29,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 970,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 1000,
  },
  10: {
    'ef-multiplier': 8,
    'ef-round-robin': 287,
    'ef-rounded-mnw': 260,
    'ef-integral-mnw': 313,
    'ef1-multiplier': 157,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 970,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 893,
  },
  20: {
    'ef-multiplier': 44,
    'ef-round-robin': 910,
    'ef-rounded-mnw': 823,
    'ef-integral-mnw': 910,
    'ef1-multiplier': 198,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 999,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 557,
  },
  50: {
    'ef-multiplier': 146,
    'ef-round-robin': 1000,
    'ef-rounded-mnw': 1000,
    'ef-integral-mnw': 1000,
    'ef1-multiplier': 274,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 1000,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 26,
  },
  100: {
    'ef-multiplier': 272,
    'ef-round-robin': 1000,
    'ef-rounded-mnw': 1000,
    'ef-integral-mnw': 1000,
    'ef1-multiplier': 362,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 1000,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 0,
  },
  200: {
    'ef-multiplier': 374,
    'ef-round-robin': 1000,
    'ef-rounded-mnw': 1000,
    'ef-integral-mnw': 1000,
    'ef1-multiplier': 430,
    'ef1-round-robin': 1000,
    'ef1-rounded-mnw': 1000,
    'ef1-integral-mnw': 1000,
    'po-round-robin': 0,
  },
};

/** The symmetric controls: 872 of 1000 (peaks a = 5/11, m = 500) and 658 of 1000 (Beta(5, 1), m = 1000). */
export const SYMMETRIC_PEAKS_REFERENCE: ReferenceCounts = { 500: { 'ef-welfare-max': 872 } };
export const SYMMETRIC_BETA_REFERENCE: ReferenceCounts = { 1000: { 'ef-welfare-max': 658 } };
