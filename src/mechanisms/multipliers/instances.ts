/**
 * The worked instances of Bai & Gölz (IJCAI 2022) as data, shared by the registry examples, the tests and the
 * notebook (seed-004 spec 5.4, 5.10).
 */
import type { InstanceJSON } from '../../core/instance';

export interface WorkedInstance {
  readonly id: string;
  readonly source: string;
  readonly instance: InstanceJSON;
}

/**
 * Appendix B's three items, perturbed so that every rule is unambiguous (spec 5.4): two "median" items
 * (u_A, u_B) = (0.26, 0.74) and a "top" item (0.98, 0.999). Max-percentile gives A the median items (not PO, not EF);
 * the multiplier allocation with beta_A / beta_B = 2√6 - 3 gives A the top item (EF and fPO).
 */
export const APPENDIX_B_ITEMS: WorkedInstance = {
  id: 'appendix-b-items',
  source: 'Bai & Gölz 2022, Appendix B (perturbed items of spec 5.4)',
  instance: {
    agents: ['A', 'B'],
    goods: ['g1', 'g2', 'g3'],
    values: [
      ['13/50', '13/50', '49/50'],
      ['37/50', '37/50', '999/1000'],
    ],
  },
};

/** PO but not fPO (spec 5.10): u_A = (1, 3), u_B = (1, 2), A = {g1}, B = {g2}. */
export const PO_NOT_FPO: WorkedInstance = {
  id: 'po-not-fpo',
  source: 'seed-004 spec 5.10',
  instance: {
    agents: ['A', 'B'],
    goods: ['g1', 'g2'],
    values: [
      [1, 3],
      [1, 2],
    ],
  },
};

/**
 * A small instance in the spirit of Appendix C: agent 1 with values spread over [0, 1], agents 2 and 3 with values
 * in [1/2, 1]. The normalizing multipliers 1/u_i(M) favour agent 1 (the lower mean).
 */
export const APPENDIX_C_SMALL: WorkedInstance = {
  id: 'appendix-c-small',
  source: 'hand-made, after Bai & Gölz 2022, Appendix C',
  instance: {
    values: [
      ['1/10', '9/10', '1/2', '3/10', '7/10', '1/5'],
      ['3/5', '7/10', '4/5', '1/2', '9/10', '3/5'],
      ['1/2', '4/5', '3/5', '9/10', '7/10', '1'],
    ],
  },
};

export const WORKED_INSTANCES: readonly WorkedInstance[] = [APPENDIX_B_ITEMS, PO_NOT_FPO, APPENDIX_C_SMALL];
