/**
 * Round robin on sampled doubles (Manurangsi & Suksompong 2021; seed-004 spec 3.6): agents 0, 1, ..., n-1 take turns,
 * each taking her most valued remaining item. [DECISION] Equal values go to the lower item index (the authors' NumPy
 * `argsort` leaves ties unspecified; they have probability 0 under the model, spec pitfall 13).
 */

/** owner[g] under round robin with agent order 0..n-1 (first row picks first). */
export function roundRobinOwners(
  U: readonly Float64Array[],
  owner: Int32Array = new Int32Array(U[0].length),
): Int32Array {
  const n = U.length,
    m = U[0].length;
  const prefs = U.map((row) => {
    const idx = new Uint32Array(m);
    for (let g = 0; g < m; g++) idx[g] = g;
    return idx.sort((a, b) => row[b] - row[a] || a - b);
  });
  owner.fill(-1);
  const cursor = new Int32Array(n);
  for (let t = 0; t < m; t++) {
    const i = t % n;
    const p = prefs[i];
    let c = cursor[i];
    while (owner[p[c]] !== -1) c++;
    owner[p[c]] = i;
    cursor[i] = c + 1;
  }
  return owner;
}
