/** The `comparison` payload of a Comparison (src/compare.ts): plain JSON, exact numbers as strings. */
import {
  COMPARE_LABELS,
  COMPARE_PROPERTIES,
  type CompareProperty,
  type Comparison,
  type ComparisonCell,
} from '../compare';
import type { DisplayOptions } from './build';
import { payloadHeader, type ComparisonCellPayload, type ComparisonColumn, type ComparisonPayload } from './payload';

const COLUMN_TYPES: Readonly<Record<CompareProperty, ComparisonColumn['type']>> = {
  ef: 'property',
  ef1: 'property',
  efx: 'property',
  prop: 'property',
  prop1: 'property',
  'mms-fraction': 'fraction',
  'tps-fraction': 'fraction',
  po: 'property',
  fpo: 'property',
  'ex-ante-prop': 'property',
  'ex-ante-ef': 'property',
  support: 'count',
  time: 'time',
};

function cellPayload(c: ComparisonCell): ComparisonCellPayload {
  return {
    status: c.status,
    ...(c.value ? { value: c.value.toString(), approx: c.value.toNumber() } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
  };
}

export function comparisonPayload(c: Comparison, opts: DisplayOptions = {}): ComparisonPayload {
  return {
    ...payloadHeader('comparison', opts.title),
    agents: [...c.instance.agents],
    goods: [...c.instance.goods],
    columns: COMPARE_PROPERTIES.map((id) => ({ id, label: COMPARE_LABELS[id], type: COLUMN_TYPES[id] })),
    rows: c.ran.map((r) => ({
      mechanism: r.id,
      name: r.name,
      source: r.source,
      outcomeKind: r.outcome?.kind ?? '',
      cells: COMPARE_PROPERTIES.map((p) => cellPayload(r.cells[p])),
    })),
    skipped: c.rows
      .filter((r) => r.status !== 'ran')
      .map((r) => ({ mechanism: r.id, name: r.name, status: r.status, reason: r.reason ?? '' })),
  };
}
