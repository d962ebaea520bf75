/**
 * Utilitarian welfare maximisation: each good to an agent valuing it most (ties to the smaller index).
 * Guarantee: fPO (the Negishi weights all equal 1 certify it), hence PO.
 */
import { Allocation } from '../../core/allocation';
import type { Instance } from '../../core/instance';

export function maxWelfare(inst: Instance): Allocation {
  const owner = inst.goods.map((_, g) =>
    inst.values.reduce((best, row, i) => (row[g].gt(inst.values[best][g]) ? i : best), 0),
  );
  return Allocation.fromOwners(owner, inst.n);
}
