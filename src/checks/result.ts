/**
 * What every checker returns: whether the property holds, the exact numbers it compared, and a witness
 * (the envied bundle and removed good, the MMS partition, the dominating allocation, the misreport, ...).
 * `unchecked` is set when an exact answer was out of reach (a search hit its limit); `holds` is then false
 * and `detail.reason` says why.
 */
export interface CheckResult {
  readonly holds: boolean;
  readonly unchecked?: boolean;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly witness?: unknown;
}
