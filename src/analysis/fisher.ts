/**
 * Fisher's exact test for a 2x2 table, as R's fisher.test and scipy.stats.fisher_exact define it.
 * Conditional on the margins, the top-left cell is hypergeometric; its pmf is computed in log
 * space (log binomial coefficients) so large tables neither overflow nor underflow.
 *
 *            | column 1 | column 2
 *   row 1    |    a     |    b
 *   row 2    |    c     |    d
 */
import type BinomCoefLn from '@stdlib/math-base-special-binomcoefln';
import { lazyRequire } from './lazy.js';

const binomcoefln = lazyRequire<typeof BinomCoefLn>('@stdlib/math-base-special-binomcoefln');

export type Alternative = 'two-sided' | 'less' | 'greater';

/**
 * R's relative tolerance (fisher.test: relErr <- 1 + 10^(-7)): tables whose probability equals the
 * observed one up to float noise count as "as extreme", so symmetric tables are not split by rounding.
 */
const REL_ERR = 1 + 1e-7;

export interface FisherResult {
  p: number;
  alternative: Alternative;
  /** The sample odds ratio ad/bc (Infinity or NaN when a cell is zero); R reports the conditional MLE instead. */
  sampleOddsRatio: number;
}

function checkCell(x: number, name: string): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`fisherExact: ${name} must be a whole number >= 0; got ${x}`);
}

export function fisherExact(
  a: number,
  b: number,
  c: number,
  d: number,
  alternative: Alternative = 'two-sided',
): FisherResult {
  for (const [x, name] of [
    [a, 'a'],
    [b, 'b'],
    [c, 'c'],
    [d, 'd'],
  ] as const)
    checkCell(x, name);
  // R's names: m = column 1 total, n = column 2 total, k = row 1 total; a ranges over [lo, hi].
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logPmf: number[] = [];
  const lnC = binomcoefln();
  for (let x = lo; x <= hi; x++) logPmf.push(lnC(m, x) + lnC(n, k - x) - lnC(m + n, k));
  // Scaled by the largest term before exponentiating, then normalised, as R's dnhyper does.
  const top = Math.max(...logPmf);
  const w = logPmf.map((l) => Math.exp(l - top));
  const total = w.reduce((s, v) => s + v, 0);
  const at = a - lo;
  let p: number;
  if (alternative === 'less') p = sum(w.slice(0, at + 1)) / total;
  else if (alternative === 'greater') p = sum(w.slice(at)) / total;
  else p = sum(w.filter((v) => v <= w[at]! * REL_ERR)) / total;
  return { p: Math.min(1, p), alternative, sampleOddsRatio: (a * d) / (b * c) };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0);
}
