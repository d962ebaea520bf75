/** Every permutation of 0..n-1, in lexicographic order (n! of them). */
export function permutations(n: number): number[][] {
  const out: number[][] = [];
  const perm: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const rec = () => {
    if (perm.length === n) {
      out.push([...perm]);
      return;
    }
    for (let a = 0; a < n; a++)
      if (!used[a]) {
        used[a] = true;
        perm.push(a);
        rec();
        perm.pop();
        used[a] = false;
      }
  };
  rec();
  return out;
}
