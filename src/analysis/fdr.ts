/**
 * Benjamini-Hochberg (1995) adjusted p-values ("q-values" in the step-up sense):
 * q_(i) = min over j >= i of p_(j) * m / j, capped at 1, returned in input order.
 * Rejecting every q <= alpha is the BH procedure at false discovery rate alpha.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues)
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value out of [0, 1]: ${p}`);
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    q[i] = running;
  }
  return q;
}
