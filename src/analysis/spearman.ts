/**
 * Spearman's rank correlation as scipy.stats.spearmanr computes it: Pearson's r over
 * average ranks (ties share the mean of their positions), and a two-sided p-value from
 * Student's t with n - 2 degrees of freedom.
 */
import type TCdf from '@stdlib/stats-base-dists-t-cdf';
import { lazyRequire } from './lazy.js';

const tcdf = lazyRequire<typeof TCdf>('@stdlib/stats-base-dists-t-cdf');

export interface SpearmanResult {
  /** null when either series is constant: the rank correlation is undefined there. */
  rho: number | null;
  p: number | null;
  n: number;
  /** Why rho is null, for the reply text. */
  undefinedReason?: 'constant' | 'too-few';
}

/** 1-based ranks; tied values get the average of the positions they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  // Rounding can push |r| a hair past 1 for perfectly monotone data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** scipy's t-approximation; |rho| = 1 gives p = 0 as scipy does (t is infinite). */
export function spearmanPValue(rho: number, n: number): number | null {
  const df = n - 2;
  if (df <= 0) return null;
  if (Math.abs(rho) === 1) return 0;
  const t = rho * Math.sqrt(df / ((rho + 1) * (1 - rho)));
  return Math.min(1, 2 * tcdf()(-Math.abs(t), df));
}

export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  if (x.length !== y.length) throw new RangeError(`spearman: series differ in length (${x.length} vs ${y.length})`);
  const n = x.length;
  if (n < 3) return { rho: null, p: null, n, undefinedReason: 'too-few' };
  const rho = pearson(averageRanks(x), averageRanks(y));
  if (rho === null) return { rho: null, p: null, n, undefinedReason: 'constant' };
  return { rho, p: spearmanPValue(rho, n), n };
}
